package extract

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// quotes cuts the spans out of text, as a reader of a Candidate would.
func quotes(text string, spans []Span) []string {
	rs := []rune(text)
	out := make([]string, len(spans))
	for i, s := range spans {
		out[i] = string(rs[s.Start:s.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []string
	}{
		{"nl plain", "nl", "De regio groeit. Er komen woningen bij! Is dat genoeg?",
			[]string{"De regio groeit.", "Er komen woningen bij!", "Is dat genoeg?"}},
		{"nl abbreviations", "nl",
			"Wij adviseren o.a. Tata Steel en bijv. de gemeente Velsen. Zie art. 5 en blz. 12. Dat geldt t.o.v. 2020, d.w.z. nu. Het gaat m.b.t. stikstof i.p.v. CO2 om kosten, e.d. Daarna volgt nr. 3 van mr. De Vries en dr. Jansen, prof. Smit en ca. 40 mensen op 3 jl. Meer volgt.",
			[]string{"Wij adviseren o.a. Tata Steel en bijv. de gemeente Velsen.", "Zie art. 5 en blz. 12.",
				"Dat geldt t.o.v. 2020, d.w.z. nu.", "Het gaat m.b.t. stikstof i.p.v. CO2 om kosten, e.d.",
				"Daarna volgt nr. 3 van mr. De Vries en dr. Jansen, prof. Smit en ca. 40 mensen op 3 jl.", "Meer volgt."}},
		{"nl bv and enz", "nl", "Denk aan bv. Heemskerk. Wegen, dijken enz. Die kosten geld.",
			[]string{"Denk aan bv. Heemskerk.", "Wegen, dijken enz.", "Die kosten geld."}},
		{"nl decimals and initials", "nl",
			"De uitstoot daalt met 3,5 procent, niet 2.5 procent. Dat zei J.P. Balkenende in 2004. En J. de Vries ook.",
			[]string{"De uitstoot daalt met 3,5 procent, niet 2.5 procent.", "Dat zei J.P. Balkenende in 2004.", "En J. de Vries ook."}},
		{"nl quotes and brackets", "nl",
			"De Raad schrijft: \"Doe het nu.\" Daarna (zie bijlage.) Meer. Hij zei „kom”. Zij zei ‘nee.’ Klaar… Echt?! Ja... en nee.",
			[]string{"De Raad schrijft: \"Doe het nu.\"", "Daarna (zie bijlage.)", "Meer.", "Hij zei „kom”.", "Zij zei ‘nee.’",
				"Klaar…", "Echt?!", "Ja... en nee."}},
		{"nl ellipsis before capital", "nl", "Het kan beter ... De raad twijfelt.",
			[]string{"Het kan beter ...", "De raad twijfelt."}},
		{"nl bullets and lead-in", "nl",
			"Wij adviseren het kabinet:\n• Zorg dat de A9 wordt verbreed.\n- Investeer in waterstof\n* Maak ruimte voor woningen.\n– Bouw warmtenetten.",
			[]string{"Wij adviseren het kabinet:", "Zorg dat de A9 wordt verbreed.", "Investeer in waterstof",
				"Maak ruimte voor woningen.", "Bouw warmtenetten."}},
		{"nl bullets on one line", "nl", "Kansen • waterstof • warmte uit de staalfabriek • wind op zee",
			[]string{"Kansen", "waterstof", "warmte uit de staalfabriek", "wind op zee"}},
		{"nl numbered items", "nl",
			"Aanbevelingen\n\n1. Versterk de samenwerking tussen gemeenten en de provincie.\n2) Zorg voor schone lucht. Meet de uitstoot.\na) Maak een plan\n(b) Voer het uit.",
			[]string{"Aanbevelingen", "Versterk de samenwerking tussen gemeenten en de provincie.", "Zorg voor schone lucht.",
				"Meet de uitstoot.", "Maak een plan", "Voer het uit."}},
		{"nl motion recitals and request", "nl",
			"De Kamer,\ngehoord de beraadslaging,\nconstaterende dat houtstook veel\nschade veroorzaakt;\noverwegende dat maatregelen\neffectief zijn;\nverzoekt de regering om houtstook uit te faseren,\nen gaat over tot de orde van de dag.",
			[]string{"De Kamer,", "gehoord de beraadslaging,", "constaterende dat houtstook veel\nschade veroorzaakt;",
				"overwegende dat maatregelen\neffectief zijn;", "verzoekt de regering om houtstook uit te faseren,",
				"en gaat over tot de orde van de dag."}},
		{"nl comma and en at a line end stay one sentence", "nl",
			"De provincie investeert in wegen, spoor,\nen vaarwegen, en\ngaat door met de dijken.",
			[]string{"De provincie investeert in wegen, spoor,\nen vaarwegen, en\ngaat door met de dijken."}},
		{"nl semicolon inside a line stays", "nl", "Wij doen drie dingen: meten; melden; handhaven.",
			[]string{"Wij doen drie dingen: meten; melden; handhaven."}},
		{"nl blank lines and wrapped lines", "nl",
			"Het kabinet zal de regio steunen\nmet geld en kennis\n\nDe provincie zet in op\nwoningbouw.",
			[]string{"Het kabinet zal de regio steunen\nmet geld en kennis", "De provincie zet in op\nwoningbouw."}},
		{"nl headings", "nl",
			"# Samenvatting\nDe regio staat voor grote opgaven in energie, wonen en gezondheid, die samen moeten worden aangepakt.\n\n3.2 Conclusies en aanbevelingen\nUit het onderzoek blijkt dat de lucht vuil is.\n\nDe Raad voor de leefomgeving en\nDe Gezondheidsraad adviseren samen.",
			[]string{"Samenvatting", "De regio staat voor grote opgaven in energie, wonen en gezondheid, die samen moeten worden aangepakt.",
				"Conclusies en aanbevelingen", "Uit het onderzoek blijkt dat de lucht vuil is.",
				"De Raad voor de leefomgeving en\nDe Gezondheidsraad adviseren samen."}},
		{"nl section number heading vs numbered advice", "nl",
			"1. Inleiding\n\nDit advies gaat over de IJmond en haar toekomst als industriegebied.\n\n1. Investeer in de waterstofketen van de regio\n\n2. Bouw meer woningen",
			[]string{"Inleiding", "Dit advies gaat over de IJmond en haar toekomst als industriegebied.",
				"Investeer in de waterstofketen van de regio", "Bouw meer woningen"}},
		{"en abbreviations", "en",
			"We recommend e.g. heat networks, i.e. district heating. Dr. Smith and Mr. Jones agree. See No. 5, etc. The answer is no. Fine.",
			[]string{"We recommend e.g. heat networks, i.e. district heating.", "Dr. Smith and Mr. Jones agree.", "See No. 5, etc.",
				"The answer is no.", "Fine."}},
		{"en list", "en",
			"Key findings\n\n- Emissions fell by 2.5% in 2022.\n- Air quality remains poor.\n\nThe government will publish a plan.",
			[]string{"Key findings", "Emissions fell by 2.5% in 2022.", "Air quality remains poor.", "The government will publish a plan."}},
		{"crlf", "en", "First line.\r\n\r\nSecond line.", []string{"First line.", "Second line."}},
		{"empty", "nl", "", nil},
		{"only white space", "nl", " \n\t\n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := Sentences(tt.text, tt.lang)
			got := quotes(tt.text, spans)
			if len(got) == 0 {
				got = nil
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Sentences =\n%q\nwant\n%q", got, tt.want)
			}
			checkSpans(t, tt.text, spans)
		})
	}
}

// checkSpans asserts what holds for every span: inside the text, in order,
// not overlapping, not empty, and without white space at either end.
func checkSpans(t *testing.T, text string, spans []Span) {
	t.Helper()
	rs := []rune(text)
	prev := 0
	for _, s := range spans {
		if s.Start < prev || s.End <= s.Start || s.End > len(rs) {
			t.Fatalf("span %v out of order or bounds (prev end %d, len %d)", s, prev, len(rs))
		}
		if unicode.IsSpace(rs[s.Start]) || unicode.IsSpace(rs[s.End-1]) {
			t.Errorf("span %v %q has white space at an end", s, string(rs[s.Start:s.End]))
		}
		prev = s.End
	}
}

func TestSegment_Kinds(t *testing.T) {
	text := "Aanbevelingen\n\nDe regio moet groeien. Dat kan.\n\n- Bouw woningen. Snel.\n- Meet fijnstof."
	units := Segment(text, "nl")
	wantKinds := []UnitKind{UnitHeading, UnitSentence, UnitSentence, UnitItem, UnitItem, UnitItem}
	wantBlocks := []int{0, 1, 1, 2, 2, 3}
	if len(units) != len(wantKinds) {
		t.Fatalf("got %d units %q, want %d", len(units), quotes(text, spansOf(units)), len(wantKinds))
	}
	for i, u := range units {
		if u.Kind != wantKinds[i] || u.Block != wantBlocks[i] {
			t.Errorf("unit %d %q: kind %d block %d, want kind %d block %d", i, quotes(text, []Span{u.Span})[0], u.Kind, u.Block, wantKinds[i], wantBlocks[i])
		}
	}
}

func spansOf(units []Unit) []Span {
	out := make([]Span, len(units))
	for i, u := range units {
		out[i] = u.Span
	}
	return out
}

func TestSentences_CodePoints(t *testing.T) {
	// Multi-byte runes before a sentence must not shift its offsets.
	text := "Één café — “vóór” 2030. Daarna ’s avonds rust."
	spans := Sentences(text, "nl")
	got := quotes(text, spans)
	want := []string{"Één café — “vóór” 2030.", "Daarna ’s avonds rust."}
	if !slices.Equal(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	if want := len([]rune("Één café — “vóór” 2030. ")); spans[1].Start != want {
		t.Errorf("second span starts at %d, want the rune offset %d (byte offset %d)", spans[1].Start, want, strings.Index(text, "Daarna"))
	}
}
