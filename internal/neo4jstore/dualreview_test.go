package neo4jstore_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// openDual returns the small graph with a PROPOSED recommendation RP (in
// D1 by a PROPOSED CONTAINS) and a PROPOSED OVERLAPS edge R1-R2.
func openDual(tb testing.TB) *neo4jstore.Store {
	tb.Helper()
	store := openSmall(tb)
	n := rec("RP")
	n.Status = rodedraad.StatusProposed
	MustCreate(tb, store, n)
	proposed := rodedraad.Provenance{Status: rodedraad.StatusProposed, Method: rodedraad.MethodSimilarity}
	MustLink(tb, store, rodedraad.Edge{Type: rodedraad.RelOverlaps, From: "R1", To: "R2", Similarity: floatp(0.7), Provenance: proposed},
		rodedraad.Edge{Type: rodedraad.RelContains, From: "D1", To: "RP", Provenance: proposed})
	return store
}

var (
	nodeRP     = rodedraad.ReviewRef{ID: "RP"}
	overlapR12 = rodedraad.ReviewRef{Type: rodedraad.RelOverlaps, From: "R2", To: "R1"} // either way round
)

// MustVote records reviewer's decision on refs and returns how many it settled.
func MustVote(tb testing.TB, store *neo4jstore.Store, reviewer string, s rodedraad.Status, refs ...rodedraad.ReviewRef) int {
	tb.Helper()
	n, err := store.ReviewVotes(as(tb.Context(), reviewer), refs, s, reviewer, "notitie van "+reviewer)
	if err != nil {
		tb.Fatalf("ReviewVotes(%s, %s): %v", reviewer, s, err)
	}
	return n
}

// queueItem returns the review queue's entry for key under f, if listed.
func queueItem(tb testing.TB, store *neo4jstore.Store, f rodedraad.ReviewFilter, key string) (rodedraad.ReviewItem, bool) {
	tb.Helper()
	page, err := store.ReviewQueue(tb.Context(), f, rodedraad.Page{First: 100})
	if err != nil {
		tb.Fatalf("ReviewQueue: %v", err)
	}
	for _, it := range page.Items {
		if it.Key == key {
			return it, true
		}
	}
	return rodedraad.ReviewItem{}, false
}

func statusOf(tb testing.TB, store *neo4jstore.Store, id string) rodedraad.Status {
	tb.Helper()
	n, err := store.Node(tb.Context(), id)
	if err != nil {
		tb.Fatalf("Node(%s): %v", id, err)
	}
	return n.Prov().Status
}

func TestStore_ReviewVotes(t *testing.T) {
	t.Run("TwoAgreeSettles", func(t *testing.T) {
		store := openDual(t)
		if n := MustVote(t, store, "anna", rodedraad.StatusAccepted, nodeRP); n != 0 || statusOf(t, store, "RP") != rodedraad.StatusProposed {
			t.Fatalf("after one decision: settled %d, status %s; want 0, PROPOSED", n, statusOf(t, store, "RP"))
		}
		it, ok := queueItem(t, store, rodedraad.ReviewFilter{}, "RP")
		if !ok || len(it.Votes) != 1 || it.Votes[0] != (rodedraad.ReviewVote{Reviewer: "anna", Status: rodedraad.StatusAccepted, Note: "notitie van anna"}) {
			t.Fatalf("queue after anna: listed %v, votes %+v; want anna's vote", ok, it.Votes)
		}
		if n := MustVote(t, store, "bram", rodedraad.StatusAccepted, nodeRP); n != 1 {
			t.Fatalf("bram agrees: settled %d, want 1", n)
		}
		got, _ := store.Node(t.Context(), "RP")
		if p := got.Prov(); p.Status != rodedraad.StatusAccepted || p.ReviewedBy != "bram" {
			t.Errorf("after two agree: status %s by %q, want ACCEPTED by bram", p.Status, p.ReviewedBy)
		}
		if e := mustEdges(t, store, "D1", rodedraad.RelContains); len(e) != 1 || e[0].Status != rodedraad.StatusAccepted {
			t.Errorf("the membership edge did not follow its node: %+v", e)
		}
		if _, listed := queueItem(t, store, rodedraad.ReviewFilter{}, "RP"); listed {
			t.Error("a settled item is still in the queue")
		}
	})
	t.Run("DisagreementWaitsForAThird", func(t *testing.T) {
		store := openDual(t)
		key := "OVERLAPS:R1->R2"
		MustVote(t, store, "anna", rodedraad.StatusAccepted, overlapR12)
		MustVote(t, store, "bram", rodedraad.StatusRejected, overlapR12)
		if e := mustEdges(t, store, "R1", rodedraad.RelOverlaps); e[0].Status != rodedraad.StatusProposed {
			t.Fatalf("after a disagreement: %s, want PROPOSED", e[0].Status)
		}
		for _, tc := range []struct {
			name   string
			f      rodedraad.ReviewFilter
			listed bool
		}{
			{"Disagreements", rodedraad.ReviewFilter{Disagreements: true}, true},
			{"PendingForAThird", rodedraad.ReviewFilter{PendingFor: "cees", Disagreements: true}, true},
			{"NotPendingForOneOfTheTwo", rodedraad.ReviewFilter{PendingFor: "anna"}, false},
		} {
			if _, listed := queueItem(t, store, tc.f, key); listed != tc.listed {
				t.Errorf("%s: listed %v, want %v", tc.name, listed, tc.listed)
			}
		}
		if _, listed := queueItem(t, store, rodedraad.ReviewFilter{Disagreements: true}, "RP"); listed {
			t.Error("RP, which nobody decided, is listed as a disagreement")
		}
		if n := MustVote(t, store, "cees", rodedraad.StatusRejected, overlapR12); n != 1 {
			t.Fatalf("cees settles: settled %d, want 1", n)
		}
		if e := mustEdges(t, store, "R1", rodedraad.RelOverlaps); e[0].Status != rodedraad.StatusRejected || e[0].ReviewedBy != "cees" {
			t.Errorf("after the third: %s by %q, want REJECTED by cees", e[0].Status, e[0].ReviewedBy)
		}
		ds, err := store.ReviewDecisions(t.Context())
		if err != nil || len(ds) != 3 {
			t.Errorf("ReviewDecisions = %+v, %v; want anna's, bram's and cees's", ds, err)
		}
	})
	t.Run("ErrOneOfTheTwoCannotSettle", func(t *testing.T) {
		store := openDual(t)
		MustVote(t, store, "anna", rodedraad.StatusAccepted, overlapR12)
		MustVote(t, store, "bram", rodedraad.StatusRejected, overlapR12)
		v, before := MustVersion(t, store), MustDump(t, store)
		_, err := store.ReviewVotes(t.Context(), []rodedraad.ReviewRef{nodeRP, overlapR12}, rodedraad.StatusRejected, "anna", "")
		wantCode(t, err, rodedraad.EFORBIDDEN)
		if !strings.Contains(err.Error(), "OVERLAPS:R1->R2") || !strings.Contains(err.Error(), `"anna" is one of them`) {
			t.Errorf("error %q does not name the item and the reviewer", err)
		}
		wantUnchanged(t, store, before, v) // RP got no vote either: all or nothing
	})
	t.Run("SameReviewerTwiceCountsOnce", func(t *testing.T) {
		store := openDual(t)
		MustVote(t, store, "anna", rodedraad.StatusAccepted, nodeRP)
		if n := MustVote(t, store, "anna", rodedraad.StatusRejected, nodeRP, nodeRP); n != 0 {
			t.Errorf("anna twice settled %d items, want 0", n)
		}
		it, _ := queueItem(t, store, rodedraad.ReviewFilter{}, "RP")
		if len(it.Votes) != 1 || it.Votes[0].Status != rodedraad.StatusRejected || statusOf(t, store, "RP") != rodedraad.StatusProposed {
			t.Errorf("votes %+v, status %s; want anna's second decision only, PROPOSED", it.Votes, statusOf(t, store, "RP"))
		}
	})
	t.Run("EveryDecisionIsInTheAuditTrail", func(t *testing.T) {
		store := openDual(t)
		MustVote(t, store, "anna", rodedraad.StatusRejected, nodeRP)
		MustVote(t, store, "bram", rodedraad.StatusRejected, nodeRP)
		var reviews []rodedraad.Change
		for _, c := range MustHistory(t, store, "RP") {
			if c.Op == "review" && c.Target == "RP" {
				reviews = append(reviews, c)
			}
		}
		if len(reviews) != 2 || reviews[0].Actor != "anna" || reviews[1].Actor != "bram" ||
			reviews[0].After["status"] != "PROPOSED" || reviews[1].After["status"] != "REJECTED" {
			t.Fatalf("review changes %+v; want anna's (still PROPOSED), then bram's (REJECTED)", reviews)
		}
		if voters, _ := reviews[0].After["reviewVoters"].([]any); len(voters) != 1 || voters[0] != "anna" {
			t.Errorf("anna's change keeps voters %v, want [anna]", reviews[0].After["reviewVoters"])
		}
	})
	t.Run("ConcurrentReviewersLoseNoVote", func(t *testing.T) {
		store := openDual(t)
		var wg sync.WaitGroup
		errs := make([]error, 4)
		for i, who := range []string{"anna", "bram", "cees", "dirk"} {
			wg.Go(func() {
				_, errs[i] = store.ReviewVotes(as(t.Context(), who), []rodedraad.ReviewRef{nodeRP}, rodedraad.StatusAccepted, who, "")
			})
		}
		wg.Wait()
		ok := 0
		for _, err := range errs {
			if err == nil {
				ok++
			} else if rodedraad.ErrorCode(err) != rodedraad.ECONFLICT {
				t.Errorf("a concurrent vote failed with %v, want success or CONFLICT (settled)", err)
			}
		}
		// The first two agree and settle; the others find it settled.
		if ok != 2 || statusOf(t, store, "RP") != rodedraad.StatusAccepted {
			t.Errorf("%d votes counted, status %s; want 2, ACCEPTED", ok, statusOf(t, store, "RP"))
		}
	})
	t.Run("ErrSettledAlready", func(t *testing.T) {
		store := openDual(t)
		MustVote(t, store, "anna", rodedraad.StatusAccepted, nodeRP)
		MustVote(t, store, "bram", rodedraad.StatusAccepted, nodeRP)
		_, err := store.ReviewVotes(t.Context(), []rodedraad.ReviewRef{nodeRP}, rodedraad.StatusRejected, "cees", "")
		wantCode(t, err, rodedraad.ECONFLICT)
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		store := openDual(t)
		v, before := MustVersion(t, store), MustDump(t, store)
		_, err := store.ReviewVotes(t.Context(), []rodedraad.ReviewRef{nodeRP, {ID: "R-nope"}}, rodedraad.StatusAccepted, "anna", "")
		wantCode(t, err, rodedraad.ENOTFOUND)
		if !strings.Contains(err.Error(), "R-nope") {
			t.Errorf("error %q does not name the missing item", err)
		}
		wantUnchanged(t, store, before, v)
	})
}
