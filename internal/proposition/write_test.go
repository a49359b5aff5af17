package proposition_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/proposition"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// MustWrite renders the fixture's draft in format.
func MustWrite(tb testing.TB, format, lang string) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := proposition.Write(&buf, format, MustDraft(tb, lang)); err != nil {
		tb.Fatalf("Write %s: %v", format, err)
	}
	return buf.Bytes()
}

func TestWrite_Markdown(t *testing.T) {
	md := string(MustWrite(t, "md", "nl"))
	for _, want := range []string{"# Gedeelde propositie — concept", "\n## Over alle thema's\n", "\n## Energy\n",
		"\n### De rode draad\n", "| vraag | formuleringen | steun | gesteund door |", "| ask X2[^2] | X1 ask X1; X2 ask X2; X3 ask X3 | overheid, bedrijfsleven, maatschappelijke organisaties; GAC 0.15; 3 echo-documenten | Buurt, Gemeente, Tata |", "Besluit van het team: Gezondheid gaat voor (studieteam)",
		"\n## Bronnen\n", "| D1 | Visie D1 | 2023 | https://example.org/d1 |"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	// Every footnote reference has its footnote, and the other way round.
	refs := regexp.MustCompile(`\[\^(\d+)\][^:]`).FindAllStringSubmatch(md, -1)
	notes := regexp.MustCompile(`(?m)^\[\^(\d+)\]: `).FindAllStringSubmatch(md, -1)
	if len(refs) == 0 || len(refs) != len(notes) {
		t.Errorf("%d footnote references, %d footnotes", len(refs), len(notes))
	}
	if !strings.Contains(md, "X1, X2, X3 · D1 Visie D1 (2023), https://example.org/d1 · D2 Plan D2 · D3 Plan D3") {
		t.Errorf("the red thread's footnote is missing or wrong:\n%s", md)
	}
}

func TestWrite_HTML(t *testing.T) {
	page := string(MustWrite(t, "html", "en"))
	for _, want := range []string{`<html lang="en">`, "<h2>Energy</h2>", `<sup id="r1"><a href="#n1">1</a></sup>`,
		`<li id="n1">`, `<a href="https://example.org/d1">https://example.org/d1</a>`} {
		if !strings.Contains(page, want) {
			t.Errorf("html lacks %q", want)
		}
	}
	// Self-contained: no scripts, style sheets or images from elsewhere.
	for _, bad := range []string{"<script", "<link", "src="} {
		if strings.Contains(page, bad) {
			t.Errorf("html contains %q", bad)
		}
	}
}

func TestWrite_JSON(t *testing.T) {
	var d proposition.Draft
	if err := json.Unmarshal(MustWrite(t, "json", "en"), &d); err != nil {
		t.Fatal(err)
	}
	if d.GraphVersion != 7 || len(d.Themes) != 2 || d.Themes[0].RedThread[0].ID != "X2" {
		t.Errorf("json draft = %+v", d)
	}
}

func TestWrite_Errors(t *testing.T) {
	err := proposition.Write(io.Discard, "pdf", MustDraft(t, "nl"))
	if rodedraad.ErrorCode(err) != rodedraad.EINVALID || !strings.Contains(err.Error(), `"pdf"`) {
		t.Errorf("format pdf: %v", err)
	}
}

// docxParts unzips a DOCX and checks that every part is well-formed XML.
func docxParts(tb testing.TB, b []byte) map[string]string {
	tb.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		tb.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range z.File {
		r, _ := f.Open()
		body, _ := io.ReadAll(r)
		r.Close()
		dec := xml.NewDecoder(bytes.NewReader(body))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				tb.Fatalf("%s is not well-formed: %v", f.Name, err)
			}
		}
		parts[f.Name] = string(body)
	}
	return parts
}

func TestWrite_DOCX(t *testing.T) {
	b := MustWrite(t, "docx", "nl")
	parts := docxParts(t, b)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/footnotes.xml"} {
		if _, ok := parts[name]; !ok {
			t.Errorf("missing part %s", name)
		}
	}
	doc, notes := parts["word/document.xml"], parts["word/footnotes.xml"]
	refs := strings.Count(doc, "<w:footnoteReference ")
	if refs == 0 || refs != strings.Count(notes, "<w:footnoteRef/>") {
		t.Errorf("%d footnote references, %d footnotes", refs, strings.Count(notes, "<w:footnoteRef/>"))
	}
	for _, want := range []string{`<w:pStyle w:val="Heading2"/>`, "<w:tbl>", "Gedeelde propositie"} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %q", want)
		}
	}
	if !strings.Contains(notes, "https://example.org/d1") {
		t.Errorf("footnotes lack the source URL")
	}
	t.Run("LibreOffice", func(t *testing.T) { convertWithLibreOffice(t, b) })
}

// convertWithLibreOffice converts the DOCX to text with LibreOffice
// headless and checks the headings and footnotes came through. It skips
// under -short; without soffice it fails: make test must check that the
// draft opens (.ci/run installs libreoffice-writer-nogui).
func convertWithLibreOffice(t *testing.T, docx []byte) {
	if testing.Short() {
		t.Skip("LibreOffice conversion is not run under -short")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal("soffice not found: install libreoffice-writer-nogui (apt) to check that the DOCX opens")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "draft.docx")
	if err := os.WriteFile(in, docx, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "txt:Text (encoded):UTF8", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	txt, err := os.ReadFile(filepath.Join(dir, "draft.txt"))
	if err != nil {
		t.Fatalf("LibreOffice wrote no text: %v", err)
	}
	for _, want := range []string{"Gedeelde propositie", "De rode draad", "Te maken keuzes", "https://example.org/d1"} {
		if !strings.Contains(string(txt), want) {
			t.Errorf("LibreOffice's text lacks %q:\n%s", want, txt)
		}
	}
}
