package neo4jstore_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/rodedraad/rodedraad/internal/analysis/synth"
	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// BenchmarkBulkWrite loads synthetic graphs in the seeds' proportions
// (internal/analysis/synth) into an empty graph, in one transaction each,
// once in UNWIND batches of the default size and once with every kind in
// one statement, alternating which goes first:
//
//   - load: BulkLoad of 10,000 recommendations, as tools/peer loads its
//     graph;
//   - import: Import, with its checks and one audit record per item, of
//     2,500 recommendations (10,000 with their audit records do not fit the
//     transaction memory of the test Neo4j's 768 MB heap).
//
// Each runs under the default bulk timeout, so a run that passes shows the
// load fits in it. batched/one is the speed ratio (above 1: batches are
// faster).
func BenchmarkBulkWrite(b *testing.B) {
	ctx := context.Background()
	store := neo4jtest.Open(b)
	cases := []struct {
		name  string
		recs  int
		write func(bundle *rodedraad.Bundle, rows int) error
	}{
		{"load", 10_000, func(bundle *rodedraad.Bundle, rows int) error {
			ctx, cancel := context.WithTimeout(ctx, neo4jstore.DefaultBulkTimeout)
			defer cancel()
			return neo4jstore.BulkLoadRows(ctx, store, bundle, rows)
		}},
		{"import", 10_000, func(bundle *rodedraad.Bundle, rows int) error {
			_, err := store.Import(ctx, bundle, rodedraad.ImportOptions{BatchRows: rows, Timeout: neo4jstore.DefaultBulkTimeout})
			return err
		}},
	}
	for _, c := range cases {
		g := synth.Bundle(synth.Generate(1, c.recs))
		b.Run(fmt.Sprintf("%s/recs=%d", c.name, c.recs), func(b *testing.B) {
			timed := func(rows int) time.Duration {
				if err := store.DeleteAll(ctx); err != nil {
					b.Fatal(err)
				}
				start := time.Now()
				if err := c.write(&g, rows); err != nil {
					b.Fatalf("%s with BatchRows %d: %v", c.name, rows, err)
				}
				return time.Since(start)
			}
			var batched, one time.Duration
			odd := false
			for b.Loop() {
				if odd = !odd; odd {
					batched += timed(0)
					one += timed(-1)
				} else {
					one += timed(-1)
					batched += timed(0)
				}
			}
			b.ReportMetric(batched.Seconds()/float64(b.N), "batched-s/op")
			b.ReportMetric(one.Seconds()/float64(b.N), "one-statement-s/op")
			b.ReportMetric(one.Seconds()/batched.Seconds(), "batched/one")
			b.ReportMetric(float64(len(g.Nodes())+len(g.Edges)), "rows")
		})
	}
}
