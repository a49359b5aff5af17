package doctext

import (
	"strings"
	"unicode"

	"github.com/rodedraad/rodedraad/internal/extract"
)

// Passage sizes in code points: short paragraphs are merged up to
// minPassage, long ones split at sentence ends to stay within maxPassage.
const (
	minPassage = 300
	maxPassage = 1500
)

// unit is a sentence, or a piece of an over-long sentence: a span of a
// page's runes without white space at its ends.
type unit struct {
	extract.Span
	paraEnd bool // the last unit of its paragraph
}

// passages cuts each page of content into passages.
func passages(content string, pages []extract.Span) []Passage {
	rs := []rune(content)
	var out []Passage
	for i, p := range pages {
		for _, s := range pagePassages(rs[p.Start:p.End]) {
			start, end := p.Start+s.Start, p.Start+s.End
			out = append(out, Passage{Page: i + 1, Start: start, End: end, Text: string(rs[start:end])})
		}
	}
	return out
}

// pagePassages groups the units of one page into passages: a passage ends
// at a paragraph end once it has minPassage runes, and before a unit that
// would take it past maxPassage.
func pagePassages(rs []rune) []extract.Span {
	var out []extract.Span
	var cur *extract.Span
	for _, u := range units(rs) {
		if cur != nil && u.End-cur.Start > maxPassage {
			out, cur = append(out, *cur), nil
		}
		if cur == nil {
			cur = &extract.Span{Start: u.Start}
		}
		cur.End = u.End
		if u.paraEnd && cur.End-cur.Start >= minPassage {
			out, cur = append(out, *cur), nil
		}
	}
	if cur != nil {
		out = appendTail(out, *cur)
	}
	return out
}

// appendTail appends the last passage of a page, merging it into the one
// before when it is short and the two fit in maxPassage.
func appendTail(out []extract.Span, last extract.Span) []extract.Span {
	if n := len(out); n > 0 && last.End-last.Start < minPassage && last.End-out[n-1].Start <= maxPassage {
		out[n-1].End = last.End
		return out
	}
	return append(out, last)
}

// units splits a page into paragraphs at blank lines and each paragraph
// into sentences, cutting sentences longer than maxPassage at white space.
func units(rs []rune) []unit {
	var out []unit
	for _, para := range paragraphs(rs) {
		sents := sentences(rs, para)
		for i, s := range sents {
			pieces := cutLong(rs, s)
			for j, p := range pieces {
				out = append(out, unit{Span: p, paraEnd: i == len(sents)-1 && j == len(pieces)-1})
			}
		}
	}
	return out
}

// paragraphs returns the trimmed spans of rs between blank lines.
func paragraphs(rs []rune) []extract.Span {
	var out []extract.Span
	start := 0
	for i := 0; i < len(rs); i++ {
		if rs[i] != '\n' {
			continue
		}
		if j := blankLineEnd(rs, i); j > i {
			out = appendTrimmed(out, rs, start, i)
			start, i = j, j-1
		}
	}
	return appendTrimmed(out, rs, start, len(rs))
}

// blankLineEnd returns, when the line end at i starts one or more blank
// lines, the index after the last of them; otherwise i.
func blankLineEnd(rs []rune, i int) int {
	end := i
	for j := i + 1; j < len(rs); j++ {
		switch {
		case rs[j] == '\n':
			end = j + 1
		case !unicode.IsSpace(rs[j]):
			return end
		}
	}
	return len(rs)
}

// appendTrimmed appends [start, end) of rs without its outer white space,
// unless nothing is left.
func appendTrimmed(out []extract.Span, rs []rune, start, end int) []extract.Span {
	for start < end && unicode.IsSpace(rs[start]) {
		start++
	}
	for end > start && unicode.IsSpace(rs[end-1]) {
		end--
	}
	if start == end {
		return out
	}
	return append(out, extract.Span{Start: start, End: end})
}

// sentences splits a paragraph after . ! ? or … (and any closing quotes or
// brackets) where white space and then no lower-case letter follows, so
// that "o.a. de" stays one sentence.
func sentences(rs []rune, para extract.Span) []extract.Span {
	var out []extract.Span
	start := para.Start
	for i := para.Start; i < para.End; i++ {
		if !strings.ContainsRune(".!?…", rs[i]) {
			continue
		}
		end := i + 1
		for end < para.End && strings.ContainsRune(closers, rs[end]) {
			end++
		}
		next := end
		for next < para.End && unicode.IsSpace(rs[next]) {
			next++
		}
		if next > end && next < para.End && !unicode.IsLower(rs[next]) {
			out = appendTrimmed(out, rs, start, end)
			start, i = next, next-1
		}
	}
	return appendTrimmed(out, rs, start, para.End)
}

// cutLong cuts a span longer than maxPassage into pieces of at most
// maxPassage runes, at the last line end or else the last space before the
// limit (hard, when there is none).
func cutLong(rs []rune, s extract.Span) []extract.Span {
	var out []extract.Span
	for s.End-s.Start > maxPassage {
		cut := lastBreak(rs, s.Start, s.Start+maxPassage)
		out = appendTrimmed(out, rs, s.Start, cut)
		s.Start = cut
		for s.Start < s.End && unicode.IsSpace(rs[s.Start]) {
			s.Start++
		}
	}
	return appendTrimmed(out, rs, s.Start, s.End)
}

// lastBreak returns the index of the last line end in the second half of
// rs[from:to], else of the last space, else to.
func lastBreak(rs []rune, from, to int) int {
	space := -1
	for i := to - 1; i > from; i-- {
		if rs[i] == '\n' && i > (from+to)/2 {
			return i
		}
		if space < 0 && unicode.IsSpace(rs[i]) {
			space = i
		}
	}
	if space > 0 {
		return space
	}
	return to
}
