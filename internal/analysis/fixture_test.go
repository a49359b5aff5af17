package analysis_test

import (
	"math"
	"testing"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// The fixture: 4 documents, 11 recommendations (R11 only PROPOSED), 5 actors
// over the 4 sectors, themes T1..T4 in the study's scope and H (health)
// outside it, scenarios S1 and S2.
//
//	authors (PUBLISHER/AUTHOR endorse): D1 A-GEM (A-PROV only commissions), D2 A-TATA + A-UNI,
//	D3 A-BUURT, D4 nobody. D1 describes S1.
//	stances: A-PROV+R4, A-BUURT+R3, A-GEM+R5, A-TATA-R7.
//
//	rec  doc themes  kind            assigned  scenario  endorsers (count)
//	R1   D1  T1      RECOMMENDATION  A-GEM     S1        GEM (1)
//	R2   D1  T1,T2   RECOMMENDATION            S1        GEM (1)
//	R3   D1  T2      RECOMMENDATION            S2        GEM, BUURT (2)
//	R4   D2  T2      RECOMMENDATION  A-TATA    S1        PROV, TATA, UNI (3)
//	R5   D2  T2,H    RECOMMENDATION            S1        GEM, TATA, UNI (3)
//	R6   D2  T1      RECOMMENDATION  A-UNI               TATA, UNI (2)
//	R7   D3  H       RECOMMENDATION  A-BUURT   S2        BUURT (1), opposed by TATA
//	R8   D3  T2      GOAL                                BUURT (1)
//	R9   D3  T1      CONCLUSION                          none: D3 only reports it (0)
//	R10  D4  T3 (+T4 PROPOSED)  RECOMMENDATION           none
//	S1 endorsed by GEM (author of D1), S2 by nobody.
//
//	interactions: e1 R1→R2 +2, e2 R2→R3 +1, e3 R4→R5 +2, e4 R5→R6 +3, e5 R6→R4 +1,
//	e6 R3→R4 +1, e7 R8→R9 +2, c1 R5→R7 -3 (C1 health), c2 R1→R5 -2 (C2 land use),
//	c3 S2→R3 -1, c4 R6→R5 -1; OVERLAPS R3–R8 0.5.
//	PROPOSED: R11, R9→R1 +1, ADDRESSES R10→T4. REJECTED: R7→R8 -1.
func fixtureNodes() []analysis.Node {
	rec := func(id, doc, kind string, themes, assigned, scens []string) analysis.Node {
		return analysis.Node{ID: id, Label: rodedraad.LabelRecommendation, Name: "rec " + id, Kind: kind,
			Status: rodedraad.StatusAccepted, Documents: []string{doc}, Themes: themes, Assigned: assigned, Scenarios: scens}
	}
	theme := func(id string, in bool) analysis.Node {
		return analysis.Node{ID: id, Label: rodedraad.LabelTheme, Name: "theme " + id, InStudyScope: in}
	}
	actor := func(id, sector string) analysis.Node {
		return analysis.Node{ID: id, Label: rodedraad.LabelActor, Name: id, Sector: sector}
	}
	doc := func(id string) analysis.Node {
		return analysis.Node{ID: id, Label: rodedraad.LabelDocument, Kind: "PLAN"}
	}
	scen := func(id string) analysis.Node {
		return analysis.Node{ID: id, Label: rodedraad.LabelScenario, Family: "F"}
	}
	l := func(ids ...string) []string { return ids }
	const R = "RECOMMENDATION"
	r11 := rec("R11", "D1", R, l("T1"), nil, nil)
	r11.Status = rodedraad.StatusProposed
	return []analysis.Node{
		theme("T1", true), theme("T2", true), theme("T3", true), theme("T4", true), theme("H", false),
		actor("A-GEM", "PUBLIC"), actor("A-PROV", "PUBLIC"), actor("A-TATA", "PRIVATE"),
		actor("A-UNI", "KNOWLEDGE"), actor("A-BUURT", "CIVIL"),
		doc("D1"), doc("D2"), doc("D3"), doc("D4"), scen("S1"), scen("S2"),
		rec("R1", "D1", R, l("T1"), l("A-GEM"), l("S1")),
		rec("R2", "D1", R, l("T1", "T2"), nil, l("S1")),
		rec("R3", "D1", R, l("T2"), nil, l("S2")),
		rec("R4", "D2", R, l("T2"), l("A-TATA"), l("S1")),
		rec("R5", "D2", R, l("T2", "H"), nil, l("S1")),
		rec("R6", "D2", R, l("T1"), l("A-UNI"), nil),
		rec("R7", "D3", R, l("H"), l("A-BUURT"), l("S2")),
		rec("R8", "D3", "GOAL", l("T2"), nil, nil),
		rec("R9", "D3", "CONCLUSION", l("T1"), nil, nil),
		rec("R10", "D4", R, l("T3"), nil, nil),
		r11,
	}
}

func fixtureEdges() []analysis.Edge {
	type E = analysis.Edge
	sup := func(from, to string, s int16) E { return E{Type: rodedraad.RelSupports, From: from, To: to, Score: s} }
	con := func(from, to string, s int16) E {
		return E{Type: rodedraad.RelConflictsWith, From: from, To: to, Score: s}
	}
	stance := func(t rodedraad.RelType, actor, rec string) E { return E{Type: t, From: actor, To: rec} }
	authored := func(actor, doc, role string) E {
		return E{Type: rodedraad.RelAuthored, From: actor, To: doc, Role: role}
	}
	c1, c2 := con("R5", "R7", -3), con("R1", "R5", -2)
	c1.Conflict, c1.Source = &analysis.Conflict{ID: "C1", Topic: "health"}, "D3"
	c2.Conflict = &analysis.Conflict{ID: "C2", Topic: "land use"}
	proposed, rejected := sup("R9", "R1", 1), con("R7", "R8", -1)
	proposed.Status, rejected.Status = rodedraad.StatusProposed, rodedraad.StatusRejected
	addresses := E{Type: rodedraad.RelAddresses, From: "R10", To: "T4", Status: rodedraad.StatusProposed}
	return []E{
		authored("A-GEM", "D1", "PUBLISHER"), authored("A-PROV", "D1", "COMMISSIONER"),
		authored("A-TATA", "D2", "PUBLISHER"), authored("A-UNI", "D2", "AUTHOR"),
		authored("A-BUURT", "D3", "PUBLISHER"),
		{Type: rodedraad.RelDescribes, From: "D1", To: "S1"},
		stance(rodedraad.RelSupports, "A-PROV", "R4"), stance(rodedraad.RelSupports, "A-BUURT", "R3"),
		stance(rodedraad.RelSupports, "A-GEM", "R5"), stance(rodedraad.RelConflictsWith, "A-TATA", "R7"),
		sup("R1", "R2", 2), sup("R2", "R3", 1), sup("R4", "R5", 2), sup("R5", "R6", 3),
		sup("R6", "R4", 1), sup("R3", "R4", 1), sup("R8", "R9", 2),
		c1, c2, con("S2", "R3", -1), con("R6", "R5", -1),
		{Type: rodedraad.RelOverlaps, From: "R3", To: "R8", Similarity: 0.5},
		proposed, rejected, addresses,
	}
}

// MustFixture returns the fixture restricted to sc.
func MustFixture(tb testing.TB, sc analysis.Scope) *analysis.Graph {
	tb.Helper()
	g, err := analysis.NewGraph(fixtureNodes(), fixtureEdges())
	if err != nil {
		tb.Fatalf("NewGraph: %v", err)
	}
	s, err := g.Restrict(sc)
	if err != nil {
		tb.Fatalf("Restrict: %v", err)
	}
	return s
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
