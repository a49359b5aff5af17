package analysis_test

import (
	"reflect"
	"slices"
	"testing"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

func TestNewGraph_Errors(t *testing.T) {
	rec := analysis.Node{ID: "R1", Label: rodedraad.LabelRecommendation}
	doc := analysis.Node{ID: "D1", Label: rodedraad.LabelDocument}
	tests := []struct {
		name  string
		nodes []analysis.Node
		edges []analysis.Edge
	}{
		{"DuplicateID", []analysis.Node{rec, rec}, nil},
		{"EmptyID", []analysis.Node{{Label: rodedraad.LabelTheme}}, nil},
		{"UnknownLabel", []analysis.Node{{ID: "X", Label: "Person"}}, nil},
		{"UnknownEndpoint", []analysis.Node{rec}, []analysis.Edge{{Type: rodedraad.RelSupports, From: "R1", To: "R9", Score: 1}}},
		{"WrongEndpoints", []analysis.Node{rec, doc}, []analysis.Edge{{Type: rodedraad.RelContains, From: "R1", To: "D1"}}},
		{"UnknownType", []analysis.Node{rec, doc}, []analysis.Edge{{Type: "LIKES", From: "R1", To: "D1"}}},
		{"MembershipNotADocument", []analysis.Node{{ID: "R1", Label: rodedraad.LabelRecommendation, Documents: []string{"R1"}}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := analysis.NewGraph(tt.nodes, tt.edges)
			if code := rodedraad.ErrorCode(err); code != rodedraad.EINVALID {
				t.Fatalf("error code = %q (%v), want %q", code, err, rodedraad.EINVALID)
			}
		})
	}
	t.Run("OK", func(t *testing.T) {
		g, err := analysis.NewGraph(fixtureNodes(), fixtureEdges())
		if err != nil {
			t.Fatal(err)
		}
		if n, ok := g.Node("R5"); !ok || !slices.Equal(n.Themes, []string{"T2", "H"}) {
			t.Fatalf("Node(R5) = %+v, %v", n, ok)
		}
	})
}

func recIDs(g *analysis.Graph) []string {
	var out []string
	for _, n := range g.Nodes {
		if n.Label == rodedraad.LabelRecommendation {
			out = append(out, n.ID)
		}
	}
	return out
}

func TestGraph_Restrict(t *testing.T) {
	all := []string{"R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10"}
	tests := []struct {
		name     string
		scope    analysis.Scope
		recs     []string
		edges    int // edges kept (memberships are folded, not kept)
		r10Theme []string
	}{
		// 26 edges: 5 AUTHORED + 1 DESCRIBES + 4 stances + 11 interactions + 1 OVERLAPS = 22
		// accepted; R9→R1 PROPOSED, R7→R8 REJECTED, ADDRESSES PROPOSED are dropped.
		{"DefaultAcceptedOnly", analysis.Scope{}, all, 22, []string{"T3"}},
		// + R11, + R9→R1, and the proposed ADDRESSES R10→T4 is folded in.
		{"IncludeProposed", analysis.Scope{Statuses: []rodedraad.Status{rodedraad.StatusAccepted, rodedraad.StatusProposed}},
			append(slices.Clone(all), "R11"), 23, []string{"T3", "T4"}},
		// R5 and R7 address H: 6 context edges (AUTHORED, DESCRIBES) + stances
		// GEM+R5, TATA-R7 + c1 R5→R7 = 9.
		{"ThemeFilter", analysis.Scope{Themes: []string{"H"}}, []string{"R5", "R7"}, 9, nil},
		// In D2 and in S1: R4, R5: 6 context + stances PROV+R4, GEM+R5 + e3 R4→R5 = 9.
		{"DocumentAndScenario", analysis.Scope{Documents: []string{"D2"}, Scenarios: []string{"S1"}}, []string{"R4", "R5"}, 9, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := MustFixture(t, tt.scope)
			if got := recIDs(g); !slices.Equal(got, tt.recs) {
				t.Errorf("recommendations = %v, want %v", got, tt.recs)
			}
			if len(g.Edges) != tt.edges {
				t.Errorf("edges = %d, want %d", len(g.Edges), tt.edges)
			}
			if n, ok := g.Node("R10"); ok && !slices.Equal(n.Themes, tt.r10Theme) {
				t.Errorf("R10 themes = %v, want %v", n.Themes, tt.r10Theme)
			}
			if !reflect.DeepEqual(g.Scope(), tt.scope) {
				t.Errorf("Scope() = %+v, want %+v", g.Scope(), tt.scope)
			}
		})
	}
	t.Run("SharesWhenNothingIsDropped", func(t *testing.T) {
		g := analysis.MustGraph(fixtureNodes()[:6], nil)
		s, err := g.Restrict(analysis.Scope{})
		if err != nil || &s.Nodes[0] != &g.Nodes[0] {
			t.Fatalf("Restrict copied the nodes (err %v)", err)
		}
	})
	errs := []struct {
		name  string
		scope analysis.Scope
		code  string
	}{
		{"ErrUnknownTheme", analysis.Scope{Themes: []string{"T9"}}, rodedraad.ENOTFOUND},
		{"ErrThemeIsADocument", analysis.Scope{Themes: []string{"D1"}}, rodedraad.ENOTFOUND},
		{"ErrUnknownScenario", analysis.Scope{Scenarios: []string{"S9"}}, rodedraad.ENOTFOUND},
		{"ErrBadStatus", analysis.Scope{Statuses: []rodedraad.Status{"MAYBE"}}, rodedraad.EINVALID},
	}
	g := analysis.MustGraph(fixtureNodes(), fixtureEdges())
	for _, tt := range errs {
		t.Run(tt.name, func(t *testing.T) {
			_, err := g.Restrict(tt.scope)
			if code := rodedraad.ErrorCode(err); code != tt.code {
				t.Fatalf("error code = %q (%v), want %q", code, err, tt.code)
			}
		})
	}
}
