package analysis_test

import (
	"reflect"
	"testing"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

func TestContradictions_Fixture(t *testing.T) {
	got := analysis.ComputeContradictions(MustFixture(t, analysis.Scope{}))
	r5 := analysis.Side{ID: "R5", Label: rodedraad.LabelRecommendation, Name: "rec R5", Documents: []string{"D2"},
		Endorsers: []string{"A-GEM", "A-TATA", "A-UNI"}, Sectors: []string{"PUBLIC", "PRIVATE", "KNOWLEDGE"}}
	want := []struct {
		from, to         string
		score, severity  int
		shared           []string
		crosses          bool
		conflict, source string
	}{
		{"R5", "R7", -3, 12, []string{"H"}, true, "C1", "D3"}, // 3 x (3 + 1)
		{"R1", "R5", -2, 8, nil, true, "C2", ""},              // 2 x (1 + 3)
		{"S2", "R3", -1, 2, nil, false, "", ""},               // 1 x (0 + 2), S2 has no document
		{"R6", "R5", -1, 5, nil, false, "", ""},               // 1 x (2 + 3), both in D2: ranks last
	}
	if len(got) != len(want) {
		t.Fatalf("got %d contradictions, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		t.Run(w.from+"_"+w.to, func(t *testing.T) {
			c := got[i]
			if c.From.ID != w.from || c.To.ID != w.to || c.Score != w.score || c.Severity != w.severity ||
				!reflect.DeepEqual(c.SharedThemes, w.shared) || c.CrossesDocuments != w.crosses ||
				c.ConflictID != w.conflict || c.Source != w.source {
				t.Fatalf("got %+v, want %+v", c, w)
			}
		})
	}
	t.Run("Sides", func(t *testing.T) {
		if !reflect.DeepEqual(got[0].From, r5) {
			t.Errorf("R5 side = %+v, want %+v", got[0].From, r5)
		}
		if got[0].Topic != "health" || got[0].To.Sectors[0] != "CIVIL" {
			t.Errorf("topic %q, R7 sectors %v", got[0].Topic, got[0].To.Sectors)
		}
		if !got[3].SameDocument || got[2].SameDocument {
			t.Errorf("SameDocument: R6→R5 %v, S2→R3 %v; want true, false", got[3].SameDocument, got[2].SameDocument)
		}
		if s := got[2].From; s.Label != rodedraad.LabelScenario || len(s.Endorsers) != 0 {
			t.Errorf("S2 side = %+v", s)
		}
	})
}

func TestActorInconsistencies_Fixture(t *testing.T) {
	got := analysis.ComputeActorInconsistencies(MustFixture(t, analysis.Scope{}))
	// c2 R1→R5: {GEM} ∩ {GEM,TATA,UNI} = GEM; c4 R6→R5: {TATA,UNI} ∩ {GEM,TATA,UNI}.
	want := []analysis.ActorInconsistency{
		{Actor: "A-GEM", Name: "A-GEM", Sector: "PUBLIC", ConflictRef: analysis.ConflictRef{From: "R1", To: "R5", Score: -2, Severity: 8, ConflictID: "C2", Topic: "land use"}},
		{Actor: "A-TATA", Name: "A-TATA", Sector: "PRIVATE", ConflictRef: analysis.ConflictRef{From: "R6", To: "R5", Score: -1, Severity: 5}},
		{Actor: "A-UNI", Name: "A-UNI", Sector: "KNOWLEDGE", ConflictRef: analysis.ConflictRef{From: "R6", To: "R5", Score: -1, Severity: 5}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
}

func TestScenarioIncoherences_Fixture(t *testing.T) {
	got := analysis.ComputeScenarioIncoherences(MustFixture(t, analysis.Scope{}))
	// S1 includes R1 and R5 (c2); S2 includes R3 and is itself the other side of c3.
	want := []analysis.ScenarioIncoherence{
		{Scenario: "S1", ConflictRef: analysis.ConflictRef{From: "R1", To: "R5", Score: -2, Severity: 8, ConflictID: "C2", Topic: "land use"}},
		{Scenario: "S2", ConflictRef: analysis.ConflictRef{From: "S2", To: "R3", Score: -1, Severity: 2}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
}
