package neo4jstore_test

import (
	"cmp"
	"slices"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// seededWithStatuses imports the seeds with some statuses changed, so that
// the statuses filter has something to tell apart: every 4th recommendation
// PROPOSED, every 9th REJECTED, and R01.1 with no status at all (which
// counts as ACCEPTED).
func seededWithStatuses(tb testing.TB) (*neo4jstore.Store, seedIndex) {
	tb.Helper()
	ix := indexSeeds(tb)
	for i := range ix.bundle.Recommendations {
		r := &ix.bundle.Recommendations[i]
		switch {
		case r.ID == "R01.1":
			r.Status = ""
		case i%9 == 0:
			r.Status = rodedraad.StatusRejected
		case i%4 == 0:
			r.Status = rodedraad.StatusProposed
		}
	}
	store := neo4jtest.Open(tb)
	MustImport(tb, store, ix.bundle)
	return store, ix
}

// walk lists every page of a list, passing cursors through their opaque
// form as the API does, and returns the ids in order.
func walk(t *testing.T, store *neo4jstore.Store, label rodedraad.Label, f rodedraad.Filter, o rodedraad.Order, first int) []string {
	t.Helper()
	var out []string
	p := rodedraad.Page{First: first}
	for pages := 0; ; pages++ {
		if pages > 200 {
			t.Fatalf("more than 200 pages: paging does not advance")
		}
		page, err := store.List(t.Context(), label, f, o, p)
		if err != nil {
			t.Fatalf("List: %v", err)
		}
		if len(page.Items) > first || len(page.Cursors) != len(page.Items) {
			t.Fatalf("page of %d items with %d cursors, want at most %d with one cursor each", len(page.Items), len(page.Cursors), first)
		}
		if page.HasNextPage && len(page.Items) < first {
			t.Fatalf("short page of %d items says it has a next page", len(page.Items))
		}
		out = append(out, ids(page.Items)...)
		if !page.HasNextPage {
			return out
		}
		c, err := rodedraad.DecodeCursor(page.Cursors[len(page.Cursors)-1].Encode())
		if err != nil {
			t.Fatalf("DecodeCursor: %v", err)
		}
		p.After = c
	}
}

// keyed sorts ids by a key and then by id, ascending or descending, as a
// list ordered by that key must return them.
func keyed[K cmp.Ordered](ids []string, key func(id string) K, desc bool) []string {
	out := slices.Clone(ids)
	slices.SortFunc(out, func(a, b string) int {
		c := cmp.Or(cmp.Compare(key(a), key(b)), strings.Compare(a, b))
		if desc {
			return -c
		}
		return c
	})
	return out
}

func TestStore_List(t *testing.T) {
	store, ix := seededWithStatuses(t)
	b := ix.bundle
	recIDs := ix.ids(rodedraad.LabelRecommendation)
	docIDs := ix.ids(rodedraad.LabelDocument)
	if len(recIDs) != 176 {
		t.Fatalf("the seeds have %d recommendations, want 176", len(recIDs))
	}
	title := map[string]string{}
	for _, r := range b.Recommendations {
		title[r.ID] = strings.ToLower(r.Title)
	}
	year := map[string]int{}
	for _, d := range b.Documents {
		year[d.ID] = d.Year
	}
	byID := func(id string) string { return id }

	paging := []struct {
		name  string
		label rodedraad.Label
		order rodedraad.Order
		want  []string
	}{
		{"OKPagingByID", rodedraad.LabelRecommendation, rodedraad.Order{}, keyed(recIDs, byID, false)},
		{"OKPagingByIDDesc", rodedraad.LabelRecommendation, rodedraad.Order{Field: rodedraad.OrderByID, Desc: true}, keyed(recIDs, byID, true)},
		{"OKPagingByTitle", rodedraad.LabelRecommendation, rodedraad.Order{Field: rodedraad.OrderByTitle},
			keyed(recIDs, func(id string) string { return title[id] }, false)},
		{"OKPagingByTitleDesc", rodedraad.LabelRecommendation, rodedraad.Order{Field: rodedraad.OrderByTitle, Desc: true},
			keyed(recIDs, func(id string) string { return title[id] }, true)},
		{"OKPagingDocumentsByYear", rodedraad.LabelDocument, rodedraad.Order{Field: rodedraad.OrderByYear},
			keyed(docIDs, func(id string) int { return year[id] }, false)},
		{"OKPagingDocumentsByYearDesc", rodedraad.LabelDocument, rodedraad.Order{Field: rodedraad.OrderByYear, Desc: true},
			keyed(docIDs, func(id string) int { return year[id] }, true)},
	}
	for _, tc := range paging {
		t.Run(tc.name, func(t *testing.T) {
			got := walk(t, store, tc.label, rodedraad.Filter{}, tc.order, 7)
			if !slices.Equal(got, tc.want) {
				t.Errorf("walked %d items:\n got %v\nwant %v", len(got), got, tc.want)
			}
		})
	}

	for _, tc := range listFilterCases(ix) {
		t.Run(tc.name, func(t *testing.T) {
			if len(tc.want) == 0 {
				t.Fatalf("expected nothing: the case proves nothing")
			}
			got := walk(t, store, tc.label, tc.filter, rodedraad.Order{}, 100)
			if !slices.Equal(got, tc.want) {
				t.Errorf("List %s %+v:\n got %v\nwant %v", tc.label, tc.filter, got, tc.want)
			}
			n, err := store.Count(t.Context(), tc.label, tc.filter)
			if err != nil || n != len(tc.want) {
				t.Errorf("Count = %d, %v; want %d", n, err, len(tc.want))
			}
		})
	}

	bad := []struct {
		name   string
		label  rodedraad.Label
		filter rodedraad.Filter
		order  rodedraad.Order
		page   rodedraad.Page
	}{
		{"ErrFilterActorsOnThemes", rodedraad.LabelTheme, rodedraad.Filter{Actors: []string{"A-TSN"}}, rodedraad.Order{}, rodedraad.Page{First: 10}},
		{"ErrFilterScenariosOnActors", rodedraad.LabelActor, rodedraad.Filter{Scenarios: []string{"SC1.1"}}, rodedraad.Order{}, rodedraad.Page{First: 10}},
		{"ErrFilterDocumentsOnDocuments", rodedraad.LabelDocument, rodedraad.Filter{Documents: []string{"D01"}}, rodedraad.Order{}, rodedraad.Page{First: 10}},
		{"ErrFilterSectorsOnScenarios", rodedraad.LabelScenario, rodedraad.Filter{Sectors: []string{"PUBLIC"}}, rodedraad.Order{}, rodedraad.Page{First: 10}},
		{"ErrFirstTooLarge", rodedraad.LabelRecommendation, rodedraad.Filter{}, rodedraad.Order{}, rodedraad.Page{First: 101}},
		{"ErrFirstNegative", rodedraad.LabelRecommendation, rodedraad.Filter{}, rodedraad.Order{}, rodedraad.Page{First: -1}},
		{"ErrOrderByYearNotDocuments", rodedraad.LabelRecommendation, rodedraad.Filter{}, rodedraad.Order{Field: rodedraad.OrderByYear}, rodedraad.Page{First: 10}},
		{"ErrUnknownLabel", "Entity", rodedraad.Filter{}, rodedraad.Order{}, rodedraad.Page{First: 10}},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, err := store.List(t.Context(), tc.label, tc.filter, tc.order, tc.page)
			wantCode(t, err, rodedraad.EINVALID)
			if tc.page.First == 10 && tc.order.Field == "" {
				_, err := store.Count(t.Context(), tc.label, tc.filter)
				wantCode(t, err, rodedraad.EINVALID)
			}
		})
	}
}

type listCase struct {
	name   string
	label  rodedraad.Label
	filter rodedraad.Filter
	want   []string // sorted ids
}

// listFilterCases computes, from the seed files, which ids each filter must
// return.
func listFilterCases(ix seedIndex) []listCase {
	b := ix.bundle
	sector := map[string]string{}
	for _, a := range b.Actors {
		sector[a.ID] = a.Sector
	}
	// edgesOf selects the seed edges of a type; from and to, when set,
	// must hold for the edge's ends.
	edgesOf := func(t rodedraad.RelType, ok func(e rodedraad.Edge) bool) []rodedraad.Edge {
		var out []rodedraad.Edge
		for _, e := range ix.edges {
			if e.Type == t && ok(e) {
				out = append(out, e)
			}
		}
		return out
	}
	in := func(vs ...string) func(string) bool { return func(v string) bool { return slices.Contains(vs, v) } }
	set := func(f func(add func(string))) []string {
		s := map[string]bool{}
		f(func(id string) { s[id] = true })
		return sorted(s)
	}
	// Recommendations linked to an actor: assigned, stance, or published or
	// written the containing document.
	recsOfActors := func(actorOK func(string) bool) []string {
		return set(func(add func(string)) {
			for _, e := range edgesOf(rodedraad.RelAssignedTo, func(e rodedraad.Edge) bool { return actorOK(e.To) }) {
				add(e.From)
			}
			for _, t := range []rodedraad.RelType{rodedraad.RelSupports, rodedraad.RelConflictsWith} {
				for _, e := range edgesOf(t, func(e rodedraad.Edge) bool { return ix.label[e.From] == rodedraad.LabelActor && actorOK(e.From) }) {
					if ix.label[e.To] == rodedraad.LabelRecommendation {
						add(e.To)
					}
				}
			}
			for _, a := range edgesOf(rodedraad.RelAuthored, func(e rodedraad.Edge) bool {
				return actorOK(e.From) && (e.Role == "PUBLISHER" || e.Role == "AUTHOR")
			}) {
				for _, c := range edgesOf(rodedraad.RelContains, func(e rodedraad.Edge) bool { return e.From == a.To }) {
					add(c.To)
				}
			}
		})
	}
	themeOf := func(themes ...string) map[string]bool { // recommendations addressing any theme
		s := map[string]bool{}
		for _, e := range edgesOf(rodedraad.RelAddresses, func(e rodedraad.Edge) bool { return slices.Contains(themes, e.To) }) {
			s[e.From] = true
		}
		return s
	}
	recs := func(ok func(r rodedraad.Recommendation) bool) []string {
		return set(func(add func(string)) {
			for _, r := range b.Recommendations {
				if ok(r) {
					add(r.ID)
				}
			}
		})
	}
	contains := func(text, q string) bool { return strings.Contains(strings.ToLower(text), strings.ToLower(q)) }
	h := themeOf("T2", "H")
	return []listCase{
		{"OKRecommendationsIDs", rodedraad.LabelRecommendation, rodedraad.Filter{IDs: []string{"R41.1", "R01.4", "R-none", "D01"}}, []string{"R01.4", "R41.1"}},
		{"OKRecommendationsThemes", rodedraad.LabelRecommendation, rodedraad.Filter{Themes: []string{"T2", "H"}}, sorted(h)},
		{"OKRecommendationsActors", rodedraad.LabelRecommendation, rodedraad.Filter{Actors: []string{"A-TSN", "A-IENW"}}, recsOfActors(in("A-TSN", "A-IENW"))},
		{"OKRecommendationsActorCommissionerOnly", rodedraad.LabelRecommendation, rodedraad.Filter{Actors: []string{"A-IENW"}}, recsOfActors(in("A-IENW"))},
		{"OKRecommendationsSectors", rodedraad.LabelRecommendation, rodedraad.Filter{Sectors: []string{"CIVIL", "KNOWLEDGE"}},
			recsOfActors(func(id string) bool { return sector[id] == "CIVIL" || sector[id] == "KNOWLEDGE" })},
		{"OKRecommendationsDocuments", rodedraad.LabelRecommendation, rodedraad.Filter{Documents: []string{"D01", "D25"}}, set(func(add func(string)) {
			for _, e := range edgesOf(rodedraad.RelContains, func(e rodedraad.Edge) bool { return e.From == "D01" || e.From == "D25" }) {
				add(e.To)
			}
		})},
		{"OKRecommendationsScenarios", rodedraad.LabelRecommendation, rodedraad.Filter{Scenarios: []string{"SC1.3", "SC2.2"}}, set(func(add func(string)) {
			for _, e := range edgesOf(rodedraad.RelIncludes, func(e rodedraad.Edge) bool { return e.From == "SC1.3" || e.From == "SC2.2" }) {
				add(e.To)
			}
		})},
		{"OKRecommendationsKinds", rodedraad.LabelRecommendation, rodedraad.Filter{Kinds: []string{"GOAL", "POSITION"}},
			recs(func(r rodedraad.Recommendation) bool { return r.Kind == "GOAL" || r.Kind == "POSITION" })},
		{"OKRecommendationsStatusProposed", rodedraad.LabelRecommendation, rodedraad.Filter{Statuses: []string{"PROPOSED"}},
			recs(func(r rodedraad.Recommendation) bool { return r.Status == rodedraad.StatusProposed })},
		{"OKRecommendationsStatusAcceptedOrNone", rodedraad.LabelRecommendation, rodedraad.Filter{Statuses: []string{"ACCEPTED"}},
			recs(func(r rodedraad.Recommendation) bool { return r.Status == rodedraad.StatusAccepted || r.Status == "" })},
		{"OKRecommendationsStatusesTwo", rodedraad.LabelRecommendation, rodedraad.Filter{Statuses: []string{"REJECTED", "PROPOSED"}},
			recs(func(r rodedraad.Recommendation) bool {
				return r.Status == rodedraad.StatusRejected || r.Status == rodedraad.StatusProposed
			})},
		{"OKRecommendationsText", rodedraad.LabelRecommendation, rodedraad.Filter{Text: "HYDROGEN"},
			recs(func(r rodedraad.Recommendation) bool { return contains(r.Title+" "+r.Text, "hydrogen") })},
		{"OKRecommendationsAllFiltersMustMatch", rodedraad.LabelRecommendation, rodedraad.Filter{Themes: []string{"T2", "H"}, Kinds: []string{"CONCLUSION"}, Text: "steel"},
			recs(func(r rodedraad.Recommendation) bool {
				return h[r.ID] && r.Kind == "CONCLUSION" && contains(r.Title+" "+r.Text, "steel")
			})},
		{"OKDocumentsThemes", rodedraad.LabelDocument, rodedraad.Filter{Themes: []string{"T6"}}, set(func(add func(string)) {
			t6 := themeOf("T6")
			for _, e := range edgesOf(rodedraad.RelContains, func(e rodedraad.Edge) bool { return t6[e.To] }) {
				add(e.From)
			}
		})},
		{"OKDocumentsActors", rodedraad.LabelDocument, rodedraad.Filter{Actors: []string{"A-IENW", "A-PNH"}}, set(func(add func(string)) {
			for _, e := range edgesOf(rodedraad.RelAuthored, func(e rodedraad.Edge) bool { return e.From == "A-IENW" || e.From == "A-PNH" }) {
				add(e.To)
			}
		})},
		{"OKDocumentsSectors", rodedraad.LabelDocument, rodedraad.Filter{Sectors: []string{"PRIVATE"}}, set(func(add func(string)) {
			for _, e := range edgesOf(rodedraad.RelAuthored, func(e rodedraad.Edge) bool { return sector[e.From] == "PRIVATE" }) {
				add(e.To)
			}
		})},
		{"OKDocumentsScenarios", rodedraad.LabelDocument, rodedraad.Filter{Scenarios: []string{"SC1.1", "SC2.2"}}, set(func(add func(string)) {
			for _, e := range edgesOf(rodedraad.RelDescribes, func(e rodedraad.Edge) bool { return e.To == "SC1.1" || e.To == "SC2.2" }) {
				add(e.From)
			}
		})},
		{"OKDocumentsKinds", rodedraad.LabelDocument, rodedraad.Filter{Kinds: []string{"ADVICE", "PLAN"}}, set(func(add func(string)) {
			for _, d := range b.Documents {
				if d.Kind == "ADVICE" || d.Kind == "PLAN" {
					add(d.ID)
				}
			}
		})},
		{"OKDocumentsText", rodedraad.LabelDocument, rodedraad.Filter{Text: "Tata"}, set(func(add func(string)) {
			for _, d := range b.Documents {
				if contains(d.Title+" "+d.Summary, "tata") {
					add(d.ID)
				}
			}
		})},
		{"OKActorsSectorsAndKinds", rodedraad.LabelActor, rodedraad.Filter{Sectors: []string{"PUBLIC"}, Kinds: []string{"MUNICIPALITY"}}, set(func(add func(string)) {
			for _, a := range b.Actors {
				if a.Sector == "PUBLIC" && a.Kind == "MUNICIPALITY" {
					add(a.ID)
				}
			}
		})},
		{"OKActorsDocuments", rodedraad.LabelActor, rodedraad.Filter{Documents: []string{"D01", "D12"}}, set(func(add func(string)) {
			for _, e := range edgesOf(rodedraad.RelAuthored, func(e rodedraad.Edge) bool { return e.To == "D01" || e.To == "D12" }) {
				add(e.From)
			}
		})},
		{"OKActorsThemes", rodedraad.LabelActor, rodedraad.Filter{Themes: []string{"T1", "T7"}}, set(func(add func(string)) {
			t := themeOf("T1", "T7")
			for _, e := range edgesOf(rodedraad.RelSupports, func(e rodedraad.Edge) bool { return ix.label[e.From] == rodedraad.LabelActor && t[e.To] }) {
				add(e.From)
			}
		})},
		{"OKActorsTextMatchesAliases", rodedraad.LabelActor, rodedraad.Filter{Text: "tata"}, set(func(add func(string)) {
			for _, a := range b.Actors {
				if contains(a.Name+" "+strings.Join(a.Aliases, " "), "tata") {
					add(a.ID)
				}
			}
		})},
		{"OKThemesText", rodedraad.LabelTheme, rodedraad.Filter{Text: "leefomgeving"}, []string{"H"}},
		{"OKThemesIDsAndStatuses", rodedraad.LabelTheme, rodedraad.Filter{IDs: []string{"T1", "T2"}, Statuses: []string{"ACCEPTED"}}, []string{"T1", "T2"}},
		{"OKScenariosDocuments", rodedraad.LabelScenario, rodedraad.Filter{Documents: []string{"D13"}}, set(func(add func(string)) {
			for _, e := range edgesOf(rodedraad.RelDescribes, func(e rodedraad.Edge) bool { return e.From == "D13" }) {
				add(e.To)
			}
		})},
		{"OKScenariosThemes", rodedraad.LabelScenario, rodedraad.Filter{Themes: []string{"T2"}}, set(func(add func(string)) {
			t := themeOf("T2")
			for _, e := range edgesOf(rodedraad.RelIncludes, func(e rodedraad.Edge) bool { return t[e.To] }) {
				add(e.From)
			}
		})},
		{"OKScenariosFamilies", rodedraad.LabelScenario, rodedraad.Filter{Kinds: []string{"SC1", "SC2"}}, set(func(add func(string)) {
			for _, s := range b.Scenarios {
				if s.Family == "SC1" || s.Family == "SC2" {
					add(s.ID)
				}
			}
		})},
		{"OKScenariosText", rodedraad.LabelScenario, rodedraad.Filter{Text: "hydrogen"}, set(func(add func(string)) {
			for _, s := range b.Scenarios {
				if contains(s.Name+" "+s.Description+" "+s.Finding, "hydrogen") {
					add(s.ID)
				}
			}
		})},
	}
}

func TestStore_Count(t *testing.T) {
	store := neo4jtest.Seeded(t)
	want := map[rodedraad.Label]int{
		rodedraad.LabelDocument: 41, rodedraad.LabelActor: 86, rodedraad.LabelRecommendation: 176,
		rodedraad.LabelTheme: 8, rodedraad.LabelScenario: 27,
	}
	for label, n := range want {
		t.Run("OK"+string(label), func(t *testing.T) {
			got, err := store.Count(t.Context(), label, rodedraad.Filter{})
			if err != nil || got != n {
				t.Errorf("Count(%s) = %d, %v; want %d", label, got, err, n)
			}
		})
	}
}

func TestStore_ListKeyset(t *testing.T) {
	t.Run("OKDeleteBetweenPages", func(t *testing.T) {
		store := neo4jtest.Open(t)
		b := &rodedraad.Bundle{}
		for _, id := range []string{"R1", "R2", "R3", "R4", "R5", "R6"} {
			b.Add(rec(id))
		}
		MustImport(t, store, b)
		page := rodedraad.Page{First: 2}
		first, err := store.List(t.Context(), rodedraad.LabelRecommendation, rodedraad.Filter{}, rodedraad.Order{}, page)
		if err != nil {
			t.Fatal(err)
		}
		// Deleting a seen item must neither repeat nor skip the unseen ones.
		if err := store.DeleteNode(t.Context(), rodedraad.LabelRecommendation, "R1"); err != nil {
			t.Fatal(err)
		}
		page.After = &first.Cursors[1]
		second, err := store.List(t.Context(), rodedraad.LabelRecommendation, rodedraad.Filter{}, rodedraad.Order{}, page)
		if err != nil {
			t.Fatal(err)
		}
		if got := append(ids(first.Items), ids(second.Items)...); !slices.Equal(got, []string{"R1", "R2", "R3", "R4"}) || !second.HasNextPage {
			t.Errorf("pages = %v (next: %v), want R1 R2 | R3 R4 and more", got, second.HasNextPage)
		}
	})
}
