package extract

import (
	"strings"
	"unicode"
)

// splitSentences cuts the block b of rs into sentences. A sentence ends at
// ".", "!", "?", "…" or "..." (with any closing quotes and brackets after
// it) that is followed by white space and then by something that starts a
// sentence, unless the full stop ends an abbreviation or an initial.
func splitSentences(rs []rune, b Span) []Span {
	var out []Span
	start := b.Start
	for i := b.Start; i < b.End; i++ {
		if !isTerminator(rs[i]) {
			continue
		}
		end, next, ok := boundaryAt(rs, b, i)
		if !ok {
			continue
		}
		out = appendTrimmed(out, rs, Span{start, end})
		start, i = next, next-1
	}
	return appendTrimmed(out, rs, Span{start, b.End})
}

// appendTrimmed appends s without surrounding white space, unless empty.
func appendTrimmed(out []Span, rs []rune, s Span) []Span {
	if s = trimSpan(rs, s); s.End > s.Start {
		out = append(out, s)
	}
	return out
}

func isTerminator(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

func isCloser(r rune) bool { return strings.ContainsRune("\"'”’»)]", r) }

func isOpener(r rune) bool { return strings.ContainsRune("\"'“‘„«([", r) }

// boundaryAt decides whether the terminator at i ends a sentence. It returns
// the end of that sentence (after closers) and the start of the next.
func boundaryAt(rs []rune, b Span, i int) (end, next int, ok bool) {
	j := i + 1
	for j < b.End && isTerminator(rs[j]) {
		j++
	}
	single := j == i+1 && rs[i] == '.'
	for j < b.End && isCloser(rs[j]) {
		j++
	}
	if j >= b.End || !unicode.IsSpace(rs[j]) {
		return 0, 0, false // decimals, "o.a." inside, URLs, or the block's end
	}
	k := j
	for k < b.End && unicode.IsSpace(rs[k]) {
		k++
	}
	if k >= b.End || !startsSentence(rs[k:b.End]) {
		return 0, 0, false
	}
	if single && abbreviationBefore(rs, b.Start, i, rs[k]) {
		return 0, 0, false
	}
	return j, k, true
}

// startsSentence reports whether rs begins like a sentence: a capital, a
// digit, or an opening quote or bracket before one.
func startsSentence(rs []rune) bool {
	for n, r := range rs {
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			return true
		case n < 2 && isOpener(r):
			continue
		default:
			return false
		}
	}
	return false
}

// abbreviationBefore reports whether the full stop at i ends an
// abbreviation or initial rather than a sentence. next is the first rune of
// what follows.
func abbreviationBefore(rs []rune, from, i int, next rune) bool {
	w := i
	for w > from && (unicode.IsLetter(rs[w-1]) || rs[w-1] == '.') {
		w--
	}
	word := string(rs[w:i])
	if word == "" {
		return false
	}
	if isInitials(word) {
		return true
	}
	key := strings.ToLower(word) + "."
	if numberAbbrevs[key] {
		return unicode.IsDigit(next)
	}
	return abbrevs[key]
}

// isInitials reports whether w is one capital or capitals joined by dots
// ("J", "J.P"), as in "J.P. Balkenende".
func isInitials(w string) bool {
	for n, part := range strings.Split(w, ".") {
		rs := []rune(part)
		if len(rs) != 1 || !unicode.IsUpper(rs[0]) {
			return n > 0 && part == "" // "J.P." ends with a dot before ours
		}
	}
	return true
}

// abbrevs are abbreviations, lower-cased with their final dot, after which
// a capital does not start a new sentence ("o.a. Tata Steel", "Dr. Jansen").
// Abbreviations that often end a sentence (etc., enz., e.d., jl.) are absent, so
// a capital after them does start one.
var abbrevs = setOf(`bijv. bv. o.a. t.o.v. d.w.z. m.b.t. i.p.v. mr. dr. prof. ca. e.g. i.e.
	a.s. c.q. i.c.m. i.o.m. i.s.m. m.i.v. n.a.v. o.b.v. t.a.v. t.b.v. t.g.v. t.z.t. v.w.b.
	drs. ir. ing. mw. mevr. dhr. jhr. zgn. resp. incl. excl. vgl. evt. ong. mln. mld. mrd.
	mrs. ms. st. vs. cf. approx. fig. jr. sr. ltd. co. min. kamerstuk. vz.`)

// numberAbbrevs are abbreviations that stand before a number ("art. 5",
// "No. 3", "blz. 12"); before anything else their full stop may end a
// sentence ("The answer is no.").
var numberAbbrevs = setOf(`art. blz. nr. no. p. pp. par. hfst. vol. tab. lid. nos. nrs.`)

func setOf(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
