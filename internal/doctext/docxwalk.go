package doctext

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// wordNS is the namespace of WordprocessingML elements.
const wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// docxWalker turns the token stream of word/document.xml into blocks of
// text: one per paragraph outside tables, one per table.
type docxWalker struct {
	blocks       []string
	firstHeading string

	paras    []*docxPara // open paragraphs; a text box nests one in another
	inText   bool        // inside w:t
	skip     int         // depth inside mc:Fallback, which repeats mc:Choice
	tables   int         // depth of open tables
	rows     []string    // finished rows of the outer table
	cells    []string    // finished cells of the current row
	cellText []string    // finished paragraphs of the current cell
}

// docxPara is a paragraph being read.
type docxPara struct {
	text  strings.Builder
	style string
}

// walk reads every token of d.
func (w *docxWalker) walk(d *xml.Decoder) error {
	for {
		tok, err := d.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			w.start(t)
		case xml.EndElement:
			w.end(t)
		case xml.CharData:
			if w.inText && w.skip == 0 && len(w.paras) > 0 {
				w.para().text.Write(t)
			}
		}
	}
}

// para returns the innermost open paragraph.
func (w *docxWalker) para() *docxPara { return w.paras[len(w.paras)-1] }

// start handles an opening tag.
func (w *docxWalker) start(t xml.StartElement) {
	if t.Name.Local == "Fallback" || w.skip > 0 {
		w.skip++
		return
	}
	if t.Name.Space != wordNS {
		return
	}
	switch t.Name.Local {
	case "p":
		w.paras = append(w.paras, &docxPara{})
	case "tbl":
		w.tables++
	case "t":
		w.inText = true
	}
	if len(w.paras) == 0 {
		return
	}
	p := w.para()
	switch t.Name.Local {
	case "pStyle":
		p.style = wordAttr(t, "val")
	case "tab":
		p.text.WriteByte(' ')
	case "br", "cr":
		p.text.WriteByte('\n')
	case "noBreakHyphen":
		p.text.WriteByte('-')
	case "softHyphen":
		p.text.WriteString("\u00ad")
	}
}

// end handles a closing tag.
func (w *docxWalker) end(t xml.EndElement) {
	if w.skip > 0 {
		w.skip--
		return
	}
	if t.Name.Space != wordNS {
		return
	}
	switch t.Name.Local {
	case "t":
		w.inText = false
	case "p":
		w.endPara()
	case "tc":
		w.endCell()
	case "tr":
		w.endRow()
	case "tbl":
		w.endTable()
	}
}

// endPara closes a paragraph into the current cell or as a block.
func (w *docxWalker) endPara() {
	if len(w.paras) == 0 {
		return
	}
	p := w.para()
	w.paras = w.paras[:len(w.paras)-1]
	text := strings.TrimSpace(p.text.String())
	if text == "" {
		return
	}
	if w.tables > 0 {
		w.cellText = append(w.cellText, strings.Join(strings.Fields(text), " "))
		return
	}
	if level := headingLevel(p.style); level > 0 {
		if w.firstHeading == "" {
			w.firstHeading = text
		}
		text = strings.Repeat("#", level) + " " + text
	}
	w.blocks = append(w.blocks, text)
}

// endCell closes a cell of the outer table; cells of nested tables flow
// into the outer cell.
func (w *docxWalker) endCell() {
	if w.tables == 1 {
		w.cells = append(w.cells, strings.Join(w.cellText, " "))
		w.cellText = nil
	}
}

// endRow closes a row of the outer table, dropping rows without text.
func (w *docxWalker) endRow() {
	if w.tables != 1 {
		return
	}
	if hasText(strings.Join(w.cells, "")) {
		w.rows = append(w.rows, strings.Join(w.cells, " | "))
	}
	w.cells = nil
}

// endTable closes a table; the outer one becomes a block.
func (w *docxWalker) endTable() {
	w.tables--
	if w.tables == 0 && len(w.rows) > 0 {
		w.blocks = append(w.blocks, strings.Join(w.rows, "\n"))
		w.rows = nil
	}
}

// wordAttr returns the value of t's w: attribute local.
func wordAttr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local && a.Name.Space == wordNS {
			return a.Value
		}
	}
	return ""
}
