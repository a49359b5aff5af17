package graph_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/rodedraad/rodedraad/graph"
	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/server"
	"github.com/rodedraad/rodedraad/internal/service"
)

// These tests drive the GraphQL API the way a client does: over HTTP, through
// the real server middleware, against the real store on the test Neo4j. They
// share one database, so none of them runs in parallel.

// testLimits are the limits every test server runs with.
var testLimits = graph.Limits{Complexity: 10000, Depth: 10, Timeout: 10 * time.Second}

// gqlError is one entry of a response's errors.
type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// Code returns extensions.code, or "" when there is none.
func (e gqlError) Code() string {
	c, _ := e.Extensions["code"].(string)
	return c
}

// newServer starts the whole HTTP stack over store and stops it when the test
// ends.
func newServer(tb testing.TB, store *neo4jstore.Store) *httptest.Server {
	tb.Helper()
	h := server.New(server.Deps{
		GraphQL:   graph.NewHandler(service.New(store), testLimits),
		Readiness: store,
		Logger:    zerolog.Nop(),
	})
	srv := httptest.NewServer(h)
	tb.Cleanup(srv.Close)
	return srv
}

// postGraphQL sends body to /graphql and returns the status and the body of
// the response.
func postGraphQL(tb testing.TB, srv *httptest.Server, body []byte) (int, []byte) {
	tb.Helper()
	resp, err := srv.Client().Post(srv.URL+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		tb.Fatalf("POST /graphql: %v", err)
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatalf("read response: %v", err)
	}
	return resp.StatusCode, out
}

// mustQuery posts a GraphQL operation and returns its data and errors. It
// fails the test when the response is not a GraphQL response at all.
func mustQuery(tb testing.TB, srv *httptest.Server, query string, vars map[string]any) (json.RawMessage, []gqlError) {
	tb.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		tb.Fatalf("encode request: %v", err)
	}
	status, out := postGraphQL(tb, srv, body)
	var resp struct {
		Data   json.RawMessage `json:"data"`
		Errors []gqlError      `json:"errors"`
	}
	if err := json.Unmarshal(out, &resp); err != nil {
		tb.Fatalf("status %d, body is not a GraphQL response: %v\n%s", status, err, out)
	}
	return resp.Data, resp.Errors
}

// mustData runs query, fails the test on any error, and decodes data into a T.
func mustData[T any](tb testing.TB, srv *httptest.Server, query string, vars map[string]any) T {
	tb.Helper()
	data, errs := mustQuery(tb, srv, query, vars)
	if len(errs) > 0 {
		tb.Fatalf("unexpected errors: %+v\nquery: %s", errs, query)
	}
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		tb.Fatalf("decode data: %v\n%s", err, data)
	}
	return v
}

// mustFail runs query, expects errors[0] to carry code, and returns the
// error and the data.
func mustFail(tb testing.TB, srv *httptest.Server, query string, vars map[string]any, code string) (gqlError, json.RawMessage) {
	tb.Helper()
	data, errs := mustQuery(tb, srv, query, vars)
	if len(errs) == 0 {
		tb.Fatalf("expected a %s error, got data %s\nquery: %s", code, data, query)
	}
	if got := errs[0].Code(); got != code {
		tb.Fatalf("errors[0].extensions.code = %q, want %q (message %q)", got, code, errs[0].Message)
	}
	return errs[0], data
}

// idOf is the shape of anything with an id.
type idOf struct {
	ID string `json:"id"`
}

// ids returns the ids of items in order.
func ids(items []idOf) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.ID
	}
	return out
}

// sameSet reports whether a and b hold the same strings, in any order.
func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}
