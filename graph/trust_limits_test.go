package graph_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/rodedraad/rodedraad/graph"
	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/server"
	"github.com/rodedraad/rodedraad/internal/service"
)

// newServerWith is newServer with other limits.
func newServerWith(tb testing.TB, store *neo4jstore.Store, limits graph.Limits) *httptest.Server {
	tb.Helper()
	h := server.New(server.Deps{GraphQL: graph.NewHandler(service.New(store), limits), Readiness: store, Logger: zerolog.Nop()})
	srv := httptest.NewServer(h)
	tb.Cleanup(srv.Close)
	return srv
}

// rawPost sends body with a content type and returns status and body.
func rawPost(tb testing.TB, srv *httptest.Server, contentType, body string) (int, []byte) {
	tb.Helper()
	resp, err := srv.Client().Post(srv.URL+"/graphql", contentType, strings.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, out
}

// codesOf returns the extensions.code of every error of a response body,
// "" for an error without one; it fails on a body that is no envelope.
func codesOf(tb testing.TB, body []byte) []string {
	tb.Helper()
	var r struct{ Errors []gqlError }
	if err := json.Unmarshal(body, &r); err != nil || len(r.Errors) == 0 {
		tb.Fatalf("not an error envelope: %s", body)
	}
	var out []string
	for _, e := range r.Errors {
		out = append(out, e.Code())
	}
	return out
}

func gqlBody(query string) string {
	b, _ := json.Marshal(map[string]any{"query": query})
	return string(b)
}

// fragmentBomb is a chain of n fragments, each spreading the next twice.
func fragmentBomb(n int) string {
	var b strings.Builder
	b.WriteString("query { ...F0 } ")
	for i := range n {
		fmt.Fprintf(&b, "fragment F%d on Query { ...F%d ...F%d } ", i, i+1, i+1)
	}
	fmt.Fprintf(&b, "fragment F%d on Query { __typename }", n)
	return b.String()
}

// The reproducers of issue 11: each must be refused with its code and
// without touching the database.
func TestHandler_HostileShapes(t *testing.T) {
	store := neo4jtest.Seeded(t)
	srv := newServer(t, store)
	var aliases []string
	for i := range 200 {
		aliases = append(aliases, fmt.Sprintf(`a%d: neighbourhood(id: "R06.1", depth: 3) { nodes { id } }`, i))
	}
	tests := []struct {
		name, query, code string
	}{
		{"NestedUnpagedLists", `{ recommendations(first: 100) { edges { node { themes { recommendations { themes { recommendations { id } } } } } } } }`, "COMPLEXITY_LIMIT_EXCEEDED"},
		{"FragmentChain", fragmentBomb(24), graph.CodeTooExpensive},
		{"AliasedExpensiveFields", "{ " + strings.Join(aliases, " ") + " }", graph.CodeTooExpensive},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := store.RoundTrips()
			mustFail(t, srv, tt.query, nil, tt.code)
			if n := store.RoundTrips() - before; n != 0 {
				t.Errorf("a refused query made %d database round trips", n)
			}
		})
	}
}

func TestHandler_ClientFaultsAreNotInternal(t *testing.T) {
	store := neo4jtest.Seeded(t)
	srv := newServer(t, store)
	many := strings.TrimSpace(strings.Repeat("woord ", 128))
	tests := []struct {
		name, contentType, body string
	}{
		{"ManySearchWords", "application/json", gqlBody(`{ search(text: "` + many + `", first: 5) { score } }`)},
		{"LongSearchWord", "application/json", gqlBody(`{ search(text: "` + strings.Repeat("a", 1001) + `", first: 5) { score } }`)},
		{"PassagesLongWord", "application/json", gqlBody(`{ searchPassages(text: "` + strings.Repeat("b", 1001) + `", first: 5) { score } }`)},
		{"ObjectAsID", "application/json", gqlBody(`{ node(id: {}) { id } }`)},
		{"BatchedArray", "application/json", `[{"query":"{ __typename }"}]`},
		{"InvalidJSON", "application/json", `{"query": `},
		{"NotJSON", "application/json", `not json`},
		{"PlainText", "text/plain", `{ __typename }`},
		{"ParseError", "application/json", gqlBody(`{ recommendations(first: 5) { `)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := rawPost(t, srv, tt.contentType, tt.body)
			for _, code := range codesOf(t, body) {
				if code == "" || code == "INTERNAL" {
					t.Errorf("status %d, code %q for a client fault: %s", status, code, body)
				}
			}
			if bytes.Contains(body, []byte(strings.Repeat("a", 100))) {
				t.Errorf("the error quotes the whole bad input back")
			}
		})
	}
	t.Run("GetMutation", func(t *testing.T) {
		resp, err := srv.Client().Get(srv.URL + "/graphql?query=" + url.QueryEscape(`mutation { deleteTheme(id: "T1") { id } }`))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if codes := codesOf(t, body); codes[0] != "BAD_USER_INPUT" {
			t.Errorf("GET mutation: %d %s, want BAD_USER_INPUT", resp.StatusCode, body)
		}
	})
}

func TestHandler_ResultCaps(t *testing.T) {
	store := neo4jtest.Seeded(t)
	q := `{ themes(first: 20) { edges { node { id recommendations { id title text } } } } }`
	t.Run("ResponseTooLarge", func(t *testing.T) {
		srv := newServerWith(t, store, graph.Limits{Complexity: 10000, Depth: 10, MaxResponseBytes: 2000})
		status, body := rawPost(t, srv, "application/json", gqlBody(q))
		if codes := codesOf(t, body); codes[0] != graph.CodeResponseTooLarge || status < 400 {
			t.Errorf("status %d, body %s; want RESPONSE_TOO_LARGE", status, body)
		}
	})
	t.Run("TooManyItems", func(t *testing.T) {
		srv := newServerWith(t, store, graph.Limits{Complexity: 10000, Depth: 10, MaxResultItems: 50})
		mustFail(t, srv, q, nil, graph.CodeTooExpensive)
	})
	t.Run("UnderTheCapsAnswers", func(t *testing.T) {
		srv := newServerWith(t, store, graph.Limits{Complexity: 10000, Depth: 10, MaxResponseBytes: 1 << 22, MaxResultItems: 5000})
		if _, errs := mustQuery(t, srv, q, nil); len(errs) > 0 {
			t.Errorf("errors under the caps: %+v", errs)
		}
	})
}

func TestServer_SecurityHeaders(t *testing.T) {
	store := neo4jtest.Open(t)
	srv := newServer(t, store)
	for _, path := range []string{"/graphql?query=%7B__typename%7D", "/healthz", "/nope"} {
		resp, err := srv.Client().Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy"} {
			if resp.Header.Get(h) == "" {
				t.Errorf("%s: no %s header", path, h)
			}
		}
	}
}
