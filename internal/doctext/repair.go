package doctext

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// repair undoes what typesetting does to text extracted from PDF, HTML and
// DOCX: Windows line ends, soft hyphens, ligatures, words hyphenated at a
// line end, decomposed accents and runs of spaces. It never touches plain
// text or Markdown, whose offsets must index the file.
func repair(s string) string {
	s = lineEnds.Replace(s)
	s = typeset.Replace(s)
	s = norm.NFC.String(s)
	s = joinHyphenated(s)
	s = collapseSpaces(s)
	return blankLines.ReplaceAllString(s, "\n\n")
}

// lineEnds turns CRLF and CR into LF, and PDFium's mark for a word
// hyphenated at a line end (U+0002, which stands for both the hyphen and the
// line end) back into a hyphen and a line end, so that joinHyphenated
// decides whether the hyphen belongs to the word.
var lineEnds = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\x02", "-\n")

// typeset drops soft hyphens and zero-width characters and expands the
// Latin ligatures; NFKC would expand these too but also rewrites ², ½ and
// full-width forms, which a quote must keep.
var typeset = strings.NewReplacer(
	"\u00ad", "", "\u200b", "", "\u200c", "", "\u200d", "", "\ufeff", "",
	"\ufb00", "ff", "\ufb01", "fi", "\ufb02", "fl", "\ufb03", "ffi",
	"\ufb04", "ffl", "\ufb05", "st", "\ufb06", "st",
)

// blankLines matches two or more line ends with only spaces between them.
var blankLines = regexp.MustCompile(`\n[ \t]*\n(?:[ \t]*\n)*`)

// hyphenBreak matches a word ending in a letter, a hyphen at a line end and
// the first word of the next line.
var hyphenBreak = regexp.MustCompile(`\S*\p{L}-[ \t]*\n[ \t]*\p{L}+`)

// joinHyphenated joins words split over two lines. "duurzaam-\nheid"
// becomes "duurzaamheid"; where the hyphen belongs to the text it stays and
// only the line end goes: before a capital ("Noord-\nHolland"), after a
// capital ("AI-\nverordening") or a single letter ("e-\nmail"), inside a
// web or mail address ("www.cip-\noverheid.nl"), where Dutch spelling needs
// it between two vowels ("zee-\negel", "ruimte-\ninname"), and before a
// conjunction ("wet-\nen regelgeving" becomes "wet- en regelgeving").
func joinHyphenated(s string) string {
	return hyphenBreak.ReplaceAllStringFunc(s, func(m string) string {
		word := m[:strings.LastIndex(m, "-")]
		next := strings.TrimLeft(m[strings.LastIndex(m, "\n")+1:], " \t")
		switch {
		case conjunctions[next]:
			return word + "- " + next
		case keepsHyphen(word, next):
			return word + "-" + next
		}
		return word + next
	})
}

// conjunctions are the words after which a hyphen at a line end stands for
// an omitted part ("wet- en regelgeving").
var conjunctions = map[string]bool{"en": true, "of": true, "tot": true, "noch": true}

// keepsHyphen reports whether the hyphen between word and next is part of
// the text rather than a line-end break.
func keepsHyphen(word, next string) bool {
	rs := []rune(word)
	before, after := rs[len(rs)-1], []rune(next)[0]
	switch {
	case !unicode.IsLower(after) || !unicode.IsLower(before):
		return true
	case len(rs) == 1 || strings.ContainsAny(word, "/.@:_"):
		return true
	}
	return vowelClash[string([]rune{before, after})]
}

// vowelClash lists the vowel pairs that Dutch separates with a hyphen
// because joined they would read as one sound (zee-egel, auto-ongeluk,
// ruimte-inname).
var vowelClash = map[string]bool{
	"aa": true, "ee": true, "oo": true, "uu": true, "ii": true,
	"ai": true, "au": true, "ei": true, "eu": true, "ie": true,
	"oe": true, "oi": true, "ou": true, "ui": true,
}

// collapseSpaces turns each run of spaces, tabs and no-break spaces into one
// space and drops spaces at line ends and starts.
func collapseSpaces(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strings.Join(strings.FieldsFunc(line, isSpace), " "))
	}
	return b.String()
}

// isSpace reports whether r is horizontal white space.
func isSpace(r rune) bool { return r != '\n' && unicode.IsSpace(r) }
