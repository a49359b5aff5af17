package neo4jstore_test

import (
	"slices"
	"testing"

	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// around computes from the seed edges the nodes within depth hops of id over
// the given types (all when none), and the edges of those types among them.
func (ix seedIndex) around(id string, depth int, types ...rodedraad.RelType) (nodes, edges []string) {
	use := func(e rodedraad.Edge) bool { return len(types) == 0 || slices.Contains(types, e.Type) }
	seen := map[string]bool{id: true}
	frontier := []string{id}
	for range depth {
		var next []string
		for _, e := range ix.edges {
			if !use(e) {
				continue
			}
			for _, pair := range [][2]string{{e.From, e.To}, {e.To, e.From}} {
				if slices.Contains(frontier, pair[0]) && !seen[pair[1]] {
					seen[pair[1]] = true
					next = append(next, pair[1])
				}
			}
		}
		frontier = next
	}
	for _, e := range ix.edges {
		if use(e) && seen[e.From] && seen[e.To] {
			edges = append(edges, e.Key())
		}
	}
	slices.Sort(edges)
	return sorted(seen), edges
}

func TestStore_Neighbourhood(t *testing.T) {
	store := neo4jtest.Seeded(t)
	ix := indexSeeds(t)
	cases := []struct {
		name  string
		id    string
		depth int
		types []rodedraad.RelType
	}{
		{"OKDepth1", "R01.4", 1, nil},
		{"OKDepth2", "R01.4", 2, nil},
		{"OKDepth2Document", "D01", 2, nil},
		{"OKDepth3Scenario", "SC1.2", 3, nil},
		{"OKDepth3BackToTheCentre", "D01", 3, nil}, // paths return to D01 over a second edge
		{"OKTypes", "R01.4", 2, []rodedraad.RelType{rodedraad.RelAddresses, rodedraad.RelContains}},
		{"OKTypesNoNeighbours", "T1", 1, []rodedraad.RelType{rodedraad.RelOverlaps}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g, err := store.Neighbourhood(t.Context(), tc.id, tc.depth, tc.types)
			if err != nil {
				t.Fatalf("Neighbourhood: %v", err)
			}
			wantNodes, wantEdges := ix.around(tc.id, tc.depth, tc.types...)
			gotNodes := ids(g.Nodes)
			if len(gotNodes) == 0 || gotNodes[0] != tc.id {
				t.Errorf("first node = %v, want the centre %s", gotNodes, tc.id)
			}
			slices.Sort(gotNodes)
			if !slices.Equal(gotNodes, wantNodes) {
				t.Errorf("nodes (%d):\n got %v\nwant %v", len(gotNodes), gotNodes, wantNodes)
			}
			var gotEdges []string
			for _, e := range g.Edges {
				gotEdges = append(gotEdges, e.Key())
			}
			slices.Sort(gotEdges)
			if !slices.Equal(gotEdges, wantEdges) {
				t.Errorf("edges (%d, want %d):\n got %v\nwant %v", len(gotEdges), len(wantEdges), gotEdges, wantEdges)
			}
			if g.Truncated {
				t.Errorf("truncated, want whole")
			}
		})
	}
	t.Run("ErrDepth0", func(t *testing.T) {
		_, err := store.Neighbourhood(t.Context(), "R01.4", 0, nil)
		wantCode(t, err, rodedraad.EINVALID)
	})
	t.Run("ErrDepth4", func(t *testing.T) {
		_, err := store.Neighbourhood(t.Context(), "R01.4", 4, nil)
		wantCode(t, err, rodedraad.EINVALID)
	})
	t.Run("ErrUnknownType", func(t *testing.T) {
		_, err := store.Neighbourhood(t.Context(), "R01.4", 1, []rodedraad.RelType{"KNOWS"})
		wantCode(t, err, rodedraad.EINVALID)
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := store.Neighbourhood(t.Context(), "missing", 1, nil)
		wantCode(t, err, rodedraad.ENOTFOUND)
	})
}
