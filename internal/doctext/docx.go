package doctext

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// maxPart caps how much of one zip part is read, against zip bombs.
const maxPart = 256 << 20

// readDOCX reads the body of a Word document: paragraphs (headings as "#"
// lines, from the styles Heading1.. and the Dutch Kop1..) and tables, one
// row per line with " | " between cells. Headers, footers, footnotes and
// comments are left out. The title comes from docProps/core.xml, else from
// the first heading.
func readDOCX(label string, data []byte) (*rawDoc, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, brokenDOCX(label, err)
	}
	body, err := readPart(zr, "word/document.xml")
	if err != nil {
		return nil, brokenDOCX(label, err)
	}
	w := &docxWalker{}
	if err := w.walk(xml.NewDecoder(body)); err != nil {
		return nil, brokenDOCX(label, err)
	}
	title := w.firstHeading
	if core, err := readPart(zr, "docProps/core.xml"); err == nil {
		if t := coreTitle(core); t != "" {
			title = t
		}
	}
	return &rawDoc{pages: []string{strings.Join(w.blocks, "\n\n")}, title: title}, nil
}

// brokenDOCX is the error for a DOCX that cannot be read.
func brokenDOCX(label string, err error) error {
	return fail(label, ErrCorrupt, "DOCX is beschadigd (%v); open hem in Word en sla hem opnieuw op (corrupt DOCX: open it in Word and save it again)", err)
}

// readPart returns a reader over the zip part name.
func readPart(zr *zip.Reader, name string) (io.Reader, error) {
	f, err := zr.Open(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxPart))
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return bytes.NewReader(data), nil
}

// coreTitle returns the dc:title of docProps/core.xml.
func coreTitle(r io.Reader) string {
	var core struct {
		Title string `xml:"http://purl.org/dc/elements/1.1/ title"`
	}
	if xml.NewDecoder(r).Decode(&core) != nil {
		return ""
	}
	return strings.TrimSpace(core.Title)
}

// headingStyle matches the style ids of headings, in English and Dutch Word.
var headingStyle = regexp.MustCompile(`(?i)^(?:heading|kop)\s*([1-6])$`)

// headingLevel returns the heading level of a paragraph style, 0 for none.
func headingLevel(style string) int {
	switch strings.ToLower(style) {
	case "title", "titel":
		return 1
	}
	m := headingStyle.FindStringSubmatch(style)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}
