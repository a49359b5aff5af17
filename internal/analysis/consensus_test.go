package analysis_test

import (
	"testing"

	"github.com/rodedraad/rodedraad/internal/analysis"
)

func TestComputeConsensus_Fixture(t *testing.T) {
	got := analysis.ComputeConsensus(MustFixture(t, analysis.Scope{}), analysis.DefaultOptions())
	// p_g = (A+1)/(A+D+2) per sector PUBLIC PRIVATE KNOWLEDGE CIVIL; no actor → 1/2.
	type row struct {
		id           string
		gac, div     float64
		sectors, sev int
		size, docs   int
		candidate    bool
	}
	want := []row{
		{"R4", 4.0 / 27, 1.0 / 6, 3, 0, 1, 2, true},   // 2/3 2/3 2/3 1/2; echoed by D2 and by R3's D1 (R3→R4)
		{"R5", 4.0 / 27, 1.0 / 6, 3, 12, 1, 1, false}, // same; c1 severity 12 > 4
		{"R3", 1.0 / 9, 1.0 / 6, 2, 2, 2, 3, true},    // 2/3 1/2 1/2 2/3; c3 severity 2; overlaps R8 of D3; supports R4 of D2
		{"R6", 1.0 / 9, 1.0 / 6, 2, 5, 1, 1, false},   // 1/2 2/3 2/3 1/2; c4 severity 5
		{"R1", 1.0 / 12, 1.0 / 6, 1, 8, 1, 1, false},  // 2/3 x 1/8
		{"R2", 1.0 / 12, 1.0 / 6, 1, 0, 1, 1, false},
		{"R8", 1.0 / 12, 1.0 / 6, 1, 0, 2, 2, false},  // one sector only; D3 and R3's D1 (R9 is D3 too)
		{"R10", 1.0 / 16, 0, 0, 0, 1, 1, false},       // nobody: (1/2)^4
		{"R9", 1.0 / 16, 0, 0, 0, 1, 1, false},        // a CONCLUSION D3 reports: nobody endorses it either
		{"R7", 1.0 / 18, 1.0 / 3, 1, 12, 1, 1, false}, // 1/2 1/3 1/2 2/3: TATA opposes
	}
	if len(got.Items) != len(want) {
		t.Fatalf("items = %+v", got.Items)
	}
	for i, w := range want {
		it := got.Items[i]
		g := row{it.ID, it.GAC, it.Divisiveness, it.Sectors, it.MaxSeverity, it.EchoSize, it.EchoDocuments, it.Candidate}
		if g.id != w.id || !near(g.gac, w.gac) || !near(g.div, w.div) || g.sectors != w.sectors ||
			g.sev != w.sev || g.size != w.size || g.docs != w.docs || g.candidate != w.candidate {
			t.Errorf("item %d: got %+v, want %+v", i, g, w)
		}
	}
	if len(got.Candidates) != 2 || got.Candidates[0].ID != "R4" || got.Candidates[1].ID != "R3" {
		t.Errorf("candidates = %+v, want R4 (GAC 4/27) then R3 (1/9)", got.Candidates)
	}
	t.Run("R7PerSector", func(t *testing.T) {
		it := got.Items[9]
		if it.Endorse != [4]int{0, 0, 0, 1} || it.Oppose != [4]int{0, 1, 0, 0} || !near(it.P[1], 1.0/3) {
			t.Fatalf("R7 = %+v", it)
		}
	})
	t.Run("Thresholds", func(t *testing.T) {
		tests := []struct {
			name string
			opt  func(*analysis.Options)
			want []string
		}{
			{"LooserSeverityAddsR6", func(o *analysis.Options) { o.MaxSeverity = 5; o.MinEchoDocuments = 1 }, []string{"R4", "R3", "R6"}},
			{"StricterGACDropsR3", func(o *analysis.Options) { o.MinGAC = 0.12; o.MinEchoDocuments = 1 }, []string{"R4"}},
			{"ThreeSectors", func(o *analysis.Options) { o.MinSectors = 3; o.MinEchoDocuments = 1 }, []string{"R4"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				opt := analysis.DefaultOptions()
				tt.opt(&opt)
				var ids []string
				for _, c := range analysis.ComputeConsensus(MustFixture(t, analysis.Scope{}), opt).Candidates {
					ids = append(ids, c.ID)
				}
				if len(ids) != len(tt.want) {
					t.Fatalf("candidates %v, want %v", ids, tt.want)
				}
				for i := range ids {
					if ids[i] != tt.want[i] {
						t.Fatalf("candidates %v, want %v", ids, tt.want)
					}
				}
			})
		}
	})
}
