package analysis

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

// newWGraph builds a wgraph over n nodes, summing parallel edges. Self-loop
// entries in edges carry A_ii and are not mirrored.
func newWGraph(n int, edges []wedge) *wgraph {
	links := make([]link, 0, 2*len(edges))
	for _, e := range edges {
		links = append(links, link{e.a, e.b})
		if e.a != e.b {
			links = append(links, link{e.b, e.a})
		}
	}
	a := buildAdj(n, links) // distinct neighbours per row
	g := &wgraph{off: a.off, nbr: a.to, w: make([]float64, len(a.to)), deg: make([]float64, n)}
	add := func(i, j int32, w float64) {
		row := g.nbr[g.off[i]:g.off[i+1]]
		k := searchInt32(row, j)
		g.w[int(g.off[i])+k] += w
		g.deg[i] += w
		g.m2 += w
	}
	for _, e := range edges {
		add(e.a, e.b, e.w)
		if e.a != e.b {
			add(e.b, e.a, e.w)
		}
	}
	return g
}

func searchInt32(xs []int32, x int32) int {
	lo, hi := 0, len(xs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if xs[m] < x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// louvain returns a community label (0..k-1) per node of g that locally
// maximises modularity (Blondel et al. 2008): move nodes one at a time to
// the neighbouring community with the best gain until nothing moves, merge
// communities into nodes, repeat. Deterministic: nodes are visited in order.
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
	for pass := 0; pass < 100; pass++ {
		moves := 0
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
			best, bestGain := ci, nw[ci]-tot[ci]*ki/g.m2
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
			}
		}
		if moves == 0 {
			break
		}
		movedAny = true
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
