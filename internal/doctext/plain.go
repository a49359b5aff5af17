package doctext

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// readPlain reads plain text or Markdown. Content is the file itself, so
// that code-point offsets index the file; only a leading UTF-8 byte order
// mark is dropped (it is no text, and editors hide it). Invalid UTF-8 is
// refused rather than repaired, since a repair would shift the offsets.
func readPlain(label string, format Format, data []byte) (*rawDoc, error) {
	data = bytes.TrimPrefix(data, bom)
	if !utf8.Valid(data) {
		return nil, fail(label, ErrEncoding, "is geen geldige UTF-8 (bij byte %d); sla het op als UTF-8 (invalid UTF-8: save it as UTF-8)", invalidAt(data))
	}
	s := string(data)
	raw := &rawDoc{pages: []string{s}, verbatim: true}
	if format == FormatMarkdown {
		raw.title = markdownTitle(s)
	}
	return raw, nil
}

// invalidAt returns the byte offset of the first invalid UTF-8 sequence.
func invalidAt(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// markdownTitle returns the text of the first ATX heading ("# Titel"), or
// "" when there is none; a front-matter title wins over it.
func markdownTitle(s string) string {
	if t := frontMatterTitle(s); t != "" {
		return t
	}
	for line := range strings.Lines(s) {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "#") {
			if t := strings.TrimSpace(strings.TrimLeft(line, "#")); t != "" {
				return t
			}
		}
	}
	return ""
}

// frontMatterTitle returns the title: field of a leading YAML front matter.
func frontMatterTitle(s string) string {
	if !strings.HasPrefix(s, "---\n") && !strings.HasPrefix(s, "---\r\n") {
		return ""
	}
	for i, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if i > 0 && line == "---" {
			break
		}
		if v, ok := strings.CutPrefix(line, "title:"); ok {
			return strings.Trim(strings.TrimSpace(v), `"'`)
		}
	}
	return ""
}
