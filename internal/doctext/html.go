package doctext

import (
	"bytes"
	"strings"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// readHTML turns an HTML page into Markdown text: headings stay as "#"
// lines, tables as "|" rows; links keep only their text, and menus,
// scripts, forms and the like are dropped. When the page marks its main
// content (<main>, role="main", <article>) only that is kept.
func readHTML(label string, data []byte) (*rawDoc, error) {
	doc, err := parseHTML(data)
	if err != nil {
		return nil, fail(label, ErrCorrupt, "HTML kan niet gelezen worden (%v); sla de pagina opnieuw op (unreadable HTML: save the page again)", err)
	}
	title := htmlTitle(doc)
	root := mainContent(doc)
	prune(root)
	md, err := newMarkdown().ConvertNode(root)
	if err != nil {
		return nil, fail(label, ErrCorrupt, "HTML kan niet omgezet worden (%v); sla de pagina opnieuw op (cannot convert HTML: save the page again)", err)
	}
	return &rawDoc{pages: []string{string(md)}, title: title}, nil
}

// newMarkdown returns a converter from HTML to Markdown without escaping
// (the text is read, not rendered, so "1\." would only be noise), without
// the * and _ of emphasis and with links as their text.
func newMarkdown() *converter.Converter {
	conv := converter.NewConverter(
		converter.WithEscapeMode(converter.EscapeModeDisabled),
		converter.WithPlugins(
			base.NewBasePlugin(),
			commonmark.NewCommonmarkPlugin(commonmark.WithLinkEmptyHrefBehavior(commonmark.LinkBehaviorSkip)),
			table.NewTablePlugin(table.WithSkipEmptyRows(true)),
		),
	)
	plain := func(ctx converter.Context, w converter.Writer, n *html.Node) converter.RenderStatus {
		ctx.RenderChildNodes(ctx, w, n)
		return converter.RenderSuccess
	}
	for _, tag := range []string{"strong", "b", "em", "i", "code", "a"} {
		conv.Register.RendererFor(tag, converter.TagTypeInline, plain, converter.PriorityEarly)
	}
	return conv
}

// parseHTML decodes data from its declared or sniffed character set and
// parses it.
func parseHTML(data []byte) (*html.Node, error) {
	enc, _, _ := charset.DetermineEncoding(data, "text/html")
	utf, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, err
	}
	return html.Parse(bytes.NewReader(utf))
}

// htmlTitle returns the page's <title>, or its first <h1> when there is no
// title or when the title is the h1 plus the site's name ("Duurzaamheid -
// Algoritmekader").
func htmlTitle(doc *html.Node) string {
	title, h1 := "", ""
	if n := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Title }); n != nil {
		title = strings.Join(strings.Fields(textOf(n)), " ")
	}
	if n := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.H1 }); n != nil {
		h1 = strings.Join(strings.Fields(textOf(n)), " ")
	}
	if title == "" || h1 != "" && strings.HasPrefix(title, h1) {
		return h1
	}
	return title
}

// mainContent returns the element that holds the page's main content, or
// the body, or the whole document.
func mainContent(doc *html.Node) *html.Node {
	isMain := []func(*html.Node) bool{
		func(n *html.Node) bool { return n.DataAtom == atom.Main || attr(n, "role") == "main" },
		func(n *html.Node) bool { return n.DataAtom == atom.Article },
		func(n *html.Node) bool { return n.DataAtom == atom.Body },
	}
	for _, f := range isMain {
		if n := find(doc, f); n != nil {
			return n
		}
	}
	return doc
}

// dropped are elements that hold no document text.
var dropped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Aside: true, atom.Form: true, atom.Button: true,
	atom.Svg: true, atom.Iframe: true, atom.Dialog: true, atom.Img: true,
	atom.Header: true, atom.Footer: true,
}

// prune removes the dropped elements under n, except a header or footer
// inside an article, which belongs to the text (its h1, its date).
func prune(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		keep := (c.DataAtom == atom.Header || c.DataAtom == atom.Footer) && inside(c, atom.Article)
		if c.Type == html.ElementNode && (dropped[c.DataAtom] && !keep || isPermalink(c)) {
			n.RemoveChild(c)
		} else {
			prune(c)
		}
		c = next
	}
}

// isPermalink reports whether n is a link that belongs to the site, not the
// text: a heading's permalink (the ¶ that static site generators add) or a
// "skip to content" link.
func isPermalink(n *html.Node) bool {
	if n.DataAtom != atom.A {
		return false
	}
	if strings.Contains(attr(n, "class"), "skip") {
		return true
	}
	switch strings.TrimSpace(textOf(n)) {
	case "¶", "#", "§", "🔗":
		return true
	}
	return false
}

// inside reports whether n has an ancestor a.
func inside(n *html.Node, a atom.Atom) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == a {
			return true
		}
	}
	return false
}

// find returns the first node under n, depth first, that ok accepts.
func find(n *html.Node, ok func(*html.Node) bool) *html.Node {
	if n.Type == html.ElementNode && ok(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if m := find(c, ok); m != nil {
			return m
		}
	}
	return nil
}

// textOf returns the text under n.
func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textOf(c))
	}
	return b.String()
}

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
