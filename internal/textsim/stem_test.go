package textsim

import "testing"

func TestStem_Dutch(t *testing.T) {
	// Word -> stem pairs from the sample vocabulary of the Snowball Dutch stemmer.
	tests := map[string]string{
		"lichaamsziek":     "lichaamsziek",
		"lichamelijk":      "licham",
		"lichamelijke":     "licham",
		"lichamelijkheden": "licham",
		"lichamen":         "licham",
		"lichere":          "licher",
		"licht":            "licht",
		"lichtbeelden":     "lichtbeeld",
		"lichtbruin":       "lichtbruin",
		"lichtdoorlatende": "lichtdoorlat",
		"lichte":           "licht",
		"lichten":          "licht",
		"lichtende":        "lichtend",
		"lichtere":         "lichter",
		"lichtgevende":     "lichtgev",
		"lichtglans":       "lichtglan",
		"lichthoorntje":    "lichthoorntj",
		"lichtjes":         "lichtjes",
		"lichtkrans":       "lichtkran",
		"lichtpunt":        "lichtpunt",
		"lichtste":         "lichtst",
		"lichtstralen":     "lichtstral",
		"lichtte":          "licht",
		"lichtvlekjes":     "lichtvlekjes",
		"kanaal":           "kanal",
		"kanalen":          "kanal",
		// Domain words: inflections meet at one stem.
		"fabrieken":     "fabriek",
		"fabriek":       "fabriek",
		"waterstof":     "waterstof",
		"gemeenten":     "gemeent",
		"gemeente":      "gemeent",
		"aanbeveling":   "aanbevel",
		"aanbevelingen": "aanbevel",
		"café":          "caf",
	}
	for word, want := range tests {
		if got := Stem(Dutch, word); got != want {
			t.Errorf("Stem(nl, %q) = %q, want %q", word, got, want)
		}
	}
}

func TestStem_English(t *testing.T) {
	tests := map[string]string{
		"recommendations": "recommend",
		"closing":         "close",
		"factories":       "factori",
		"hydrogen":        "hydrogen",
		"emissions":       "emiss",
	}
	for word, want := range tests {
		if got := Stem(English, word); got != want {
			t.Errorf("Stem(en, %q) = %q, want %q", word, got, want)
		}
	}
}
