package service_test

import (
	"context"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/proposition"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/service"
)

func mustProposition(t *testing.T, svc *service.Service, lang string, since *int64) *proposition.Draft {
	t.Helper()
	d, err := svc.Proposition(context.Background(), analysis.Scope{}, lang, since)
	if err != nil {
		t.Fatalf("Proposition: %v", err)
	}
	return d
}

// acceptOverlaps has the study team accept the n most similar suggested
// overlaps without a number mismatch, and returns them.
func acceptOverlaps(t *testing.T, svc *service.Service, n int) [][2]string {
	t.Helper()
	ctx := context.Background()
	sug, err := svc.SuggestOverlaps(ctx, 0.35, analysis.Scope{})
	if err != nil {
		t.Fatal(err)
	}
	list := slices.Clone(sug.Suggestions)
	slices.SortFunc(list, func(a, b service.Suggestion) int { return int((b.Similarity - a.Similarity) * 1e6) })
	var out [][2]string
	for _, s := range list {
		if len(out) == n || !s.Created || s.NumberMismatch {
			continue
		}
		r := service.Review{Type: rodedraad.RelOverlaps, From: s.A, To: s.B, Accept: true, Reviewer: "studieteam"}
		if _, _, err := svc.Review(ctx, r); err != nil {
			t.Fatalf("accept %s–%s: %v", s.A, s.B, err)
		}
		out = append(out, [2]string{s.A, s.B})
	}
	if len(out) == 0 {
		t.Fatal("no overlap to accept")
	}
	return out
}

// TestService_Proposition_Seeds builds the draft on the IJmond seeds with
// a few overlaps accepted.
func TestService_Proposition_Seeds(t *testing.T) {
	ctx := context.Background()
	store := neo4jtest.Seeded(t)
	svc := service.New(store)
	before := mustProposition(t, svc, "nl", nil)
	accepted := acceptOverlaps(t, svc, 8)
	d := mustProposition(t, svc, "nl", &before.GraphVersion)
	r := mustCoherence(t, svc, analysis.Scope{})

	t.Run("AcceptedOverlapsFormClusters", func(t *testing.T) {
		for _, p := range accepted {
			i := slices.IndexFunc(r.Consensus.Clusters, func(c analysis.Cluster) bool { return slices.Contains(c.Members, p[0]) })
			if i < 0 || !slices.Contains(r.Consensus.Clusters[i].Members, p[1]) {
				t.Errorf("%s and %s are not in one cluster", p[0], p[1])
			}
		}
	})
	t.Run("EveryCitationResolves", func(t *testing.T) {
		conflicts, err := store.Conflicts(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		known := map[string]bool{}
		for _, c := range conflicts {
			known[c.ID] = true
		}
		sources := map[string]proposition.Source{}
		for _, s := range d.Sources {
			sources[s.ID] = s
		}
		var ids []string
		for _, st := range d.Statements() {
			for _, id := range st.Cites {
				if !known[id] {
					ids = append(ids, id)
				}
			}
			for _, doc := range st.Docs {
				if s, ok := sources[doc]; !ok || s.Title == "" || s.Title == doc || s.Year == 0 {
					t.Errorf("document %s of %q is not a full source: %+v", doc, st.Text, s)
				}
			}
		}
		nodes, err := svc.Nodes(ctx, slices.Compact(slices.Sorted(slices.Values(ids))))
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range ids {
			if nodes[id] == nil {
				t.Errorf("citation %s resolves to nothing", id)
			}
		}
		// A source shows the first URL its document has (the founding
		// letter, D41, has none).
		docs, err := svc.Nodes(ctx, slices.Collect(maps.Keys(sources)))
		if err != nil {
			t.Fatal(err)
		}
		for id, s := range sources {
			if d, ok := docs[id].(*rodedraad.Document); !ok || len(d.URLs) > 0 && s.URL != d.URLs[0] {
				t.Errorf("source %+v, document %+v", s, docs[id])
			}
		}
	})
	t.Run("EveryOpenConflictInItsThemes", func(t *testing.T) {
		for _, s := range d.Themes {
			for _, g := range r.Conflicts {
				if g.ID == "" || g.State != rodedraad.ConflictOpen || !slices.Contains(g.Themes, s.Theme) {
					continue
				}
				if !slices.ContainsFunc(s.Choices, func(c proposition.Choice) bool { return c.ID == g.ID }) {
					t.Errorf("open conflict %s touches %s but is not in its section", g.ID, s.Theme)
				}
			}
		}
	})
	t.Run("SevenThemesAndHealthAsAGap", func(t *testing.T) {
		if len(d.Themes) != 7 || d.Themes[0].Theme != "T1" {
			t.Fatalf("themes = %d", len(d.Themes))
		}
		if !slices.ContainsFunc(d.Overall.Gaps, func(s proposition.Statement) bool {
			return len(s.Cites) > 0 && strings.Contains(s.Text, "buiten het kader van de studie")
		}) {
			t.Errorf("health is not a gap of the whole: %+v", d.Overall.Gaps)
		}
	})
	t.Run("Since", func(t *testing.T) {
		if d.GraphVersion <= before.GraphVersion || d.Changes == nil || d.Changes.Since != before.GraphVersion {
			t.Fatalf("version %d since %d: changes %+v", d.GraphVersion, before.GraphVersion, d.Changes)
		}
		if len(d.Changes.Statements) == 0 {
			t.Error("no changes listed")
		}
	})
	t.Run("Errors", func(t *testing.T) {
		never := int64(-5)
		if _, err := svc.Proposition(ctx, analysis.Scope{}, "nl", &never); rodedraad.ErrorCode(err) != rodedraad.ENOTFOUND {
			t.Errorf("since -5: %v", err)
		}
		if _, err := svc.Proposition(ctx, analysis.Scope{}, "fr", nil); rodedraad.ErrorCode(err) != rodedraad.EINVALID {
			t.Errorf("lang fr: %v", err)
		}
		if _, err := svc.Proposition(ctx, analysis.Scope{Themes: []string{"T99"}}, "nl", nil); rodedraad.ErrorCode(err) != rodedraad.ENOTFOUND {
			t.Errorf("theme T99: %v", err)
		}
	})
}
