package rules

import (
	"slices"
	"unicode/utf8"

	"github.com/rodedraad/rodedraad/internal/textsim"
)

// match is what two analysed texts have in common.
type match struct {
	a, b   *text
	sim    float64  // textsim cosine of the two texts
	shared []string // object stems both use, in a's spelling
	cover  float64  // shared objects over the objects of the text with fewer
	onlyA  []string // numbers only a mentions
	onlyB  []string // numbers only b mentions
	// opposed are the antonym lines on which a and b take opposite sides,
	// each one side only, in line order.
	opposed []int
}

// compare measures a against b.
func compare(a, b *text) *match {
	m := &match{a: a, b: b, sim: similarity(a, b)}
	m.shared = sharedStems(a.objects, b.objects)
	if n := min(len(a.objects), len(b.objects)); n > 0 {
		m.cover = float64(len(m.shared)) / float64(n)
	}
	m.onlyA, m.onlyB = difference(a.numbers, b.numbers), difference(b.numbers, a.numbers)
	m.opposed = opposedLines(a, b)
	return m
}

// opposedLines returns the antonym lines on which a and b take opposite
// sides, in ascending order so that the first rule to fire is stable.
func opposedLines(a, b *text) []int {
	var out []int
	for line, ha := range a.sides {
		hb, ok := b.sides[line]
		if ok && !ha.both && !hb.both && ha.side != hb.side {
			out = append(out, line)
		}
	}
	slices.Sort(out)
	return out
}

// similarity is textsim's cosine of the two texts on their own, so that
// a pair's score does not depend on the rest of the corpus.
func similarity(a, b *text) float64 {
	items := []textsim.Item{
		{ID: "a", Document: "a", Language: a.lang, Text: a.raw},
		{ID: "b", Document: "b", Language: b.lang, Text: b.raw},
	}
	if pairs := textsim.Exact(items, 1e-9); len(pairs) == 1 {
		return pairs[0].Similarity
	}
	return 0
}

// sharedStems returns the stems of a that match a stem of b.
func sharedStems(a, b []string) []string {
	var out []string
	for _, x := range a {
		if slices.ContainsFunc(b, func(y string) bool { return sameStem(x, y) }) {
			out = append(out, x)
		}
	}
	return out
}

// sameStem reports whether two stems name the same word: equal, or equal
// but for an ending of at most two letters past a common part of at least
// five ("parkeertariev" and "parkeertarief"), or one a prefix of the other
// by at most two letters ("bouw" and "bouwt"). It makes up for inflections
// the stemmer leaves apart.
func sameStem(x, y string) bool {
	if x == y {
		return true
	}
	p := commonPrefix(x, y)
	restX, restY := utf8.RuneCountInString(x[p:]), utf8.RuneCountInString(y[p:])
	if restX > 2 || restY > 2 {
		return false
	}
	return p >= 5 || p >= 4 && (restX == 0 || restY == 0)
}

func commonPrefix(x, y string) int {
	n := 0
	for n < len(x) && n < len(y) && x[n] == y[n] {
		n++
	}
	// Back up to a rune boundary so the rests are whole runes.
	for n > 0 && (n < len(x) && !utf8.RuneStart(x[n]) || n < len(y) && !utf8.RuneStart(y[n])) {
		n--
	}
	return n
}

// difference returns the strings of a that b lacks.
func difference(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}
