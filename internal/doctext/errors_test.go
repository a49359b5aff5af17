package doctext

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

func TestRead_errors(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	tests := []struct {
		name   string
		path   string
		reason error
		hint   string // part of the advice in the message
	}{
		{"ErrNotFound", filepath.Join(dir, "weg.pdf"), ErrNotFound, "controleer het pad"},
		{"ErrNotFound folder", dir, ErrUnsupported, "geef een bestand"},
		{"ErrEmpty", write("leeg.pdf", nil), ErrEmpty, "leeg"},
		{"ErrUnsupported extension", write("tabel.xlsx", []byte("a;b\n1;2\n")), ErrUnsupported, "gebruik .pdf"},
		{"ErrCorrupt garbage named .pdf", write("rommel.pdf", []byte("dit is geen pdf maar platte tekst")), ErrCorrupt, "download het bestand opnieuw"},
		{"ErrCorrupt error page named .pdf", write("fout.pdf", []byte("<!DOCTYPE html><title>404</title>")), ErrCorrupt, "lijkt HTML"},
		{"ErrCorrupt truncated PDF", write("kapot.pdf", []byte("%PDF-1.7\n1 0 obj\n<< /Type /Cat")), ErrCorrupt, "download hem opnieuw"},
		{"ErrEncrypted", write("geheim.pdf", MustEncryptedPDF(t, "geheim")), ErrEncrypted, "zonder beveiliging"},
		{"ErrNoText scan", write("scan.pdf", MustImagePDF(t)), ErrNoText, "OCR"},
		{"ErrCorrupt not a zip", write("brief.docx", []byte("PK\x03\x04 afgebroken")), ErrCorrupt, "opnieuw op als .docx"},
		{"ErrCorrupt zip without document", write("leeg.docx", mustZip(t, map[string]string{"a.txt": "x"})), ErrCorrupt, "opnieuw op als .docx"},
		{"ErrCorrupt broken XML", write("xml.docx", mustZip(t, map[string]string{"word/document.xml": "<w:document><w:body>"})), ErrCorrupt, "Word"},
		{"ErrEncoding", write("latin1.txt", []byte("Caf\xe9 in Velsen")), ErrEncoding, "bij byte 3"},
		{"ErrNoText white space", write("wit.md", []byte(" \n\t\n")), ErrNoText, "witruimte"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(context.Background(), tt.path, testOptions(t))
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, tt.reason) || ReasonOf(err) != tt.reason {
				t.Errorf("reason %v, want %v (error: %v)", ReasonOf(err), tt.reason, err)
			}
			if code := rodedraad.ErrorCode(err); code != rodedraad.EINVALID {
				t.Errorf("code %s, want %s", code, rodedraad.EINVALID)
			}
			msg := rodedraad.ErrorMessage(err)
			if !strings.HasPrefix(msg, tt.path+": ") || !strings.Contains(msg, tt.hint) {
				t.Errorf("message %q should name %s and say %q", msg, tt.path, tt.hint)
			}
		})
	}
}

func TestReadBytes_sniff(t *testing.T) {
	ctx := context.Background()
	pdf := MustTextPDF(t, "Titel", [][]string{{"Een pagina over de IJmond."}})
	tests := []struct {
		name string
		data []byte
		want Format
	}{
		{"download", pdf, FormatPDF},
		{"bijlage.bin", mustZip(t, map[string]string{"word/document.xml": docxXML(`<w:p><w:r><w:t>Tekst van de bijlage.</w:t></w:r></w:p>`)}), FormatDOCX},
		{"pagina", []byte("\ufeff  <!doctype html><html><body><p>Hallo Velsen</p></body></html>"), FormatHTML},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ReadBytes(ctx, tt.name, tt.data, testOptions(t))
			if err != nil {
				t.Fatal(err)
			}
			if d.Format != tt.want || d.Name != tt.name {
				t.Errorf("format %q name %q, want %q %q", d.Format, d.Name, tt.want, tt.name)
			}
		})
	}
	_, err := ReadBytes(ctx, "notities", []byte("gewone tekst zonder extensie"), Options{})
	if !errors.Is(err, ErrUnsupported) {
		t.Errorf("text without extension: %v, want %v", err, ErrUnsupported)
	}
}

func TestRead_cancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Read(ctx, filepath.Join("testdata", "rki-kader-generatieve-ai.pdf"), testOptions(t))
	if !errors.Is(err, context.Canceled) || ReasonOf(err) != nil {
		t.Errorf("got %v, want context.Canceled and no reason", err)
	}
}

// mustZip returns a zip archive with the given files.
func mustZip(tb testing.TB, files map[string]string) []byte {
	tb.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}
