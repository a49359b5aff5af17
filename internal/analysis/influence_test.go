package analysis_test

import (
	"reflect"
	"testing"

	"github.com/rodedraad/rodedraad/internal/analysis"
)

func TestComputeInfluence_Fixture(t *testing.T) {
	got := analysis.ComputeInfluence(MustFixture(t, analysis.Scope{}))
	// 10 recommendations + 2 scenarios, 11 interactions: 11 / (12 x 11) = 1/12.
	if got.Nodes != 12 || got.Edges != 11 || !near(got.Coverage, 1.0/12) {
		t.Errorf("nodes %d edges %d coverage %v, want 12, 11, 1/12", got.Nodes, got.Edges, got.Coverage)
	}
	// Over the 10 nodes with an edge (not R10, S1):
	// active  0 0 1 1 1 2 2 2 4 6 → median 1.5; passive 0 0 0 2 2 2 2 3 3 5 → median 2.
	if got.MedianActive != 1.5 || got.MedianPassive != 2 {
		t.Errorf("medians %v %v, want 1.5 and 2", got.MedianActive, got.MedianPassive)
	}
	type row struct {
		id                           string
		outPos, outNeg, inPos, inNeg int
		net                          int
		net2                         float64
		active, passive              int
		role                         string
	}
	// net2: R1 = (2 x net R2 + -2 x net R5)/3 = (2x1 - 0)/3; R2 = 1 x net R3 / 3;
	// R3 = 1 x net R4 / 3 = 2/3; R6 = (1 x net R4 - 1 x net R5)/3 = 2/3;
	// S2 = -1 x net R3 / 3 = -1/3; R4, R5, R8 point at nodes with net 0.
	want := []row{
		{"R4", 2, 0, 2, 0, 2, 0, 2, 2, analysis.RoleCritical},
		{"R8", 2, 0, 0, 0, 2, 0, 2, 0, analysis.RoleDriver},
		{"R3", 1, 0, 1, -1, 1, 2.0 / 3, 1, 2, analysis.RoleDependent},
		{"R2", 1, 0, 2, 0, 1, 1.0 / 3, 1, 2, analysis.RoleDependent},
		{"R1", 2, -2, 0, 0, 0, 2.0 / 3, 4, 0, analysis.RoleDriver},
		{"R6", 1, -1, 3, 0, 0, 2.0 / 3, 2, 3, analysis.RoleCritical},
		{"R5", 3, -3, 2, -3, 0, 0, 6, 5, analysis.RoleCritical},
		{"R7", 0, 0, 0, -3, 0, 0, 0, 3, analysis.RoleDependent},
		{"R9", 0, 0, 2, 0, 0, 0, 0, 2, analysis.RoleDependent},
		{"S2", 0, -1, 0, 0, -1, -1.0 / 3, 1, 0, analysis.RoleBuffer},
	}
	var rows []row
	for _, n := range got.Ranking {
		rows = append(rows, row{n.ID, n.OutPos, n.OutNeg, n.InPos, n.InNeg, n.Net, n.Net2, n.Active, n.Passive, n.Role})
	}
	if len(rows) != len(want) {
		t.Fatalf("ranking = %+v", rows)
	}
	for i := range want {
		g, w := rows[i], want[i]
		g.net2, w.net2 = round9(g.net2), round9(w.net2)
		if !reflect.DeepEqual(g, w) {
			t.Errorf("rank %d: got %+v, want %+v", i, rows[i], want[i])
		}
	}
}

func round9(x float64) float64 { return float64(int64(x*1e9+0.5*sign(x))) / 1e9 }

func sign(x float64) float64 {
	if x < 0 {
		return -1
	}
	return 1
}
