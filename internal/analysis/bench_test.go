package analysis_test

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/analysis/synth"
)

var sizes = []int{1_000, 10_000, 100_000}

var (
	graphsMu sync.Mutex
	graphs   = map[int]*analysis.Graph{}
)

// synthetic returns the seed-1 synthetic graph of n recommendations, built
// once per process.
func synthetic(n int) *analysis.Graph {
	graphsMu.Lock()
	defer graphsMu.Unlock()
	if graphs[n] == nil {
		graphs[n] = synth.Generate(1, n)
	}
	return graphs[n]
}

// peakHeap samples the live heap while f runs and returns the highest value
// above the heap before it started, in MB. The GC that sets the baseline is
// not timed.
func peakHeap(b *testing.B, f func()) float64 {
	b.StopTimer()
	runtime.GC()
	b.StartTimer()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		var m runtime.MemStats
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				runtime.ReadMemStats(&m)
				if m.HeapAlloc > peak.Load() {
					peak.Store(m.HeapAlloc)
				}
			}
		}
	}()
	f()
	close(done)
	runtime.ReadMemStats(&ms)
	p := max(peak.Load(), ms.HeapAlloc)
	if p < base {
		return 0
	}
	return float64(p-base) / 1e6
}

// BenchmarkReport runs every analysis over the default scope (accepted
// only) of the synthetic graph, restriction included.
func BenchmarkReport(b *testing.B) {
	for _, n := range sizes {
		g := synthetic(n)
		b.Run(fmt.Sprintf("recs=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.ReportMetric(float64(len(g.Edges)), "edges")
			peak := 0.0
			for b.Loop() {
				peak = max(peak, peakHeap(b, func() {
					if _, err := analysis.Run(g, analysis.Scope{}, analysis.DefaultOptions()); err != nil {
						b.Fatal(err)
					}
				}))
			}
			b.ReportMetric(peak, "peak-MB")
		})
	}
}

// BenchmarkNewGraph measures indexing a snapshot, which the store pays once
// per graph version.
func BenchmarkNewGraph(b *testing.B) {
	for _, n := range sizes {
		g := synthetic(n)
		b.Run(fmt.Sprintf("recs=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := analysis.NewGraph(g.Nodes, g.Edges); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAnalyses splits the 100k report into its parts.
func BenchmarkAnalyses(b *testing.B) {
	g, err := synthetic(100_000).Restrict(analysis.Scope{})
	if err != nil {
		b.Fatal(err)
	}
	parts := []struct {
		name string
		f    func()
	}{
		{"Restrict", func() { _, _ = synthetic(100_000).Restrict(analysis.Scope{}) }},
		{"Contradictions", func() { analysis.ComputeContradictions(g) }},
		{"BlindSpots", func() { analysis.ComputeBlindSpots(g) }},
		{"Fragmentation", func() { analysis.ComputeFragmentation(g) }},
		{"Communities", func() { analysis.ComputeCommunities(g) }},
		{"Influence", func() { analysis.ComputeInfluence(g) }},
		{"Consensus", func() { analysis.ComputeConsensus(g, analysis.DefaultOptions()) }},
		{"Clusters", func() { analysis.ComputeClusters(g, analysis.DefaultOptions()) }},
		{"Coherence", func() { analysis.ComputeCoherenceIndexes(g) }},
		{"Matrices", func() { analysis.BuildMatrices(g) }},
	}
	for _, p := range parts {
		b.Run(p.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				p.f()
			}
		})
	}
}
