package analysis_test

import (
	"reflect"
	"testing"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/rodedraad/rodedraad/internal/analysis"
)

func TestComputeFragmentation_Fixture(t *testing.T) {
	got := analysis.ComputeFragmentation(MustFixture(t, analysis.Scope{}))
	// Edges between recommendations: e1..e7, c1, c2, c4 and the R3–R8 overlap = 11
	// (c3 has a scenario end). They join R1..R9; R10 is alone: 2 components.
	// Crossing: e6 D1→D2, c1 D2→D3, c2 D1→D2, overlap D1–D3 = 4 of 11.
	want := analysis.Fragmentation{
		Recommendations: 10, Components: 2, Singletons: 1, Largest: 9, LargestShare: 0.9,
		Edges: 11, CrossDocumentEdges: 4, CrossDocumentRatio: 4.0 / 11,
		DocumentIslands: []string{"D4"},
		Groups: []analysis.Component{{Size: 9,
			Members:   []string{"R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9"},
			Documents: []string{"D1", "D2", "D3"}}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
	t.Run("ThemeT1", func(t *testing.T) {
		// R1 R2 R6 R9: edges e1 only (R1→R2), both in D1: R6 and R9 alone → 3
		// components, no crossing edge, D2 and D3 become islands.
		got := analysis.ComputeFragmentation(MustFixture(t, analysis.Scope{Themes: []string{"T1"}}))
		if got.Components != 3 || got.Largest != 2 || got.LargestShare != 0.5 || got.Edges != 1 ||
			got.CrossDocumentRatio != 0 || !reflect.DeepEqual(got.DocumentIslands, []string{"D1", "D2", "D3"}) {
			t.Fatalf("got %+v", got)
		}
	})
}

func TestOverlapClusters_Fixture(t *testing.T) {
	got := analysis.ComputeOverlapClusters(MustFixture(t, analysis.Scope{}))
	want := []analysis.Component{{Size: 2, Members: []string{"R3", "R8"}, Documents: []string{"D1", "D3"}}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
}

func TestComputeCommunities_Fixture(t *testing.T) {
	got := analysis.ComputeCommunities(MustFixture(t, analysis.Scope{}))
	// Positive layer, undirected: R1–R2 2, R2–R3 1, R4–R5 2, R5–R6 3, R6–R4 1,
	// R3–R4 1, R8–R9 2, R3–R8 3x0.5 = 1.5. 2m = 27. Degrees: R1 2, R2 3,
	// R3 3.5, R4 4, R5 5, R6 4, R8 3.5, R9 2.
	// Partition {R3 R8 R9} {R4 R5 R6} {R1 R2}:
	//   in: 2x3.5 = 7, 2x6 = 12, 2x2 = 4; tot: 9, 13, 5
	//   Q = 23/27 - (81 + 169 + 25)/729 = (621 - 275)/729 = 346/729 ≈ 0.4746.
	// It beats {R1 R2 R3}{R4 R5 R6}{R8 R9} (322.5/729) and every single move.
	if !near(got.Modularity, 346.0/729) {
		t.Errorf("modularity = %v, want 346/729 = %v", got.Modularity, 346.0/729)
	}
	var members [][]string
	for _, c := range got.Communities {
		members = append(members, c.Members)
	}
	want := [][]string{{"R3", "R8", "R9"}, {"R4", "R5", "R6"}, {"R1", "R2"}}
	if !reflect.DeepEqual(members, want) || got.Singletons != 2 {
		t.Fatalf("communities = %v (singletons %d), want %v and 2 (R7, R10)", members, got.Singletons, want)
	}
	t.Run("Describe", func(t *testing.T) {
		c := got.Communities[1]
		// R4 T2, R5 T2+H, R6 T1; all in D2; endorsed: PUBLIC R4 R5, PRIVATE and KNOWLEDGE all three.
		wantC := analysis.Community{ID: 1, Size: 3, Members: []string{"R4", "R5", "R6"},
			Themes:    []analysis.Count{{ID: "T2", Count: 2}, {ID: "H", Count: 1}, {ID: "T1", Count: 1}},
			Documents: []analysis.Count{{ID: "D2", Count: 3}},
			Sectors:   []analysis.Count{{ID: "KNOWLEDGE", Count: 3}, {ID: "PRIVATE", Count: 3}, {ID: "PUBLIC", Count: 2}},
			Conflicts: []analysis.Pair{{From: "R6", To: "R5"}},
		}
		if !reflect.DeepEqual(c, wantC) {
			t.Fatalf("got %+v\nwant %+v", c, wantC)
		}
	})
	t.Run("GonumAgrees", func(t *testing.T) {
		if q := gonumQ(got); !near(q, got.Modularity) {
			t.Fatalf("gonum community.Q = %v, ours %v", q, got.Modularity)
		}
	})
}

// gonumQ recomputes the fixture's modularity with gonum from the same
// positive layer and partition.
func gonumQ(c analysis.Communities) float64 {
	ids := map[string]int64{}
	id := func(s string) int64 {
		if _, ok := ids[s]; !ok {
			ids[s] = int64(len(ids))
		}
		return ids[s]
	}
	g := simple.NewWeightedUndirectedGraph(0, 0)
	for _, r := range []string{"R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10"} {
		g.AddNode(simple.Node(id(r)))
	}
	for _, e := range []struct {
		a, b string
		w    float64
	}{{"R1", "R2", 2}, {"R2", "R3", 1}, {"R4", "R5", 2}, {"R5", "R6", 3}, {"R6", "R4", 1}, {"R3", "R4", 1}, {"R8", "R9", 2}, {"R3", "R8", 1.5}} {
		g.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(id(e.a)), T: simple.Node(id(e.b)), W: e.w})
	}
	var parts [][]graph.Node
	for _, com := range c.Communities {
		var p []graph.Node
		for _, m := range com.Members {
			p = append(p, simple.Node(id(m)))
		}
		parts = append(parts, p)
	}
	parts = append(parts, []graph.Node{simple.Node(id("R7"))}, []graph.Node{simple.Node(id("R10"))})
	return community.Q(g, parts, 1)
}
