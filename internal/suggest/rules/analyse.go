package rules

import (
	"slices"
	"strings"

	"github.com/rodedraad/rodedraad/internal/suggest"
	"github.com/rodedraad/rodedraad/internal/textsim"
)

// text is a recommendation analysed for the rules.
type text struct {
	rec     suggest.Rec
	raw     string            // title and text
	lang    string            // Dutch or English
	words   []string          // normalised tokens
	objects []string          // distinct content stems that are no direction, negation or marker word
	surface map[string]string // the first word of the text with each object stem
	numbers []string          // canonical numbers, sorted
	negWord string            // the first negation word, "" when none
	sides   map[int]sideHit
	marker  int // index in words just after an enabling marker, -1 when none
}

// sideHit is the side of an antonym line a text takes, and the word that
// says so at index pos of the words. both is set when the text uses words
// of both sides.
type sideHit struct {
	side int
	word string
	pos  int
	both bool
}

// analyse splits r into words and finds its objects, numbers, negation,
// directions and enabling marker.
func analyse(r suggest.Rec) *text {
	t := &text{rec: r, raw: r.FullText(), sides: map[int]sideHit{}, marker: -1, surface: map[string]string{}}
	norm := textsim.Normalize(t.raw)
	t.words = textsim.Tokens(norm)
	t.numbers = textsim.Numbers(norm)
	t.lang = r.Language
	if t.lang != textsim.Dutch && t.lang != textsim.English {
		t.lang = textsim.GuessLanguage(t.words)
	}
	t.marker = findMarker(t.words)
	for i, w := range t.words {
		t.classify(i, w)
	}
	return t
}

// classify files word i under negation, direction or object.
func (t *text) classify(i int, w string) {
	if isNegation(t.words, i) {
		if t.negWord == "" {
			t.negWord = w
		}
		if w == "t" && t.negWord == "t" {
			t.negWord = t.words[i-1] + "'t" // quote "don't", not "t"
		}
		return
	}
	stem := textsim.Stem(t.lang, w)
	if hits := lexicons[t.lang][stem]; len(hits) > 0 {
		for _, h := range hits {
			t.addSide(h, w, i)
		}
		return
	}
	if len(w) < 3 || textsim.IsNumeric(w) || textsim.IsStopWord(t.lang, w) || isMarkerWord(w) {
		return
	}
	if !slices.Contains(t.objects, stem) {
		t.objects = append(t.objects, stem)
		t.surface[stem] = w
	}
}

func (t *text) addSide(h side, w string, pos int) {
	got, ok := t.sides[h.line]
	switch {
	case !ok:
		t.sides[h.line] = sideHit{side: h.side, word: w, pos: pos}
	case got.side != h.side:
		got.both = true
		t.sides[h.line] = got
	}
}

// isNegation reports whether words[i] negates: a negation word other than
// "niet alleen" or "not only", or the "t" of "don't", "won't", "isn't".
func isNegation(words []string, i int) bool {
	w := words[i]
	next := ""
	if i+1 < len(words) {
		next = words[i+1]
	}
	switch {
	case negations[w]:
		return !(next == "alleen" || next == "only")
	case w == "t" && i > 0:
		prev := words[i-1]
		return len(prev) > 1 && prev[len(prev)-1] == 'n'
	}
	return false
}

// findMarker returns the index after the first enabling marker in words,
// or -1.
func findMarker(words []string) int {
	for i := range words {
		for _, m := range markers {
			if i+len(m) <= len(words) && slices.Equal(words[i:i+len(m)], m) {
				return i + len(m)
			}
		}
	}
	return -1
}

func isMarkerWord(w string) bool {
	for _, m := range markers {
		if slices.Contains(m, w) {
			return true
		}
	}
	return false
}

// objectsFrom returns the distinct object stems among words[from:to].
func (t *text) objectsIn(from, to int) []string {
	var out []string
	for _, w := range t.words[max(from, 0):min(to, len(t.words))] {
		s := textsim.Stem(t.lang, w)
		if slices.Contains(t.objects, s) && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// spell returns the words of t behind stems, joined by commas.
func (t *text) spell(stems []string) string {
	words := make([]string, len(stems))
	for i, s := range stems {
		words[i] = t.surface[s]
	}
	return strings.Join(words, ", ")
}

// negated reports whether the text has a negation.
func (t *text) negated() bool { return t.negWord != "" }
