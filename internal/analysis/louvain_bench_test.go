package analysis_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/rodedraad/rodedraad/internal/analysis"
)

// BenchmarkLouvainVsGonum runs our Louvain and gonum's community.Modularize
// (resolution 1, a fixed seed) on the same positive layer of the synthetic
// graph, in the same run, and reports the ratio of their times and the
// modularity each reaches. Building gonum's graph is not timed.
func BenchmarkLouvainVsGonum(b *testing.B) {
	for _, n := range []int{1_000, 10_000} {
		g, err := synthetic(n).Restrict(analysis.Scope{})
		if err != nil {
			b.Fatal(err)
		}
		gg := gonumGraph(g)
		b.Run(fmt.Sprintf("recs=%d", n), func(b *testing.B) {
			var ours, theirs time.Duration
			var qOurs, qTheirs float64
			for b.Loop() {
				start := time.Now()
				qOurs = analysis.LouvainModularity(g)
				mid := time.Now()
				reduced := community.Modularize(gg, 1, rand.NewPCG(1, 2))
				theirs += time.Since(mid)
				ours += mid.Sub(start)
				qTheirs = community.Q(reduced, nil, 1)
			}
			b.ReportMetric(float64(theirs)/float64(ours), "gonum/ours")
			b.ReportMetric(ours.Seconds()*1e3/float64(b.N), "ours-ms")
			b.ReportMetric(theirs.Seconds()*1e3/float64(b.N), "gonum-ms")
			b.ReportMetric(qOurs, "Q-ours")
			b.ReportMetric(qTheirs, "Q-gonum")
		})
	}
}

// gonumGraph builds g's positive layer as a gonum weighted undirected graph.
func gonumGraph(g *analysis.Graph) *simple.WeightedUndirectedGraph {
	n, edges := analysis.PositiveLayer(g)
	gg := simple.NewWeightedUndirectedGraph(0, 0)
	for i := range n {
		gg.AddNode(simple.Node(i))
	}
	for _, e := range edges {
		gg.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(e.A), T: simple.Node(e.B), W: e.W})
	}
	return gg
}
