package graph_test

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/rodedraad/rodedraad/graph"
	"github.com/rodedraad/rodedraad/internal/auth"
	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/server"
	"github.com/rodedraad/rodedraad/internal/service"
)

// newReviewServer serves store with the given review mode.
func newReviewServer(tb testing.TB, store *neo4jstore.Store, mode rodedraad.ReviewMode) *httptest.Server {
	tb.Helper()
	svc := service.New(store)
	svc.ReviewMode = mode
	srv := httptest.NewServer(server.New(server.Deps{GraphQL: graph.NewHandler(svc, testLimits), Readiness: store, Logger: zerolog.Nop()}))
	tb.Cleanup(srv.Close)
	return srv
}

// openProposed returns a graph of PROPOSED recommendations with the ids.
func openProposed(tb testing.TB, ids ...string) *neo4jstore.Store {
	tb.Helper()
	store := neo4jtest.Open(tb)
	b := &rodedraad.Bundle{}
	for _, id := range ids {
		b.Add(&rodedraad.Recommendation{ID: id, Title: "Voorstel " + id, Text: "Tekst van " + id, Kind: "RECOMMENDATION",
			Provenance: rodedraad.Provenance{Status: rodedraad.StatusProposed, Method: rodedraad.MethodRule}})
	}
	if _, err := store.Import(tb.Context(), b, rodedraad.ImportOptions{}); err != nil {
		tb.Fatalf("import: %v", err)
	}
	return store
}

// decide reviews id as reviewer and returns the node's status after, or
// the GraphQL errors.
func decide(tb testing.TB, srv *httptest.Server, id, decision, reviewer string) (string, []gqlError) {
	tb.Helper()
	q := fmt.Sprintf(`mutation { review(input: {id: %q, decision: %s, reviewer: %q}) { node { status } } }`, id, decision, reviewer)
	data, errs := mustQuery(tb, srv, q, nil)
	if len(errs) > 0 {
		return "", errs
	}
	return string(data), nil
}

// mustDecide is decide failing the test on errors; it returns the status.
func mustDecide(tb testing.TB, srv *httptest.Server, id, decision, reviewer string) string {
	tb.Helper()
	out, errs := decide(tb, srv, id, decision, reviewer)
	if len(errs) > 0 {
		tb.Fatalf("%s decides %s on %s: %+v", reviewer, decision, id, errs)
	}
	for _, s := range []string{"PROPOSED", "ACCEPTED", "REJECTED"} {
		if strings.Contains(out, s) {
			return s
		}
	}
	tb.Fatalf("no status in %s", out)
	return ""
}

type queuedItem struct {
	Key          string
	Disagreement bool
	Decisions    []struct{ Reviewer, Status, Note string }
}

// queue returns the review queue under filter (GraphQL input syntax).
func queue(tb testing.TB, srv *httptest.Server, filter string) map[string]queuedItem {
	tb.Helper()
	got := mustData[struct {
		ReviewQueue struct{ Edges []struct{ Node queuedItem } }
	}](tb, srv, `{ reviewQueue(filter: `+filter+`, first: 50) { edges { node { key disagreement decisions { reviewer status note } } } } }`, nil)
	out := map[string]queuedItem{}
	for _, e := range got.ReviewQueue.Edges {
		out[e.Node.Key] = e.Node
	}
	return out
}

func TestMutation_DualReview(t *testing.T) {
	t.Run("TwoAgreeSettles", func(t *testing.T) {
		srv := newReviewServer(t, openProposed(t, "R-A"), rodedraad.ReviewDual)
		if s := mustDecide(t, srv, "R-A", "ACCEPT", "anna"); s != "PROPOSED" {
			t.Fatalf("after anna alone: %s, want PROPOSED", s)
		}
		if it, ok := queue(t, srv, `{pendingFor: "bram"}`)["R-A"]; !ok || len(it.Decisions) != 1 || it.Decisions[0].Reviewer != "anna" || it.Decisions[0].Status != "ACCEPTED" {
			t.Errorf("bram's queue has R-A %v with decisions %+v, want anna's ACCEPTED", ok, it.Decisions)
		}
		if _, ok := queue(t, srv, `{pendingFor: "anna"}`)["R-A"]; ok {
			t.Error("anna's queue still lists R-A, which she decided")
		}
		if s := mustDecide(t, srv, "R-A", "ACCEPT", "bram"); s != "ACCEPTED" {
			t.Errorf("after bram agrees: %s, want ACCEPTED", s)
		}
	})
	t.Run("DisagreementThirdSettles", func(t *testing.T) {
		srv := newReviewServer(t, openProposed(t, "R-B", "R-C"), rodedraad.ReviewDual)
		many := `mutation { reviewMany(input: {items: [{id: "R-B"}, {id: "R-C"}], decision: %s, reviewer: %q, note: "waarom"}) { reviewed } }`
		mustData[any](t, srv, fmt.Sprintf(many, "ACCEPT", "anna"), nil)
		mustData[any](t, srv, fmt.Sprintf(many, "REJECT", "bram"), nil)
		got := queue(t, srv, `{disagreements: true}`)
		if len(got) != 2 || !got["R-B"].Disagreement || len(got["R-B"].Decisions) != 2 || got["R-B"].Decisions[1].Note != "waarom" {
			t.Fatalf("disagreements = %+v, want R-B and R-C with both decisions and notes", got)
		}
		_, errs := decide(t, srv, "R-B", "REJECT", "anna")
		if len(errs) != 1 || errs[0].Code() != rodedraad.EFORBIDDEN || !strings.Contains(errs[0].Message, "a third reviewer settles it") {
			t.Fatalf("anna settling her own disagreement: %+v, want FORBIDDEN saying a third settles it", errs)
		}
		if s := mustDecide(t, srv, "R-B", "REJECT", "cees"); s != "REJECTED" {
			t.Errorf("after cees: %s, want REJECTED", s)
		}
		if got := queue(t, srv, `{disagreements: true}`); len(got) != 1 || got["R-C"].Key != "R-C" {
			t.Errorf("disagreements after cees = %+v, want R-C only", got)
		}
		ag := mustData[struct {
			ReviewAgreement []struct {
				ReviewerA, ReviewerB string
				Items, Agreed        int
			}
		}](t, srv, `{ reviewAgreement { reviewerA reviewerB items agreed } }`, nil).ReviewAgreement
		// anna/bram: 2 items, 0 agreed; anna/cees and bram/cees: R-B only.
		if len(ag) != 3 || ag[0].ReviewerA != "anna" || ag[0].ReviewerB != "bram" || ag[0].Items != 2 || ag[0].Agreed != 0 {
			t.Errorf("reviewAgreement = %+v, want anna/bram first with 2 items, 0 agreed, then the pairs with cees", ag)
		}
	})
	t.Run("SameReviewerTwiceCountsOnce", func(t *testing.T) {
		srv := newReviewServer(t, openProposed(t, "R-D"), rodedraad.ReviewDual)
		mustDecide(t, srv, "R-D", "ACCEPT", "anna")
		if s := mustDecide(t, srv, "R-D", "ACCEPT", "anna"); s != "PROPOSED" {
			t.Errorf("after anna twice: %s, want PROPOSED (one reviewer)", s)
		}
		if it := queue(t, srv, `{}`)["R-D"]; len(it.Decisions) != 1 {
			t.Errorf("decisions = %+v, want anna's once", it.Decisions)
		}
	})
	t.Run("ErrReviewManyAllOrNothing", func(t *testing.T) {
		srv := newReviewServer(t, openProposed(t, "R-E", "R-F"), rodedraad.ReviewDual)
		mustDecide(t, srv, "R-E", "ACCEPT", "anna")
		mustDecide(t, srv, "R-E", "ACCEPT", "bram")
		_, errs := mustQuery(t, srv, `mutation { reviewMany(input: {items: [{id: "R-F"}, {id: "R-E"}], decision: REJECT, reviewer: "cees"}) { reviewed } }`, nil)
		if len(errs) != 1 || errs[0].Code() != rodedraad.ECONFLICT || !strings.Contains(errs[0].Message, "R-E") {
			t.Fatalf("deciding a settled item: %+v, want CONFLICT naming R-E", errs)
		}
		if it := queue(t, srv, `{}`)["R-F"]; len(it.Decisions) != 0 {
			t.Errorf("R-F got %+v: nothing may be written when one item is refused", it.Decisions)
		}
	})
	t.Run("SingleModeUnchanged", func(t *testing.T) {
		srv := newReviewServer(t, openProposed(t, "R-G"), rodedraad.ReviewSingle)
		if s := mustDecide(t, srv, "R-G", "REJECT", "anna"); s != "REJECTED" {
			t.Errorf("single mode: %s after one decision, want REJECTED", s)
		}
		if s := mustDecide(t, srv, "R-G", "ACCEPT", "anna"); s != "ACCEPTED" {
			t.Errorf("single mode: the same reviewer may change the status: %s, want ACCEPTED", s)
		}
	})
}

// TestDualReview_VoteAsYourself: a caller who signed in with a token votes
// under the token's name only, so one person cannot cast both independent
// votes; the refusal writes nothing.
func TestDualReview_VoteAsYourself(t *testing.T) {
	store := openProposed(t, "R-SELF")
	svc := service.New(store)
	svc.ReviewMode = rodedraad.ReviewDual
	a := auth.New(store, rodedraad.RoleReader, false)
	srv := httptest.NewServer(server.New(server.Deps{
		GraphQL: graph.NewHandler(svc, testLimits, graph.WithAuthorizer(a)), Readiness: store, Logger: zerolog.Nop(), Auth: a,
	}))
	t.Cleanup(srv.Close)
	anna := MustToken(t, store, "anna", rodedraad.RoleEditor)
	vote := func(reviewer string) []gqlError {
		_, _, errs := queryAs(t, srv, anna, fmt.Sprintf(`mutation { review(input: {id: "R-SELF", decision: ACCEPT, reviewer: %q}) { node { status } } }`, reviewer))
		return errs
	}
	errs := vote("bert")
	wantErrCode(t, errs, "FORBIDDEN")
	if !strings.Contains(errs[0].Message, `"anna"`) {
		t.Errorf("the refusal does not say who the caller is: %s", errs[0].Message)
	}
	if errs := vote("anna"); len(errs) > 0 {
		t.Fatalf("anna votes as anna: %+v", errs)
	}
	wantErrCode(t, vote("Bert"), "FORBIDDEN")
	it := queue(t, srv, `{}`)["R-SELF"]
	if len(it.Decisions) != 1 || it.Decisions[0].Reviewer != "anna" {
		t.Errorf("R-SELF's decisions %+v, want anna's alone", it.Decisions)
	}
}
