package analysis

// Exported for the tests and benchmarks of package analysis_test only.

// PositiveLayerEdge is one undirected weighted edge of the Louvain input.
type PositiveLayerEdge struct {
	A, B int32
	W    float64
}

// PositiveLayer returns the graph Louvain runs on for g: its node count and
// its edges after merging parallel ones, each listed once.
func PositiveLayer(g *Graph) (int, []PositiveLayerEdge) {
	wg := g.ix.positiveLayer(g.ix.localIndex(len(g.Nodes)))
	var edges []PositiveLayerEdge
	for i := range len(wg.deg) {
		for p := wg.off[i]; p < wg.off[i+1]; p++ {
			if j := wg.nbr[p]; int32(i) <= j {
				edges = append(edges, PositiveLayerEdge{A: int32(i), B: j, W: wg.w[p]})
			}
		}
	}
	return len(wg.deg), edges
}

// LouvainModularity runs our Louvain on g's positive layer and returns the
// modularity of its partition.
func LouvainModularity(g *Graph) float64 {
	wg := g.ix.positiveLayer(g.ix.localIndex(len(g.Nodes)))
	return wg.modularity(louvain(wg))
}
