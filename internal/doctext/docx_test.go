package doctext

import (
	"context"
	"strings"
	"testing"
)

// docxXML wraps body in a word/document.xml.
func docxXML(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="` + wordNS + `" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
		`<w:body>` + body + `</w:body></w:document>`
}

// para is a paragraph with a style ("" for none) and runs of text.
func para(style string, runs ...string) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	if style != "" {
		b.WriteString(`<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`)
	}
	for _, r := range runs {
		b.WriteString(`<w:r><w:t xml:space="preserve">` + r + `</w:t></w:r>`)
	}
	b.WriteString("</w:p>")
	return b.String()
}

// MustDOCX builds a DOCX with a title in docProps/core.xml and the given
// body. The text is from the Omgevingsvisie-style plans of the IJmond.
func MustDOCX(tb testing.TB, title, body string) []byte {
	tb.Helper()
	core := `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties ` +
		`xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>` + title + `</dc:title></cp:coreProperties>`
	return mustZip(tb, map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml":   docxXML(body),
		"docProps/core.xml":   core,
	})
}

func TestReadBytes_docx(t *testing.T) {
	body := para("Kop1", "Schone lucht in de IJmond") +
		para("", "De provincie Noord-Holland werkt aan de duurzaam", "\u00ad", "heid van de regio.") +
		para("", "De gemeente zoekt ", "\ufb01", "nanciering voor groene  energie.") +
		`<w:p><w:r><w:t>Zee</w:t></w:r><w:r><w:softHyphen/><w:t>haven</w:t><w:tab/><w:t>IJmuiden</w:t></w:r></w:p>` +
		para("Heading2", "Maatregelen") +
		`<w:tbl><w:tr><w:tc>` + para("", "Actie") + `</w:tc><w:tc>` + para("", "Wie") + `</w:tc></w:tr>` +
		`<w:tr><w:tc>` + para("", "Walstroom") + para("", "aanleggen") + `</w:tc><w:tc>` + para("", "Havenbedrijf") + `</w:tc></w:tr>` +
		`<w:tr><w:tc>` + para("", " ") + `</w:tc></w:tr></w:tbl>` +
		`<w:p><mc:AlternateContent><mc:Choice><w:r><w:t>Tekstvak</w:t></w:r></mc:Choice>` +
		`<mc:Fallback><w:r><w:t>Tekstvak</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>` +
		`<w:p><w:del><w:r><w:delText>geschrapt</w:delText></w:r></w:del></w:p>`
	calls := 0
	opts := Options{Progress: func(page, pages int) {
		if calls++; page != 1 || pages != 1 {
			t.Errorf("progress(%d, %d), want (1, 1)", page, pages)
		}
	}}
	d, err := ReadBytes(context.Background(), "visie.docx", MustDOCX(t, "Omgevingsvisie IJmond", body), opts)
	if err != nil {
		t.Fatal(err)
	}
	if calls != 1 {
		t.Errorf("progress called %d times, want once", calls)
	}
	want := "# Schone lucht in de IJmond\n\n" +
		"De provincie Noord-Holland werkt aan de duurzaamheid van de regio.\n\n" +
		"De gemeente zoekt financiering voor groene energie.\n\n" +
		"Zeehaven IJmuiden\n\n" +
		"## Maatregelen\n\n" +
		"Actie | Wie\nWalstroom aanleggen | Havenbedrijf\n\n" +
		"Tekstvak"
	if d.Content != want {
		t.Errorf("content\n%q\nwant\n%q", d.Content, want)
	}
	if d.Title != "Omgevingsvisie IJmond" {
		t.Errorf("title %q, want the one from core.xml", d.Title)
	}
	checkPassages(t, d)
}

func TestReadBytes_docxTitle(t *testing.T) {
	body := para("", "Inleiding zonder kop.") + para("Kop2", "Bereikbaarheid van Velsen") + para("Kop1", "Later")
	d, err := ReadBytes(context.Background(), "notitie.docx", MustDOCX(t, " ", body), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Bereikbaarheid van Velsen" {
		t.Errorf("title %q, want the first heading", d.Title)
	}
}
