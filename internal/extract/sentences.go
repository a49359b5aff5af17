package extract

import (
	"strings"
	"unicode"

	"github.com/rodedraad/rodedraad/internal/textsim"
)

// UnitKind says what a Unit of text is.
type UnitKind int

// The kinds of Unit that Segment finds.
const (
	UnitSentence UnitKind = iota // a sentence of a running paragraph
	UnitItem                     // a sentence of a list item or bullet
	UnitHeading                  // a heading line
)

// Unit is one sentence, list-item sentence or heading of a text. Block
// numbers the paragraph, list item or heading the unit belongs to, so that
// callers can group the sentences of one list item.
type Unit struct {
	Span
	Kind  UnitKind
	Block int
}

// Sentences returns the code-point spans of the sentences of text, in order:
// the sentences of running paragraphs, of list items and bullets (each item
// starts a new unit) and headings as units of their own. Spans exclude
// surrounding white space and list markers. lang ("nl" or "en") only steers
// the heading heuristic; abbreviations of both languages are known.
func Sentences(text string, lang string) []Span {
	units := Segment(text, lang)
	spans := make([]Span, len(units))
	for i, u := range units {
		spans[i] = u.Span
	}
	return spans
}

// Segment is Sentences with each span's kind and block.
func Segment(text string, lang string) []Unit {
	rs := []rune(text)
	var units []Unit
	for i, b := range blocks(rs, lang) {
		if b.kind == UnitHeading {
			units = append(units, Unit{Span: b.Span, Kind: UnitHeading, Block: i})
			continue
		}
		for _, s := range splitSentences(rs, b.Span) {
			units = append(units, Unit{Span: s, Kind: b.kind, Block: i})
		}
	}
	return units
}

// block is a paragraph, list item or heading before it is cut into
// sentences.
type block struct {
	Span
	kind UnitKind
}

// blocks cuts rs into paragraphs, list items and headings. A blank line ends
// a block; a list marker or bullet starts one; lines that do neither
// continue the block before them, as wrapped lines do.
func blocks(rs []rune, lang string) []block {
	lines := splitLines(rs)
	var out []block
	var cur *block
	flush := func() {
		if cur != nil {
			if s := trimSpan(rs, cur.Span); s.End > s.Start {
				out = append(out, block{Span: s, kind: cur.kind})
			}
			cur = nil
		}
	}
	for i, ln := range lines {
		for _, seg := range bulletSegments(rs, ln) {
			c := classify(rs, seg, lines, i, cur == nil, lang)
			switch {
			case c.kind == lineBlank:
				flush()
			case c.kind == lineHeading:
				flush()
				out = append(out, block{Span: c.body, kind: UnitHeading})
			case c.kind == lineItem || cur == nil:
				flush()
				cur = &block{Span: c.body, kind: kindOf(c.kind)}
			case clauseBreak(rs, cur.Span, c.body):
				k := cur.kind
				flush()
				cur = &block{Span: c.body, kind: k}
			default:
				cur.End = c.body.End
			}
		}
	}
	flush()
	return out
}

// clauseBreak reports whether the line body starts a new unit although it
// continues the block cur: the line before it ends in ";" (a clause of an
// enumeration, as in a motion's recitals "constaterende dat …;"), or it
// opens with the formula of a motion or decision ("overwegende dat",
// "verzoekt de regering", "en gaat over tot de orde van de dag") after a
// line that ends in "," or ";". Text copied from a PDF keeps the line breaks
// of such structure but no blank line between its parts.
func clauseBreak(rs []rune, cur, body Span) bool {
	last := trimSpan(rs, cur)
	if last.End <= last.Start {
		return false
	}
	switch rs[last.End-1] {
	case ';':
		return true
	case ',':
		f := strings.Fields(string(rs[body.Start:min(body.End, body.Start+40)]))
		return len(f) > 1 && (formulas[f[0]] || f[0] == "en" && f[1] == "gaat")
	}
	return false
}

// formulas are the lower-case words that open the parts of a Dutch motion,
// amendment or decision: its recitals, its request and its closing formula.
var formulas = setOf(`constaterende overwegende gehoord gelet voorts verzoekt roept spreekt draagt besluit
	verklaart`)

// kindOf maps a line's kind to the kind of the block it opens.
func kindOf(k lineKind) UnitKind {
	if k == lineItem {
		return UnitItem
	}
	return UnitSentence
}

// splitLines returns the span of every line of rs, without its line break.
func splitLines(rs []rune) []Span {
	var lines []Span
	start := 0
	for i, r := range rs {
		if r == '\n' {
			lines = append(lines, Span{start, i})
			start = i + 1
		}
	}
	return append(lines, Span{start, len(rs)})
}

// bulletSegments cuts a line at every round bullet (•, ▪, ●): text copied
// out of PDFs often runs several bullets together on one line.
func bulletSegments(rs []rune, ln Span) []Span {
	var segs []Span
	start := ln.Start
	for i := ln.Start + 1; i < ln.End; i++ {
		if isRoundBullet(rs[i]) && strings.TrimSpace(string(rs[start:i])) != "" {
			segs = append(segs, Span{start, i})
			start = i
		}
	}
	return append(segs, Span{start, ln.End})
}

func isRoundBullet(r rune) bool { return strings.ContainsRune("•▪●◦○■□►➢➤", r) }

// trimSpan narrows s to exclude white space at either end.
func trimSpan(rs []rune, s Span) Span {
	for s.Start < s.End && unicode.IsSpace(rs[s.Start]) {
		s.Start++
	}
	for s.End > s.Start && unicode.IsSpace(rs[s.End-1]) {
		s.End--
	}
	return s
}

// isStopWordAny reports whether w is a stop word of lang, used to tell a
// heading ("Aanbevelingen") from a wrapped line ending in "van de".
func isStopWordAny(lang, w string) bool {
	return textsim.IsStopWord(lang, textsim.Normalize(w))
}
