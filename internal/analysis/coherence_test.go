package analysis_test

import (
	"testing"

	"github.com/rodedraad/rodedraad/internal/analysis"
)

func TestComputeCoherence_Fixture(t *testing.T) {
	got := analysis.ComputeCoherenceIndexes(MustFixture(t, analysis.Scope{}))
	tests := []struct {
		name string
		got  analysis.CoherenceIndex
		want analysis.CoherenceIndex
	}{
		// positive 2+1+2+3+1+1+2 = 12, negative 3+2+1+1 = 7: (12-7)/19.
		{"Scope", got.Scope, analysis.CoherenceIndex{Index: 5.0 / 19, Edges: 11, Positive: 12, Negative: 7}},
		// touching T1: e1 2, e2 1, e4 3, e5 1, e7 2, c2 -2, c4 -1: (9-3)/12.
		{"T1", got.Themes[0], analysis.CoherenceIndex{ID: "T1", Name: "theme T1", Index: 0.5, Edges: 7, Positive: 9, Negative: 3}},
		// every edge touches T2.
		{"T2", got.Themes[1], analysis.CoherenceIndex{ID: "T2", Name: "theme T2", Index: 5.0 / 19, Edges: 11, Positive: 12, Negative: 7}},
		{"T3", got.Themes[2], analysis.CoherenceIndex{ID: "T3", Name: "theme T3"}},
		// touching H: e3 2, e4 3, c1 -3, c2 -2, c4 -1: (5-6)/11.
		{"H", got.Themes[4], analysis.CoherenceIndex{ID: "H", Name: "theme H", Index: -1.0 / 11, Edges: 5, Positive: 5, Negative: 6}},
		// inside S1 (R1 R2 R4 R5 and S1): e1 2, e3 2, c2 -2: 2/6.
		{"S1", got.Scenarios[0], analysis.CoherenceIndex{ID: "S1", Index: 1.0 / 3, Edges: 3, Positive: 4, Negative: 2}},
		// inside S2 (R3 R7 and S2): c3 -1.
		{"S2", got.Scenarios[1], analysis.CoherenceIndex{ID: "S2", Index: -1, Edges: 1, Negative: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, w := tt.got, tt.want
			if g.ID != w.ID || g.Name != w.Name || !near(g.Index, w.Index) || g.Edges != w.Edges ||
				g.Positive != w.Positive || g.Negative != w.Negative {
				t.Fatalf("got %+v, want %+v", g, w)
			}
		})
	}
}
