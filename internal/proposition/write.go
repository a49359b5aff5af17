package proposition

import (
	"bufio"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"strings"
)

// Write renders d in format: md (GitHub Markdown with footnotes), html
// (one self-contained file), docx (Word, with footnotes) or json (the
// Draft's fields). BAD_USER_INPUT for an unknown format.
func Write(out io.Writer, format string, d *Draft) error {
	if err := Check(format, d.Lang); err != nil {
		return err
	}
	if format == "json" {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(d)
	}
	f := flatten(d)
	switch format {
	case "md":
		return f.markdown(out)
	case "html":
		return f.html(out)
	}
	return f.docx(out)
}

// markdown writes GitHub-flavoured Markdown; notes are footnotes ([^n]).
func (f *flat) markdown(out io.Writer) error {
	bw := bufio.NewWriter(out)
	fmt.Fprintf(bw, "# %s\n", mdCell(f.title))
	for _, b := range f.blocks {
		switch b.kind {
		case heading:
			fmt.Fprintf(bw, "\n%s %s\n", strings.Repeat("#", b.level), mdCell(b.text))
		case paragraph:
			fmt.Fprintf(bw, "\n%s%s\n", mdText(b.text), mdNote(b.note))
		case bullets:
			bw.WriteString("\n")
			for _, l := range b.lines {
				fmt.Fprintf(bw, "- %s%s\n", mdText(l.text), mdNote(l.note))
			}
		case grid:
			f.mdTable(bw, b)
		}
	}
	if len(f.notes) > 0 {
		bw.WriteString("\n")
	}
	for i, n := range f.notes {
		fmt.Fprintf(bw, "[^%d]: %s\n", i+1, mdText(n))
	}
	return bw.Flush()
}

func (f *flat) mdTable(bw *bufio.Writer, b block) {
	fmt.Fprintf(bw, "\n| %s |\n|%s\n", strings.Join(b.head, " | "), strings.Repeat("---|", len(b.head)))
	for _, r := range b.rows {
		cells := make([]string, len(r.cells))
		for i, c := range r.cells {
			cells[i] = mdCell(c)
		}
		cells[0] += mdNote(r.note)
		fmt.Fprintf(bw, "| %s |\n", strings.Join(cells, " | "))
	}
}

func mdNote(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("[^%d]", n)
}

// mdText escapes what Markdown would read as markup in running text.
func mdText(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", "&lt;", "\n", " ")
	return r.Replace(s)
}

// mdCell is mdText for a table cell, where a pipe ends the cell.
func mdCell(s string) string { return strings.ReplaceAll(mdText(s), "|", `\|`) }

// html writes one self-contained HTML file: inline style, no scripts, no
// external resources; notes are an ordered list linked both ways.
func (f *flat) html(out io.Writer) error {
	bw := bufio.NewWriter(out)
	e := html.EscapeString
	fmt.Fprintf(bw, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n<h1>%s</h1>\n",
		e(f.lang), e(f.title), css, e(f.title))
	for _, b := range f.blocks {
		switch b.kind {
		case heading:
			fmt.Fprintf(bw, "<h%d>%s</h%d>\n", b.level, e(b.text), b.level)
		case paragraph:
			fmt.Fprintf(bw, "<p>%s%s</p>\n", e(b.text), htmlNote(b.note))
		case bullets:
			bw.WriteString("<ul>\n")
			for _, l := range b.lines {
				fmt.Fprintf(bw, "<li>%s%s</li>\n", e(l.text), htmlNote(l.note))
			}
			bw.WriteString("</ul>\n")
		case grid:
			htmlTable(bw, b)
		}
	}
	fmt.Fprintf(bw, "<h2>%s</h2>\n<ol class=\"notes\">\n", e(w(f.lang, "notes")))
	for i, n := range f.notes {
		fmt.Fprintf(bw, "<li id=\"n%d\">%s <a href=\"#r%d\">↩</a></li>\n", i+1, linkURLs(n), i+1)
	}
	bw.WriteString("</ol>\n</body>\n</html>\n")
	return bw.Flush()
}

func htmlTable(bw *bufio.Writer, b block) {
	bw.WriteString("<table>\n<tr>")
	for _, h := range b.head {
		fmt.Fprintf(bw, "<th>%s</th>", html.EscapeString(h))
	}
	bw.WriteString("</tr>\n")
	for _, r := range b.rows {
		bw.WriteString("<tr>")
		for i, c := range r.cells {
			cell := linkURLs(c)
			if i == 0 {
				cell += htmlNote(r.note)
			}
			fmt.Fprintf(bw, "<td>%s</td>", cell)
		}
		bw.WriteString("</tr>\n")
	}
	bw.WriteString("</table>\n")
}

func htmlNote(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("<sup id=\"r%d\"><a href=\"#n%d\">%d</a></sup>", n, n, n)
}

// linkURLs escapes s and makes its http(s) words links.
func linkURLs(s string) string {
	words := strings.Split(s, " ")
	for i, wd := range words {
		trim := strings.TrimRight(wd, ",;")
		esc := html.EscapeString(trim)
		if strings.HasPrefix(trim, "http://") || strings.HasPrefix(trim, "https://") {
			words[i] = fmt.Sprintf("<a href=\"%s\">%s</a>%s", esc, esc, html.EscapeString(wd[len(trim):]))
		} else {
			words[i] = html.EscapeString(wd)
		}
	}
	return strings.Join(words, " ")
}

const css = `body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#222}
h1{border-bottom:3px solid #b22}h2{margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}
th{background:#f3f3f3}sup a{text-decoration:none}.notes{font-size:.9em;color:#444}`
