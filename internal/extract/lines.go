package extract

import (
	"regexp"
	"strings"
	"unicode"
)

// lineKind is what one line (or bullet segment of a line) is.
type lineKind int

const (
	lineText    lineKind = iota // running text: starts or continues a paragraph
	lineBlank                   // empty: ends a block
	lineItem                    // starts a list item
	lineHeading                 // a heading of its own
)

// lineClass is a classified line with the span of its body: the line without
// white space, list marker or Markdown hashes.
type lineClass struct {
	kind lineKind
	body Span
}

// listMarker matches the marker of a list item at the start of a line:
// bullets, "1.", "1)", "(1)", "a)", "a.", "iv)", and dotted section numbers
// ("3.2"), which classify turns into headings when the rest looks like one.
var listMarker = regexp.MustCompile(`^(?:[•▪●◦○■□►➢➤·*\-–—]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)]|[A-Z]\)|\d{1,2}(?:\.\d{1,2})+\.?)\s+`)

// markdownHeading matches "# Title" up to "###### Title".
var markdownHeading = regexp.MustCompile(`^#{1,6}\s+`)

// classify tells what the line seg (line i of lines) is. atStart says that
// no block is open, so the line would start a paragraph.
func classify(rs []rune, seg Span, lines []Span, i int, atStart bool, lang string) lineClass {
	body := trimSpan(rs, seg)
	if body.End == body.Start {
		return lineClass{kind: lineBlank}
	}
	text := string(rs[body.Start:body.End])
	if m := markdownHeading.FindString(text); m != "" {
		return lineClass{kind: lineHeading, body: trimSpan(rs, Span{body.Start + runeLen(m), body.End})}
	}
	next, alone := nextLine(rs, lines, i, seg)
	if m := listMarker.FindString(text); m != "" {
		item := Span{body.Start + runeLen(m), body.End}
		if alone && isSectionNumber(rs, m, item) && looksLikeHeading(rs, item, next, true, lang) {
			return lineClass{kind: lineHeading, body: item}
		}
		return lineClass{kind: lineItem, body: item}
	}
	if atStart && alone && looksLikeHeading(rs, body, next, false, lang) {
		return lineClass{kind: lineHeading, body: body}
	}
	return lineClass{kind: lineText, body: body}
}

// isSectionNumber reports whether a list marker numbers a section rather
// than a list item: a dotted number ("3.2"), or "1." before a title of at
// most three words ("1. Inleiding"), where a numbered recommendation is
// mostly longer ("1. Investeer in de waterstofketen van de regio").
func isSectionNumber(rs []rune, marker string, item Span) bool {
	m := strings.TrimSpace(marker)
	if strings.IndexFunc(m, unicode.IsDigit) < 0 {
		return false
	}
	dotted := strings.Count(strings.TrimSuffix(m, "."), ".") > 0
	return dotted || len(strings.Fields(string(rs[item.Start:item.End]))) <= 3
}

// nextLine returns the trimmed text of the line after line i ("" at the end
// of the text). alone is false when seg ends before its line does: a bullet
// follows on the same line, so seg is no heading.
func nextLine(rs []rune, lines []Span, i int, seg Span) (next string, alone bool) {
	if seg.End < lines[i].End {
		return "", false
	}
	if i+1 >= len(lines) {
		return "", true
	}
	n := trimSpan(rs, lines[i+1])
	return string(rs[n.Start:n.End]), true
}

// looksLikeHeading reports whether the line body is a heading: short, no
// sentence punctuation at its end, not ending in a stop word ("van de"),
// starting with a capital or digit, and followed by a blank line, a list, or
// a clearly longer line. numbered relaxes the last test, since "3.2 Titel"
// is a heading wherever it stands.
func looksLikeHeading(rs []rune, body Span, next string, numbered bool, lang string) bool {
	words := strings.Fields(string(rs[body.Start:body.End]))
	n := body.End - body.Start
	if len(words) == 0 || len(words) > 14 || n > 110 {
		return false
	}
	first, last := rs[body.Start], rs[body.End-1]
	if strings.ContainsRune(".,;:!?…", last) || !(unicode.IsUpper(first) || unicode.IsDigit(first)) {
		return false
	}
	if isStopWordAny(lang, strings.Trim(words[len(words)-1], "()\"'")) {
		return false
	}
	if next == "" || listMarker.MatchString(next) {
		return true
	}
	return numbered || 10*n <= 6*runeLen(next)
}

func runeLen(s string) int { return len([]rune(s)) }
