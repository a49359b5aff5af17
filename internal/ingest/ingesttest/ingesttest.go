// Package ingesttest ingests real documents in tests, with the rules
// extractor and the graph's own vocabulary, as `rodedraad ingest` does.
package ingesttest

import (
	"context"
	"testing"

	"github.com/rodedraad/rodedraad/internal/extract"
	"github.com/rodedraad/rodedraad/internal/extract/rules"
	"github.com/rodedraad/rodedraad/internal/ingest"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/service"
	"github.com/rodedraad/rodedraad/seeds"
)

// Prepare reads path with the rules extractor and the vocabulary of svc's
// graph; id, when set, is the document's id. It fails the test when the
// file yields no items.
func Prepare(tb testing.TB, svc *service.Service, path, id string) *ingest.Prepared {
	tb.Helper()
	ctx := context.Background()
	themes, actors, err := svc.Vocabulary(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	terms, err := extract.LoadThemeTerms(seeds.Terms)
	if err != nil {
		tb.Fatal(err)
	}
	p, err := ingest.Prepare(ctx, path, ingest.Options{Extractor: rules.New(), ID: id,
		Vocabulary: ingest.Vocabulary(themes, actors, terms)})
	if err != nil {
		tb.Fatal(err)
	}
	if len(p.Bundle.Recommendations) == 0 {
		tb.Fatalf("%s gave no items", path)
	}
	return p
}

// Ingest prepares path and writes it through svc.
func Ingest(tb testing.TB, svc *service.Service, path, id string) (*ingest.Prepared, rodedraad.IngestResult) {
	tb.Helper()
	p := Prepare(tb, svc, path, id)
	res, err := svc.IngestDocument(context.Background(), p.Bundle)
	if err != nil {
		tb.Fatalf("IngestDocument(%s): %v", path, err)
	}
	return p, res
}
