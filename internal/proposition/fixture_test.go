package proposition_test

import (
	"testing"
	"time"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/proposition"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// The fixture, worked out by hand in the tests:
//
//	themes T1, T2 (the study's) and H (outside it); actors GEM (PUBLIC),
//	TATA (PRIVATE), UNI (KNOWLEDGE), BUURT (CIVIL) publish D1, D2, -, D3.
//
//	rec  doc  theme  assigned  scenario
//	X1   D1   T1     GEM       S1
//	X2   D2   T1     GEM
//	X3   D3   T1
//	Y1   D1   T2
//	Z1   D3   H
//
//	overlaps X1–X2, X2–X3: one ask in three documents, medoid X2.
//	conflict CX (OPEN):     Y1 → X1 -2, severity 2 × (1 + 1) = 4
//	conflict CH (RESOLVED): Z1 → Y1 -3, severity 3 × (1 + 1) = 6
func fixtureInput(tb testing.TB, lang string) proposition.Input {
	tb.Helper()
	rec := func(id, doc, theme string, assigned, scens []string) analysis.Node {
		return analysis.Node{ID: id, Label: rodedraad.LabelRecommendation, Name: "ask " + id, Kind: "RECOMMENDATION",
			Documents: []string{doc}, Themes: []string{theme}, Assigned: assigned, Scenarios: scens}
	}
	gem := []string{"A-GEM"}
	nodes := []analysis.Node{
		{ID: "T1", Label: rodedraad.LabelTheme, Name: "Energy", InStudyScope: true},
		{ID: "T2", Label: rodedraad.LabelTheme, Name: "Space", InStudyScope: true},
		{ID: "H", Label: rodedraad.LabelTheme, Name: "Health"},
		{ID: "A-GEM", Label: rodedraad.LabelActor, Name: "Gemeente", Sector: "PUBLIC"},
		{ID: "A-TATA", Label: rodedraad.LabelActor, Name: "Tata", Sector: "PRIVATE"},
		{ID: "A-UNI", Label: rodedraad.LabelActor, Name: "Uni", Sector: "KNOWLEDGE"},
		{ID: "A-BUURT", Label: rodedraad.LabelActor, Name: "Buurt", Sector: "CIVIL"},
		{ID: "D1", Label: rodedraad.LabelDocument, Name: "Plan D1"}, {ID: "D2", Label: rodedraad.LabelDocument, Name: "Plan D2"},
		{ID: "D3", Label: rodedraad.LabelDocument, Name: "Plan D3"},
		{ID: "S1", Label: rodedraad.LabelScenario, Name: "Scenario S1"},
		rec("X1", "D1", "T1", gem, []string{"S1"}), rec("X2", "D2", "T1", gem, nil), rec("X3", "D3", "T1", nil, nil),
		rec("Y1", "D1", "T2", nil, nil), rec("Z1", "D3", "H", nil, nil),
	}
	by := func(a, d string) analysis.Edge {
		return analysis.Edge{Type: rodedraad.RelAuthored, From: a, To: d, Role: "PUBLISHER"}
	}
	ov := func(a, b string) analysis.Edge {
		return analysis.Edge{Type: rodedraad.RelOverlaps, From: a, To: b, Similarity: .7}
	}
	edges := []analysis.Edge{by("A-GEM", "D1"), by("A-TATA", "D2"), by("A-BUURT", "D3"), ov("X1", "X2"), ov("X2", "X3"),
		{Type: rodedraad.RelDescribes, From: "D1", To: "S1"},
		{Type: rodedraad.RelConflictsWith, From: "Y1", To: "X1", Score: -2, Conflict: &analysis.Conflict{ID: "CX", Topic: "land"}},
		{Type: rodedraad.RelConflictsWith, From: "Z1", To: "Y1", Score: -3,
			Conflict: &analysis.Conflict{ID: "CH", Topic: "health", State: rodedraad.ConflictResolved}},
	}
	g := analysis.MustGraph(nodes, edges)
	r, err := analysis.Run(g, analysis.Scope{}, analysis.DefaultOptions())
	if err != nil {
		tb.Fatal(err)
	}
	stored := []*rodedraad.Conflict{
		{ID: "CX", Topic: "land", Translation: &rodedraad.Translation{Language: "nl", Title: "grond"}},
		{ID: "CH", Topic: "health", State: rodedraad.ConflictResolved, History: []rodedraad.ConflictDecision{
			{State: rodedraad.ConflictResolved, Decision: "Gezondheid gaat voor", Rationale: "RIVM", By: "studieteam", At: time.Unix(0, 0)}}},
	}
	docs := map[string]rodedraad.Node{
		"D1": &rodedraad.Document{ID: "D1", Title: "Visie D1", Year: 2023, URLs: []string{"https://example.org/d1"}},
	}
	return proposition.Input{Graph: g, Report: r, Conflicts: stored, Nodes: docs, Lang: lang, GraphVersion: 7}
}

// MustDraft builds the fixture's draft.
func MustDraft(tb testing.TB, lang string) *proposition.Draft {
	tb.Helper()
	d, err := proposition.Build(fixtureInput(tb, lang))
	if err != nil {
		tb.Fatal(err)
	}
	return d
}
