package doctext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rodedraad/rodedraad/internal/extract"
	"github.com/rodedraad/rodedraad/internal/textsim"
)

// pageSep stands between two pages in Content: a blank line, so that a
// paragraph never runs on from one page into the next.
const pageSep = "\n\n"

// rawDoc is what a format's reader yields: the text of each page and the
// title from the file's metadata, if any.
type rawDoc struct {
	pages    []string
	title    string
	verbatim bool // plain text and Markdown: no repairs, Content is the file
	lines    bool // PDF: one line per text line, paragraphs still to be found
}

// assemble repairs the pages (unless verbatim), joins them into Content and
// derives the title, language and passages.
func assemble(raw *rawDoc) *Doc {
	pages := raw.pages
	if !raw.verbatim {
		pages = cleanPages(pages, raw.lines)
	}
	d := &Doc{PageCount: len(pages)}
	d.Content, d.Pages = joinPages(pages)
	d.Title = chooseTitle(raw.title, d.Content)
	d.Language = textsim.GuessLanguage(textsim.Tokens(textsim.Normalize(d.Content)))
	d.Passages = passages(d.Content, d.Pages)
	return d
}

// cleanPages repairs each page, drops running headers and footers and, for
// text that comes line by line, marks the paragraph ends.
func cleanPages(pages []string, lines bool) []string {
	out := make([]string, len(pages))
	for i, p := range pages {
		out[i] = repair(p)
	}
	out = dropRunningLines(out)
	for i, p := range out {
		if lines {
			p = markParagraphs(p)
		}
		out[i] = strings.TrimSpace(p)
	}
	return out
}

// joinPages joins pages with pageSep and returns each page's code-point span.
func joinPages(pages []string) (string, []extract.Span) {
	var b strings.Builder
	spans := make([]extract.Span, len(pages))
	at := 0
	for i, p := range pages {
		if i > 0 {
			b.WriteString(pageSep)
			at += utf8.RuneCountInString(pageSep)
		}
		n := utf8.RuneCountInString(p)
		spans[i] = extract.Span{Start: at, End: at + n}
		b.WriteString(p)
		at += n
	}
	return b.String(), spans
}

// hasText reports whether s holds at least one letter or digit.
func hasText(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}
