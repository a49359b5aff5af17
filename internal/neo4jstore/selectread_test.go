package neo4jstore_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

var (
	themesRel   = rodedraad.Rel{Query: rodedraad.LinkQuery{Type: rodedraad.RelAddresses, Dir: rodedraad.Out, OtherKind: rodedraad.LabelTheme}}
	documentRel = rodedraad.Rel{Query: rodedraad.LinkQuery{Type: rodedraad.RelContains, Dir: rodedraad.In, OtherKind: rodedraad.LabelDocument}}
	conflictRel = rodedraad.Rel{Query: rodedraad.LinkQuery{Type: rodedraad.RelConflictsWith, Dir: rodedraad.Out}}
	overlapsRel = rodedraad.Rel{Query: rodedraad.LinkQuery{Type: rodedraad.RelOverlaps, Dir: rodedraad.Both, OtherKind: rodedraad.LabelRecommendation}}
	themeRecs   = rodedraad.Rel{Query: rodedraad.LinkQuery{Type: rodedraad.RelAddresses, Dir: rodedraad.In, OtherKind: rodedraad.LabelRecommendation}}
	endorsers   = rodedraad.Rel{Endorsers: true}
)

// dashboardSelection is a dashboard row: title, themes, document,
// endorsers and conflicts with their scores and other ends.
var dashboardSelection = rodedraad.Selection{
	Fields: []string{"title", "kind"},
	Rels: []rodedraad.RelSelection{
		{Rel: themesRel, Other: rodedraad.Selection{Fields: []string{"name"}}},
		{Rel: documentRel, Other: rodedraad.Selection{Fields: []string{"title"}}},
		{Rel: endorsers, Other: rodedraad.Selection{Fields: []string{"name", "sector"}}},
		{Rel: conflictRel, EdgeFields: []string{"score"}, Other: rodedraad.Selection{Fields: []string{"title", "name"}}},
		{Rel: overlapsRel, EdgeFields: []string{"similarity"}, Other: rodedraad.Selection{Fields: []string{"title"}}},
	},
}

// TestStore_SelectPage reads the seeds with a compiled selection and checks
// it against the store's per-field reads: the same nodes, the same links in
// the same order, only the asked fields filled, one round trip.
func TestStore_SelectPage(t *testing.T) {
	store := neo4jtest.Seeded(t)
	ctx := t.Context()
	q := rodedraad.SelectQuery{Label: rodedraad.LabelRecommendation, Page: rodedraad.Page{First: 100}, Select: dashboardSelection, Count: true}
	before := store.RoundTrips()
	page, total, err := store.SelectPage(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if n := store.RoundTrips() - before; n != 1 {
		t.Errorf("%d round trips for one page with its count, want 1", n)
	}
	want, err := store.List(ctx, rodedraad.LabelRecommendation, rodedraad.Filter{}, rodedraad.Order{}, rodedraad.Page{First: 100})
	if err != nil {
		t.Fatal(err)
	}
	count, _ := store.Count(ctx, rodedraad.LabelRecommendation, rodedraad.Filter{})
	if total != count || !page.HasNextPage || len(page.Items) != 100 {
		t.Fatalf("total %d (want %d), next %v, %d items", total, count, page.HasNextPage, len(page.Items))
	}
	ids := make([]string, len(want.Items))
	for i, n := range want.Items {
		ids[i] = n.NodeID()
		got := page.Items[i].Node.(*rodedraad.Recommendation)
		full := n.(*rodedraad.Recommendation)
		if got.ID != full.ID || got.Title != full.Title || got.Kind != full.Kind {
			t.Fatalf("item %d: got %s %q, want %s %q", i, got.ID, got.Title, full.ID, full.Title)
		}
		if got.Text != "" || got.Provenance.Status != "" {
			t.Fatalf("%s: text and status were not asked for but read", got.ID)
		}
	}
	for _, rs := range dashboardSelection.Rels {
		var wantLinks map[string][]rodedraad.Link
		if rs.Rel.Endorsers {
			wantLinks, err = store.Endorsers(ctx, ids)
		} else {
			wantLinks, err = store.Links(ctx, ids, rs.Rel.Query)
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range page.Items {
			checkLinks(t, f, rs.Rel, wantLinks[f.Node.NodeID()])
		}
	}
}

// checkLinks compares the links a compiled read brought for f with the
// store's per-field read: other ends, types, ends and edge values.
func checkLinks(t *testing.T, f *rodedraad.Fetched, rel rodedraad.Rel, want []rodedraad.Link) {
	t.Helper()
	got, ok := f.Links[rel]
	if !ok {
		t.Fatalf("%s: %v not read", f.Node.NodeID(), rel)
	}
	if len(got) != len(want) {
		t.Fatalf("%s %v: %d links, want %d", f.Node.NodeID(), rel, len(got), len(want))
	}
	for i, g := range got {
		w := want[i]
		if g.Other.NodeID() != w.Other.NodeID() || g.Other.NodeLabel() != w.Other.NodeLabel() || g.Via != w.Via || g.Type != w.Type || g.From != w.From {
			t.Fatalf("%s %v link %d: got %s %s %s->%s via %q, want %s %s %s->%s via %q", f.Node.NodeID(), rel, i,
				g.Other.NodeLabel(), g.Type, g.From, g.To, g.Via, w.Other.NodeLabel(), w.Type, w.From, w.To, w.Via)
		}
		if g.Via != "AUTHORED" && g.To != w.To {
			t.Fatalf("%s %v link %d: to %s, want %s", f.Node.NodeID(), rel, i, g.To, w.To)
		}
		if !sameIntPtr(g.Score, w.Score) || !sameFloatPtr(g.Similarity, w.Similarity) {
			t.Fatalf("%s %v link %d: score %v similarity %v, want %v %v", f.Node.NodeID(), rel, i, g.Score, g.Similarity, w.Score, w.Similarity)
		}
		if g.Next == nil || g.Next.Node != g.Other {
			t.Fatalf("%s %v link %d: the other end is not the fetched node", f.Node.NodeID(), rel, i)
		}
	}
}

func sameIntPtr(a, b *int) bool       { return (a == nil) == (b == nil) && (a == nil || *a == *b) }
func sameFloatPtr(a, b *float64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }
func opsWith(ops []string, s string) int {
	return len(slices.DeleteFunc(slices.Clone(ops), func(o string) bool { return !strings.Contains(o, s) }))
}

// TestStore_SelectPage_Pages walks a filtered list page by page, by id and
// by title, and gets every item once, in order, as List does.
func TestStore_SelectPage_Pages(t *testing.T) {
	store := neo4jtest.Seeded(t)
	ctx := t.Context()
	for _, o := range []rodedraad.Order{{}, {Desc: true}, {Field: rodedraad.OrderByTitle}} {
		f := rodedraad.Filter{Themes: []string{"T3"}}
		want, err := store.List(ctx, rodedraad.LabelRecommendation, f, o, rodedraad.Page{First: 100})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		p := rodedraad.Page{First: 7}
		for {
			page, _, err := store.SelectPage(ctx, rodedraad.SelectQuery{Label: rodedraad.LabelRecommendation, Filter: f, Order: o, Page: p})
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range page.Items {
				got = append(got, it.Node.NodeID())
			}
			if !page.HasNextPage {
				break
			}
			p.After = &page.Cursors[len(page.Cursors)-1]
		}
		var wantIDs []string
		for _, n := range want.Items {
			wantIDs = append(wantIDs, n.NodeID())
		}
		if len(wantIDs) < 8 || !slices.Equal(got, wantIDs) {
			t.Errorf("order %+v: pages give %v, want %v", o, got, wantIDs)
		}
	}
}

// TestStore_SelectByID reads one node by id with a selection per kind, and
// leaves out a list longer than its cap, so that its reader loads it whole.
func TestStore_SelectByID(t *testing.T) {
	store := neo4jtest.Seeded(t)
	ctx := t.Context()
	sels := map[rodedraad.Label]rodedraad.Selection{
		rodedraad.LabelTheme: {Fields: []string{"name"}, Rels: []rodedraad.RelSelection{{Rel: themeRecs, Other: rodedraad.Selection{Fields: []string{"title"}}}}},
		"":                   {Fields: []string{"*"}},
	}
	all, err := store.Links(ctx, []string{"T3"}, themeRecs.Query)
	if err != nil {
		t.Fatal(err)
	}
	n := len(all["T3"])
	for _, tc := range []struct {
		name    string
		maxRows int
		read    bool
	}{{"WithinTheCap", n, true}, {"OverTheCap", n - 1, false}} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := store.SelectByID(ctx, "T3", "", sels, tc.maxRows)
			if err != nil || f == nil {
				t.Fatalf("T3: %v, %v", f, err)
			}
			if th, ok := f.Node.(*rodedraad.Theme); !ok || th.Name == "" {
				t.Fatalf("T3 read as %#v", f.Node)
			}
			if _, ok := f.Links[themeRecs]; ok != tc.read {
				t.Fatalf("T3's %d recommendations with %d rows: read %v, want %v", n, tc.maxRows, ok, tc.read)
			}
		})
	}
	t.Run("AnyOtherKindReadsEveryField", func(t *testing.T) {
		f, err := store.SelectByID(ctx, "C01", "", sels, 0)
		if err != nil || f == nil {
			t.Fatalf("C01: %v, %v", f, err)
		}
		if c, ok := f.Node.(*rodedraad.Conflict); !ok || c.Topic == "" {
			t.Fatalf("C01 read as %#v", f.Node)
		}
	})
	t.Run("Missing", func(t *testing.T) {
		for _, label := range []rodedraad.Label{"", rodedraad.LabelDocument} {
			f, err := store.SelectByID(ctx, map[rodedraad.Label]string{"": "R-none", rodedraad.LabelDocument: "T3"}[label], label, sels, 0)
			if err != nil || f != nil {
				t.Fatalf("label %q: got %v, %v; want nothing", label, f, err)
			}
		}
	})
}

// TestStore_SelectPage_BadInput names what is wrong.
func TestStore_SelectPage_BadInput(t *testing.T) {
	store := neo4jtest.Open(t)
	for _, q := range []rodedraad.SelectQuery{
		{Label: rodedraad.LabelTheme, Filter: rodedraad.Filter{Actors: []string{"A1"}}, Page: rodedraad.Page{First: 5}},
		{Label: "Passage", Page: rodedraad.Page{First: 5}},
		{Label: rodedraad.LabelActor, Page: rodedraad.Page{First: -1}},
		{Label: rodedraad.LabelActor, Order: rodedraad.Order{Field: rodedraad.OrderByYear}, Page: rodedraad.Page{First: 5}},
	} {
		_, _, err := store.SelectPage(t.Context(), q)
		if rodedraad.ErrorCode(err) != rodedraad.EINVALID {
			t.Errorf("%+v: %v, want BAD_USER_INPUT", q, err)
		}
	}
}

// TestStore_SelectPlans asks Neo4j for the plans of compiled reads of every
// kind, filtered and not, and fails on any that scans a whole label or the
// whole graph: pages walk the per-kind id index, links expand from bound
// nodes, ids are looked up in the unique index.
func TestStore_SelectPlans(t *testing.T) {
	store := neo4jtest.Seeded(t)
	deep := dashboardSelection
	deep.Rels = append(slices.Clone(deep.Rels), rodedraad.RelSelection{Rel: themesRel, Other: rodedraad.Selection{
		Rels: []rodedraad.RelSelection{{Rel: themeRecs, Other: dashboardSelection}}}})
	for _, q := range []rodedraad.SelectQuery{
		{Label: rodedraad.LabelRecommendation, Select: dashboardSelection, Count: true},
		{Label: rodedraad.LabelRecommendation, Select: deep, Filter: rodedraad.Filter{Themes: []string{"T3"}}},
		{Label: rodedraad.LabelRecommendation, Select: dashboardSelection, Filter: rodedraad.Filter{Kinds: []string{"GOAL"}, Statuses: []string{"ACCEPTED"}}},
		{Label: rodedraad.LabelRecommendation, Select: dashboardSelection, Page: rodedraad.Page{After: &rodedraad.Cursor{Key: "R10", ID: "R10"}}},
		{Label: rodedraad.LabelDocument, Select: rodedraad.Selection{Fields: []string{"title", "year"}}},
		{Label: rodedraad.LabelActor, Filter: rodedraad.Filter{Sectors: []string{"PUBLIC"}}},
		{Label: rodedraad.LabelTheme},
		{Label: rodedraad.LabelScenario, Filter: rodedraad.Filter{Documents: []string{"D01"}}},
	} {
		if q.Page.First == 0 {
			q.Page.First = 20
		}
		plans, err := neo4jstore.ExplainSelect(t.Context(), store, q, "R41.2", map[rodedraad.Label]rodedraad.Selection{"": deep})
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"page", "id"} {
			for _, scan := range []string{"NodeByLabelScan", "AllNodesScan"} {
				if n := opsWith(plans[k], scan); n > 0 {
					t.Errorf("%s %s %+v: %d %s in %v", k, q.Label, q.Filter, n, scan, plans[k])
				}
			}
		}
		// Counting without a filter reads the count store, not the nodes.
		// (A filtered count may scan the kind; it runs only when asked.)
		if reflect.ValueOf(q.Filter).IsZero() && opsWith(plans["count"], "NodeCountFromCountStore") != 1 {
			t.Errorf("count of every %s: %v", q.Label, plans["count"])
		}
	}
}
