package doctext

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkReadPDF reads the 29-page RKI-kader with the PDF engine already
// started: the cost per document of ingest, to compare with the rule
// extraction over its text.
func BenchmarkReadPDF(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "rki-kader-generatieve-ai.pdf"))
	if err != nil {
		b.Fatal(err)
	}
	ctx, opts := context.Background(), testOptions(b)
	if _, err := ReadBytes(ctx, "rki-kader.pdf", data, opts); err != nil {
		b.Fatal(err) // starts the engine outside the timing
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ReadBytes(ctx, "rki-kader.pdf", data, opts); err != nil {
			b.Fatal(err)
		}
	}
}
