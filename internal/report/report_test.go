package report_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/report"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// smallReport is a hand-made result: three contradictions, one frame gap,
// two blind-spot rows, one community and two red-thread candidates.
func smallReport() *analysis.Report {
	side := func(id string, sectors ...string) analysis.Side {
		return analysis.Side{ID: id, Label: rodedraad.LabelRecommendation, Sectors: sectors}
	}
	return &analysis.Report{
		Scope: analysis.Scope{Themes: []string{"T2", "H"}},
		Summary: analysis.Summary{Recommendations: 5, Documents: 2, Actors: 3, Themes: 2, Scenarios: 1,
			Interactions: 6, Supports: 3, Conflicts: 3, Contradictions: 3, FrameGaps: 1,
			CoherenceIndex: -0.25, CoherenceEdges: 6, RedThreadCandidates: 2},
		Contradictions: []analysis.Contradiction{
			{From: side("R1", "PUBLIC"), To: side("R2", "PRIVATE"), Score: -3, Severity: 9, ConflictID: "C01", CrossesDocuments: true},
			{From: side("R3", "CIVIL"), To: side("R2", "PRIVATE"), Score: -2, Severity: 4, ConflictID: "C02"},
			{From: side("R4"), To: side("R5"), Score: -1, Severity: 1, ConflictID: "C03"},
		},
		ActorInconsistencies: []analysis.ActorInconsistency{{Actor: "A-GEM", Sector: "PUBLIC",
			ConflictRef: analysis.ConflictRef{From: "R1", To: "R2", ConflictID: "C01"}}},
		BlindSpots: analysis.BlindSpots{Median: 3, ThinBelow: 3, Themes: []analysis.BlindSpot{
			{Theme: "T2", Recommendations: 4, Documents: 2, Owners: 1, Sectors: []string{"PUBLIC", "PRIVATE"}},
			{Theme: "H", Recommendations: 1, Documents: 1, Flags: []string{analysis.FlagThin, analysis.FlagSinglePerspective}},
		}},
		FrameGaps: []analysis.FrameGap{{Theme: "H", Name: "Gezondheid", Contradictions: 2, Severity: 13}},
		Fragmentation: analysis.Fragmentation{Components: 2, Largest: 4, LargestShare: 0.8,
			DocumentIslands: []string{"D07"}},
		Communities: analysis.Communities{Modularity: 0.41, Communities: []analysis.Community{
			{ID: 0, Size: 3, Themes: []analysis.Count{{ID: "T2", Count: 3}}, Documents: []analysis.Count{{ID: "D01", Count: 3}}},
		}},
		Consensus: analysis.Consensus{Candidates: []analysis.ConsensusItem{
			{ID: "R41.1", Name: "High Tech Campus", GAC: 0.125, Sectors: 4, EchoDocuments: 3},
			{ID: "R15.2", Name: "Emissies omlaag", GAC: 0.1, Sectors: 3, EchoDocuments: 2},
		}},
		OwnershipGaps: []analysis.OwnershipGap{{ID: "R5", Name: "rec R5"}},
	}
}

// squeeze collapses the columns' padding to one space per gap, so the tests
// check content and order, not tabwriter's widths.
func squeeze(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return strings.Join(lines, "\n")
}

func TestText(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		var out bytes.Buffer
		if err := report.Text(&out, smallReport(), 10); err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{
			"scope themes T2,H; statuses ACCEPTED",
			"recommendations 5 in 2 documents, 3 actors, 2 themes, 1 scenarios",
			"coherence index -0.25 over 6 edges",
			"9 -3 C01 R1 (PUBLIC) R2 (PRIVATE) true\n4 -2 C02 R3 (CIVIL) R2 (PRIVATE) false\n1 -1 C03",
			"A-GEM PUBLIC R1 vs R2 C01",
			"T2 4 2 1 PUBLIC,PRIVATE\nH 1 1 0 THIN,SINGLE_PERSPECTIVE",
			"H Gezondheid 2 contradictions severity 13",
			"document islands D07",
			"#0 3 members themes T2:3 documents D01:3 0 inner conflicts",
			"R41.1 0.125 4 3 High Tech Campus\nR15.2 0.100 3 2 Emissies omlaag",
			"R5 rec R5",
		} {
			if !strings.Contains(squeeze(out.String()), want) {
				t.Errorf("text lacks %q:\n%s", want, out.String())
			}
		}
		if strings.Contains(out.String(), "more") {
			t.Errorf("nothing was cut, yet the text says more:\n%s", out.String())
		}
	})
	t.Run("CutToFirst", func(t *testing.T) {
		var out bytes.Buffer
		if err := report.Text(&out, smallReport(), 1); err != nil {
			t.Fatal(err)
		}
		text := out.String()
		if strings.Contains(text, "C02") || !strings.Contains(text, "... and 2 more") {
			t.Errorf("contradictions not cut to 1 with a note of 2 more:\n%s", text)
		}
		if strings.Contains(text, "R15.2") || !strings.Contains(text, "... and 1 more") {
			t.Errorf("candidates not cut to 1 with a note of 1 more:\n%s", text)
		}
	})
	t.Run("EmptyReport", func(t *testing.T) {
		var out bytes.Buffer
		if err := report.Text(&out, &analysis.Report{}, 5); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), "statuses ACCEPTED") || strings.Contains(out.String(), "more") {
			t.Errorf("empty report:\n%s", out.String())
		}
	})
	t.Run("ProposedInScope", func(t *testing.T) {
		r := smallReport()
		r.Scope = analysis.Scope{Statuses: []rodedraad.Status{rodedraad.StatusAccepted, rodedraad.StatusProposed}}
		var out bytes.Buffer
		if err := report.Text(&out, r, 5); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), "statuses [ACCEPTED PROPOSED]") {
			t.Errorf("scope line lacks both statuses:\n%s", out.String())
		}
	})
}

func TestJSON(t *testing.T) {
	var out bytes.Buffer
	r := smallReport()
	if err := report.JSON(&out, r); err != nil {
		t.Fatal(err)
	}
	t.Run("RoundTrips", func(t *testing.T) {
		var back analysis.Report
		if err := json.Unmarshal(out.Bytes(), &back); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, out.String())
		}
		if !reflect.DeepEqual(back.Contradictions, r.Contradictions) || back.Summary != r.Summary ||
			!reflect.DeepEqual(back.Consensus.Candidates, r.Consensus.Candidates) {
			t.Errorf("decoded report differs:\n got %+v\nwant %+v", back, *r)
		}
	})
	t.Run("FieldNames", func(t *testing.T) {
		var raw map[string]json.RawMessage
		if err := json.Unmarshal(out.Bytes(), &raw); err != nil {
			t.Fatal(err)
		}
		for _, key := range []string{"scope", "summary", "contradictions", "actorInconsistencies", "blindSpots",
			"frameGaps", "fragmentation", "communities", "influence", "consensus", "coherence", "matrices"} {
			if _, ok := raw[key]; !ok {
				t.Errorf("JSON lacks %q", key)
			}
		}
		if !strings.Contains(out.String(), `"conflictId": "C01"`) {
			t.Errorf("JSON lacks the conflict id of C01:\n%s", out.String())
		}
	})
}
