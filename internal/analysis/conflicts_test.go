package analysis_test

import (
	"reflect"
	"testing"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// TestComputeConflicts_Fixture groups the fixture's four contradictions:
//
//	C1 R5→R7 -3, severity 12, crosses D2/D3, themes T2 H (R5) + H (R7)
//	C2 R1→R5 -2, severity 8, crosses D1/D2, themes T1 (R1) + T2 H (R5)
//	—  S2→R3 -1, severity 2, no conflict id: a group of its own
//	—  R6→R5 -1, severity 5, both in D2: inside one document, so last
//	   although it is more severe than S2→R3.
func TestComputeConflicts_Fixture(t *testing.T) {
	g := MustFixture(t, analysis.Scope{})
	got := analysis.ComputeConflicts(g, analysis.ComputeContradictions(g))
	type row struct {
		id, from, to  string
		sum, max      int
		cross, inside bool
		themes        []string
		state         rodedraad.ConflictState
	}
	want := []row{
		{"C1", "R5", "R7", 12, 12, true, false, []string{"H", "T2"}, rodedraad.ConflictOpen},
		{"C2", "R1", "R5", 8, 8, true, false, []string{"H", "T1", "T2"}, rodedraad.ConflictOpen},
		{"", "S2", "R3", 2, 2, false, false, []string{"T2"}, ""},
		{"", "R6", "R5", 5, 5, false, true, []string{"H", "T1", "T2"}, ""},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d groups %+v, want %d", len(got), got, len(want))
	}
	for i, w := range want {
		c := got[i]
		r := row{c.ID, c.SideA.Items[0].ID, c.SideB.Items[0].ID, c.Severity, c.MaxSeverity, c.CrossesDocuments, c.InsideDocument, c.Themes, c.State}
		if !reflect.DeepEqual(r, w) {
			t.Errorf("group %d: got %+v, want %+v", i, r, w)
		}
	}
	t.Run("Backers", func(t *testing.T) {
		// R5 is endorsed by GEM (stance), TATA and UNI (D2's authors); R7 by BUURT (D3).
		a, b := got[0].SideA, got[0].SideB
		if !reflect.DeepEqual(a.Sectors, []string{"PUBLIC", "PRIVATE", "KNOWLEDGE"}) || len(a.Backers) != 3 ||
			!reflect.DeepEqual(b.Backers, []analysis.Backer{{ID: "A-BUURT", Name: "A-BUURT", Sector: "CIVIL"}}) ||
			!reflect.DeepEqual(a.Documents, []string{"D2"}) || !reflect.DeepEqual(b.Documents, []string{"D3"}) {
			t.Errorf("C1 sides = %+v / %+v", a, b)
		}
	})
}

// TestComputeConflicts_SumAndMax checks one conflict of three pairs, with
// its state, and that a group of sides across two pairs is deduplicated.
//
//	Ra1 (D1, endorsed by P) and Ra2 (D1) against Rb1 (D2, endorsed by Q, R) and Rb2 (D2):
//	Ra1→Rb1 -2: 2 x (1 + 2) = 6;  Ra1→Rb2 -2: 2 x (1 + 0) = 2;  Ra2→Rb1 -1: 1 x (0 + 2) = 2.
//	Sum 10, maximum 6.
func TestComputeConflicts_SumAndMax(t *testing.T) {
	c := &analysis.Conflict{ID: "C9", Topic: "t", State: rodedraad.ConflictResolved}
	rec := func(id, doc string) analysis.Node {
		return analysis.Node{ID: id, Label: rodedraad.LabelRecommendation, Kind: "GOAL", Documents: []string{doc}}
	}
	con := func(from, to string, s int16) analysis.Edge {
		return analysis.Edge{Type: rodedraad.RelConflictsWith, From: from, To: to, Score: s, Conflict: c}
	}
	stance := func(a, r string) analysis.Edge { return analysis.Edge{Type: rodedraad.RelSupports, From: a, To: r} }
	g := analysis.MustGraph([]analysis.Node{
		{ID: "P", Label: rodedraad.LabelActor, Sector: "PUBLIC"}, {ID: "Q", Label: rodedraad.LabelActor, Sector: "CIVIL"},
		{ID: "R", Label: rodedraad.LabelActor, Sector: "CIVIL"},
		{ID: "D1", Label: rodedraad.LabelDocument}, {ID: "D2", Label: rodedraad.LabelDocument},
		rec("Ra1", "D1"), rec("Ra2", "D1"), rec("Rb1", "D2"), rec("Rb2", "D2"),
	}, []analysis.Edge{
		stance("P", "Ra1"), stance("Q", "Rb1"), stance("R", "Rb1"),
		con("Ra1", "Rb1", -2), con("Ra1", "Rb2", -2), con("Ra2", "Rb1", -1),
	})
	got := analysis.ComputeConflicts(g, analysis.ComputeContradictions(g))
	if len(got) != 1 {
		t.Fatalf("got %d groups, want 1", len(got))
	}
	cg := got[0]
	ids := func(s analysis.ConflictSide) (out []string) {
		for _, it := range s.Items {
			out = append(out, it.ID)
		}
		return out
	}
	if cg.Severity != 10 || cg.MaxSeverity != 6 || len(cg.Pairs) != 3 || cg.State != rodedraad.ConflictResolved ||
		!reflect.DeepEqual(ids(cg.SideA), []string{"Ra1", "Ra2"}) || !reflect.DeepEqual(ids(cg.SideB), []string{"Rb1", "Rb2"}) ||
		!reflect.DeepEqual(cg.SideB.Sectors, []string{"CIVIL"}) {
		t.Fatalf("got %+v", cg)
	}
}
