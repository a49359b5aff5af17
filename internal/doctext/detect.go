package doctext

import (
	"archive/zip"
	"bytes"
	"path/filepath"
	"strings"
)

// byExtension maps a lower-case file extension to its format.
var byExtension = map[string]Format{
	".pdf":      FormatPDF,
	".html":     FormatHTML,
	".htm":      FormatHTML,
	".docx":     FormatDOCX,
	".txt":      FormatText,
	".md":       FormatMarkdown,
	".markdown": FormatMarkdown,
}

// detect returns the format of a file from its extension, checked against
// its first bytes so that a download error page saved as .pdf is caught
// early, or from its first bytes alone when the extension is unknown.
func detect(label, name string, data []byte) (Format, error) {
	ext := strings.ToLower(filepath.Ext(name))
	format, known := byExtension[ext]
	sniffed := sniff(data)
	switch {
	case !known && sniffed == "":
		return "", fail(label, ErrUnsupported, "onbekend bestandstype %q; gebruik .pdf, .html, .htm, .docx, .txt of .md (unknown type: use one of these)", ext)
	case !known:
		return sniffed, nil
	case format == FormatPDF && sniffed != FormatPDF:
		return "", fail(label, ErrCorrupt, "is geen PDF (begint niet met %%PDF-)%s; download het bestand opnieuw (not a PDF: download it again)", looksLike(sniffed))
	case format == FormatDOCX && sniffed != FormatDOCX:
		return "", fail(label, ErrCorrupt, "is geen geldig DOCX-bestand (geen zip met word/document.xml)%s; sla het opnieuw op als .docx in Word (not a valid DOCX: save it again as .docx)", looksLike(sniffed))
	}
	return format, nil
}

// looksLike names what a mislabelled file seems to be instead.
func looksLike(f Format) string {
	if f == "" {
		return ""
	}
	return ", het lijkt " + strings.ToUpper(string(f)) + " te zijn"
}

// sniff guesses the format from the first bytes: PDF, DOCX or HTML, or ""
// when it cannot tell. Plain text is never guessed: it must say .txt or .md.
func sniff(data []byte) Format {
	head := data[:min(len(data), 1024)]
	switch {
	case bytes.Contains(head, []byte("%PDF-")):
		return FormatPDF // the PDF reference allows junk before the header
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) && isDOCX(data):
		return FormatDOCX
	case looksHTML(head):
		return FormatHTML
	}
	return ""
}

// isDOCX reports whether data is a zip that holds word/document.xml.
func isDOCX(data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			return true
		}
	}
	return false
}

// looksHTML reports whether the start of a file, after white space and a
// BOM, is an HTML doctype or tag.
func looksHTML(head []byte) bool {
	s := strings.ToLower(strings.TrimLeft(string(bytes.TrimPrefix(head, bom)), " \t\r\n"))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// bom is the UTF-8 byte order mark.
var bom = []byte("\xef\xbb\xbf")
