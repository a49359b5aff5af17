package rules_test

import (
	"context"
	"testing"

	"github.com/rodedraad/rodedraad/internal/extract"
	"github.com/rodedraad/rodedraad/internal/extract/rules"
)

// BenchmarkRules extracts every devset text once per iteration; bytes/op is
// the devset's size, so MB/s compares with PDF text extraction. The sub-
// benchmark "cues-only" decides as rules/4 did (best cue score alone), so
// that one run gives the cost of the item model as a ratio.
func BenchmarkRules(b *testing.B) {
	docs := MustDevset(b)
	for _, bc := range []struct {
		name string
		ex   *rules.Extractor
	}{
		{"cues-only", rules.New(rules.CuesOnly())},
		{"item-model", rules.New()},
	} {
		b.Run(bc.name, func(b *testing.B) { benchmarkExtract(b, bc.ex, docs) })
	}
}

func benchmarkExtract(b *testing.B, ex *rules.Extractor, docs []devDoc) {
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
