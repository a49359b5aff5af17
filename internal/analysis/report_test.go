package analysis_test

import (
	"testing"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

func TestReport_Summary(t *testing.T) {
	g := analysis.MustGraph(fixtureNodes(), fixtureEdges())
	c, err := analysis.Run(g, analysis.Scope{}, analysis.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	want := analysis.Summary{
		Recommendations: 10, Documents: 4, Actors: 5, Themes: 5, Scenarios: 2,
		Interactions: 11, Supports: 7, Conflicts: 4, Overlaps: 1, Stances: 4,
		Contradictions: 4, ActorInconsistencies: 3, ScenarioIncoherences: 2, FrameGaps: 1,
		OwnershipGaps: 4, Isolated: 1, Components: 2, LargestShare: 0.9, CrossDocumentRatio: 4.0 / 11,
		Communities: 3, Modularity: c.Summary.Modularity, RedThreadCandidates: 2,
		CoherenceIndex: 5.0 / 19, CoherenceEdges: 11, Coverage: 1.0 / 12,
	}
	if c.Summary != want || !near(c.Summary.Modularity, 346.0/729) {
		t.Fatalf("got %+v\nwant %+v", c.Summary, want)
	}
	if len(c.EmptyThemeScenario) != 5 || len(c.EmptyThemeSector) != 9 {
		t.Errorf("empty cells %v %v", c.EmptyThemeScenario, c.EmptyThemeSector)
	}
	t.Run("IncludeProposed", func(t *testing.T) {
		c, err := analysis.Run(g, analysis.Scope{Statuses: []rodedraad.Status{rodedraad.StatusAccepted, rodedraad.StatusProposed}}, analysis.DefaultOptions())
		// + R11 and R9→R1; R10 now also addresses T4, so T4 is THIN, not EMPTY.
		if err != nil || c.Summary.Recommendations != 11 || c.Summary.Interactions != 12 ||
			c.BlindSpots.Themes[3].Recommendations != 1 {
			t.Fatalf("got %+v, %v", c.Summary, err)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := analysis.Run(g, analysis.Scope{Documents: []string{"D9"}}, analysis.DefaultOptions())
		if rodedraad.ErrorCode(err) != rodedraad.ENOTFOUND {
			t.Fatalf("err = %v", err)
		}
	})
}
