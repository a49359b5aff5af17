package analysis_test

import (
	"slices"
	"testing"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// echoGraph is one ask made by three documents in three wordings: X1 (D1,
// published by the municipality), X2 (D2, by the steelworks) and X3 (D3,
// by residents), joined by accepted overlaps X1–X2 and X2–X3. Y1 (D1)
// conflicts with X1 (-2, conflict CX). With oppose, the university
// (KNOWLEDGE) opposes X3.
func echoGraph(tb testing.TB, oppose bool) *analysis.Graph {
	tb.Helper()
	rec := func(id, doc string) analysis.Node {
		return analysis.Node{ID: id, Label: rodedraad.LabelRecommendation, Name: "ask " + id,
			Kind: "RECOMMENDATION", Documents: []string{doc}, Themes: []string{"T1"}}
	}
	nodes := []analysis.Node{
		{ID: "T1", Label: rodedraad.LabelTheme, InStudyScope: true},
		{ID: "A-GEM", Label: rodedraad.LabelActor, Sector: "PUBLIC"},
		{ID: "A-TATA", Label: rodedraad.LabelActor, Sector: "PRIVATE"},
		{ID: "A-UNI", Label: rodedraad.LabelActor, Sector: "KNOWLEDGE"},
		{ID: "A-BUURT", Label: rodedraad.LabelActor, Sector: "CIVIL"},
		{ID: "D1", Label: rodedraad.LabelDocument}, {ID: "D2", Label: rodedraad.LabelDocument},
		{ID: "D3", Label: rodedraad.LabelDocument},
		rec("X1", "D1"), rec("X2", "D2"), rec("X3", "D3"), rec("Y1", "D1"),
	}
	by := func(a, d string) analysis.Edge {
		return analysis.Edge{Type: rodedraad.RelAuthored, From: a, To: d, Role: "PUBLISHER"}
	}
	ov := func(a, b string) analysis.Edge {
		return analysis.Edge{Type: rodedraad.RelOverlaps, From: a, To: b, Similarity: 0.7}
	}
	edges := []analysis.Edge{by("A-GEM", "D1"), by("A-TATA", "D2"), by("A-BUURT", "D3"), ov("X1", "X2"), ov("X2", "X3"),
		{Type: rodedraad.RelConflictsWith, From: "Y1", To: "X1", Score: -2, Conflict: &analysis.Conflict{ID: "CX"}}}
	if oppose {
		edges = append(edges, analysis.Edge{Type: rodedraad.RelConflictsWith, From: "A-UNI", To: "X3"})
	}
	return analysis.MustGraph(nodes, edges)
}

func clusterOf(cs []analysis.Cluster, id string) (analysis.Cluster, bool) {
	i := slices.IndexFunc(cs, func(c analysis.Cluster) bool { return slices.Contains(c.Members, id) })
	if i < 0 {
		return analysis.Cluster{}, false
	}
	return cs[i], true
}

func TestComputeClusters_OneAskManyDocuments(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		g := echoGraph(t, false)
		// Each wording alone is backed from one sector: no candidate.
		if c := analysis.ComputeConsensus(g, analysis.DefaultOptions()).Candidates; len(c) != 0 {
			t.Fatalf("item candidates = %+v, want none", c)
		}
		all, cands := analysis.ComputeClusters(g, analysis.DefaultOptions())
		// {X1,X2,X3} and {Y1}.
		if len(all) != 2 || len(cands) != 1 {
			t.Fatalf("clusters = %+v, candidates = %+v", all, cands)
		}
		c := cands[0]
		// Union of endorsers: GEM, TATA, BUURT. P = 2/3 2/3 1/2 2/3, GAC 4/27.
		// X2 is one hop from both others (sum 2; X1 and X3: 3), so it is the medoid.
		// Y1→X1 -2: severity 2 × (1 + 1) = 4, tolerated.
		if c.ID != "X2" || c.Label != "ask X2" || !slices.Equal(c.Members, []string{"X1", "X2", "X3"}) ||
			c.Endorse != [4]int{1, 1, 0, 1} || !near(c.GAC, 4.0/27) || c.Sectors != 3 ||
			c.EchoDocuments != 3 || c.MaxSeverity != 4 || !slices.Equal(c.Conflicts, []string{"CX"}) ||
			!slices.Equal(c.Documents, []string{"D1", "D2", "D3"}) || !slices.Equal(c.Themes, []string{"T1"}) {
			t.Errorf("cluster = %+v", c)
		}
		if len(c.Endorsers) != 3 || c.Endorsers[0].ID != "A-BUURT" || c.Endorsers[0].Sector != "CIVIL" {
			t.Errorf("endorsers = %+v", c.Endorsers)
		}
		// Y1 alone: GEM only, P 2/3 1/2 1/2 1/2 = 1/12, and a cluster of one.
		y, _ := clusterOf(all, "Y1")
		if y.ID != "Y1" || len(y.Members) != 1 || !near(y.GAC, 1.0/12) || y.Candidate || y.EchoDocuments != 1 {
			t.Errorf("Y1 = %+v", y)
		}
	})
	t.Run("OppositionOfOneMemberCountsForAll", func(t *testing.T) {
		all, cands := analysis.ComputeClusters(echoGraph(t, true), analysis.DefaultOptions())
		// UNI opposes X3: P_KNOWLEDGE = 1/3, GAC = 8/27 × 1/3 = 8/81 < 1/9.
		c, _ := clusterOf(all, "X1")
		if len(cands) != 0 || c.Oppose != [4]int{0, 0, 1, 0} || !near(c.GAC, 8.0/81) {
			t.Errorf("cluster = %+v, candidates = %+v", c, cands)
		}
	})
}

func TestComputeClusters_Fixture(t *testing.T) {
	g := MustFixture(t, analysis.Scope{})
	t.Run("OverlapsOnly", func(t *testing.T) {
		all, cands := analysis.ComputeClusters(g, analysis.DefaultOptions())
		// R3–R8 is the only overlap: {R3,R8} and eight clusters of one.
		if len(all) != 9 {
			t.Fatalf("%d clusters: %+v", len(all), all)
		}
		// {R3,R8}: GEM (D1) and BUURT (stance on R3, publisher of D3) = 2/3 1/2 1/2 2/3 = 1/9;
		// c3 S2→R3 severity 2; echo D1, D3 and D2 (R3→R4); R3 has more endorsers than R8.
		c, _ := clusterOf(all, "R8")
		if c.ID != "R3" || !near(c.GAC, 1.0/9) || c.MaxSeverity != 2 || c.EchoDocuments != 3 ||
			!c.Candidate || len(c.Conflicts) != 0 {
			t.Errorf("{R3,R8} = %+v", c)
		}
		// Candidates: R4 alone (4/27, as in the per-item test), then {R3,R8} (1/9).
		if len(cands) != 2 || cands[0].ID != "R4" || cands[1].ID != "R3" {
			t.Errorf("candidates = %+v", cands)
		}
		for i := 1; i < len(all); i++ {
			if all[i].GAC > all[i-1].GAC {
				t.Errorf("cluster %d (%s) ranks above a lower GAC", i, all[i].ID)
			}
		}
	})
	t.Run("JoinSupports", func(t *testing.T) {
		opt := analysis.DefaultOptions()
		opt.JoinSupports = 2
		all, _ := analysis.ComputeClusters(g, opt)
		// +2 and +3 join: R1–R2, R4–R5, R5–R6, R8–R9 (and the overlap R3–R8).
		// {R4,R5,R6}: hops from R5 sum to 2, from R4 and R6 to 3: medoid R5.
		// Union GEM, PROV | TATA | UNI: P 3/4 2/3 2/3 1/2 = 1/6; c1 R5→R7 severity 3 × (3+1) = 12.
		c, _ := clusterOf(all, "R4")
		if c.ID != "R5" || !slices.Equal(c.Members, []string{"R4", "R5", "R6"}) || !near(c.GAC, 1.0/6) ||
			c.MaxSeverity != 12 || c.Candidate || !slices.Equal(c.Conflicts, []string{"C1", "C2"}) {
			t.Errorf("{R4,R5,R6} = %+v", c)
		}
		// {R3,R8,R9}: R8 is one hop from both others.
		if c, _ := clusterOf(all, "R9"); c.ID != "R8" || len(c.Members) != 3 {
			t.Errorf("{R3,R8,R9} = %+v", c)
		}
		if len(all) != 5 { // {R1,R2}, {R3,R8,R9}, {R4,R5,R6}, {R7}, {R10}
			t.Errorf("%d clusters, want 5", len(all))
		}
	})
	t.Run("InConsensus", func(t *testing.T) {
		res := analysis.ComputeConsensus(g, analysis.DefaultOptions())
		if len(res.Clusters) != 9 || len(res.ClusterCandidates) != 2 {
			t.Errorf("consensus clusters = %d, candidates = %d", len(res.Clusters), len(res.ClusterCandidates))
		}
	})
}
