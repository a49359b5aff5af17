package analysis_test

import (
	"reflect"
	"testing"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// d36Graph is the Warmtenet IJmond case of conflict C07: one document,
// published by Tata Steel (PRIVATE) and Velsen (PUBLIC), that commits to the
// heat network (R36.2) and reports the finding that suspended it (R36.3,
// kind given by the test). R21.4 of another document, published by the
// province (PUBLIC), is on R36.2's side.
func d36Graph(t *testing.T, r363Kind string) *analysis.Graph {
	t.Helper()
	rec := func(id, doc, kind string) analysis.Node {
		return analysis.Node{ID: id, Label: rodedraad.LabelRecommendation, Kind: kind, Documents: []string{doc}}
	}
	c07 := &analysis.Conflict{ID: "C07", Topic: "heat network vs. nitrogen"}
	con := func(from, to string) analysis.Edge {
		return analysis.Edge{Type: rodedraad.RelConflictsWith, From: from, To: to, Score: -2, Conflict: c07}
	}
	nodes := []analysis.Node{
		{ID: "A-TSN", Label: rodedraad.LabelActor, Sector: "PRIVATE"},
		{ID: "A-VELSEN", Label: rodedraad.LabelActor, Sector: "PUBLIC"},
		{ID: "A-PNH", Label: rodedraad.LabelActor, Sector: "PUBLIC"},
		{ID: "D36", Label: rodedraad.LabelDocument}, {ID: "D21", Label: rodedraad.LabelDocument},
		rec("R36.2", "D36", "COMMITMENT"), rec("R36.3", "D36", r363Kind), rec("R21.4", "D21", "GOAL"),
	}
	edges := []analysis.Edge{
		{Type: rodedraad.RelAuthored, From: "A-TSN", To: "D36", Role: "PUBLISHER"},
		{Type: rodedraad.RelAuthored, From: "A-VELSEN", To: "D36", Role: "PUBLISHER"},
		{Type: rodedraad.RelAuthored, From: "A-PNH", To: "D21", Role: "AUTHOR"},
		con("R36.2", "R36.3"), con("R21.4", "R36.3"),
	}
	return analysis.MustGraph(nodes, edges)
}

// TestEndorsement_ReportedConclusion checks the endorsement rule: a
// document's authors endorse its RECOMMENDATION, GOAL, COMMITMENT and
// POSITION items, not the CONCLUSIONs it reports.
func TestEndorsement_ReportedConclusion(t *testing.T) {
	tests := []struct {
		name          string
		kind          string
		inconsistent  []string // actors endorsing both sides of C07
		r363Endorsers []string
		severities    []int // of R21.4→R36.3 and R36.2→R36.3: the pair inside D36 ranks last
	}{
		// R36.3 has no endorser: 2 x (1 + 0) = 2 and 2 x (2 + 0) = 4; D36's
		// publishers endorse only the commitment, so nobody takes both sides.
		{"Conclusion", "CONCLUSION", nil, nil, []int{2, 4}},
		// Were R36.3 a commitment, Tata and Velsen would back both sides:
		// 2 x (1 + 2) = 6 and 2 x (2 + 2) = 8.
		{"Commitment", "COMMITMENT", []string{"A-TSN", "A-VELSEN"}, []string{"A-TSN", "A-VELSEN"}, []int{6, 8}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := d36Graph(t, tt.kind)
			var actors []string
			for _, x := range analysis.ComputeActorInconsistencies(g) {
				actors = append(actors, x.Actor)
			}
			if !reflect.DeepEqual(actors, tt.inconsistent) {
				t.Errorf("inconsistent actors = %v, want %v", actors, tt.inconsistent)
			}
			cs := analysis.ComputeContradictions(g)
			var sev []int
			for _, c := range cs {
				sev = append(sev, c.Severity)
			}
			if !reflect.DeepEqual(sev, tt.severities) {
				t.Errorf("severities = %v, want %v", sev, tt.severities)
			}
			if got := cs[0].To.Endorsers; !reflect.DeepEqual(got, tt.r363Endorsers) {
				t.Errorf("R36.3 endorsers = %v, want %v", got, tt.r363Endorsers)
			}
		})
	}
}

func TestAuthorsEndorse(t *testing.T) {
	for kind, want := range map[string]bool{
		"RECOMMENDATION": true, "GOAL": true, "COMMITMENT": true, "POSITION": true, "CONCLUSION": false,
	} {
		if got := rodedraad.AuthorsEndorse(kind); got != want {
			t.Errorf("AuthorsEndorse(%s) = %v, want %v", kind, got, want)
		}
	}
}
