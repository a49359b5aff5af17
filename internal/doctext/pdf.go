package doctext

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/klippa-app/go-pdfium"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
)

// readPDF extracts the text of each page of a PDF with PDFium, calling
// progress after each page.
func readPDF(ctx context.Context, label string, data []byte, cacheDir string, progress func(int, int)) (*rawDoc, error) {
	inst, err := instance(ctx, cacheDir)
	if err != nil {
		return nil, err
	}
	defer inst.Close()
	opened, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		return nil, openError(label, err)
	}
	doc := opened.Document
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc})
	count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc})
	if err != nil {
		return nil, fail(label, ErrCorrupt, "PDF is beschadigd (%v); open en bewaar hem opnieuw (corrupt PDF: open and save it again)", err)
	}
	pages, err := pdfPages(ctx, inst, doc, count.PageCount, progress)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", label, err)
	}
	return &rawDoc{pages: pages, title: pdfTitle(inst, doc), lines: true}, nil
}

// pdfPages returns the text of each page, stopping when ctx is done.
func pdfPages(ctx context.Context, inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, n int, progress func(int, int)) ([]string, error) {
	pages := make([]string, n)
	for i := range n {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		res, err := inst.GetPageText(&requests.GetPageText{
			Page: requests.Page{ByIndex: &requests.PageByIndex{Document: doc, Index: i}},
		})
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", i+1, err)
		}
		pages[i] = res.Text
		progress(i+1, n)
	}
	return pages, nil
}

// pdfTitle returns the Title of the document information, or "" when it
// has none or only a leftover of the program that made it.
func pdfTitle(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT) string {
	res, err := inst.FPDF_GetMetaText(&requests.FPDF_GetMetaText{Document: doc, Tag: "Title"})
	if err != nil || !usableTitle(res.Value) {
		return ""
	}
	return res.Value
}

// usableTitle reports whether a PDF's Title is a title and not what a word
// processor left there: a file name ("Microsoft Word - nota_v3.docx",
// "rapport.indd") or a placeholder ("Untitled", "Naamloos").
func usableTitle(t string) bool {
	t = strings.ToLower(strings.TrimSpace(t))
	switch {
	case t == "", t == "untitled", t == "naamloos", t == "titel", t == "title":
		return false
	case strings.HasPrefix(t, "microsoft word - "), strings.HasPrefix(t, "microsoft powerpoint - "):
		return false
	}
	return !fileName.MatchString(t)
}

// fileName matches a title that ends in an office or layout file extension.
var fileName = regexp.MustCompile(`\.(docx?|pdf|indd|pptx?|xlsx?|odt|rtf|txt|qxp)$`)

// openError turns PDFium's failure to open a document into an *Error.
func openError(label string, err error) error {
	switch {
	case errors.Is(err, pdfiumerrors.ErrPassword), errors.Is(err, pdfiumerrors.ErrSecurity):
		return fail(label, ErrEncrypted, "PDF is beveiligd met een wachtwoord; open hem, bewaar hem zonder beveiliging en probeer opnieuw (PDF is password-protected: save a copy without protection and try again)")
	case errors.Is(err, pdfiumerrors.ErrFormat), errors.Is(err, pdfiumerrors.ErrFile):
		return fail(label, ErrCorrupt, "PDF is beschadigd of onvolledig; download hem opnieuw (PDF is corrupt or truncated: download it again)")
	}
	return fmt.Errorf("%s: open pdf: %w", label, err)
}
