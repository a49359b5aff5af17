package llm

import (
	"sort"
	"unicode"

	"github.com/rodedraad/rodedraad/internal/extract"
)

// chunk is a run of whole sentences on one page, the unit one request
// covers.
type chunk struct {
	extract.Span
	Page int // 1-based; 0 when the text has no pages
}

// chunks cuts t into chunks of at most budget runes along page and
// sentence boundaries: a chunk never spans two pages, and it ends where a
// sentence ends unless that one sentence is longer than the budget.
func chunks(t extract.Text, budget int) []chunk {
	rs := []rune(t.Content)
	var out []chunk
	for _, s := range pieces(rs, extract.Sentences(t.Content, t.Language), budget) {
		p := pageOf(t.Pages, s.Start)
		last := len(out) - 1
		if last >= 0 && out[last].Page == p && s.End-out[last].Start <= budget {
			out[last].End = s.End
			continue
		}
		out = append(out, chunk{Span: s, Page: p})
	}
	return out
}

// pieces returns the sentences with each one longer than budget cut at
// white space into pieces of at most budget runes.
func pieces(rs []rune, sentences []extract.Span, budget int) []extract.Span {
	var out []extract.Span
	for _, s := range sentences {
		for s.End-s.Start > budget {
			cut := cutAt(rs, s.Start, s.Start+budget)
			out = append(out, extract.Span{Start: s.Start, End: cut})
			s.Start = skipSpace(rs, cut)
		}
		if s.End > s.Start {
			out = append(out, s)
		}
	}
	return out
}

// cutAt returns the last white space in rs(start, end], or end when there
// is none, so that a long sentence is cut between words where it can be.
func cutAt(rs []rune, start, end int) int {
	for i := end; i > start; i-- {
		if unicode.IsSpace(rs[i]) {
			return i
		}
	}
	return end
}

// skipSpace returns the first index at or after i that is not white space.
func skipSpace(rs []rune, i int) int {
	for i < len(rs) && unicode.IsSpace(rs[i]) {
		i++
	}
	return i
}

// pageOf returns the 1-based page whose span holds rune pos, 0 when none
// does. Pages are in order, as extract.Text promises.
func pageOf(pages []extract.Span, pos int) int {
	i := sort.Search(len(pages), func(i int) bool { return pages[i].End > pos })
	if i < len(pages) && pages[i].Start <= pos {
		return i + 1
	}
	return 0
}
