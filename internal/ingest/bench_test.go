package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rodedraad/rodedraad/internal/doctext"
	"github.com/rodedraad/rodedraad/internal/extract/rules"
)

// BenchmarkExtractVersusPDF measures, on one real 29-page PDF, what the
// rule extractor costs next to getting the text out of the PDF, in the same
// run: the metric extract/read is the ratio of the two (target at most 0.2).
func BenchmarkExtractVersusPDF(b *testing.B) {
	path := filepath.Join("..", "doctext", "testdata", "rki-kader-generatieve-ai.pdf")
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	opts := doctext.Options{CacheDir: filepath.Join(b.TempDir(), "pdfium")}
	if _, err := doctext.ReadBytes(ctx, path, data, opts); err != nil {
		b.Fatal(err) // starts the PDF engine outside the timing
	}
	x, v := rules.New(), vocabulary()
	var read, extract time.Duration
	for b.Loop() {
		start := time.Now()
		doc, err := doctext.ReadBytes(ctx, path, data, opts)
		if err != nil {
			b.Fatal(err)
		}
		mid := time.Now()
		if _, err := x.Extract(ctx, doc.Text("D-bench"), v); err != nil {
			b.Fatal(err)
		}
		read, extract = read+mid.Sub(start), extract+time.Since(mid)
	}
	b.ReportMetric(float64(read.Milliseconds())/float64(b.N), "read-ms/op")
	b.ReportMetric(float64(extract.Milliseconds())/float64(b.N), "extract-ms/op")
	b.ReportMetric(extract.Seconds()/read.Seconds(), "extract/read")
}
