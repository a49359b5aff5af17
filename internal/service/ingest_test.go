package service_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/ingest"
	"github.com/rodedraad/rodedraad/internal/ingest/ingesttest"
	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/service"
)

// devText is a real Dutch ministry letter from the extraction devset.
const devText = "../extract/testdata/devset/nl-water-bodem.txt"

func prepare(t *testing.T, svc *service.Service, path, id string) *ingest.Prepared {
	t.Helper()
	return ingesttest.Prepare(t, svc, path, id)
}

func mustIngest(t *testing.T, svc *service.Service, p *ingest.Prepared) rodedraad.IngestResult {
	t.Helper()
	res, err := svc.IngestDocument(context.Background(), p.Bundle)
	if err != nil {
		t.Fatalf("IngestDocument: %v", err)
	}
	return res
}

// copyOf writes devText, plus extra lines, to a fresh folder and returns
// its path.
func copyOf(t *testing.T, extra string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), filepath.Base(devText))
	change(t, path, extra)
	return path
}

// change rewrites path as devText plus extra lines: a new version of the
// same file.
func change(t *testing.T, path, extra string) {
	t.Helper()
	data, err := os.ReadFile(devText)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append(data, []byte("\n"+extra+"\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
}

func count(t *testing.T, store *neo4jstore.Store, label rodedraad.Label, f rodedraad.Filter) int {
	t.Helper()
	n, err := store.Count(context.Background(), label, f)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestService_IngestDocument(t *testing.T) {
	ctx := context.Background()
	store := neo4jtest.Seeded(t)
	svc := service.New(store)
	file := copyOf(t, "")
	p := prepare(t, svc, file, "")
	doc := p.Document().ID
	all := []string{"ACCEPTED", "PROPOSED", "REJECTED"}

	res := mustIngest(t, svc, p)
	t.Run("New", func(t *testing.T) {
		if res.DocumentID != doc || res.Unchanged || res.Version != 1 || res.New != len(p.Bundle.Recommendations) {
			t.Fatalf("result = %+v", res)
		}
		got := count(t, store, rodedraad.LabelRecommendation, rodedraad.Filter{Documents: []string{doc}, Statuses: []string{"PROPOSED"}})
		if got != len(p.Bundle.Recommendations) {
			t.Fatalf("%d PROPOSED recommendations in %s, want %d", got, doc, len(p.Bundle.Recommendations))
		}
		byDoc, err := svc.Passages(ctx, []string{doc, "D-none"}, 0, 100)
		ps := byDoc[doc]
		if err != nil || len(ps) != min(100, len(p.Bundle.Passages)) || ps[0].Start != 0 || len(byDoc) != 1 {
			t.Fatalf("passages = %d (%v), want %d in text order", len(ps), err, len(p.Bundle.Passages))
		}
	})
	t.Run("SameFileWritesNothing", func(t *testing.T) {
		before, _ := store.GraphVersion(ctx)
		again := mustIngest(t, svc, prepare(t, svc, file, ""))
		after, _ := store.GraphVersion(ctx)
		if !again.Unchanged || again.DocumentID != doc || after != before {
			t.Fatalf("re-ingest = %+v, graph version %d -> %d; want unchanged and no write", again, before, after)
		}
	})
	t.Run("NewVersionSaysWhatChanged", func(t *testing.T) {
		change(t, file, "De gemeente moet 500 extra woningen bouwen in Beverwijk.")
		v2 := prepare(t, svc, file, "")
		// The team accepted an item the new version keeps.
		kept := slices.IndexFunc(p.Bundle.Recommendations, func(r rodedraad.Recommendation) bool {
			return slices.ContainsFunc(v2.Bundle.Recommendations, func(n rodedraad.Recommendation) bool { return n.Text == r.Text })
		})
		if kept < 0 {
			t.Fatal("the new version keeps none of the first's items")
		}
		accepted := p.Bundle.Recommendations[kept].ID
		if err := svc.ReviewMany(ctx, []rodedraad.ReviewRef{{ID: accepted}}, true, "ann", ""); err != nil {
			t.Fatal(err)
		}
		got := mustIngest(t, svc, v2)
		// The extractor sets its threshold per text (rules/6 on), so one added
		// sentence may move another item in or out: the counts must add up.
		was, is := len(p.Bundle.Recommendations), len(v2.Bundle.Recommendations)
		if got.Supersedes != doc || got.Version != 2 || got.New < 1 || got.Kept+got.New != is || got.Kept+got.Gone != was {
			t.Fatalf("new version = %+v; want version 2 of %s, with new+kept = %d items and kept+gone = %d", got, doc, is, was)
		}
		if !slices.ContainsFunc(v2.Bundle.Recommendations, func(r rodedraad.Recommendation) bool {
			return strings.Contains(r.Text, "500 extra woningen")
		}) {
			t.Fatal("the added sentence is not among the new version's items")
		}
		if count(t, store, rodedraad.LabelDocument, rodedraad.Filter{IDs: []string{doc, got.DocumentID}}) != 2 {
			t.Fatal("the earlier version is gone")
		}
		// Kept items are the earlier ones, as the team left them: no twins.
		both := rodedraad.Filter{Documents: []string{doc, got.DocumentID}, Statuses: all}
		if n := count(t, store, rodedraad.LabelRecommendation, both); n != was+got.New {
			t.Errorf("%d recommendations in the two versions, want %d: the %d kept ones once", n, was+got.New, got.Kept)
		}
		inV2 := rodedraad.Filter{Documents: []string{got.DocumentID}, IDs: []string{accepted}, Statuses: []string{"ACCEPTED"}}
		if count(t, store, rodedraad.LabelRecommendation, inV2) != 1 {
			t.Errorf("the accepted item %s is not an ACCEPTED item of the new version", accepted)
		}
	})
	t.Run("SameNameElsewhereIsAnotherDocument", func(t *testing.T) {
		other := mustIngest(t, svc, prepare(t, svc, copyOf(t, "De provincie moet de natuur beschermen."), ""))
		if other.Version != 1 || other.Supersedes != "" {
			t.Fatalf("a same-named file in another folder = %+v, want a document of its own", other)
		}
	})
	t.Run("TakenIDGetsAVersionSuffix", func(t *testing.T) {
		first := mustIngest(t, svc, prepare(t, svc, copyOf(t, "Het Rijk zal investeren in dijken."), "WATERBRIEF"))
		second := mustIngest(t, svc, prepare(t, svc, copyOf(t, "Het Rijk zal investeren in de Afsluitdijk."), "WATERBRIEF"))
		if first.DocumentID != "WATERBRIEF" || second.DocumentID != "WATERBRIEF.v2" || second.Supersedes != "WATERBRIEF" {
			t.Fatalf("ids: %+v then %+v", first, second)
		}
	})
	t.Run("ErrBadBundleWritesNothing", func(t *testing.T) {
		docs := count(t, store, rodedraad.LabelDocument, rodedraad.Filter{Statuses: all})
		bad := prepare(t, svc, copyOf(t, "Wij adviseren de provincie om snel te handelen."), "")
		bad.Bundle.Recommendations[0].Kind = "WISH"
		if _, err := svc.IngestDocument(ctx, bad.Bundle); rodedraad.ErrorCode(err) != rodedraad.EINVALID || !strings.Contains(err.Error(), "WISH") {
			t.Fatalf("bad kind: err = %v, want BAD_USER_INPUT naming it", err)
		}
		dangling := prepare(t, svc, copyOf(t, "Wij adviseren de provincie om snel te handelen."), "")
		dangling.Bundle.Edges = append(dangling.Bundle.Edges, rodedraad.Edge{Type: rodedraad.RelAddresses,
			From: dangling.Bundle.Recommendations[0].ID, To: "T99", Provenance: rodedraad.Provenance{Status: rodedraad.StatusProposed}})
		if _, err := svc.IngestDocument(ctx, dangling.Bundle); rodedraad.ErrorCode(err) != rodedraad.EINVALID || !strings.Contains(err.Error(), "T99") {
			t.Fatalf("dangling theme: err = %v, want BAD_USER_INPUT naming T99", err)
		}
		if got := count(t, store, rodedraad.LabelDocument, rodedraad.Filter{Statuses: all}); got != docs {
			t.Fatalf("%d documents after two failed ingests, want %d: something was written", got, docs)
		}
	})
}

// TestService_ReviewMany: a person's decisions, all or none, and what an
// accepted extraction changes in the analyses.
func TestService_ReviewMany(t *testing.T) {
	ctx := context.Background()
	store := neo4jtest.Seeded(t)
	svc := service.New(store)
	p := prepare(t, svc, devText, "")
	mustIngest(t, svc, p)
	recs := p.Bundle.Recommendations
	before := mustCoherence(t, svc, analysisScope()).Summary.Recommendations

	t.Run("ErrNoReviewer", func(t *testing.T) {
		err := svc.ReviewMany(ctx, []rodedraad.ReviewRef{{ID: recs[0].ID}}, true, " ", "")
		if rodedraad.ErrorCode(err) != rodedraad.EINVALID {
			t.Fatalf("err = %v, want BAD_USER_INPUT", err)
		}
	})
	t.Run("ErrOneMissingDecidesNothing", func(t *testing.T) {
		err := svc.ReviewMany(ctx, []rodedraad.ReviewRef{{ID: recs[0].ID}, {ID: "R-nope"}}, true, "ann", "")
		if rodedraad.ErrorCode(err) != rodedraad.ENOTFOUND || !strings.Contains(err.Error(), "R-nope") {
			t.Fatalf("err = %v, want NOT_FOUND naming R-nope", err)
		}
		if n, _ := store.Node(ctx, recs[0].ID); n.Prov().Status != rodedraad.StatusProposed {
			t.Fatalf("%s is %s after a failed review, want PROPOSED", recs[0].ID, n.Prov().Status)
		}
	})
	t.Run("AcceptDecidesTheItemAndItsMemberships", func(t *testing.T) {
		if err := svc.ReviewMany(ctx, []rodedraad.ReviewRef{{ID: recs[0].ID}, {ID: recs[1].ID}}, true, "ann", "klopt"); err != nil {
			t.Fatal(err)
		}
		links, err := store.Links(ctx, []string{recs[0].ID}, rodedraad.LinkQuery{Type: rodedraad.RelContains, Dir: rodedraad.In})
		if err != nil || len(links[recs[0].ID]) != 1 || links[recs[0].ID][0].Status != rodedraad.StatusAccepted ||
			links[recs[0].ID][0].ReviewedBy != "ann" {
			t.Fatalf("CONTAINS of an accepted item = %+v (%v), want ACCEPTED by ann", links[recs[0].ID], err)
		}
		after := mustCoherence(t, svc, analysisScope()).Summary.Recommendations
		if after != before+2 {
			t.Fatalf("analysed recommendations %d -> %d, want 2 more once accepted", before, after)
		}
	})
}

// TestService_ReviewQueue: what waits for a person, with its context, page
// by page.
func TestService_ReviewQueue(t *testing.T) {
	ctx := context.Background()
	store := neo4jtest.Seeded(t)
	svc := service.New(store)
	p := prepare(t, svc, devText, "")
	mustIngest(t, svc, p)
	f := rodedraad.ReviewFilter{Documents: []string{p.Document().ID}}

	first, err := svc.ReviewQueue(ctx, f, rodedraad.Page{First: 2})
	if err != nil || len(first.Items) != 2 || !first.HasNextPage {
		t.Fatalf("first page = %+v, %v", first, err)
	}
	for _, it := range first.Items {
		r, ok := it.Node.(*rodedraad.Recommendation)
		if !ok || it.Context == nil || !strings.Contains(it.Context.Text, r.Text) || it.Key != r.ID {
			t.Fatalf("item %+v lacks its passage", it)
		}
	}
	second, err := svc.ReviewQueue(ctx, f, rodedraad.Page{First: 100, After: &first.Cursors[1]})
	if err != nil || len(second.Items) != len(p.Bundle.Recommendations)-2 || second.Items[0].Key <= first.Items[1].Key {
		t.Fatalf("second page: %d items (%v), want the other %d in key order", len(second.Items), err, len(p.Bundle.Recommendations)-2)
	}
	t.Run("Kinds", func(t *testing.T) {
		edges, err := svc.ReviewQueue(ctx, rodedraad.ReviewFilter{Kinds: []string{"ADDRESSES"}, Documents: f.Documents}, rodedraad.Page{First: 100})
		if err != nil || len(edges.Items) == 0 || edges.Items[0].Edge == nil || edges.Items[0].Edge.Type != rodedraad.RelAddresses {
			t.Fatalf("ADDRESSES queue = %+v, %v", edges, err)
		}
		if _, err := svc.ReviewQueue(ctx, rodedraad.ReviewFilter{Kinds: []string{"Plan"}}, rodedraad.Page{First: 5}); rodedraad.ErrorCode(err) != rodedraad.EINVALID {
			t.Fatalf("unknown kind: err = %v, want BAD_USER_INPUT", err)
		}
	})
}

// TestService_SuggestLinks: proposals on the seeds are stored once, PROPOSED,
// and never proposed again.
func TestService_SuggestLinks(t *testing.T) {
	ctx := context.Background()
	svc := service.New(neo4jtest.Seeded(t))
	dry, err := svc.SuggestLinks(ctx, analysisScope(), service.LinkOptions{Method: "RULE", DryRun: true})
	if err != nil || dry.Created != 0 || len(dry.Proposals) == 0 {
		t.Fatalf("dry run = %+v, %v", dry, err)
	}
	res, err := svc.SuggestLinks(ctx, analysisScope(), service.LinkOptions{Method: "RULE"})
	if err != nil || res.Created != len(dry.Proposals) {
		t.Fatalf("run = %+v, %v; want the dry run's %d proposals written", res, err, len(dry.Proposals))
	}
	found := false
	for _, e := range res.Edges {
		found = found || (e.Type == rodedraad.RelOverlaps && e.From == "R25.6" && e.To == "R41.2")
		if e.Status != rodedraad.StatusProposed || !strings.Contains(e.Rationale, e.From) || !strings.Contains(e.Rationale, e.To) {
			t.Fatalf("edge %+v: want PROPOSED with a rationale quoting both", e)
		}
	}
	if !found {
		t.Fatalf("the known near-duplicate R25.6~R41.2 was not proposed: %+v", res.Edges)
	}
	again, err := svc.SuggestLinks(ctx, analysisScope(), service.LinkOptions{Method: "RULE"})
	if err != nil || again.Created != 0 || again.Stats.Existing == 0 {
		t.Fatalf("second run = %+v, %v; want nothing new", again, err)
	}
	if _, err := svc.SuggestLinks(ctx, analysisScope(), service.LinkOptions{Method: "LLM"}); rodedraad.ErrorCode(err) != rodedraad.EINVALID {
		t.Fatalf("LLM without a model: err = %v, want BAD_USER_INPUT", err)
	}
}

func analysisScope() analysis.Scope { return analysis.Scope{} }
