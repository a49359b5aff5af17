package analysis_test

import (
	"reflect"
	"testing"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// cellMap keys a matrix's cells by row and column id.
func cellMap(m analysis.Matrix) map[[2]string]analysis.Cell {
	out := map[[2]string]analysis.Cell{}
	for _, c := range m.Cells {
		out[[2]string{m.Rows[c.Row].ID, m.Columns[c.Column].ID}] = c
	}
	return out
}

func TestThemeMatrix_Fixture(t *testing.T) {
	g := MustFixture(t, analysis.Scope{})
	tests := []struct {
		name string
		cols analysis.Dimension
		want map[[2]string][]string
	}{
		{"Sector", analysis.DimSector, map[[2]string][]string{
			{"T1", "PUBLIC"}: {"R1", "R2"}, {"T1", "PRIVATE"}: {"R6"}, {"T1", "KNOWLEDGE"}: {"R6"},
			{"T2", "PUBLIC"}: {"R2", "R3", "R4", "R5"}, {"T2", "PRIVATE"}: {"R4", "R5"}, {"T2", "KNOWLEDGE"}: {"R4", "R5"},
			{"T2", "CIVIL"}: {"R3", "R8"}, // no T1 x CIVIL: BUURT only reports R9
			{"H", "PUBLIC"}: {"R5"}, {"H", "PRIVATE"}: {"R5"}, {"H", "KNOWLEDGE"}: {"R5"}, {"H", "CIVIL"}: {"R7"},
		}},
		{"Scenario", analysis.DimScenario, map[[2]string][]string{
			{"T1", "S1"}: {"R1", "R2"}, {"T2", "S1"}: {"R2", "R4", "R5"}, {"T2", "S2"}: {"R3"},
			{"H", "S1"}: {"R5"}, {"H", "S2"}: {"R7"},
		}},
		{"Document", analysis.DimDocument, map[[2]string][]string{
			{"T1", "D1"}: {"R1", "R2"}, {"T1", "D2"}: {"R6"}, {"T1", "D3"}: {"R9"},
			{"T2", "D1"}: {"R2", "R3"}, {"T2", "D2"}: {"R4", "R5"}, {"T2", "D3"}: {"R8"},
			{"T3", "D4"}: {"R10"}, {"H", "D2"}: {"R5"}, {"H", "D3"}: {"R7"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[[2]string][]string{}
			for k, c := range cellMap(analysis.BuildThemeMatrix(g, tt.cols)) {
				if c.Count != len(c.IDs) {
					t.Errorf("%v: count %d with ids %v", k, c.Count, c.IDs)
				}
				got[k] = c.IDs
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %v\nwant %v", got, tt.want)
			}
		})
	}
}

func TestDocumentMatrix_Fixture(t *testing.T) {
	got := cellMap(analysis.BuildDocumentMatrix(MustFixture(t, analysis.Scope{})))
	type c struct{ count, sup, con, ovl int }
	want := map[[2]string]c{
		{"D1", "D1"}: {2, 2, 0, 0}, // e1, e2
		{"D1", "D2"}: {2, 1, 1, 0}, // e6, c2
		{"D1", "D3"}: {1, 0, 0, 1}, // R3–R8
		{"D2", "D2"}: {4, 3, 1, 0}, // e3 e4 e5, c4
		{"D2", "D3"}: {1, 0, 1, 0}, // c1
		{"D3", "D3"}: {1, 1, 0, 0}, // e7
	}
	if len(got) != len(want) {
		t.Fatalf("cells %v", got)
	}
	for k, w := range want {
		g := got[k]
		if (c{g.Count, g.Supports, g.Conflicts, g.Overlaps}) != w || len(g.Pairs) != w.count {
			t.Errorf("%v: got %+v, want %+v", k, g, w)
		}
	}
}

func TestActorMatrix_Fixture(t *testing.T) {
	got := cellMap(analysis.BuildActorMatrix(MustFixture(t, analysis.Scope{})))
	// Endorsers: R3 GEM BUURT; R4 PROV TATA UNI; R5 GEM TATA UNI; R6 TATA UNI. R7: BUURT for, TATA against.
	want := map[[2]string]analysis.Cell{
		{"A-GEM", "A-TATA"}:   {Count: 1, IDs: []string{"R5"}},
		{"A-GEM", "A-UNI"}:    {Count: 1, IDs: []string{"R5"}},
		{"A-GEM", "A-BUURT"}:  {Count: 1, IDs: []string{"R3"}},
		{"A-PROV", "A-TATA"}:  {Count: 1, IDs: []string{"R4"}},
		{"A-PROV", "A-UNI"}:   {Count: 1, IDs: []string{"R4"}},
		{"A-TATA", "A-UNI"}:   {Count: 3, IDs: []string{"R4", "R5", "R6"}},
		{"A-TATA", "A-BUURT"}: {Disputed: []string{"R7"}},
	}
	for k, c := range got {
		c.Row, c.Column = 0, 0
		got[k] = c
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
}

func TestBuildMatrix_Dimensions(t *testing.T) {
	g := MustFixture(t, analysis.Scope{})
	t.Run("Transposed", func(t *testing.T) {
		m, err := analysis.BuildMatrix(g, analysis.DimScenario, analysis.DimTheme)
		if err != nil || m.Rows[0].ID != "S1" || m.Columns[0].ID != "T1" || m.Cells[0].Row != 0 || m.Cells[0].Column != 0 {
			t.Fatalf("got %+v, %v", m, err)
		}
	})
	t.Run("ErrUnsupported", func(t *testing.T) {
		_, err := analysis.BuildMatrix(g, analysis.DimActor, analysis.DimScenario)
		if rodedraad.ErrorCode(err) != rodedraad.EINVALID {
			t.Fatalf("err = %v", err)
		}
	})
}
