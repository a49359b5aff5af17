package graph_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/server"
)

func TestHandler_Limits(t *testing.T) {
	store := neo4jtest.Open(t)
	srv := newServer(t, store)

	t.Run("ErrTooDeep", func(t *testing.T) {
		// Each hop document → recommendations → document adds two levels.
		q := `{ document(id: "D06") { id ` + strings.Repeat(`recommendations { document { `, 5) + `id` +
			strings.Repeat(` } }`, 5) + ` } }`
		before := store.RoundTrips()
		e, data := mustFail(t, srv, q, nil, "BAD_USER_INPUT")
		if !strings.Contains(e.Message, "at most 10") {
			t.Errorf("message %q does not say what the limit is", e.Message)
		}
		if string(data) != "" && string(data) != "null" {
			t.Errorf("a rejected query returned data %s", data)
		}
		if n := store.RoundTrips() - before; n != 0 {
			t.Errorf("a rejected query made %d database round trips, want 0", n)
		}
	})

	t.Run("OK at the depth limit", func(t *testing.T) {
		// Ten levels: document, then four ingest → supersedes hops, then id.
		// Single-valued fields: lists would multiply the complexity past its
		// limit long before the depth limit.
		q := `{ document(id: "D06") { ` + strings.Repeat(`ingest { supersedes { `, 4) + `id` +
			strings.Repeat(` } }`, 4) + ` } }`
		if _, errs := mustQuery(t, srv, q, nil); len(errs) > 0 {
			t.Errorf("a query of depth 10 was refused: %+v", errs)
		}
	})

	t.Run("ErrTooComplex", func(t *testing.T) {
		// A page of 100 whose items list their document's recommendations:
		// 100 × (1 + 1 + 100) rows.
		q := `{ recommendations(first: 100) { edges { node { id title
			document { id recommendations { id title } } } } } }`
		before := store.RoundTrips()
		e, _ := mustFail(t, srv, q, nil, "COMPLEXITY_LIMIT_EXCEEDED")
		if !strings.Contains(e.Message, "10000") {
			t.Errorf("message %q does not say what the limit is", e.Message)
		}
		if n := store.RoundTrips() - before; n != 0 {
			t.Errorf("a rejected query made %d database round trips, want 0", n)
		}
	})

	t.Run("ErrBodyTooLarge", func(t *testing.T) {
		body, _ := json.Marshal(map[string]any{"query": `{ node(id: "T2") { id } }`, "variables": map[string]any{
			"pad": strings.Repeat("x", server.DefaultMaxBodyBytes+1)}})
		status, _ := postGraphQL(t, srv, body)
		if status != http.StatusRequestEntityTooLarge {
			t.Errorf("status %d for a body over the limit, want 413", status)
		}
	})

	t.Run("ErrSyntax", func(t *testing.T) {
		mustFail(t, srv, `{ node(id: "T2") { id `, nil, "GRAPHQL_PARSE_FAILED")
	})

	t.Run("ErrUnknownField", func(t *testing.T) {
		mustFail(t, srv, `{ node(id: "T2") { colour } }`, nil, "GRAPHQL_VALIDATION_FAILED")
	})
}

// nestedListQuery asks for every field level an analyst's list view needs.
const nestedListQuery = `query ($first: Int!) {
  recommendations(first: $first) {
    edges { node {
      id
      themes { id }
      document { id }
      endorsedBy { actor { id } }
      conflictsWith { other { ... on Recommendation { id } } }
    } }
  }
}`

// TestHandler_NoNPlusOne proves that nested list fields are batched: the
// number of database round trips does not grow with the page size.
func TestHandler_NoNPlusOne(t *testing.T) {
	store := neo4jtest.Seeded(t)
	srv := newServer(t, store)

	trips := func(first int) int64 {
		t.Helper()
		before := store.RoundTrips()
		got := mustData[struct {
			Recommendations struct {
				Edges []struct{ Node json.RawMessage }
			}
		}](t, srv, nestedListQuery, map[string]any{"first": first})
		if len(got.Recommendations.Edges) != first {
			t.Fatalf("first %d returned %d recommendations", first, len(got.Recommendations.Edges))
		}
		return store.RoundTrips() - before
	}
	small, large := trips(10), trips(100)
	t.Logf("round trips: %d for 10 recommendations, %d for 100", small, large)
	if small != large {
		t.Errorf("round trips grow with the page size: %d for 10, %d for 100", small, large)
	}
	// One list query, one per relationship field (themes, document,
	// endorsedBy, conflictsWith), and at most one node load for the ends
	// that the link queries did not bring along.
	if large > 6 {
		t.Errorf("%d round trips for one nested list query, want at most 6", large)
	}
}

// TestHandler_Unavailable runs the API over a store whose database does not
// exist: queries fail with UNAVAILABLE, /readyz says 503, and the server
// keeps answering.
func TestHandler_Unavailable(t *testing.T) {
	store, err := neo4jstore.Open(neo4jstore.Options{URI: "bolt://127.0.0.1:1", Timeout: 2 * time.Second})
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { _ = store.Close(context.Background()) })
	srv := newServer(t, store)

	// Each call waits out the driver's retries (a few seconds), so one query
	// and one mutation; the probes after them show the server is still up.
	t.Run("query", func(t *testing.T) {
		e, _ := mustFail(t, srv, `{ recommendations(first: 5) { totalCount edges { node { id } } } }`, nil, "UNAVAILABLE")
		if !strings.Contains(e.Message, "not reachable") {
			t.Errorf("message %q does not say the database is not reachable", e.Message)
		}
		if strings.Contains(e.Message, "127.0.0.1") {
			t.Errorf("message %q shows the database's address", e.Message)
		}
	})

	t.Run("mutation", func(t *testing.T) {
		mustFail(t, srv, `mutation { createTheme(input: {name: "Down"}) { id } }`, nil, "UNAVAILABLE")
	})

	t.Run("readyz", func(t *testing.T) {
		resp, err := srv.Client().Get(srv.URL + "/readyz")
		if err != nil {
			t.Fatalf("GET /readyz: %v", err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusServiceUnavailable {
			t.Errorf("/readyz = %d, want 503", resp.StatusCode)
		}
		if strings.Contains(string(body), "127.0.0.1") {
			t.Errorf("/readyz %s shows the database's address", body)
		}
	})

	t.Run("healthz", func(t *testing.T) {
		resp, err := srv.Client().Get(srv.URL + "/healthz")
		if err != nil {
			t.Fatalf("GET /healthz: %v", err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("/healthz = %d, want 200 while the process is up", resp.StatusCode)
		}
	})
}
