package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/rs/zerolog"

	"github.com/rodedraad/rodedraad/graph"
	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/server"
	"github.com/rodedraad/rodedraad/internal/service"
)

// postWithKey sends a mutation with an idempotency key (none when empty)
// and returns the raw response body.
func postWithKey(tb testing.TB, srv *httptest.Server, key, query string) string {
	tb.Helper()
	body, _ := json.Marshal(map[string]any{"query": query})
	req, _ := http.NewRequestWithContext(tb.Context(), http.MethodPost, srv.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if key != "" {
		req.Header.Set(graph.IdempotencyHeader, key)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return string(out)
}

func TestMutation_SafeRetries(t *testing.T) {
	store := neo4jtest.Open(t)
	srv := newAuthServer(t, store, true)
	create := `mutation { createTheme(input: {id: "TR", name: "Herhaald"}) { id name } }`
	t.Run("SameKeyAnswersTheFirstResult", func(t *testing.T) {
		first := postWithKey(t, srv, "k-1", create)
		second := postWithKey(t, srv, "k-1", create)
		if strings.Contains(first, "errors") || first != second {
			t.Fatalf("first %s, repeat %s: want the same answer twice", first, second)
		}
		if h := MustHistoryLen(t, store, "TR"); h != 1 {
			t.Errorf("the repeat wrote again: %d audit entries, want 1", h)
		}
	})
	t.Run("SameKeyOtherRequestIsConflict", func(t *testing.T) {
		other := postWithKey(t, srv, "k-1", `mutation { createTheme(input: {id: "TS", name: "Ander"}) { id } }`)
		if !strings.Contains(other, `"CONFLICT"`) {
			t.Errorf("key reused for another request: %s, want CONFLICT", other)
		}
	})
	t.Run("IdenticalCreateReturnsTheItem", func(t *testing.T) {
		again := postWithKey(t, srv, "", create) // no key: the content decides
		if strings.Contains(again, "errors") || !strings.Contains(again, `"TR"`) {
			t.Errorf("identical create: %s, want the existing item", again)
		}
		changed := postWithKey(t, srv, "", `mutation { createTheme(input: {id: "TR", name: "Anders"}) { id } }`)
		if !strings.Contains(changed, `"CONFLICT"`) {
			t.Errorf("create with other content: %s, want CONFLICT", changed)
		}
	})
	t.Run("ConcurrentCreatesOneWins", func(t *testing.T) {
		var wg sync.WaitGroup
		answers := make([]string, 8)
		for i := range answers {
			wg.Go(func() {
				answers[i] = postWithKey(t, srv, "", `mutation { createTheme(input: {id: "TC", name: "Poging `+string(rune('A'+i))+`"}) { id } }`)
			})
		}
		wg.Wait()
		ok := 0
		for _, a := range answers {
			switch {
			case !strings.Contains(a, "errors"):
				ok++
			case !strings.Contains(a, `"CONFLICT"`):
				t.Errorf("a losing create answered %s, want CONFLICT", a)
			}
		}
		if ok != 1 {
			t.Errorf("%d concurrent creates of one id succeeded, want exactly 1", ok)
		}
	})
}

// MustHistoryLen returns how many audit entries id has.
func MustHistoryLen(tb testing.TB, store *neo4jstore.Store, id string) int {
	tb.Helper()
	h, err := store.History(tb.Context(), id, 100)
	if err != nil {
		tb.Fatal(err)
	}
	return len(h)
}

// forgetfulStore keeps no answers, as when the database goes away between
// a write and keeping its answer; it recalls what the store holds.
type forgetfulStore struct{ *neo4jstore.Store }

func (forgetfulStore) RememberResponse(context.Context, string, string, string, []byte) error {
	return errors.New("neo4j went away")
}

// TestMutation_KeyIsClaimedWithTheWrite: a write commits with its key, so
// a retry after a lost answer cannot write a second time.
func TestMutation_KeyIsClaimedWithTheWrite(t *testing.T) {
	store := neo4jtest.Open(t)
	srv := httptest.NewServer(server.New(server.Deps{Readiness: store, Logger: zerolog.Nop(),
		GraphQL: graph.NewHandler(service.New(store), testLimits, graph.WithIdempotency(forgetfulStore{store}))}))
	t.Cleanup(srv.Close)
	// No id: each run creates a new recommendation, so a repeat that ran
	// again would show as a second one.
	create := `mutation { createRecommendation(input: {title: "Herhaal niet", text: "Eén keer schrijven.", kind: RECOMMENDATION}) { id } }`
	count := func() int {
		return mustData[struct{ Recommendations struct{ TotalCount int } }](t, srv, `{ recommendations { totalCount } }`, nil).Recommendations.TotalCount
	}
	first := postWithKey(t, srv, "k-lost", create)
	if strings.Contains(first, "errors") {
		t.Fatalf("first create: %s", first)
	}
	var created struct {
		Data struct{ CreateRecommendation struct{ ID string } }
	}
	_ = json.Unmarshal([]byte(first), &created)
	id := created.Data.CreateRecommendation.ID
	t.Run("ErrRepeatIsRefusedNamingTheWrite", func(t *testing.T) {
		again := postWithKey(t, srv, "k-lost", create)
		if !strings.Contains(again, `"CONFLICT"`) || !strings.Contains(again, "was written") || !strings.Contains(again, id) {
			t.Errorf("repeat after a lost answer: %s, want CONFLICT saying %s was written", again, id)
		}
		if n := count(); n != 1 {
			t.Errorf("%d recommendations after the repeat, want 1: it wrote a second time", n)
		}
	})
	t.Run("AnotherKeyWritesAgain", func(t *testing.T) { // the mutation itself is not idempotent
		if out := postWithKey(t, srv, "k-other", create); strings.Contains(out, "errors") || count() != 2 {
			t.Errorf("create under a new key: %s, %d recommendations; want a second one", out, count())
		}
	})
	t.Run("FailedWriteLeavesTheKeyFree", func(t *testing.T) {
		bad := `mutation { createRecommendation(input: {title: "", text: "x", kind: RECOMMENDATION}) { id } }`
		if out := postWithKey(t, srv, "k-failed", bad); !strings.Contains(out, `"BAD_USER_INPUT"`) {
			t.Fatalf("invalid create: %s, want BAD_USER_INPUT", out)
		}
		if _, found, err := store.RecallResponse(t.Context(), "k-failed"); found || err != nil {
			t.Errorf("a write that failed claimed its key (found %v, %v)", found, err)
		}
	})
}
