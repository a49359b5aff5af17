package analysis_test

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

func TestComputeBlindSpots_Fixture(t *testing.T) {
	got := analysis.ComputeBlindSpots(MustFixture(t, analysis.Scope{}))
	// Study themes T1..T4 count 4, 5, 1, 0 → sorted 0 1 4 5 → median 2.5;
	// thin below max(2.5/4, 3) = 3.
	if got.Median != 2.5 || got.ThinBelow != 3 {
		t.Errorf("median %v thinBelow %v, want 2.5 and 3", got.Median, got.ThinBelow)
	}
	all := []string{"PUBLIC", "PRIVATE", "KNOWLEDGE", "CIVIL"}
	want := []analysis.BlindSpot{
		// R1 R2 R6 R9 in D1 D2 D3; owners GEM (R1), UNI (R6). No CIVIL: BUURT
		// only reports the CONCLUSION R9, it does not endorse it.
		{Theme: "T1", Name: "theme T1", InStudyScope: true, Recommendations: 4, Documents: 3, Sectors: all[:3], Owners: 2},
		// R2 R3 R4 R5 R8; owner TATA (R4).
		{Theme: "T2", Name: "theme T2", InStudyScope: true, Recommendations: 5, Documents: 3, Sectors: all, Owners: 1},
		// R10 only: 1 < 3, no endorser, nobody assigned.
		{Theme: "T3", Name: "theme T3", InStudyScope: true, Recommendations: 1, Documents: 1, Owners: 0,
			Flags: []string{analysis.FlagThin, analysis.FlagSinglePerspective, analysis.FlagNoOwner}},
		// R10→T4 is only PROPOSED.
		{Theme: "T4", Name: "theme T4", InStudyScope: true, Flags: []string{analysis.FlagEmpty}},
		// R5 R7: 2 < 3; owner BUURT (R7).
		{Theme: "H", Name: "theme H", Recommendations: 2, Documents: 2, Sectors: all, Owners: 1, Flags: []string{analysis.FlagThin}},
	}
	if !reflect.DeepEqual(got.Themes, want) {
		t.Fatalf("got %+v\nwant %+v", got.Themes, want)
	}
	t.Run("ThemeFilter", func(t *testing.T) {
		got := analysis.ComputeBlindSpots(MustFixture(t, analysis.Scope{Themes: []string{"T1"}}))
		// Only T1 is shown; the median is over it alone: 4 → thin below max(1, 3).
		if len(got.Themes) != 1 || got.Themes[0].Recommendations != 4 || got.Median != 4 {
			t.Fatalf("got %+v", got)
		}
	})
}

func TestBlindSpots_ThinThreshold(t *testing.T) {
	// Themes A..D in the study with the given counts, E the theme under test.
	tests := []struct {
		name   string
		counts []int
		n      int
		thin   bool
	}{
		{"SmallMedianTwoIsThin", []int{4, 4, 4, 4}, 2, true},            // max(4/4, 3) = 3
		{"SmallMedianThreeIsNot", []int{4, 4, 4, 4}, 3, false},          // 3 is not < 3
		{"LargeMedianQuarterRules", []int{40, 40, 40, 40}, 9, true},     // max(40/4, 3) = 10
		{"LargeMedianAtQuarterIsNot", []int{40, 40, 40, 40}, 10, false}, // 10 is not < 10
		{"EvenMedianAverages", []int{20, 30, 50, 60}, 9, true},          // median (30+50)/2 = 40 → 10
		{"EvenMedianAveragesBorder", []int{20, 30, 50, 60}, 10, false},  // 10 is not < 10
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := thinGraph(t, tt.counts, tt.n)
			themes := analysis.ComputeBlindSpots(g).Themes
			i := slices.IndexFunc(themes, func(b analysis.BlindSpot) bool { return b.Theme == "E" })
			if i < 0 {
				t.Fatalf("no blind-spot row for theme E: %+v", themes)
			}
			e := themes[i]
			if e.Recommendations != tt.n {
				t.Fatalf("E has %d recommendations, want %d", e.Recommendations, tt.n)
			}
			thin := len(e.Flags) > 0 && e.Flags[0] == analysis.FlagThin
			if thin != tt.thin {
				t.Fatalf("E with %d of median over %v: flags %v, want thin=%v", tt.n, tt.counts, e.Flags, tt.thin)
			}
		})
	}
}

// thinGraph builds study themes A..D with counts recommendations each and a
// theme E outside the study with n.
func thinGraph(tb testing.TB, counts []int, n int) *analysis.Graph {
	tb.Helper()
	var nodes []analysis.Node
	k := 0
	add := func(theme string, in bool, c int) {
		nodes = append(nodes, analysis.Node{ID: theme, Label: rodedraad.LabelTheme, InStudyScope: in})
		for range c {
			k++
			nodes = append(nodes, analysis.Node{ID: fmt.Sprintf("R%d", k),
				Label: rodedraad.LabelRecommendation, Themes: []string{theme}})
		}
	}
	for i, c := range counts {
		add(string(rune('A'+i)), true, c)
	}
	add("E", false, n)
	g, err := analysis.MustGraph(nodes, nil).Restrict(analysis.Scope{})
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

func TestFrameGaps_Fixture(t *testing.T) {
	got := analysis.ComputeFrameGaps(MustFixture(t, analysis.Scope{}))
	// H is on one side of c1 (12), c2 (8) and c4 (5): 25.
	want := []analysis.FrameGap{{Theme: "H", Name: "theme H", Contradictions: 3, Severity: 25,
		Pairs: []analysis.Pair{{From: "R5", To: "R7"}, {From: "R1", To: "R5"}, {From: "R6", To: "R5"}}}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
}

func TestOwnershipGaps_Fixture(t *testing.T) {
	got := analysis.ComputeOwnershipGaps(MustFixture(t, analysis.Scope{}))
	// Kind RECOMMENDATION and unassigned: R2 R3 R5 R10 (R8 is a GOAL, R9 a CONCLUSION).
	var ids []string
	for _, o := range got {
		ids = append(ids, o.ID)
	}
	if want := []string{"R10", "R2", "R3", "R5"}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("got %v, want %v", ids, want)
	}
	if got[3].Documents[0] != "D2" || !reflect.DeepEqual(got[3].Themes, []string{"H", "T2"}) {
		t.Errorf("R5 = %+v", got[3])
	}
}

func TestIsolated_Fixture(t *testing.T) {
	tests := []struct {
		name  string
		scope analysis.Scope
		want  []string
	}{
		{"Default", analysis.Scope{}, []string{"R10"}},
		// Within H only R5 and R7 remain, joined by c1.
		{"ThemeH", analysis.Scope{Themes: []string{"H"}}, nil},
		// R11 is PROPOSED and has no edge.
		{"IncludeProposed", analysis.Scope{Statuses: []rodedraad.Status{rodedraad.StatusAccepted, rodedraad.StatusProposed}}, []string{"R10", "R11"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := analysis.ComputeIsolated(MustFixture(t, tt.scope)); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestEmptyCells_Fixture(t *testing.T) {
	g := MustFixture(t, analysis.Scope{})
	got := analysis.ComputeEmptyCells(g, analysis.BuildThemeMatrix(g, analysis.DimScenario))
	// S1 includes R1 R2 R4 R5, S2 includes R3 R7: T1 has nothing in S2, T3 and T4 nothing at all; H is outside the study.
	want := []analysis.EmptyCell{{"T1", "S2"}, {"T3", "S1"}, {"T3", "S2"}, {"T4", "S1"}, {"T4", "S2"}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("theme x scenario: got %v, want %v", got, want)
	}
	if got := analysis.ComputeEmptyCells(g, analysis.BuildThemeMatrix(g, analysis.DimSector)); len(got) != 9 || got[0] != (analysis.EmptyCell{"T1", "CIVIL"}) {
		t.Fatalf("theme x sector: got %v, want T1 x CIVIL (R9 is a CONCLUSION), T3 and T4 x 4 sectors", got)
	}
}
