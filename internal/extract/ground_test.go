package extract_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/extract"
)

// groundText has the layout a PDF's text gives: line breaks inside
// sentences, words cut by hyphens and soft hyphens, curly quotes.
const groundText = "Café “De Zon” in IJmuiden — een voorbeeld.\n" +
	"De regio moet de duurzaam-\nheid van de industrie versterken. Tata Steel en de gemeenten\n" +
	"investeren  samen in groene waterstof voor 2030.\n\n" +
	"Daarnaast vraagt de Omgevings\u00addienst om ‘strengere’ normen voor stik- stof in Noord-\n" +
	"Holland en de provincie."

func TestGround(t *testing.T) {
	tests := []struct {
		name, quote string
		want        string  // content's own passage; "" for rejected
		minScore    float64 // least score expected
		maxScore    float64
	}{
		{"exact", "Tata Steel en de gemeenten", "Tata Steel en de gemeenten", 1, 1},
		{"exact non-ASCII", "“De Zon” in IJmuiden", "“De Zon” in IJmuiden", 1, 1},
		{"whitespace", "Tata Steel en de gemeenten investeren samen in groene waterstof",
			"Tata Steel en de gemeenten\ninvesteren  samen in groene waterstof", 1, 1},
		{"hyphenation line break", "de duurzaamheid van de industrie",
			"de duurzaam-\nheid van de industrie", 1, 1},
		{"hyphenation space", "normen voor stikstof", "normen voor stik- stof", 1, 1},
		{"soft hyphen", "vraagt de Omgevingsdienst om", "vraagt de Omgevings\u00addienst om", 1, 1},
		{"compound cut", "stikstof in Noord-Holland en", "stik- stof in Noord-\nHolland en", 1, 1},
		{"straight quotes", "om 'strengere' normen", "om ‘strengere’ normen", 1, 1},
		{"model's surrounding space", "  Tata Steel\n", "Tata Steel", 1, 1},
		{"small typo", "Tata Steel en de gemeentes investeren samen in groene waterstof",
			"Tata Steel en de gemeenten\ninvesteren  samen in groene waterstof", 0.9, 0.99},
		{"typo and cut word", "ata Steel en de gemeenten investeren samen in groene",
			"Tata Steel en de gemeenten\ninvesteren  samen in groene", 0.9, 0.99},
		{"case differs short", "tata steel", "", 0, 0},
		{"invented", "De provincie sluit alle kolencentrales in 2025 en plant bomen langs de A9.", "", 0, 0},
		{"other document", "De regio moet de duurzaamheid van de landbouw versterken.", "", 0, 0},
		{"empty", "", "", 0, 0},
		{"white space only", " \n\t", "", 0, 0},
	}
	rs := []rune(groundText)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sp, score, ok := extract.Ground(groundText, tt.quote)
			if tt.want == "" {
				if ok {
					t.Fatalf("grounded %q as %q (%.2f), want rejected", tt.quote, string(rs[sp.Start:sp.End]), score)
				}
				return
			}
			if !ok {
				t.Fatalf("not grounded: %q", tt.quote)
			}
			if got := string(rs[sp.Start:sp.End]); got != tt.want {
				t.Errorf("passage = %q, want %q", got, tt.want)
			}
			if score < tt.minScore || score > tt.maxScore {
				t.Errorf("score = %.3f, want in [%.2f, %.2f]", score, tt.minScore, tt.maxScore)
			}
		})
	}
}

func TestGround_firstOccurrence(t *testing.T) {
	text := "Eerst: groene waterstof. Later weer: groene waterstof."
	sp, _, ok := extract.Ground(text, "groene waterstof")
	if !ok || sp != (extract.Span{Start: 7, End: 23}) {
		t.Errorf("Ground = %v, %v; want the first of two, [7, 23)", sp, ok)
	}
}

// bigText is about pages pages of distinct Dutch sentences.
func bigText(pages int) string {
	var b strings.Builder
	for i := 0; b.Len() < pages*3000; i++ {
		fmt.Fprintf(&b, "Maatregel %d: de gemeente %d onderzoekt met partner %d de aanleg van %d kilometer warmtenet.\n", i, i%17, i%29, i%41)
	}
	return b.String()
}

func TestGround_largeText(t *testing.T) {
	text := bigText(100)
	quote := "Maatregel 2500: de gemeente 1 onderzoekt met partner 6 de aanleg van 40 kilometer warmtenet."
	typo := strings.Replace(quote, "onderzoekt", "onderzocht", 1)
	sp, score, ok := extract.Ground(text, typo)
	if !ok || string([]rune(text)[sp.Start:sp.End]) != quote || score >= 1 {
		t.Errorf("Ground(typo) = %v %.3f %v", sp, score, ok)
	}
}

// BenchmarkGround compares the three steps on a 100-page text: exact, the
// layout-tolerant step and the fuzzy step (which also pays for the other
// two), and a quote that is rejected.
func BenchmarkGround(b *testing.B) {
	text := bigText(100)
	exact := "Maatregel 2500: de gemeente 1 onderzoekt met partner 6 de aanleg van 40 kilometer warmtenet."
	for _, bc := range []struct{ name, quote string }{
		{"exact", exact},
		{"layout", strings.ReplaceAll(exact, " ", "\n ")},
		{"fuzzy", strings.Replace(exact, "onderzoekt", "onderzocht", 1)},
		{"rejected", "De provincie sluit alle kolencentrales in 2025 en plant bomen langs de A9."},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				extract.Ground(text, bc.quote)
			}
		})
	}
}
