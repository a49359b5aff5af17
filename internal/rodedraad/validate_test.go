package rodedraad_test

import (
	"testing"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

func intp(n int) *int           { return &n }
func floatp(f float64) *float64 { return &f }

func TestEdge_Validate(t *testing.T) {
	const (
		rec   = rodedraad.LabelRecommendation
		scen  = rodedraad.LabelScenario
		actor = rodedraad.LabelActor
		theme = rodedraad.LabelTheme
		doc   = rodedraad.LabelDocument
	)
	tests := []struct {
		name     string
		e        rodedraad.Edge
		from, to rodedraad.Label
		ok       bool
	}{
		{"SupportsOK", rodedraad.Edge{Type: rodedraad.RelSupports, From: "a", To: "b", Score: intp(2)}, rec, rec, true},
		{"SupportsScenarioOK", rodedraad.Edge{Type: rodedraad.RelSupports, From: "a", To: "b", Score: intp(3)}, scen, rec, true},
		{"SupportsScoreTooHigh", rodedraad.Edge{Type: rodedraad.RelSupports, From: "a", To: "b", Score: intp(7)}, rec, rec, false},
		{"SupportsNegative", rodedraad.Edge{Type: rodedraad.RelSupports, From: "a", To: "b", Score: intp(-1)}, rec, rec, false},
		{"SupportsWithoutScore", rodedraad.Edge{Type: rodedraad.RelSupports, From: "a", To: "b"}, rec, rec, false},
		{"ConflictOK", rodedraad.Edge{Type: rodedraad.RelConflictsWith, From: "a", To: "b", Score: intp(-3)}, rec, scen, true},
		{"ConflictPositive", rodedraad.Edge{Type: rodedraad.RelConflictsWith, From: "a", To: "b", Score: intp(1)}, rec, rec, false},
		{"StanceOK", rodedraad.Edge{Type: rodedraad.RelSupports, From: "a", To: "b"}, actor, rec, true},
		{"StanceWithScore", rodedraad.Edge{Type: rodedraad.RelConflictsWith, From: "a", To: "b", Score: intp(-2)}, actor, rec, false},
		{"SelfLink", rodedraad.Edge{Type: rodedraad.RelSupports, From: "a", To: "a", Score: intp(1)}, rec, rec, false},
		{"AddressesOK", rodedraad.Edge{Type: rodedraad.RelAddresses, From: "a", To: "T1", Weight: floatp(0.5)}, rec, theme, true},
		{"AddressesWrongWay", rodedraad.Edge{Type: rodedraad.RelAddresses, From: "T1", To: "a"}, theme, rec, false},
		{"WeightOutOfRange", rodedraad.Edge{Type: rodedraad.RelAddresses, From: "a", To: "T1", Weight: floatp(2)}, rec, theme, false},
		{"OverlapsNeedsSimilarity", rodedraad.Edge{Type: rodedraad.RelOverlaps, From: "a", To: "b"}, rec, rec, false},
		{"AuthoredNeedsRole", rodedraad.Edge{Type: rodedraad.RelAuthored, From: "A", To: "D"}, actor, doc, false},
		{"AuthoredOK", rodedraad.Edge{Type: rodedraad.RelAuthored, From: "A", To: "D", Role: "PUBLISHER"}, actor, doc, true},
		{"UnknownType", rodedraad.Edge{Type: "LIKES", From: "a", To: "b"}, rec, rec, false},
		{"MachineAcceptedWithoutReview", rodedraad.Edge{Type: rodedraad.RelOverlaps, From: "a", To: "b", Similarity: floatp(0.8),
			Provenance: rodedraad.Provenance{Status: rodedraad.StatusAccepted, Method: rodedraad.MethodSimilarity}}, rec, rec, false},
		{"MachineProposedOK", rodedraad.Edge{Type: rodedraad.RelOverlaps, From: "a", To: "b", Similarity: floatp(0.8),
			Provenance: rodedraad.Provenance{Status: rodedraad.StatusProposed, Method: rodedraad.MethodSimilarity}}, rec, rec, true},
		{"MachineReviewedOK", rodedraad.Edge{Type: rodedraad.RelOverlaps, From: "a", To: "b", Similarity: floatp(0.8),
			Provenance: rodedraad.Provenance{Status: rodedraad.StatusAccepted, Method: rodedraad.MethodLLM, ReviewedBy: "ann"}}, rec, rec, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.e.Validate(tt.from, tt.to)
			if tt.ok && err != nil {
				t.Fatalf("Validate = %v, want nil", err)
			}
			if !tt.ok && rodedraad.ErrorCode(err) != rodedraad.EINVALID {
				t.Fatalf("Validate = %v, want BAD_USER_INPUT", err)
			}
		})
	}
}

func TestRecommendation_Validate(t *testing.T) {
	good := rodedraad.Recommendation{ID: "R1.1", Title: "T", Text: "Do it.", Kind: "RECOMMENDATION"}
	tests := []struct {
		name   string
		change func(*rodedraad.Recommendation)
		ok     bool
	}{
		{"OK", func(*rodedraad.Recommendation) {}, true},
		{"BadID", func(r *rodedraad.Recommendation) { r.ID = "R 1" }, false},
		{"NoTitle", func(r *rodedraad.Recommendation) { r.Title = " " }, false},
		{"NoText", func(r *rodedraad.Recommendation) { r.Text = "" }, false},
		{"BadKind", func(r *rodedraad.Recommendation) { r.Kind = "WISH" }, false},
		{"BadHorizon", func(r *rodedraad.Recommendation) { r.Horizon = 30 }, false},
		{"BadLanguage", func(r *rodedraad.Recommendation) { r.Language = "fr" }, false},
		{"BadConfidence", func(r *rodedraad.Recommendation) { r.Confidence = floatp(1.5) }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := good
			tt.change(&r)
			err := r.Validate()
			if tt.ok != (err == nil) || (!tt.ok && rodedraad.ErrorCode(err) != rodedraad.EINVALID) {
				t.Fatalf("Validate = %v, want ok=%v", err, tt.ok)
			}
		})
	}
}

func TestCursor_RoundTrip(t *testing.T) {
	c := rodedraad.Cursor{Key: int64(2023), ID: "D01"}
	got, err := rodedraad.DecodeCursor(c.Encode())
	if err != nil || got.ID != "D01" || got.Key != int64(2023) {
		t.Fatalf("DecodeCursor = %+v, %v", got, err)
	}
	if _, err := rodedraad.DecodeCursor("not-a-cursor"); rodedraad.ErrorCode(err) != rodedraad.EINVALID {
		t.Fatalf("DecodeCursor(garbage) = %v, want BAD_USER_INPUT", err)
	}
}
