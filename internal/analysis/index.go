package analysis

import (
	"slices"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// sectors are the four actor sectors, in the order every per-sector array
// uses.
var sectors = [4]string(rodedraad.Sectors)

func sectorIndex(s string) int8 {
	for i, v := range sectors {
		if v == s {
			return int8(i)
		}
	}
	return -1
}

// adj is a compressed adjacency list (CSR): row i is to[off[i]:off[i+1]].
type adj struct{ off, to []int32 }

func (a *adj) of(i int32) []int32 { return a.to[a.off[i]:a.off[i+1]] }

// link is one row→column entry of an adj under construction.
type link struct{ a, b int32 }

// buildAdj builds an adj over n rows with sorted, distinct entries per row.
func buildAdj(n int, links []link) adj {
	off := make([]int32, n+1)
	for _, l := range links {
		off[l.a+1]++
	}
	for i := 0; i < n; i++ {
		off[i+1] += off[i]
	}
	to := make([]int32, len(links))
	next := slices.Clone(off[:n])
	for _, l := range links {
		to[next[l.a]] = l.b
		next[l.a]++
	}
	// Sort and deduplicate each row, compacting in place.
	w := int32(0)
	for i := 0; i < n; i++ {
		row := to[off[i]:off[i+1]]
		slices.Sort(row)
		row = slices.Compact(row)
		off[i] = w
		w += int32(copy(to[w:], row))
	}
	off[n] = w
	return adj{off: off, to: to[:w]}
}

// iedge is an interaction (SUPPORTS or CONFLICTS_WITH between recommendations
// and scenarios) or an OVERLAPS edge, by node index; e is its index in Edges.
type iedge struct {
	from, to int32
	score    int16
	sim      float32
	e        int32
}

// index is built once per Graph: node positions, label lists, memberships,
// endorsements and interactions, all by node index.
type index struct {
	pos                               map[string]int32
	recs, docs, actors, themes, scens []int32
	labels                            []uint8 // per node: index into labelByCode
	sector                            []int8  // per node: sector of an actor, -1 otherwise

	recDocs, recThemes, recAssigned, recScens adj // recommendation → members
	themeRecs, docRecs, scenRecs              adj // reverse memberships
	docAuthors                                adj // document → PUBLISHER/AUTHOR actors
	scenDocs                                  adj // scenario → documents describing it
	endorsers, opposers                       adj // recommendation/scenario → actors

	inter    []iedge // SUPPORTS/CONFLICTS_WITH between recommendations and scenarios
	overlaps []iedge // OVERLAPS
	stances  int     // actors' SUPPORTS/CONFLICTS_WITH edges
}

func (ix *index) isRec(i int32) bool { return ix.label(i) == rodedraad.LabelRecommendation }

// label is kept as a function over a compact per-node array.
func (ix *index) label(i int32) rodedraad.Label { return labelByCode[ix.labels[i]] }

var labelByCode = []rodedraad.Label{
	rodedraad.LabelDocument, rodedraad.LabelRecommendation, rodedraad.LabelActor,
	rodedraad.LabelTheme, rodedraad.LabelScenario,
}

func labelCode(l rodedraad.Label) (uint8, bool) {
	i := slices.Index(labelByCode, l)
	return uint8(i), i >= 0
}

func invalid(format string, args ...any) error {
	return rodedraad.Errorf(rodedraad.EINVALID, format, args...)
}
