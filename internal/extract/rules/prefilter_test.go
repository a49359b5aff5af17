package rules

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/rodedraad/rodedraad/internal/extract"
)

// TestPrefilter_SameMatches: the literal check and the gate words never hide
// a match: on every unit of every devset text, every cue, signal, damper and
// kind guess matches exactly when its pattern does.
func TestPrefilter_SameMatches(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "devset", "*.txt"))
	if len(paths) == 0 {
		t.Fatal("no devset texts")
	}
	checked, filtered := 0, 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		runes := []rune(string(data))
		for _, lang := range []string{"nl", "en"} {
			for _, u := range extract.Segment(string(data), lang) {
				text := normalize(string(runes[u.Start:u.End]))
				for _, cu := range allPatterns(lang) {
					if cu.match(text) != cu.pattern.MatchString(text) {
						t.Fatalf("cue %q on %q: prefiltered and plain matching differ", cu.pattern, text)
					}
					checked++
					if len(cu.needs) > 0 {
						filtered++
					}
				}
			}
		}
	}
	if filtered < checked/2 {
		t.Fatalf("only %d of %d checks had literals to filter on", filtered, checked)
	}
}

func TestNeeds(t *testing.T) {
	tests := []struct {
		pattern string
		want    []string
	}{
		{`\b(adviseer|adviseert)\b`, []string{"adviseer"}}, // a common prefix is enough
		{`\bverdient (het )?aanbeveling\b`, []string{"aanbeveling"}},
		{`\b(dient|dienen) (\w+ ){0,6}te\b`, []string{"dien"}},
		{`^(in|voor) 20[2-9]\d\b`, []string{" 20"}}, // "in" is too short; the year is not
		{`^(in|voor) \d+\b`, nil},
		{`\b(moet|x)\b`, nil}, // one branch needs nothing worth checking
		{`(?i)advies`, nil},   // case folding: contains would be wrong
	}
	for _, tt := range tests {
		got := needs(tt.pattern)
		slices.Sort(got)
		slices.Sort(tt.want)
		if !slices.Equal(got, tt.want) {
			t.Errorf("needs(%q) = %q, want %q", tt.pattern, got, tt.want)
		}
	}
}

// allPatterns are the cues of lang with every other pattern that goes
// through the pre-filter.
func allPatterns(lang string) []cue {
	out := slices.Concat(cues[lang], sectionKinds, history, signalCues, []cue{ahead, englishNeed})
	for _, g := range kindGuesses {
		out = append(out, g.cue)
	}
	return out
}

func TestHasWord(t *testing.T) {
	tests := []struct {
		text, w string
		want    bool
	}{
		{"we gaan", "we", true},
		{"zo gaan we.", "we", true},
		{"(we) gaan", "we", true},
		{"de weg is", "we", false},
		{"nieuwe weg", "we", false},
		{"kan_we", "we", false},
		{"in 2030 wil", "2030", true},
		{"label: tekst", ": ", true},
		{"label:tekst", ": ", false},
		{"", "we", false},
	}
	for _, tt := range tests {
		if got := hasWord(tt.text, tt.w); got != tt.want {
			t.Errorf("hasWord(%q, %q) = %v, want %v", tt.text, tt.w, got, tt.want)
		}
	}
}
