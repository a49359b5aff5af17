package rules_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/extract"
	"github.com/rodedraad/rodedraad/internal/extract/rules"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

var vocab = extract.Vocabulary{
	Themes: []extract.Theme{
		{ID: "T2", Terms: map[string][]string{"nl": {"waterstof", "wind op zee"}, "en": {"hydrogen"}}},
		{ID: "T7", Terms: map[string][]string{"nl": {"woningbouw", "openbaar vervoer"}, "en": {"housing"}}},
		{ID: "H", Terms: map[string][]string{"nl": {"fijnstof"}, "en": {"air quality"}}},
	},
	Actors: []extract.Actor{
		{ID: "A-VELSEN", Name: "Gemeente Velsen", Aliases: []string{"Velsen"}},
		{ID: "A-PNH", Name: "Provincie Noord-Holland", Aliases: []string{"de provincie"}},
		{ID: "A-RIJK", Name: "Rijk"},
		{ID: "A-TATA", Name: "Tata Steel"},
		{ID: "A-EC", Name: "European Commission", Aliases: []string{"Commission"}},
	},
}

// mustExtract runs the extractor and returns the candidates by quote.
func mustExtract(tb testing.TB, lang, text string) map[string]extract.Candidate {
	tb.Helper()
	res, err := rules.New().Extract(context.Background(), extract.Text{DocumentID: "D", Language: lang, Content: text, Pages: []extract.Span{{Start: 0, End: 40}, {Start: 40, End: len([]rune(text))}}}, vocab)
	if err != nil {
		tb.Fatal(err)
	}
	out := map[string]extract.Candidate{}
	for _, c := range res.Items {
		if got := string([]rune(text)[c.Start:c.End]); got != c.Quote {
			tb.Errorf("quote %q is not the text at [%d,%d): %q", c.Quote, c.Start, c.End, got)
		}
		out[c.Quote] = c
	}
	return out
}

func TestExtractor_Extract(t *testing.T) {
	tests := []struct {
		name, lang, text, quote, kind string
		themes, actors, addressees    []string
	}{
		{"advice with addressee", "nl", "Inleiding tot het advies.\n\nWij adviseren de provincie om het waterstofnetwerk snel aan te leggen.",
			"Wij adviseren de provincie om het waterstofnetwerk snel aan te leggen.", rules.Recommendation, []string{"T2"}, []string{"A-PNH"}, []string{"A-PNH"}},
		{"modal subject", "nl", "Het Rijk moet zorgen voor beter openbaar vervoer naar Velsen.",
			"Het Rijk moet zorgen voor beter openbaar vervoer naar Velsen.", rules.Recommendation, []string{"T7"}, []string{"A-VELSEN", "A-RIJK"}, []string{"A-RIJK"}},
		{"imperative bullet in advice section", "nl", "Aanbevelingen\n\n- Investeer in wind op zee en woningbouw.",
			"Investeer in wind op zee en woningbouw.", rules.Recommendation, []string{"T2", "T7"}, nil, nil},
		{"commitment", "nl", "Het kabinet zal de uitstoot van fijnstof door Tata Steel halveren.",
			"Het kabinet zal de uitstoot van fijnstof door Tata Steel halveren.", rules.Commitment, []string{"H"}, []string{"A-TATA"}, nil},
		{"goal", "nl", "We willen in 2030 tienduizend woningen bouwen.", "We willen in 2030 tienduizend woningen bouwen.", rules.Goal, nil, nil, nil},
		{"conclusion", "nl", "Uit het onderzoek blijkt dat de luchtkwaliteit slecht is.", "Uit het onderzoek blijkt dat de luchtkwaliteit slecht is.", rules.Conclusion, nil, nil, nil},
		{"intent to ask is a commitment", "nl", "Het kabinet wil de Commissie vragen om een evaluatie.", "Het kabinet wil de Commissie vragen om een evaluatie.", rules.Commitment, nil, nil, nil},
		{"we must is a stance, not advice to others", "nl", "Op die bodem moeten we zuinig zijn.", "Op die bodem moeten we zuinig zijn.", rules.Position, nil, nil, nil},
		{"principle starting with niet", "nl", "Niet afwentelen op toekomstige generaties.", "Niet afwentelen op toekomstige generaties.", rules.Position, nil, nil, nil},
		{"contributes to is an aim", "nl", "Met open werken draag je bij aan een betere overheid.", "Met open werken draag je bij aan een betere overheid.", rules.Goal, nil, nil, nil},
		{"named actor with zal", "nl", "Het RIVM zal de concentraties in 2024 opnieuw meten.", "Het RIVM zal de concentraties in 2024 opnieuw meten.", rules.Commitment, nil, nil, nil},
		{"rule for the reader after geldt dat", "nl", "Voor iedere vraag geldt dat het antwoord moet worden toegelicht.", "Voor iedere vraag geldt dat het antwoord moet worden toegelicht.", rules.Recommendation, nil, nil, nil},
		{"present-tense commitment", "nl", "De provincie versterkt het openbaar vervoer naar Velsen.",
			"De provincie versterkt het openbaar vervoer naar Velsen.", rules.Commitment, []string{"T7"}, []string{"A-VELSEN", "A-PNH"}, nil},
		{"inverted commitment", "nl", "Ook verdubbelt Nederland de steun voor woningbouw.",
			"Ook verdubbelt Nederland de steun voor woningbouw.", rules.Commitment, []string{"T7"}, nil, nil},
		{"cue across a wrapped line", "nl", "Het\nstreven is zelfs een halvering.", "Het\nstreven is zelfs een halvering.", rules.Goal, nil, nil, nil},
		{"goal as noun phrase", "nl", "- Een emissieloze haven in 2040.", "Een emissieloze haven in 2040.", rules.Goal, nil, nil, nil},
		{"position", "nl", "Volgens de GGD moet de uitstoot omlaag.", "Volgens de GGD moet de uitstoot omlaag.", rules.Position, nil, nil, nil},
		{"request of a motion", "nl", "De Kamer,\ngehoord de beraadslaging,\nverzoekt de regering om houtstook in woningen uit te faseren,\nen gaat over tot de orde van de dag.",
			"verzoekt de regering om houtstook in woningen uit te faseren,", rules.Recommendation, nil, nil, nil},
		{"recital of a motion", "nl", "constaterende dat houtstook veel milieuvervuiling en\ngezondheidsschade veroorzaakt;\nverzoekt de regering om houtstook uit te faseren,",
			"constaterende dat houtstook veel milieuvervuiling en\ngezondheidsschade veroorzaakt;", rules.Conclusion, nil, nil, nil},
		{"request of a circular", "nl", "Daarom verzoek ik u deze circulaire te gebruiken bij de vergunningverlening.",
			"Daarom verzoek ik u deze circulaire te gebruiken bij de vergunningverlening.", rules.Recommendation, nil, nil, nil},
		{"english advice", "en", "We recommend that the Commission should fund hydrogen and housing.",
			"We recommend that the Commission should fund hydrogen and housing.", rules.Recommendation, []string{"T2", "T7"}, []string{"A-EC"}, []string{"A-EC"}},
		{"we with a verb, no cue", "nl", "We ontwikkelen samen generieke services voor ondernemers.",
			"We ontwikkelen samen generieke services voor ondernemers.", rules.Commitment, nil, nil, nil},
		{"aim after zo with we", "nl", "Zo verbeteren we de dienstverlening voor ondernemers.",
			"Zo verbeteren we de dienstverlening voor ondernemers.", rules.Goal, nil, nil, nil},
		{"english need", "en", "The Union also needs to address skills shortages in these sectors.",
			"The Union also needs to address skills shortages in these sectors.", rules.Recommendation, nil, nil, nil},
		{"english conclusion", "en", "The study shows that air quality is poor.", "The study shows that air quality is poor.", rules.Conclusion, []string{"H"}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustExtract(t, tt.lang, tt.text)
			c, ok := got[tt.quote]
			if !ok {
				t.Fatalf("no candidate %q among %v", tt.quote, keys(got))
			}
			if c.Kind != tt.kind || !slices.Equal(c.Themes, tt.themes) || !slices.Equal(c.Actors, tt.actors) || !slices.Equal(c.Addressees, tt.addressees) {
				t.Errorf("got kind %s themes %v actors %v addressees %v, want %s %v %v %v", c.Kind, c.Themes, c.Actors, c.Addressees, tt.kind, tt.themes, tt.actors, tt.addressees)
			}
			if c.Method != "RULE" || c.Extractor != rules.Name || c.Confidence < rules.Threshold() || c.Confidence > 1 {
				t.Errorf("provenance %s %s %v", c.Method, c.Extractor, c.Confidence)
			}
		})
	}
}

func TestExtractor_Extract_NotCandidates(t *testing.T) {
	for _, text := range []string{
		"De IJmond ligt aan de kust.",
		"Aanbevelingen",
		"Het rapport telt veertig bladzijden en drie bijlagen.",
		"In 2019 is de haven uitgebreid, zoals het college eerder had gewenst.",
		"Het kabinet heeft de regeling in 2015 ingevoerd.",
	} {
		if got := mustExtract(t, "nl", text); len(got) != 0 {
			t.Errorf("%q gave candidates %v", text, keys(got))
		}
	}
}

// Since rules/5 proposes units for recall, a description with a weak cue may
// be proposed, but never with the confidence of a real item.
func TestExtractor_Extract_WeakCandidates(t *testing.T) {
	for _, text := range []string{
		"Het is een regeling die elk jaar opnieuw moet worden vastgesteld.",
		"Voor de bouw is een vergunning nodig.",
	} {
		for q, c := range mustExtract(t, "nl", text) {
			if c.Confidence >= 0.5 {
				t.Errorf("%q proposed with confidence %.2f", q, c.Confidence)
			}
		}
	}
}

func TestExtractor_Extract_Threshold(t *testing.T) {
	text := "Wij adviseren de gemeente om meer te bouwen. We ontwikkelen samen services voor ondernemers. De IJmond ligt aan de kust."
	t.Run("default", func(t *testing.T) {
		if got := mustExtract(t, "nl", text); len(got) != 2 {
			t.Errorf("got %v, want the advice and the commitment", keys(got))
		}
	})
	t.Run("higher threshold keeps only the strong cue", func(t *testing.T) {
		res, err := rules.New(rules.WithThreshold(0.9)).Extract(context.Background(), extract.Text{Language: "nl", Content: text}, vocab)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Items) != 1 || res.Items[0].Kind != rules.Recommendation {
			t.Errorf("got %v, want only the advice", res.Items)
		}
	})
}

func TestExtractor_Extract_Pages(t *testing.T) {
	text := "Dit is de inleiding van het stuk hier, ja. Wij adviseren de gemeente om meer te bouwen."
	got := mustExtract(t, "nl", text)
	c := got["Wij adviseren de gemeente om meer te bouwen."]
	if c.Page != 2 {
		t.Errorf("page %d, want 2 (starts at rune %d)", c.Page, c.Start)
	}
}

func TestExtractor_Extract_ErrLanguage(t *testing.T) {
	_, err := rules.New().Extract(context.Background(), extract.Text{DocumentID: "D9", Language: "fr", Content: "Nous recommandons."}, vocab)
	if rodedraad.ErrorCode(err) != rodedraad.EINVALID {
		t.Errorf("err = %v, want EINVALID", err)
	}
}

func TestExtractor_Extract_Canceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := rules.New().Extract(ctx, extract.Text{Language: "nl", Content: "Wij adviseren meer."}, vocab)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestExtractor_Name(t *testing.T) {
	if got := rules.New().Name(); got != "rules/8" {
		t.Errorf("Name = %q", got)
	}
}

func keys(m map[string]extract.Candidate) []string {
	var out []string
	for k, c := range m {
		out = append(out, c.Kind+": "+k)
	}
	slices.Sort(out)
	return out
}

// A text of another genre than the tuning texts scores all its units low;
// since rules/6 it still proposes its most probable units, but not in a short
// text.
func TestExtractor_Extract_MinShare(t *testing.T) {
	var b strings.Builder
	for i := range 12 {
		// Each sentence longer than the one before, so that no two have the
		// same probability.
		b.WriteString("Het gebied telt oude boerderijen" + strings.Repeat(" en schuren", i) + " langs de weg.\n\n")
	}
	text := b.String()
	for _, tc := range []struct {
		name string
		opts []rules.Option
		want int
	}{
		{"share of 0.5 proposes six of twelve", []rules.Option{rules.WithThreshold(0.99), rules.WithMinShare(0.5)}, 6},
		{"share of 0 proposes none", []rules.Option{rules.WithThreshold(0.99), rules.WithMinShare(0)}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := rules.New(tc.opts...).Extract(context.Background(), extract.Text{Language: "nl", Content: text}, extract.Vocabulary{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Items) != tc.want {
				t.Errorf("got %d candidates, want %d", len(res.Items), tc.want)
			}
		})
	}
	t.Run("short text", func(t *testing.T) {
		res, err := rules.New(rules.WithThreshold(0.99), rules.WithMinShare(0.5)).Extract(context.Background(),
			extract.Text{Language: "nl", Content: "Het gebied telt oude boerderijen. De weg loopt langs de rivier."}, extract.Vocabulary{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Items) != 0 {
			t.Errorf("a text of two units gave %d candidates", len(res.Items))
		}
	})
}

// A long document of mostly background must not propose most of its units:
// since rules/7 the least share grows only with the square root of the
// length beyond 80 units, while its advice is still proposed.
func TestExtractor_Extract_LongBackground(t *testing.T) {
	var b strings.Builder
	advice := []string{}
	for i := range 480 {
		fmt.Fprintf(&b, "Het dorp telt %d oude boerderijen%s langs de weg.\n\n", i+2, strings.Repeat(" en schuren", i%8))
		if i%60 == 30 {
			a := fmt.Sprintf("Wij adviseren de gemeente om de %d boerderijen te beschermen met een erfgoedplan.", i)
			advice = append(advice, a)
			b.WriteString(a + "\n\n")
		}
	}
	text := b.String()
	for _, tc := range []struct {
		name string
		opts []rules.Option
	}{
		{"default", nil},
		{"every unit below the threshold", []rules.Option{rules.WithThreshold(0.99)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := rules.New(tc.opts...).Extract(context.Background(), extract.Text{Language: "nl", Content: text}, extract.Vocabulary{})
			if err != nil {
				t.Fatal(err)
			}
			units := 480 + len(advice)
			if n := len(res.Items); n > units*3/10 {
				t.Errorf("%d of %d units proposed, want at most 30 %%", n, units)
			}
			quotes := map[string]bool{}
			for _, c := range res.Items {
				quotes[c.Quote] = true
			}
			for _, a := range advice {
				if !quotes[a] {
					t.Errorf("advice %q not proposed", a)
				}
			}
		})
	}
}

func TestLeastCount(t *testing.T) {
	tests := []struct {
		name  string
		share float64
		n     int
		want  int
	}{
		{"short text: none", 0.6, 9, 0},
		{"share of a text up to 80 units", 0.6, 50, 30},
		{"at 80 units", 0.6, 80, 48},
		{"square root beyond 80", 0.6, 320, 96},
		{"long document", 0.6, 666, 138},
		{"no share", 0, 500, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := rules.LeastCount(tt.share, tt.n); got != tt.want {
				t.Errorf("LeastCount(%.2f, %d) = %d, want %d", tt.share, tt.n, got, tt.want)
			}
		})
	}
}

// TestDocThreshold counts how many units a text's threshold lets through:
// at least the least share, at most √(80 × n) units in a long text.
func TestDocThreshold(t *testing.T) {
	probs := func(n int, hi, lo float64) []float64 {
		ps := make([]float64, n)
		for i := range ps {
			ps[i] = hi - (hi-lo)*float64(i)/float64(n)
		}
		return ps
	}
	tests := []struct {
		name  string
		probs []float64
		want  int
	}{
		{"short text: the threshold alone", probs(8, 0.2, 0.1), 0},
		{"unsure text: the least share", probs(50, 0.2, 0.1), 30},
		{"sure text: the threshold", probs(50, 0.9, 0.1), 39},
		{"long text of high scores: at most the square root", probs(500, 0.9, 0.5), 200},
		{"long unsure text: the least share of the square root", probs(500, 0.2, 0.1), 120},
		{"long text of middling scores: the threshold rises with the length", probs(500, 0.45, 0.2), 171},
		{"the same scores in a text of 80 units: the threshold", probs(80, 0.45, 0.2), 52},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			th, got := rules.DocThreshold(tt.probs, 0.29, 0.6), 0
			for _, p := range tt.probs {
				if p >= th {
					got++
				}
			}
			if got != tt.want {
				t.Errorf("%d units reach the threshold %.3f, want %d", got, th, tt.want)
			}
		})
	}
}
