package graph_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/rodedraad/rodedraad/graph"
	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
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
