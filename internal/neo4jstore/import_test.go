package neo4jstore_test

import (
	"maps"
	"testing"

	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

func TestStore_Import(t *testing.T) {
	t.Run("OKIdempotent", func(t *testing.T) {
		store := neo4jtest.Open(t)
		ix := indexSeeds(t)
		res, err := store.Import(t.Context(), MustSeeds(t), rodedraad.ImportOptions{})
		if err != nil {
			t.Fatalf("first import: %v", err)
		}
		if res.Nodes != len(ix.label) || res.Edges != len(ix.bundle.Edges) {
			t.Errorf("result = %+v, want %d nodes and %d edges", res, len(ix.label), len(ix.bundle.Edges))
		}
		first := MustDump(t, store)
		if want := len(ix.label) + len(ix.edges); len(first) != want {
			t.Errorf("graph holds %d nodes and relationships, want %d (%d nodes, %d distinct edges)", len(first), want, len(ix.label), len(ix.edges))
		}
		v := MustVersion(t, store)
		if _, err := store.Import(t.Context(), MustSeeds(t), rodedraad.ImportOptions{}); err != nil {
			t.Fatalf("second import: %v", err)
		}
		if second := MustDump(t, store); !maps.Equal(first, second) {
			for k, v := range second {
				if first[k] != v {
					t.Errorf("%s: %q after the first import, %q after the second", k, first[k], v)
				}
			}
			t.Fatalf("a second import changed the graph (%d -> %d items)", len(first), len(second))
		}
		if MustVersion(t, store) <= v {
			t.Errorf("graph version did not move on import")
		}
	})
	t.Run("OKUpdates", func(t *testing.T) {
		store := neo4jtest.Seeded(t)
		before, err := store.Node(t.Context(), "R01.4")
		if err != nil {
			t.Fatal(err)
		}
		r := *before.(*rodedraad.Recommendation)
		r.Title = "A new title"
		b := &rodedraad.Bundle{Recommendations: []rodedraad.Recommendation{r}, Edges: []rodedraad.Edge{
			{Type: rodedraad.RelSupports, From: "R01.4", To: "R41.1", Score: intp(1)}, // both ends only in the graph
		}}
		MustImport(t, store, b)
		after, err := store.Node(t.Context(), "R01.4")
		if err != nil {
			t.Fatal(err)
		}
		if got := after.(*rodedraad.Recommendation); got.Title != "A new title" || !got.CreatedAt.Equal(before.Prov().CreatedAt) {
			t.Errorf("after import: title %q, createdAt %v; want the new title and createdAt kept (%v)", got.Title, got.CreatedAt, before.Prov().CreatedAt)
		}
		if e := mustEdges(t, store, "R01.4", rodedraad.RelSupports); len(e) != 2 {
			t.Errorf("R01.4 supports %d recommendations, want the seed's one and R41.1", len(e))
		}
	})
	t.Run("OKCreateOnly", func(t *testing.T) {
		store := neo4jtest.Seeded(t)
		b := &rodedraad.Bundle{Themes: []rodedraad.Theme{*theme("T99")}, Edges: []rodedraad.Edge{
			{Type: rodedraad.RelAddresses, From: "R01.4", To: "T99"},
		}}
		if _, err := store.Import(t.Context(), b, rodedraad.ImportOptions{CreateOnly: true}); err != nil {
			t.Fatalf("Import of new ids with CreateOnly: %v", err)
		}
	})
	t.Run("OKProgress", func(t *testing.T) {
		store := neo4jtest.Open(t)
		b := MustSeeds(t)
		var calls [][2]int
		opts := rodedraad.ImportOptions{Progress: func(done, total int) { calls = append(calls, [2]int{done, total}) }}
		if _, err := store.Import(t.Context(), b, opts); err != nil {
			t.Fatal(err)
		}
		total := len(b.Nodes()) + len(b.Edges)
		if len(calls) == 0 || calls[len(calls)-1] != [2]int{total, total} {
			t.Fatalf("progress = %v, want it to end at %d of %d", calls, total, total)
		}
		for i, c := range calls {
			if c[1] != total || c[0] > total || (i > 0 && c[0] < calls[i-1][0]) {
				t.Errorf("progress call %d = %v: want done rising to total %d", i, c, total)
			}
		}
	})

	// Each bad bundle adds good nodes and edges too, and must write none of them.
	good := func() *rodedraad.Bundle {
		return &rodedraad.Bundle{
			Themes:          []rodedraad.Theme{*theme("T99")},
			Recommendations: []rodedraad.Recommendation{*rec("R99.1")},
			Edges: []rodedraad.Edge{
				{Type: rodedraad.RelAddresses, From: "R99.1", To: "T99"},
				{Type: rodedraad.RelContains, From: "D01", To: "R99.1"},
			},
		}
	}
	bad := []struct {
		name   string
		change func(b *rodedraad.Bundle)
		opts   rodedraad.ImportOptions
		code   string
	}{
		{"ErrBadEndpoints", func(b *rodedraad.Bundle) {
			b.Edges = append(b.Edges, rodedraad.Edge{Type: rodedraad.RelAddresses, From: "T99", To: "R99.1"})
		}, rodedraad.ImportOptions{}, rodedraad.EINVALID},
		{"ErrBadScore", func(b *rodedraad.Bundle) {
			b.Edges = append(b.Edges, rodedraad.Edge{Type: rodedraad.RelSupports, From: "R99.1", To: "R01.4", Score: intp(7)})
		}, rodedraad.ImportOptions{}, rodedraad.EINVALID},
		{"ErrMissingEnd", func(b *rodedraad.Bundle) {
			b.Edges = append(b.Edges, rodedraad.Edge{Type: rodedraad.RelAddresses, From: "R99.1", To: "T-nowhere"})
		}, rodedraad.ImportOptions{}, rodedraad.EINVALID},
		{"ErrIDOfAnotherKind", func(b *rodedraad.Bundle) {
			b.Themes = append(b.Themes, *theme("R01.4"))
		}, rodedraad.ImportOptions{}, rodedraad.ECONFLICT},
		{"ErrCreateOnlyExisting", func(b *rodedraad.Bundle) {
			b.Recommendations = append(b.Recommendations, *rec("R01.4"))
		}, rodedraad.ImportOptions{CreateOnly: true}, rodedraad.ECONFLICT},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			store := neo4jtest.Seeded(t)
			v, before := MustVersion(t, store), MustDump(t, store)
			b := good()
			tc.change(b)
			_, err := store.Import(t.Context(), b, tc.opts)
			wantCode(t, err, tc.code)
			wantUnchanged(t, store, before, v)
		})
	}
	t.Run("ErrSameIDTwoKinds", func(t *testing.T) {
		store := neo4jtest.Open(t)
		v, before := MustVersion(t, store), MustDump(t, store)
		b := &rodedraad.Bundle{Themes: []rodedraad.Theme{*theme("X1")}, Recommendations: []rodedraad.Recommendation{*rec("X1")}}
		_, err := store.Import(t.Context(), b, rodedraad.ImportOptions{})
		if code := rodedraad.ErrorCode(err); code != rodedraad.EINVALID && code != rodedraad.ECONFLICT {
			t.Errorf("error = %v (code %q), want BAD_USER_INPUT or CONFLICT", err, code)
		}
		wantUnchanged(t, store, before, v)
	})
}
