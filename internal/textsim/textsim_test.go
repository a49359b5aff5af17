package textsim

import (
	"reflect"
	"slices"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"lower case", "Gemeente VELSEN", "gemeente velsen"},
		{"diacritics", "coördinatie café naïef", "coordinatie cafe naief"},
		{"NFKC ligature and width", "ﬁnanciering ＭＷ", "financiering mw"},
		{"apostrophe s", "de auto's van Tata's", "de auto van tata"},
		{"curly apostrophe s", "Rutte’s plan", "rutte plan"},
		{"keeps 's in a word", "'s-Gravenhage", "'s-gravenhage"},
		{"keeps other apostrophes", "rock 'n roll", "rock 'n roll"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNumbers(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"sluiten in 2029 en 2027", []string{"2027", "2029"}},
		{"1.000 woningen of 1,000 homes", []string{"1000"}},
		{"2,5 procent is 2.5 percent", []string{"2.5"}},
		{"100 mw", []string{"100"}},
		{"co2 en h2", nil},
	}
	for _, tt := range tests {
		if got := Numbers(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Numbers(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestGuessLanguage(t *testing.T) {
	if got := GuessLanguage(Tokens("close the blast furnaces of the steel plant by 2030")); got != English {
		t.Errorf("English text guessed as %q", got)
	}
	if got := GuessLanguage(Tokens("sluit de hoogovens van het staalbedrijf voor 2030")); got != Dutch {
		t.Errorf("Dutch text guessed as %q", got)
	}
}

// similarity scores two texts from different documents with default options
// and any similarity above zero reported; no pair means similarity 0.
func similarity(t *testing.T, a, b Item) Pair {
	t.Helper()
	a.ID, a.Document, b.ID, b.Document = "a", "d1", "b", "d2"
	pairs := Suggest([]Item{a, b}, Options{Threshold: 1e-9})
	switch len(pairs) {
	case 0:
		return Pair{A: "a", B: "b"}
	case 1:
		return pairs[0]
	}
	t.Fatalf("two items gave %d pairs: %+v", len(pairs), pairs)
	return Pair{}
}

// mustSimilar is similarity for texts that must make a pair.
func mustSimilar(t *testing.T, a, b Item) Pair {
	t.Helper()
	p := similarity(t, a, b)
	if p.Similarity == 0 {
		t.Fatalf("no pair for %q and %q, want one", a.Text, b.Text)
	}
	return p
}

func TestSuggest(t *testing.T) {
	t.Run("identical texts", func(t *testing.T) {
		text := "Sluit de kolenfabrieken van Tata Steel om de uitstoot van stikstof te verminderen."
		if p := mustSimilar(t, Item{Text: text}, Item{Text: text}); p.Similarity < 1-1e-6 {
			t.Errorf("similarity = %v, want 1", p.Similarity)
		}
	})
	t.Run("unrelated texts", func(t *testing.T) {
		p := similarity(t, Item{Text: "Sluit de kolenfabrieken van Tata Steel."},
			Item{Text: "Plant bomen langs het Noordzeekanaal voor de biodiversiteit."})
		if p.Similarity > 0.1 {
			t.Errorf("similarity = %v, want about 0", p.Similarity)
		}
	})
	t.Run("Dutch compound split", func(t *testing.T) {
		a := Item{ID: "a", Document: "d1", Language: Dutch, Text: "Bouw een waterstoffabriek in de haven van IJmuiden."}
		b := Item{ID: "b", Document: "d2", Language: Dutch, Text: "Bouw in de haven van IJmuiden een fabriek voor waterstof."}
		p := mustSimilar(t, a, b)
		if p.Similarity < 0.5 {
			t.Errorf("similarity = %v, want at least 0.5", p.Similarity)
		}
		// Stems alone see two different words; the n-grams carry the pair.
		words := Suggest([]Item{a, b}, Options{Threshold: 1e-9, WordWeight: 1})
		if len(words) != 1 || words[0].Similarity >= p.Similarity {
			t.Errorf("stems only = %+v, want below %v", words, p.Similarity)
		}
	})
	t.Run("English inflections", func(t *testing.T) {
		p := mustSimilar(t, Item{Text: "Closing the coke factories reduces emissions."},
			Item{Text: "Close the coke factory to reduce the emission."})
		if p.Similarity < 0.8 {
			t.Errorf("similarity = %v, want at least 0.8", p.Similarity)
		}
	})
	t.Run("number mismatch", func(t *testing.T) {
		p := mustSimilar(t, Item{Text: "Close the coke plant by 2029 and build 100 MW of electrolysers."},
			Item{Text: "Close the coke plant by 2027 and build 100 MW of electrolysers."})
		if !p.NumberMismatch || !slices.Equal(p.Numbers, []string{"2027", "2029"}) {
			t.Errorf("pair = %+v, want a number mismatch on 2027 and 2029", p)
		}
	})
	t.Run("added number is no mismatch", func(t *testing.T) {
		p := mustSimilar(t, Item{Text: "Close the coke plant by 2029."},
			Item{Text: "Close the coke plant by 2029, with 300 jobs at stake."})
		if p.NumberMismatch || len(p.Numbers) > 0 {
			t.Errorf("pair = %+v, want no number mismatch and no numbers listed", p)
		}
	})
	t.Run("same document excluded", func(t *testing.T) {
		items := []Item{
			{ID: "1", Document: "d1", Text: "Sluit de kooksfabriek."},
			{ID: "2", Document: "d1", Text: "Sluit de kooksfabriek."},
			{ID: "3", Document: "d2", Text: "Sluit de kooksfabriek."},
		}
		got := Suggest(items, Options{})
		if len(got) != 2 || got[0].A != "1" || got[0].B != "3" || got[1].A != "2" || got[1].B != "3" {
			t.Errorf("pairs = %+v, want 1-3 and 2-3", got)
		}
	})
	t.Run("ids in order", func(t *testing.T) {
		items := []Item{{ID: "z", Document: "d1", Text: "Sluit de kooksfabriek."}, {ID: "a", Document: "d2", Text: "Sluit de kooksfabriek."}}
		if got := Suggest(items, Options{}); len(got) != 1 || got[0].A != "a" || got[0].B != "z" {
			t.Errorf("pairs = %+v, want a-z", got)
		}
	})
}

func TestSuggest_Deterministic(t *testing.T) {
	items := synthItems(synthCorpus(1500, 7))
	for _, mode := range []LSHMode{LSHOff, LSHOn} {
		first := Suggest(items, Options{LSH: mode, Seed: 3})
		if len(first) == 0 {
			t.Fatalf("mode %v: no pairs, so nothing to compare between runs", mode)
		}
		for range 3 {
			if again := Suggest(items, Options{LSH: mode, Seed: 3}); !reflect.DeepEqual(first, again) {
				t.Fatalf("mode %v: output differs between runs", mode)
			}
		}
	}
}

func TestSuggest_LSHRecall(t *testing.T) {
	n := 4000
	if testing.Short() {
		n = 1000
	}
	items := synthItems(synthCorpus(n, 1))
	exact := Exact(items, 0.5)
	lsh := Suggest(items, Options{Threshold: 0.5, LSH: LSHOn})
	r := recall(t, lsh, exact)
	if r < 0.95 {
		t.Errorf("LSH recall = %.3f (%d of %d pairs), want at least 0.95", r, len(lsh), len(exact))
	}
	t.Logf("LSH recall at %d items: %.4f (%d of %d pairs)", n, r, len(lsh), len(exact))
}

// recall is the share of exact pairs that got also contains. With no exact
// pairs there is nothing to recall, and the test is broken: it fails.
func recall(tb testing.TB, got, exact []Pair) float64 {
	tb.Helper()
	if len(exact) == 0 {
		tb.Fatal("the exact comparison found no pairs: the corpus cannot measure recall")
	}
	seen := make(map[[2]string]bool, len(got))
	for _, p := range got {
		seen[[2]string{p.A, p.B}] = true
	}
	hit := 0
	for _, p := range exact {
		if seen[[2]string{p.A, p.B}] {
			hit++
		}
	}
	return float64(hit) / float64(len(exact))
}
