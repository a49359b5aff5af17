// Package doctext gets the text out of documents (PDF, HTML, DOCX, plain
// text, Markdown) for ingest: the whole text, its pages as code-point ranges,
// a title, the language, and paragraph-sized passages for storage and
// full-text search. It does no other I/O than reading the file it is given
// and, for PDFs, the compilation cache of the PDF engine.
//
// Offsets everywhere count Unicode code points (runes) into Doc.Content, as
// in package extract.
package doctext

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"

	"github.com/rodedraad/rodedraad/internal/extract"
)

// Format is the kind of document a Doc was read from.
type Format string

// The formats Read understands.
const (
	FormatPDF      Format = "pdf"
	FormatHTML     Format = "html"
	FormatDOCX     Format = "docx"
	FormatText     Format = "txt"
	FormatMarkdown Format = "md"
)

// Doc is the text of one document.
type Doc struct {
	Name      string // the file's base name
	Format    Format
	Title     string
	Language  string // "nl" or "en"
	Content   string // the whole text; verbatim for plain text and Markdown
	Pages     []extract.Span
	PageCount int
	SHA256    string // hex digest of the input bytes
	Passages  []Passage
}

// Passage is a paragraph-sized piece of one page: Text equals the runes
// [Start, End) of the Doc's Content, and Page is 1-based. The passages of a
// page are in order, never overlap, and leave only white space between
// them.
type Passage struct {
	Page       int
	Start, End int
	Text       string
}

// Options tune a read. The zero value works.
type Options struct {
	// CacheDir is where the PDF engine keeps its compiled code, so that the
	// next process starts in a fraction of the time. Empty means no cache on
	// disk. Only the first PDF read in a process uses it: the engine is
	// started once and shared (see Close).
	CacheDir string
	// Progress, when set, is called after each page of a PDF, and once for
	// other formats, with the 1-based page done and the number of pages.
	Progress func(page, pages int)
}

// Text returns d as the input of an extractor.
func (d *Doc) Text(documentID string) extract.Text {
	return extract.Text{DocumentID: documentID, Language: d.Language, Content: d.Content, Pages: d.Pages}
}

// Read reads the document at path. The format comes from the extension and
// the first bytes. Bad input (not found, empty, unknown type, encrypted or
// scanned PDF, broken DOCX, invalid UTF-8) gives an *Error with code
// rodedraad.EINVALID that names the file and says what to do.
func Read(ctx context.Context, path string, opts Options) (*Doc, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return read(ctx, path, filepath.Base(path), data, opts)
}

// ReadBytes reads a document held in memory; name is its file name, used
// for the format, Doc.Name and messages. Errors are as for Read.
func ReadBytes(ctx context.Context, name string, data []byte, opts Options) (*Doc, error) {
	return read(ctx, name, filepath.Base(name), data, opts)
}

// readFile reads path, turning a missing file or a folder into an *Error.
func readFile(path string) ([]byte, error) {
	info, err := os.Stat(path)
	switch {
	case os.IsNotExist(err):
		return nil, fail(path, ErrNotFound, "bestand bestaat niet; controleer het pad (file does not exist: check the path)")
	case err != nil:
		return nil, fmt.Errorf("read %s: %w", path, err)
	case info.IsDir():
		return nil, fail(path, ErrUnsupported, "is een map; geef een bestand (is a folder: give a file)")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return data, nil
}

// read detects the format, extracts the pages and builds the Doc.
func read(ctx context.Context, label, name string, data []byte, opts Options) (*Doc, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(data) == 0 {
		return nil, fail(label, ErrEmpty, "bestand is leeg (file is empty)")
	}
	format, err := detect(label, name, data)
	if err != nil {
		return nil, err
	}
	raw, err := extractPages(ctx, label, format, data, opts)
	if err != nil {
		return nil, err
	}
	d := assemble(raw)
	if !hasText(d.Content) {
		return nil, fail(label, ErrNoText, "%s", noTextHint[format])
	}
	d.Name, d.Format = name, format
	sum := sha256.Sum256(data)
	d.SHA256 = hex.EncodeToString(sum[:])
	return d, nil
}

// noTextHint says, per format, why a file may hold no text and what to do.
var noTextHint = map[Format]string{
	FormatPDF:      "PDF bevat geen tekst, waarschijnlijk een scan; haal hem eerst door OCR (PDF has no text, probably a scan: run OCR first)",
	FormatHTML:     "pagina bevat geen tekst; sla de pagina op nadat ze geladen is (page has no text: save it after it has loaded)",
	FormatDOCX:     "document bevat geen tekst (document has no text)",
	FormatText:     "bestand bevat alleen witruimte (file holds only white space)",
	FormatMarkdown: "bestand bevat alleen witruimte (file holds only white space)",
}

// extractPages runs the reader of format.
func extractPages(ctx context.Context, label string, format Format, data []byte, opts Options) (*rawDoc, error) {
	progress := opts.Progress
	if progress == nil {
		progress = func(int, int) {}
	}
	var (
		raw *rawDoc
		err error
	)
	switch format {
	case FormatPDF:
		return readPDF(ctx, label, data, opts.CacheDir, progress)
	case FormatHTML:
		raw, err = readHTML(label, data)
	case FormatDOCX:
		raw, err = readDOCX(label, data)
	default:
		raw, err = readPlain(label, format, data)
	}
	if err == nil {
		progress(1, 1)
	}
	return raw, err
}
