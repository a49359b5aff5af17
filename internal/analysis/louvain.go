package analysis

import "slices"

// wgraph is an undirected weighted graph in CSR form. Every edge i–j appears
// in the rows of both i and j; a self-loop (from aggregation) appears once
// in its row with weight A_ii, the sum over ordered pairs inside the merged
// community, so that deg[i] = sum of row i.
type wgraph struct {
	off []int32
	nbr []int32
	w   []float64
	deg []float64
	m2  float64 // sum of deg = 2m
}

// wedge is an undirected weighted edge under construction.
type wedge struct {
	a, b int32
	w    float64
}

// newWGraph builds a wgraph over n nodes in O(n + edges), summing parallel
// edges. Self-loop entries in edges carry A_ii and are not mirrored. Rows are
// not sorted.
func newWGraph(n int, edges []wedge) *wgraph {
	off := make([]int32, n+1)
	for _, e := range edges {
		off[e.a+1]++
		if e.a != e.b {
			off[e.b+1]++
		}
	}
	for i := range n {
		off[i+1] += off[i]
	}
	nbr, w := make([]int32, off[n]), make([]float64, off[n])
	next := slices.Clone(off[:n])
	put := func(i, j int32, x float64) {
		nbr[next[i]], w[next[i]] = j, x
		next[i]++
	}
	for _, e := range edges {
		put(e.a, e.b, e.w)
		if e.a != e.b {
			put(e.b, e.a, e.w)
		}
	}
	g := &wgraph{deg: make([]float64, n)}
	g.off, g.nbr, g.w = mergeRows(off, nbr, w)
	for i := range n {
		for p := g.off[i]; p < g.off[i+1]; p++ {
			g.deg[i] += g.w[p]
		}
		g.m2 += g.deg[i]
	}
	return g
}

// mergeRows sums repeated neighbours within each row, in place.
func mergeRows(off, nbr []int32, w []float64) ([]int32, []int32, []float64) {
	n := len(off) - 1
	at := make([]int32, n) // where neighbour j sits in the row being merged
	for i := range at {
		at[i] = -1
	}
	write := int32(0)
	start := off[0]
	for i := range n {
		end := off[i+1]
		rowStart := write
		for p := start; p < end; p++ {
			j := nbr[p]
			if at[j] >= rowStart {
				w[at[j]] += w[p]
				continue
			}
			at[j] = write
			nbr[write], w[write] = j, w[p]
			write++
		}
		off[i], start = rowStart, end
	}
	off[n] = write
	return off, nbr[:write], w[:write]
}

// louvain returns a community label (0..k-1) per node of g that locally
// maximises modularity (Blondel et al. 2008): move nodes one at a time to
// the neighbouring community with the best gain until nothing moves, merge
// communities into nodes, repeat. Deterministic: nodes are visited in order.
//
// Why our own and not gonum's community.Modularize: BenchmarkLouvainVsGonum
// runs both on the same positive layer of the synthetic graph in one run. At
// 10k recommendations gonum took 41–75× as long (1.8–2.1 s against 27–43 ms,
// two runs on the shared 2-core machine), at 1k 13–41×, the gap growing with
// size; both reach the same modularity (0.4507 ours, 0.4504 gonum). gonum's
// version works through graph.Node interfaces, maps and a random visiting
// order; this one works on a flat CSR array of int32s and is deterministic, so
// the report does not change between runs of one graph.
func louvain(g *wgraph) []int32 {
	n := len(g.deg)
	labels := make([]int32, n)
	for i := range labels {
		labels[i] = int32(i)
	}
	if g.m2 == 0 {
		return labels
	}
	cur := g
	for {
		comm, moved := cur.moveNodes()
		k := renumber(comm)
		for i := range labels {
			labels[i] = comm[labels[i]]
		}
		if !moved || k == len(cur.deg) {
			return labels
		}
		cur = cur.aggregate(comm, k)
	}
}

// Local moving stops after maxPasses or when a pass adds less than
// minPassGain to the modularity.
const (
	maxPasses   = 100
	minPassGain = 1e-6
)

// moveNodes runs local moving to convergence and returns each node's
// community and whether any node moved.
func (g *wgraph) moveNodes() ([]int32, bool) {
	n := len(g.deg)
	comm := make([]int32, n)
	tot := make([]float64, n)
	for i := range comm {
		comm[i] = int32(i)
		tot[i] = g.deg[i]
	}
	nw := make([]float64, n) // weight from the current node to each community
	touched := make([]int32, 0, 64)
	movedAny := false
	for pass := 0; pass < maxPasses; pass++ {
		moves, gained := 0, 0.0
		for i := int32(0); int(i) < n; i++ {
			ci, ki := comm[i], g.deg[i]
			touched = touched[:0]
			for p := g.off[i]; p < g.off[i+1]; p++ {
				j := g.nbr[p]
				if j == i {
					continue
				}
				c := comm[j]
				if nw[c] == 0 {
					touched = append(touched, c)
				}
				nw[c] += g.w[p]
			}
			tot[ci] -= ki
			stay := nw[ci] - tot[ci]*ki/g.m2
			best, bestGain := ci, stay
			for _, c := range touched {
				if gain := nw[c] - tot[c]*ki/g.m2; gain > bestGain+1e-12 {
					best, bestGain = c, gain
				}
			}
			for _, c := range touched {
				nw[c] = 0
			}
			nw[ci] = 0
			tot[best] += ki
			if best != ci {
				comm[i] = best
				moves++
				gained += bestGain - stay
			}
		}
		movedAny = movedAny || moves > 0
		// A move's gain in Q is 2 x (bestGain - stay) / 2m. Long tails of
		// passes that move a few nodes back and forth gain almost nothing.
		if moves == 0 || 2*gained/g.m2 < minPassGain {
			break
		}
	}
	return comm, movedAny
}

// renumber maps community labels to 0..k-1 in order of first appearance and
// returns k.
func renumber(comm []int32) int {
	id := make(map[int32]int32, 64)
	for i, c := range comm {
		v, ok := id[c]
		if !ok {
			v = int32(len(id))
			id[c] = v
		}
		comm[i] = v
	}
	return len(id)
}

// aggregate merges each community into one node. An edge i–j inside a
// community becomes part of its self-loop with weight 2w (both ordered
// pairs), so that degrees and 2m are preserved.
func (g *wgraph) aggregate(comm []int32, k int) *wgraph {
	edges := make([]wedge, 0, len(g.nbr)/2+k)
	for i := range g.deg {
		ci := comm[i]
		for p := g.off[i]; p < g.off[i+1]; p++ {
			j, w := g.nbr[p], g.w[p]
			switch cj := comm[j]; {
			case int32(i) == j:
				edges = append(edges, wedge{ci, ci, w})
			case int32(i) > j:
				continue
			case ci == cj:
				edges = append(edges, wedge{ci, ci, 2 * w})
			default:
				edges = append(edges, wedge{ci, cj, w})
			}
		}
	}
	return newWGraph(k, edges)
}

// modularity returns Q of the partition comm of g:
// sum over communities of in_c/2m - (tot_c/2m)^2.
func (g *wgraph) modularity(comm []int32) float64 {
	if g.m2 == 0 {
		return 0
	}
	k := 0
	for _, c := range comm {
		k = max(k, int(c)+1)
	}
	in, tot := make([]float64, k), make([]float64, k)
	for i := range g.deg {
		tot[comm[i]] += g.deg[i]
		for p := g.off[i]; p < g.off[i+1]; p++ {
			if comm[g.nbr[p]] == comm[i] {
				in[comm[i]] += g.w[p]
			}
		}
	}
	q := 0.0
	for c := range in {
		q += in[c]/g.m2 - (tot[c]/g.m2)*(tot[c]/g.m2)
	}
	return q
}
