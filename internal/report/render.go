package report

import (
	"fmt"
	"html"
	"io"
	"regexp"
	"strings"
	"text/tabwriter"
)

// doc is the report as the renderers see it: sections of paragraphs,
// bullet lists and tables, already in the briefing's language.
type doc struct {
	lang, title string
	sections    []section
}

// section is a heading (level 2, or 3 inside the conflicts; 0 for none)
// with a short explanation and its blocks.
type section struct {
	level        int
	title, intro string
	blocks       []any // para, list or table
}

type (
	para  string
	list  []string
	table struct {
		head []string
		rows [][]string
	}
)

func (s *section) add(blocks ...any) { s.blocks = append(s.blocks, blocks...) }

// text renders d for a terminal: underlined headings, aligned columns.
func (d doc) text(w io.Writer) error {
	fmt.Fprintf(w, "%s\n%s\n", d.title, strings.Repeat("=", len([]rune(d.title))))
	for _, s := range d.sections {
		if s.title != "" {
			line := map[int]string{2: "=", 3: "-"}[s.level]
			fmt.Fprintf(w, "\n%s\n%s\n", s.title, strings.Repeat(line, len([]rune(s.title))))
		}
		if s.intro != "" {
			fmt.Fprintf(w, "%s\n", s.intro)
		}
		for _, b := range s.blocks {
			if err := textBlock(w, b); err != nil {
				return err
			}
		}
	}
	return nil
}

func textBlock(w io.Writer, b any) error {
	switch b := b.(type) {
	case para:
		fmt.Fprintf(w, "%s\n", b)
	case list:
		for _, it := range b {
			fmt.Fprintf(w, "  - %s\n", it)
		}
	case table:
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "  %s\n", strings.Join(b.head, "\t"))
		for _, r := range b.rows {
			fmt.Fprintf(tw, "  %s\n", strings.Join(r, "\t"))
		}
		return tw.Flush()
	}
	return nil
}

// markdown renders d as GitHub-flavoured Markdown: headings, quoted
// explanations, lists and pipe tables (bare URLs become links on GitHub).
func (d doc) markdown(w io.Writer) error {
	fmt.Fprintf(w, "# %s\n", mdEscape(d.title))
	for _, s := range d.sections {
		if s.title != "" {
			fmt.Fprintf(w, "\n%s %s\n", strings.Repeat("#", s.level), mdEscape(s.title))
		}
		if s.intro != "" {
			fmt.Fprintf(w, "\n> %s\n", mdEscape(s.intro))
		}
		for _, b := range s.blocks {
			mdBlock(w, b)
		}
	}
	return nil
}

func mdBlock(w io.Writer, b any) {
	switch b := b.(type) {
	case para:
		fmt.Fprintf(w, "\n%s\n", mdEscape(string(b)))
	case list:
		fmt.Fprintln(w)
		for _, it := range b {
			fmt.Fprintf(w, "- %s\n", mdEscape(it))
		}
	case table:
		fmt.Fprintf(w, "\n| %s |\n|%s\n", mdRow(b.head), strings.Repeat(" --- |", len(b.head)))
		for _, r := range b.rows {
			fmt.Fprintf(w, "| %s |\n", mdRow(r))
		}
	}
}

func mdRow(cells []string) string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = strings.ReplaceAll(mdEscape(c), "|", `\|`)
	}
	return strings.Join(out, " | ")
}

// mdEscape keeps text from turning into markup it does not mean: emphasis,
// HTML and line breaks inside a table cell.
var mdSpecial = strings.NewReplacer("*", `\*`, "_", `\_`, "<", "&lt;", ">", "&gt;", "\n", " ", "`", "\\`")

func mdEscape(s string) string {
	// Keep URLs intact: GitHub links them only when their underscores are unescaped.
	var b strings.Builder
	last := 0
	for _, m := range urlPattern.FindAllStringIndex(s, -1) {
		b.WriteString(mdSpecial.Replace(s[last:m[0]]))
		b.WriteString(s[m[0]:m[1]])
		last = m[1]
	}
	b.WriteString(mdSpecial.Replace(s[last:]))
	return b.String()
}

var urlPattern = regexp.MustCompile(`https?://[^\s<>"]+[^\s<>".,;:)]`)

// htmlDoc renders d as one self-contained HTML page: inline CSS, no
// scripts, no external assets, so it can be mailed around as one file.
func (d doc) htmlDoc(w io.Writer) error {
	fmt.Fprintf(w, `<!DOCTYPE html>
<html lang="%s">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%s</title>
<style>%s</style>
</head>
<body>
<h1>%s</h1>
`, html.EscapeString(d.lang), html.EscapeString(d.title), css, html.EscapeString(d.title))
	for _, s := range d.sections {
		if s.title != "" {
			fmt.Fprintf(w, "<h%d>%s</h%d>\n", s.level, html.EscapeString(s.title), s.level)
		}
		if s.intro != "" {
			fmt.Fprintf(w, "<p class=\"intro\">%s</p>\n", htmlText(s.intro))
		}
		for _, b := range s.blocks {
			htmlBlock(w, b)
		}
	}
	_, err := io.WriteString(w, "</body>\n</html>\n")
	return err
}

const css = `body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1f2328;line-height:1.45}
h1{border-bottom:3px solid #c0392b;padding-bottom:.3rem}h2{margin-top:2.2rem;border-bottom:1px solid #d0d7de}
h3{margin-top:1.6rem;color:#c0392b}.intro{color:#57606a;font-style:italic}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.92rem}th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}a{color:#0969da;word-break:break-all}`

func htmlBlock(w io.Writer, b any) {
	switch b := b.(type) {
	case para:
		fmt.Fprintf(w, "<p>%s</p>\n", htmlText(string(b)))
	case list:
		fmt.Fprintln(w, "<ul>")
		for _, it := range b {
			fmt.Fprintf(w, "<li>%s</li>\n", htmlText(it))
		}
		fmt.Fprintln(w, "</ul>")
	case table:
		fmt.Fprint(w, "<table>\n<tr>")
		for _, h := range b.head {
			fmt.Fprintf(w, "<th>%s</th>", html.EscapeString(h))
		}
		fmt.Fprintln(w, "</tr>")
		for _, r := range b.rows {
			fmt.Fprint(w, "<tr>")
			for _, c := range r {
				fmt.Fprintf(w, "<td>%s</td>", htmlText(c))
			}
			fmt.Fprintln(w, "</tr>")
		}
		fmt.Fprintln(w, "</table>")
	}
}

// htmlText escapes s and turns its URLs into links.
func htmlText(s string) string {
	var b strings.Builder
	last := 0
	for _, m := range urlPattern.FindAllStringIndex(s, -1) {
		b.WriteString(html.EscapeString(s[last:m[0]]))
		u := html.EscapeString(s[m[0]:m[1]])
		fmt.Fprintf(&b, `<a href="%s">%s</a>`, u, u)
		last = m[1]
	}
	b.WriteString(html.EscapeString(s[last:]))
	return b.String()
}
