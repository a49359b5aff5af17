package neo4jstore_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/rodedraad/rodedraad/internal/extract/rules"
	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// candidates builds what ingest writes for a document of n extracted
// items: the document, n/4 passages, n PROPOSED recommendations with a
// CONTAINS edge and an ADDRESSES edge each.
func candidates(n int) *rodedraad.Bundle {
	b := &rodedraad.Bundle{Documents: []rodedraad.Document{{ID: "D-bench", Title: "Benchmark", Kind: "PLAN",
		Ingest: rodedraad.Ingest{FileName: "bench.pdf", SHA256: "abc", Pages: n / 20, Version: 1}}}}
	proposed := rodedraad.Provenance{Status: rodedraad.StatusProposed, Method: rodedraad.MethodRule, CreatedBy: rules.Name}
	for i := range n {
		id, text := fmt.Sprintf("R-bench-%d", i), fmt.Sprintf("De gemeente moet maatregel %d nemen om de luchtkwaliteit te verbeteren.", i)
		start, end := i*80, i*80+len(text)
		prov := proposed
		prov.Source = rodedraad.Source{Document: "D-bench", Page: "1", Quote: text, Start: &start, End: &end}
		b.Recommendations = append(b.Recommendations, rodedraad.Recommendation{ID: id, Title: text[:40], Text: text,
			Kind: "RECOMMENDATION", Language: "nl", Provenance: prov})
		b.Edges = append(b.Edges,
			rodedraad.Edge{Type: rodedraad.RelContains, From: "D-bench", To: id, Page: "1", Quote: text, Provenance: prov},
			rodedraad.Edge{Type: rodedraad.RelAddresses, From: id, To: fmt.Sprintf("T%d", 1+i%7), Provenance: prov})
		if i%4 == 0 {
			b.Passages = append(b.Passages, rodedraad.Passage{ID: fmt.Sprintf("P-bench-%d", i), Document: "D-bench",
				Index: i / 4, Page: 1 + i/80, Start: start, End: start + 320, Text: text + " " + text + " " + text})
		}
	}
	return b
}

// bareStatements write the same rows with nothing but UNWIND ... MERGE: no
// checks, no graph version, no keep-existing care. The baseline of what
// writing candidates costs.
var bareStatements = []struct{ rows, stmt string }{
	{"nodes", `UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n:Recommendation, n += row.props`},
	{"passages", `UNWIND $rows AS row MATCH (d:Document {id: row.document}) MERGE (p:Passage {id: row.id}) SET p += row MERGE (d)-[:HAS_PASSAGE]->(p)`},
	{"contains", `UNWIND $rows AS row MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to}) MERGE (a)-[r:CONTAINS]->(b) SET r += row.props`},
	{"addresses", `UNWIND $rows AS row MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to}) MERGE (a)-[r:ADDRESSES]->(b) SET r += row.props`},
}

// BenchmarkWriteCandidates compares, in one run, writing an ingested
// document's candidates through Import (keep-existing, all checks, one
// transaction) with the bare UNWIND ... MERGE of the same rows; the metric
// import/bare is the throughput ratio (target at least 0.8).
func BenchmarkWriteCandidates(b *testing.B) {
	ctx := context.Background()
	store := neo4jtest.Open(b)
	driver := mustDriver(b)
	for _, n := range []int{1_000, 5_000} {
		bundle := candidates(n)
		b.Run(fmt.Sprintf("items=%d", n), func(b *testing.B) {
			var viaImport, bare time.Duration
			timed := func(write func()) time.Duration {
				reset(b, store)
				start := time.Now()
				write()
				return time.Since(start)
			}
			importIt := func() {
				if _, err := store.Import(ctx, bundle, rodedraad.ImportOptions{KeepExisting: true, Timeout: time.Minute}); err != nil {
					b.Fatal(err)
				}
			}
			// Once each untimed first: Neo4j plans every statement on
			// first sight, and the first runs would weigh on a short run.
			timed(importIt)
			timed(func() { writeBare(b, driver, bundle) })
			// A small load is timed several times an iteration, so that
			// make bench's one second gives a ratio of more than one pair.
			odd, pairs, rounds := false, max(1, 5_000/n), 0
			for b.Loop() {
				for range pairs {
					// Alternate which goes first, so that a warming cache or
					// a busy neighbour does not favour one side.
					if odd = !odd; odd {
						viaImport += timed(importIt)
						bare += timed(func() { writeBare(b, driver, bundle) })
					} else {
						bare += timed(func() { writeBare(b, driver, bundle) })
						viaImport += timed(importIt)
					}
					rounds++
				}
			}
			b.ReportMetric(float64(viaImport.Milliseconds())/float64(rounds), "import-ms/op")
			b.ReportMetric(float64(bare.Milliseconds())/float64(rounds), "bare-ms/op")
			b.ReportMetric(bare.Seconds()/viaImport.Seconds(), "import/bare")
		})
	}
}

// reset empties the graph and puts back the document and themes the
// candidates hang off.
func reset(b *testing.B, store *neo4jstore.Store) {
	b.Helper()
	ctx := context.Background()
	if err := store.DeleteAll(ctx); err != nil {
		b.Fatal(err)
	}
	base := &rodedraad.Bundle{Documents: candidates(0).Documents}
	for i := 1; i <= 7; i++ {
		base.Themes = append(base.Themes, rodedraad.Theme{ID: fmt.Sprintf("T%d", i), Name: "thema"})
	}
	if _, err := store.Import(ctx, base, rodedraad.ImportOptions{}); err != nil {
		b.Fatal(err)
	}
}

func mustDriver(b *testing.B) neo4j.DriverWithContext {
	b.Helper()
	d, err := neo4j.NewDriverWithContext(neo4jtest.URI(b), neo4j.NoAuth())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = d.Close(context.Background()) })
	return d
}

// writeBare writes the bundle's candidate rows with bareStatements in one
// transaction, 2000 rows a statement, as Import batches them.
func writeBare(b *testing.B, d neo4j.DriverWithContext, bundle *rodedraad.Bundle) {
	b.Helper()
	ctx := context.Background()
	rows := neo4jstore.BareRows(bundle)
	session := d.NewSession(ctx, neo4j.SessionConfig{DatabaseName: "neo4j"})
	defer session.Close(ctx)
	_, err := session.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		for _, s := range bareStatements {
			for start := 0; start < len(rows[s.rows]); start += 2000 {
				res, err := tx.Run(ctx, s.stmt, map[string]any{"rows": rows[s.rows][start:min(start+2000, len(rows[s.rows]))]})
				if err == nil {
					_, err = res.Consume(ctx)
				}
				if err != nil {
					return nil, err
				}
			}
		}
		return nil, nil
	})
	if err != nil {
		b.Fatal(err)
	}
}
