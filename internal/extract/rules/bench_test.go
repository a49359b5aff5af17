package rules_test

import (
	"context"
	"testing"

	"github.com/rodedraad/rodedraad/internal/extract"
	"github.com/rodedraad/rodedraad/internal/extract/rules"
)

// BenchmarkRules extracts every devset text once per iteration; bytes/op is
// the devset's size, so MB/s compares with PDF text extraction.
func BenchmarkRules(b *testing.B) {
	docs := MustDevset(b)
	ex := rules.New()
	n := 0
	for _, d := range docs {
		n += len(d.text)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, d := range docs {
			t := extract.Text{DocumentID: d.name, Language: d.lang, Content: d.text}
			if _, err := ex.Extract(context.Background(), t, extract.Vocabulary{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}
