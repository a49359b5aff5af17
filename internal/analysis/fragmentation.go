package analysis

import (
	"slices"
)

// Component is a connected group of recommendations.
type Component struct {
	Size      int      `json:"size"`
	Members   []string `json:"members"`
	Documents []string `json:"documents,omitempty"`
}

// Fragmentation describes how far the recommendation graph (SUPPORTS,
// CONFLICTS_WITH and OVERLAPS between recommendations, undirected) falls
// apart.
type Fragmentation struct {
	Recommendations int `json:"recommendations"`
	// Components counts every connected component, singletons included.
	Components int `json:"components"`
	Singletons int `json:"singletons"`
	Largest    int `json:"largest"`
	// LargestShare = Largest / Recommendations.
	LargestShare float64 `json:"largestShare"`
	// Edges between recommendations; CrossDocumentEdges of them join
	// recommendations whose document sets are both non-empty and disjoint.
	Edges              int     `json:"edges"`
	CrossDocumentEdges int     `json:"crossDocumentEdges"`
	CrossDocumentRatio float64 `json:"crossDocumentRatio"`
	// DocumentIslands: documents (shown by the scope, with at least one
	// recommendation in scope) none of whose recommendations has an edge to a
	// recommendation that the document does not contain.
	DocumentIslands []string `json:"documentIslands,omitempty"`
	// Groups are the components of two or more, largest first.
	Groups []Component `json:"groups,omitempty"`
}

// recEdges returns the interaction and overlap edges between two
// recommendations.
func (ix *index) recEdges() []iedge {
	out := make([]iedge, 0, len(ix.inter)+len(ix.overlaps))
	for _, es := range [][]iedge{ix.inter, ix.overlaps} {
		for _, e := range es {
			if ix.isRec(e.from) && ix.isRec(e.to) {
				out = append(out, e)
			}
		}
	}
	return out
}

// ComputeFragmentation returns components, the cross-document edge ratio and
// the document islands of g.
func ComputeFragmentation(g *Graph) Fragmentation {
	ix := g.ix
	edges := ix.recEdges()
	d := newUnionFind(len(g.Nodes))
	bridged := make([]bool, len(g.Nodes))
	f := Fragmentation{Recommendations: len(ix.recs), Edges: len(edges)}
	for _, e := range edges {
		d.union(e.from, e.to)
		if crosses(ix.recDocs.of(e.from), ix.recDocs.of(e.to)) {
			f.CrossDocumentEdges++
		}
		markBridges(bridged, ix.recDocs.of(e.from), ix.recDocs.of(e.to))
		markBridges(bridged, ix.recDocs.of(e.to), ix.recDocs.of(e.from))
	}
	f.CrossDocumentRatio = ratio(f.CrossDocumentEdges, f.Edges)
	all := d.groups(ix.recs, 1)
	f.Components = len(all)
	for _, c := range all {
		if len(c) == 1 {
			f.Singletons++
			continue
		}
		f.Groups = append(f.Groups, g.component(c))
	}
	if len(all) > 0 {
		f.Largest = len(all[0])
	}
	f.LargestShare = ratio(f.Largest, f.Recommendations)
	for _, doc := range g.shownDocs() {
		if len(ix.docRecs.of(doc)) > 0 && !bridged[doc] {
			f.DocumentIslands = append(f.DocumentIslands, g.Nodes[doc].ID)
		}
	}
	slices.Sort(f.DocumentIslands)
	return f
}

// markBridges marks each document of one end that the other end is not in.
func markBridges(bridged []bool, docs, other []int32) {
	for _, doc := range docs {
		if _, found := slices.BinarySearch(other, doc); !found {
			bridged[doc] = true
		}
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (g *Graph) component(members []int32) Component {
	var docs []int32
	for _, r := range members {
		docs = append(docs, g.ix.recDocs.of(r)...)
	}
	slices.Sort(docs)
	return Component{
		Size: len(members), Members: g.sortedIDs(members), Documents: g.sortedIDs(slices.Compact(docs)),
	}
}

// overlapSets joins the recommendations linked by OVERLAPS edges.
func (ix *index) overlapSets(n int) unionFind {
	d := newUnionFind(n)
	for _, e := range ix.overlaps {
		d.union(e.from, e.to)
	}
	return d
}

// ComputeOverlapClusters returns the connected components of the OVERLAPS edges in
// scope (by default only accepted ones), of two or more recommendations,
// largest first.
func ComputeOverlapClusters(g *Graph) []Component {
	d := g.ix.overlapSets(len(g.Nodes))
	var out []Component
	for _, c := range d.groups(g.ix.recs, 2) {
		out = append(out, g.component(c))
	}
	return out
}
