package neo4jstore_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// openSmall returns a graph with two documents, three recommendations, a
// theme, an actor and a scenario, and no edges.
func openSmall(tb testing.TB) *neo4jstore.Store {
	tb.Helper()
	store := neo4jtest.Open(tb)
	b := &rodedraad.Bundle{}
	for _, n := range []rodedraad.Node{document("D1"), document("D2"), rec("R1"), rec("R2"), rec("R3"),
		theme("T1"), actor("A-1"), scenario("SC1")} {
		b.Add(n)
	}
	MustImport(tb, store, b) // one transaction: faster than eight creates
	return store
}

// mustEdges returns the edges of type t leaving from, via Links.
func mustEdges(tb testing.TB, store *neo4jstore.Store, from string, t rodedraad.RelType) []rodedraad.Edge {
	tb.Helper()
	links, err := store.Links(tb.Context(), []string{from}, rodedraad.LinkQuery{Type: t, Dir: rodedraad.Out})
	if err != nil {
		tb.Fatalf("Links: %v", err)
	}
	var out []rodedraad.Edge
	for _, l := range links[from] {
		out = append(out, l.Edge)
	}
	return out
}

func TestStore_Link(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		store := openSmall(t)
		prov := fullProv()
		prov.CreatedAt = time.Time{} // set by the database on create
		want := rodedraad.Edge{Type: rodedraad.RelSupports, From: "R1", To: "R2", Score: intp(2),
			Topic: "steel", Evidence: []string{"e1", "e2"}, Provenance: prov}
		got, err := store.Link(t.Context(), want)
		if err != nil {
			t.Fatalf("Link: %v", err)
		}
		if got.CreatedAt.IsZero() {
			t.Errorf("createdAt not set")
		}
		stored := mustEdges(t, store, "R1", rodedraad.RelSupports)
		if len(stored) != 1 {
			t.Fatalf("stored edges = %+v, want one", stored)
		}
		for _, e := range []rodedraad.Edge{got, stored[0]} {
			e.CreatedAt = time.Time{}
			e.ReviewedAt = timep(e.ReviewedAt.UTC())
			if !reflect.DeepEqual(e, want) {
				t.Errorf("edge:\n got %+v\nwant %+v", e, want)
			}
		}
	})
	t.Run("OKEveryType", func(t *testing.T) {
		store := openSmall(t)
		edges := []rodedraad.Edge{
			{Type: rodedraad.RelContains, From: "D1", To: "R1", Page: "4", Quote: "q"},
			{Type: rodedraad.RelAuthored, From: "A-1", To: "D1", Role: "PUBLISHER"},
			{Type: rodedraad.RelAddresses, From: "R1", To: "T1", Weight: floatp(0.5)},
			{Type: rodedraad.RelAssignedTo, From: "R1", To: "A-1"},
			{Type: rodedraad.RelDescribes, From: "D1", To: "SC1"},
			{Type: rodedraad.RelIncludes, From: "SC1", To: "R1"},
			{Type: rodedraad.RelSupports, From: "SC1", To: "R2", Score: intp(3)},
			{Type: rodedraad.RelSupports, From: "A-1", To: "R2"},
			{Type: rodedraad.RelConflictsWith, From: "R1", To: "R3", Score: intp(-3), ConflictID: "C1"},
			{Type: rodedraad.RelConflictsWith, From: "A-1", To: "SC1"},
			{Type: rodedraad.RelOverlaps, From: "R1", To: "R2", Similarity: floatp(0.9)},
		}
		for _, want := range edges {
			got, err := store.Link(t.Context(), want)
			if err != nil {
				t.Fatalf("Link %s: %v", want.Key(), err)
			}
			got.CreatedAt = time.Time{}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Link %s:\n got %+v\nwant %+v", want.Key(), got, want)
			}
		}
		if n := len(MustDump(t, store)); n != 8+len(edges) {
			t.Errorf("graph holds %d items, want 8 nodes and %d edges", n, len(edges))
		}
	})
	t.Run("OKUpdatesTheSameEdge", func(t *testing.T) {
		store := openSmall(t)
		first, err := store.Link(t.Context(), rodedraad.Edge{Type: rodedraad.RelSupports, From: "R1", To: "R2", Score: intp(1), Provenance: rodedraad.Provenance{Rationale: "first"}})
		if err != nil {
			t.Fatal(err)
		}
		second, err := store.Link(t.Context(), rodedraad.Edge{Type: rodedraad.RelSupports, From: "R1", To: "R2", Score: intp(3), Provenance: rodedraad.Provenance{Rationale: "second"}})
		if err != nil {
			t.Fatal(err)
		}
		stored := mustEdges(t, store, "R1", rodedraad.RelSupports)
		if len(stored) != 1 || *stored[0].Score != 3 || stored[0].Rationale != "second" {
			t.Fatalf("stored = %+v, want one edge with score 3 and the second rationale", stored)
		}
		if !second.CreatedAt.Equal(first.CreatedAt) {
			t.Errorf("createdAt changed on update: %v -> %v", first.CreatedAt, second.CreatedAt)
		}
	})
	t.Run("OKOverlapsLowerIDFirst", func(t *testing.T) {
		store := openSmall(t)
		for _, e := range []rodedraad.Edge{
			{Type: rodedraad.RelOverlaps, From: "R3", To: "R1", Similarity: floatp(0.4)},
			{Type: rodedraad.RelOverlaps, From: "R1", To: "R3", Similarity: floatp(0.6)},
		} {
			got, err := store.Link(t.Context(), e)
			if err != nil {
				t.Fatal(err)
			}
			if got.From != "R1" || got.To != "R3" {
				t.Errorf("Link %s→%s returned %s→%s, want R1→R3", e.From, e.To, got.From, got.To)
			}
		}
		stored := mustEdges(t, store, "R1", rodedraad.RelOverlaps)
		if len(stored) != 1 || *stored[0].Similarity != 0.6 || stored[0].From != "R1" || stored[0].To != "R3" {
			t.Errorf("stored = %+v, want one R1→R3 edge with similarity 0.6", stored)
		}
		if back := mustEdges(t, store, "R3", rodedraad.RelOverlaps); len(back) != 0 {
			t.Errorf("an R3→R1 edge is stored: %+v", back)
		}
	})
	bad := []struct {
		name string
		edge rodedraad.Edge
		code string
	}{
		{"ErrBadEndpoints", rodedraad.Edge{Type: rodedraad.RelAddresses, From: "T1", To: "R1"}, rodedraad.EINVALID},
		{"ErrBadEndpointsActorToTheme", rodedraad.Edge{Type: rodedraad.RelSupports, From: "A-1", To: "T1"}, rodedraad.EINVALID},
		{"ErrScoreOutOfRange", rodedraad.Edge{Type: rodedraad.RelSupports, From: "R1", To: "R2", Score: intp(7)}, rodedraad.EINVALID},
		{"ErrPositiveConflict", rodedraad.Edge{Type: rodedraad.RelConflictsWith, From: "R1", To: "R2", Score: intp(2)}, rodedraad.EINVALID},
		{"ErrScoreMissing", rodedraad.Edge{Type: rodedraad.RelSupports, From: "R1", To: "R2"}, rodedraad.EINVALID},
		{"ErrScoreOnStance", rodedraad.Edge{Type: rodedraad.RelSupports, From: "A-1", To: "R2", Score: intp(2)}, rodedraad.EINVALID},
		{"ErrSimilarityMissing", rodedraad.Edge{Type: rodedraad.RelOverlaps, From: "R1", To: "R2"}, rodedraad.EINVALID},
		{"ErrRoleMissing", rodedraad.Edge{Type: rodedraad.RelAuthored, From: "A-1", To: "D1"}, rodedraad.EINVALID},
		{"ErrSelfLink", rodedraad.Edge{Type: rodedraad.RelSupports, From: "R1", To: "R1", Score: intp(1)}, rodedraad.EINVALID},
		{"ErrUnknownType", rodedraad.Edge{Type: "KNOWS]->(x) DETACH DELETE x //", From: "R1", To: "R2"}, rodedraad.EINVALID},
		{"ErrNotFoundFrom", rodedraad.Edge{Type: rodedraad.RelSupports, From: "R9", To: "R2", Score: intp(1)}, rodedraad.ENOTFOUND},
		{"ErrNotFoundTo", rodedraad.Edge{Type: rodedraad.RelAddresses, From: "R1", To: "T9"}, rodedraad.ENOTFOUND},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			store := openSmall(t)
			MustLink(t, store, rodedraad.Edge{Type: rodedraad.RelContains, From: "D1", To: "R1"})
			v, before := MustVersion(t, store), MustDump(t, store)
			_, err := store.Link(t.Context(), tc.edge)
			wantCode(t, err, tc.code)
			wantUnchanged(t, store, before, v)
		})
	}
}

func TestStore_Unlink(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		store := openSmall(t)
		MustLink(t, store,
			rodedraad.Edge{Type: rodedraad.RelSupports, From: "R1", To: "R2", Score: intp(1)},
			rodedraad.Edge{Type: rodedraad.RelSupports, From: "R2", To: "R1", Score: intp(2)})
		if err := store.Unlink(t.Context(), rodedraad.RelSupports, "R1", "R2"); err != nil {
			t.Fatalf("Unlink: %v", err)
		}
		if e := mustEdges(t, store, "R1", rodedraad.RelSupports); len(e) != 0 {
			t.Errorf("R1→R2 still there: %+v", e)
		}
		if e := mustEdges(t, store, "R2", rodedraad.RelSupports); len(e) != 1 {
			t.Errorf("Unlink removed the opposite edge R2→R1 too")
		}
	})
	t.Run("OKOverlapsEitherWay", func(t *testing.T) {
		store := openSmall(t)
		MustLink(t, store, rodedraad.Edge{Type: rodedraad.RelOverlaps, From: "R1", To: "R2", Similarity: floatp(0.5)})
		if err := store.Unlink(t.Context(), rodedraad.RelOverlaps, "R2", "R1"); err != nil {
			t.Fatalf("Unlink R2→R1 of an overlap stored as R1→R2: %v", err)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		store := openSmall(t)
		MustLink(t, store, rodedraad.Edge{Type: rodedraad.RelSupports, From: "R1", To: "R2", Score: intp(1)})
		v, before := MustVersion(t, store), MustDump(t, store)
		wantCode(t, store.Unlink(t.Context(), rodedraad.RelSupports, "R2", "R1"), rodedraad.ENOTFOUND)
		wantCode(t, store.Unlink(t.Context(), rodedraad.RelConflictsWith, "R1", "R2"), rodedraad.ENOTFOUND)
		wantCode(t, store.Unlink(t.Context(), rodedraad.RelSupports, "R1", "missing"), rodedraad.ENOTFOUND)
		wantUnchanged(t, store, before, v)
	})
	t.Run("ErrUnknownType", func(t *testing.T) {
		store := openSmall(t)
		wantCode(t, store.Unlink(t.Context(), "KNOWS", "R1", "R2"), rodedraad.EINVALID)
	})
}

func TestStore_ReviewEdge(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		store := openSmall(t)
		MustLink(t, store, rodedraad.Edge{Type: rodedraad.RelOverlaps, From: "R1", To: "R2", Similarity: floatp(0.8),
			Provenance: rodedraad.Provenance{Status: rodedraad.StatusProposed, Method: rodedraad.MethodSimilarity}})
		before := time.Now().Add(-time.Minute)
		// Given the other way round: overlaps are found whichever way they are named.
		got, err := store.ReviewEdge(t.Context(), rodedraad.RelOverlaps, "R2", "R1", rodedraad.StatusRejected, "dave", "not the same")
		if err != nil {
			t.Fatalf("ReviewEdge: %v", err)
		}
		stored := mustEdges(t, store, "R1", rodedraad.RelOverlaps)
		for _, e := range []rodedraad.Edge{got, stored[0]} {
			if e.Status != rodedraad.StatusRejected || e.ReviewedBy != "dave" || e.ReviewedAt == nil || e.ReviewedAt.Before(before) ||
				e.Method != rodedraad.MethodSimilarity || *e.Similarity != 0.8 {
				t.Errorf("after review: %+v; want REJECTED by dave now, method and similarity kept", e)
			}
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		store := openSmall(t)
		v, before := MustVersion(t, store), MustDump(t, store)
		_, err := store.ReviewEdge(t.Context(), rodedraad.RelSupports, "R1", "R2", rodedraad.StatusAccepted, "dave", "")
		wantCode(t, err, rodedraad.ENOTFOUND)
		wantUnchanged(t, store, before, v)
	})
}

func TestStore_Labels(t *testing.T) {
	store := openSmall(t)
	got, err := store.Labels(t.Context(), []string{"D1", "R1", "T1", "A-1", "SC1", "missing"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]rodedraad.Label{"D1": rodedraad.LabelDocument, "R1": rodedraad.LabelRecommendation,
		"T1": rodedraad.LabelTheme, "A-1": rodedraad.LabelActor, "SC1": rodedraad.LabelScenario}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Labels = %v, want %v", got, want)
	}
}

func TestStore_GraphVersion(t *testing.T) {
	store := openSmall(t)
	ctx := t.Context()
	supports := rodedraad.Edge{Type: rodedraad.RelSupports, From: "R1", To: "R2", Score: intp(1)}
	steps := []struct {
		name  string
		write bool
		do    func() error
	}{
		{"CreateNode", true, func() error { return store.CreateNode(ctx, rec("R4")) }},
		{"ReplaceNode", true, func() error { return store.ReplaceNode(ctx, rec("R4")) }},
		{"Link", true, func() error { _, err := store.Link(ctx, supports); return err }},
		{"LinkAgain", true, func() error { _, err := store.Link(ctx, supports); return err }},
		{"ReviewEdge", true, func() error {
			_, err := store.ReviewEdge(ctx, supports.Type, "R1", "R2", rodedraad.StatusAccepted, "x", "")
			return err
		}},
		{"ReviewNode", true, func() error {
			_, err := store.ReviewNode(ctx, "R1", rodedraad.StatusAccepted, "x", "")
			return err
		}},
		{"Unlink", true, func() error { return store.Unlink(ctx, supports.Type, "R1", "R2") }},
		{"Import", true, func() error {
			_, err := store.Import(ctx, &rodedraad.Bundle{Themes: []rodedraad.Theme{*theme("T5")}}, rodedraad.ImportOptions{})
			return err
		}},
		{"DeleteNode", true, func() error { return store.DeleteNode(ctx, rodedraad.LabelRecommendation, "R4") }},
		{"Node", false, func() error { _, err := store.Node(ctx, "R1"); return err }},
		{"Links", false, func() error {
			_, err := store.Links(ctx, []string{"R1"}, rodedraad.LinkQuery{Type: rodedraad.RelSupports})
			return err
		}},
		{"List", false, func() error {
			_, err := store.List(ctx, rodedraad.LabelRecommendation, rodedraad.Filter{}, rodedraad.Order{}, rodedraad.Page{First: 10})
			return err
		}},
		{"Count", false, func() error { _, err := store.Count(ctx, rodedraad.LabelTheme, rodedraad.Filter{}); return err }},
		{"Search", false, func() error { _, err := store.Search(ctx, "document", nil, 10); return err }},
		{"Neighbourhood", false, func() error { _, err := store.Neighbourhood(ctx, "R1", 2, nil); return err }},
		{"DeleteAll", true, func() error { return store.DeleteAll(ctx) }},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			before := MustVersion(t, store)
			if err := s.do(); err != nil {
				t.Fatalf("%s: %v", s.name, err)
			}
			after := MustVersion(t, store)
			if s.write && after <= before {
				t.Errorf("graph version %d -> %d after a write, want it to increase", before, after)
			}
			if !s.write && after != before {
				t.Errorf("graph version %d -> %d after a read, want it unchanged", before, after)
			}
		})
	}
}
