package analysis

import (
	"cmp"
	"slices"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Community is a group of recommendations that support or overlap each
// other more than chance would have them.
type Community struct {
	ID      int      `json:"id"`
	Size    int      `json:"size"`
	Members []string `json:"members"`
	// Themes, Documents and Sectors count the members that address the theme,
	// are contained in the document or are endorsed from the sector.
	Themes    []Count `json:"themes,omitempty"`
	Documents []Count `json:"documents,omitempty"`
	Sectors   []Count `json:"sectors,omitempty"`
	// Conflicts are the CONFLICTS_WITH edges with both ends inside.
	Conflicts []Pair `json:"conflicts,omitempty"`
}

// Communities is the Louvain partition of the positive layer.
type Communities struct {
	// Modularity Q of the partition over the positive layer.
	Modularity float64 `json:"modularity"`
	// Singletons: recommendations alone in their community (no positive
	// edge, or none that pays off).
	Singletons int `json:"singletons"`
	// Communities of two or more, largest first; ID is the position.
	Communities []Community `json:"communities"`
}

// PositiveWeight is the weight of an edge in the positive layer: its score
// for SUPPORTS, 3 x similarity for OVERLAPS (a near-duplicate counts like an
// indivisible link at similarity 1).
func PositiveWeight(t rodedraad.RelType, score int, similarity float64) float64 {
	if t == rodedraad.RelOverlaps {
		return 3 * similarity
	}
	return float64(score)
}

// positiveLayer builds the undirected weighted graph of SUPPORTS and OVERLAPS
// between recommendations, with local indexes into ix.recs.
func (ix *index) positiveLayer(local []int32) *wgraph {
	var edges []wedge
	for _, e := range ix.inter {
		if e.score > 0 && ix.isRec(e.from) && ix.isRec(e.to) && e.from != e.to {
			w := PositiveWeight(rodedraad.RelSupports, int(e.score), 0)
			edges = append(edges, wedge{local[e.from], local[e.to], w})
		}
	}
	for _, e := range ix.overlaps {
		if e.from != e.to {
			w := PositiveWeight(rodedraad.RelOverlaps, 0, float64(e.sim))
			edges = append(edges, wedge{local[e.from], local[e.to], w})
		}
	}
	return newWGraph(len(ix.recs), edges)
}

// localIndex maps node indexes of recommendations to 0..len(recs)-1.
func (ix *index) localIndex(n int) []int32 {
	local := make([]int32, n)
	for i, r := range ix.recs {
		local[r] = int32(i)
	}
	return local
}

// ComputeCommunities runs Louvain on the positive layer (SUPPORTS weighted by
// score, OVERLAPS by 3 x similarity, undirected, parallel edges summed) and
// describes each community.
func ComputeCommunities(g *Graph) Communities {
	ix := g.ix
	local := ix.localIndex(len(g.Nodes))
	wg := ix.positiveLayer(local)
	labels := louvain(wg)
	res := Communities{Modularity: wg.modularity(labels)}
	d := make(unionFind, len(g.Nodes)) // community as a union-find: every member points at its root
	first := map[int32]int32{}
	for i, r := range ix.recs {
		root, ok := first[labels[i]]
		if !ok {
			root, first[labels[i]] = r, r
		}
		d[r] = root
	}
	for i := range d {
		if !ix.isRec(int32(i)) {
			d[i] = int32(i)
		}
	}
	groups := d.groups(ix.recs, 1)
	inner := g.innerConflicts(d)
	for _, members := range groups {
		if len(members) == 1 {
			res.Singletons++
			continue
		}
		c := g.describeCommunity(members, inner[d.find(members[0])])
		c.ID = len(res.Communities)
		res.Communities = append(res.Communities, c)
	}
	return res
}

// innerConflicts returns the conflicts with both ends in one community, by
// community root.
func (g *Graph) innerConflicts(d unionFind) map[int32][]Pair {
	out := map[int32][]Pair{}
	for _, e := range g.ix.conflicts() {
		if g.ix.isRec(e.from) && g.ix.isRec(e.to) && d.find(e.from) == d.find(e.to) {
			root := d.find(e.from)
			out[root] = append(out[root], Pair{g.Nodes[e.from].ID, g.Nodes[e.to].ID})
		}
	}
	return out
}

func (g *Graph) describeCommunity(members []int32, conflicts []Pair) Community {
	ix := g.ix
	themes, docs, secs := map[string]int{}, map[string]int{}, map[string]int{}
	for _, r := range members {
		for _, t := range ix.recThemes.of(r) {
			themes[g.Nodes[t].ID]++
		}
		for _, doc := range ix.recDocs.of(r) {
			docs[g.Nodes[doc].ID]++
		}
		for _, s := range g.sectorsOf(ix.endorsers.of(r)) {
			secs[s]++
		}
	}
	slices.SortFunc(conflicts, func(a, b Pair) int { return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To)) })
	return Community{
		Size: len(members), Members: g.sortedIDs(members),
		Themes: counts(themes), Documents: counts(docs), Sectors: counts(secs), Conflicts: conflicts,
	}
}
