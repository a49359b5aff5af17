package analysis

import (
	"cmp"
	"slices"
)

// ids returns the node ids of idx.
func (g *Graph) ids(idx []int32) []string {
	if len(idx) == 0 {
		return nil
	}
	out := make([]string, len(idx))
	for i, j := range idx {
		out[i] = g.Nodes[j].ID
	}
	return out
}

// sortedIDs returns the node ids of idx, sorted.
func (g *Graph) sortedIDs(idx []int32) []string {
	out := g.ids(idx)
	slices.Sort(out)
	return out
}

// shown returns the nodes of one label that the per-item lists show: the
// scope's filter when it names some, else all of them in node order.
func (g *Graph) shown(all []int32, filter []string) []int32 {
	if len(filter) == 0 {
		return all
	}
	out := make([]int32, 0, len(filter))
	for _, id := range filter {
		if i, ok := g.ix.pos[id]; ok {
			out = append(out, i)
		}
	}
	return out
}

func (g *Graph) shownThemes() []int32 { return g.shown(g.ix.themes, g.scope.Themes) }
func (g *Graph) shownScens() []int32  { return g.shown(g.ix.scens, g.scope.Scenarios) }
func (g *Graph) shownDocs() []int32   { return g.shown(g.ix.docs, g.scope.Documents) }

// sectorsOf returns the distinct sectors of actors, in the fixed sector order.
func (g *Graph) sectorsOf(actors []int32) []string {
	var seen [4]bool
	for _, a := range actors {
		if s := g.ix.sector[a]; s >= 0 {
			seen[s] = true
		}
	}
	var out []string
	for i, ok := range seen {
		if ok {
			out = append(out, sectors[i])
		}
	}
	return out
}

// intersect returns the common entries of two sorted lists.
func intersect(a, b []int32) []int32 {
	var out []int32
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

// disjoint reports whether two sorted lists share no entry.
func disjoint(a, b []int32) bool {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			return false
		}
	}
	return true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// median of xs (which it sorts); 0 for none.
func median[T cmp.Ordered](xs []T, half func(a, b T) float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	slices.Sort(xs)
	m := len(xs) / 2
	if len(xs)%2 == 1 {
		return half(xs[m], xs[m])
	}
	return half(xs[m-1], xs[m])
}

func halfInt(a, b int) float64 { return float64(a+b) / 2 }

// Count is an id with a number, for "which themes, documents, sectors" lists.
type Count struct {
	ID    string `json:"id"`
	Count int    `json:"count"`
}

// counts turns a tally into Counts sorted by count (descending) then id.
func counts(tally map[string]int) []Count {
	out := make([]Count, 0, len(tally))
	for id, n := range tally {
		out = append(out, Count{id, n})
	}
	slices.SortFunc(out, func(a, b Count) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.ID, b.ID))
	})
	return out
}
