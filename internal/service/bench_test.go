package service_test

import (
	"context"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/analysis/synth"
	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/service"
)

// BenchmarkCoherence measures, on a synthetic graph loaded into the test
// Neo4j, the three parts of a coherence query and their ratios, all in the
// same run so that a noisy machine moves them together:
//
//   - snapshot-ms: reading the whole graph in one streaming query;
//   - analysis-ms: every analysis of the report on that snapshot;
//   - analysis/snapshot: the target is at most 1 at 100k recommendations;
//   - query/snapshot: a whole coherence query on a fresh service (version
//     check, snapshot read, report), against the snapshot read alone; the
//     target is at most 2;
//   - cached-ms: the same query again, served from the cache;
//   - heap-MB: the heap in use once snapshot and report are held.
//
// Run it with `make bench`; sizes above 10k take minutes to load.
func BenchmarkCoherence(b *testing.B) {
	store := neo4jtest.Open(b)
	for _, n := range []int{1_000, 10_000, 100_000} {
		// Load outside b.Run: the sub-benchmark's function runs once per
		// b.N that the framework tries, and loading is the slow part.
		if err := store.DeleteAll(context.Background()); err != nil {
			b.Fatal(err)
		}
		loadSynthetic(b, store, n)
		b.Run(fmt.Sprintf("recs=%d", n), func(b *testing.B) {
			var snap, anal, query, cached time.Duration
			var heap uint64
			for range b.N {
				s, a, q, c, h := measureCoherence(b, store)
				snap, anal, query, cached, heap = snap+s, anal+a, query+q, cached+c, max(heap, h)
			}
			per := func(d time.Duration) float64 { return float64(d.Milliseconds()) / float64(b.N) }
			b.ReportMetric(per(snap), "snapshot-ms")
			b.ReportMetric(per(anal), "analysis-ms")
			b.ReportMetric(per(cached), "cached-ms")
			b.ReportMetric(float64(anal)/float64(snap), "analysis/snapshot")
			b.ReportMetric(float64(query)/float64(snap), "query/snapshot")
			b.ReportMetric(float64(heap)/(1<<20), "heap-MB")
		})
	}
}

func loadSynthetic(b *testing.B, store *neo4jstore.Store, n int) {
	b.Helper()
	bundle := synth.Bundle(synth.Generate(42, n))
	start := time.Now()
	last := start
	err := store.BulkLoadParts(context.Background(), &bundle, func(done, total int) {
		if time.Since(last) > 10*time.Second {
			b.Logf("loading %d recommendations: %d of %d rows", n, done, total)
			last = time.Now()
		}
	})
	if err != nil {
		b.Fatalf("load synthetic graph: %v", err)
	}
	b.Logf("loaded %d nodes and %d edges in %s", len(bundle.Nodes()), len(bundle.Edges), time.Since(start).Round(time.Millisecond))
}

func measureCoherence(b *testing.B, store *neo4jstore.Store) (snap, anal, query, cached time.Duration, heap uint64) {
	b.Helper()
	ctx := context.Background()
	t0 := time.Now()
	g, _, err := store.Snapshot(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	snap = time.Since(t0)
	t0 = time.Now()
	report, err := analysis.Run(g, analysis.Scope{}, analysis.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	anal = time.Since(t0)
	heap = heapInUse()
	runtime.KeepAlive(report)
	g, report = nil, nil
	runtime.GC()

	svc := service.New(store)
	t0 = time.Now()
	if _, err := svc.Coherence(ctx, analysis.Scope{}, analysis.DefaultOptions()); err != nil {
		b.Fatal(err)
	}
	query = time.Since(t0)
	t0 = time.Now()
	if _, err := svc.Coherence(ctx, analysis.Scope{}, analysis.DefaultOptions()); err != nil {
		b.Fatal(err)
	}
	cached = time.Since(t0)
	return snap, anal, query, cached, heap
}

func heapInUse() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}
