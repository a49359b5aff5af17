package doctext

import (
	"strings"
	"unicode/utf8"
)

// maxTitle is the longest title kept, in code points; a longer first line
// is a sentence, not a title, and is cut at a word.
const maxTitle = 200

// chooseTitle returns the title from the file's metadata (or the reader's
// own choice, such as a DOCX's first heading) when it has text, else the
// first line of content that has text, without Markdown's #.
func chooseTitle(meta, content string) string {
	if t := cleanTitle(meta); t != "" {
		return t
	}
	for line := range strings.Lines(content) {
		if t := cleanTitle(strings.TrimLeft(strings.TrimSpace(line), "#")); t != "" {
			return t
		}
	}
	return ""
}

// cleanTitle collapses white space and cuts an over-long title at a word.
func cleanTitle(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if !hasText(s) {
		return ""
	}
	if utf8.RuneCountInString(s) <= maxTitle {
		return s
	}
	rs := []rune(s)[:maxTitle]
	if i := strings.LastIndexByte(string(rs), ' '); i > 0 {
		return string(rs)[:i] + "…"
	}
	return string(rs) + "…"
}
