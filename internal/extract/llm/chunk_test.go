package llm

import (
	"reflect"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/extract"
)

// cut returns the text of each chunk.
func cut(t extract.Text, cs []chunk) []string {
	rs := []rune(t.Content)
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = string(rs[c.Start:c.End])
	}
	return out
}

func TestChunks(t *testing.T) {
	twoPages := extract.Text{Language: "nl", Content: "Eén. Twee is twee. Drie.\fVier op blz. 2. Vijf."}
	twoPages.Pages = []extract.Span{{Start: 0, End: 25}, {Start: 25, End: len([]rune(twoPages.Content))}}
	long := extract.Text{Language: "nl", Content: "Dit is een heel lange zin zonder punt die verder gaat dan het budget toestaat en dus moet worden gesneden"}
	tests := []struct {
		name   string
		text   extract.Text
		budget int
		want   []string
		pages  []int
	}{
		{"one chunk per page", twoPages, 100, []string{"Eén. Twee is twee. Drie.", "Vier op blz. 2. Vijf."}, []int{1, 2}},
		{"sentences under budget", twoPages, 18, []string{"Eén. Twee is twee.", "Drie.", "Vier op blz. 2.", "Vijf."}, []int{1, 1, 2, 2}},
		{"long sentence cut at spaces", long, 40,
			[]string{"Dit is een heel lange zin zonder punt", "die verder gaat dan het budget toestaat", "en dus moet worden gesneden"}, []int{0, 0, 0}},
		{"empty", extract.Text{Language: "nl"}, 100, []string{}, []int{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := chunks(tt.text, tt.budget)
			got, pages := cut(tt.text, cs), make([]int, len(cs))
			for i, c := range cs {
				pages[i] = c.Page
				if c.End-c.Start > tt.budget {
					t.Errorf("chunk %d has %d runes, budget %d", i, c.End-c.Start, tt.budget)
				}
			}
			if !reflect.DeepEqual(got, tt.want) || !reflect.DeepEqual(pages, tt.pages) {
				t.Errorf("chunks = %q pages %v\nwant     %q pages %v", got, pages, tt.want, tt.pages)
			}
		})
	}
}

func TestPageOf(t *testing.T) {
	pages := []extract.Span{{Start: 0, End: 10}, {Start: 10, End: 20}, {Start: 25, End: 30}}
	for pos, want := range map[int]int{0: 1, 9: 1, 10: 2, 19: 2, 22: 0, 25: 3, 30: 0} {
		if got := pageOf(pages, pos); got != want {
			t.Errorf("pageOf(%d) = %d, want %d", pos, got, want)
		}
	}
	if got := pageOf(nil, 3); got != 0 {
		t.Errorf("pageOf without pages = %d", got)
	}
}

func TestContainsWord(t *testing.T) {
	tests := []struct {
		s, w string
		want bool
	}{
		{"het ministerie van ez besluit", "ez", true},
		{"geen bezwaar", "ez", false},
		{"ez", "ez", true},
		{"tata steel ijmuiden", "tata steel", true},
		{"tata steelworks", "tata steel", false},
		{"café ez, daarna", "ez", true},
	}
	for _, tt := range tests {
		if got := containsWord(tt.s, tt.w); got != tt.want {
			t.Errorf("containsWord(%q, %q) = %v", tt.s, tt.w, got)
		}
	}
}

func TestSchema(t *testing.T) {
	s := string(schema(extract.Vocabulary{Themes: []extract.Theme{{ID: "energie"}}}))
	quote, kind := strings.Index(s, `"quote"`), strings.Index(s, `"kind"`)
	if quote < 0 || kind < quote || !strings.Contains(s, `"additionalProperties":false`) {
		t.Errorf("schema = %s", s)
	}
	if strings.Contains(s, `"enum":[]`) {
		t.Errorf("empty actor enum in %s", s)
	}
}
