package graph_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
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

// newAuthServer is newServer with authentication: anonymous callers are
// readers, and local says whether the loopback rule applies.
func newAuthServer(tb testing.TB, store *neo4jstore.Store, local bool) *httptest.Server {
	tb.Helper()
	a := auth.New(store, rodedraad.RoleReader, local)
	h := server.New(server.Deps{
		GraphQL:     graph.NewHandler(service.New(store), testLimits, graph.WithAuthorizer(a), graph.WithIdempotency(store)),
		Readiness:   store,
		Logger:      zerolog.Nop(),
		Auth:        a,
		MetricsRole: rodedraad.RoleAdmin,
	})
	srv := httptest.NewServer(h)
	tb.Cleanup(srv.Close)
	return srv
}

// MustToken creates a token and returns its secret.
func MustToken(tb testing.TB, store *neo4jstore.Store, name string, role rodedraad.Role) string {
	tb.Helper()
	secret, tok, err := auth.NewToken(name, role)
	if err != nil {
		tb.Fatal(err)
	}
	if err := store.CreateToken(tb.Context(), tok); err != nil {
		tb.Fatal(err)
	}
	return secret
}

// queryAs posts query with the token (none when empty) and returns the
// status, data and errors.
func queryAs(tb testing.TB, srv *httptest.Server, token, query string) (int, json.RawMessage, []gqlError) {
	tb.Helper()
	body, _ := json.Marshal(map[string]any{"query": query})
	req, _ := http.NewRequestWithContext(tb.Context(), http.MethodPost, srv.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	var r struct {
		Data   json.RawMessage `json:"data"`
		Errors []gqlError      `json:"errors"`
	}
	if err := json.Unmarshal(out, &r); err != nil {
		tb.Fatalf("status %d, not a GraphQL response: %s", resp.StatusCode, out)
	}
	return resp.StatusCode, r.Data, r.Errors
}

func wantErrCode(tb testing.TB, errs []gqlError, code string) {
	tb.Helper()
	if len(errs) == 0 || errs[0].Code() != code {
		tb.Fatalf("errors = %+v, want code %s", errs, code)
	}
}

const createTheme = `mutation { createTheme(input: {id: "TX", name: "Proef"}) { id } }`

func TestAuth_Roles(t *testing.T) {
	t.Run("LocalModeLetsAnonymousEditUntilTheFirstToken", func(t *testing.T) {
		store := neo4jtest.Open(t)
		srv := newAuthServer(t, store, true)
		if _, _, errs := queryAs(t, srv, "", createTheme); len(errs) > 0 {
			t.Fatalf("anonymous create on loopback without tokens: %+v", errs)
		}
		MustToken(t, store, "beheer", rodedraad.RoleAdmin)
		_, _, errs := queryAs(t, srv, "", `mutation { updateTheme(id: "TX", patch: {name: "Anders"}) { id } }`)
		wantErrCode(t, errs, rodedraad.EUNAUTHENTICATED)
		if _, _, errs := queryAs(t, srv, "", `{ themes(first: 5) { edges { node { id } } } }`); len(errs) > 0 {
			t.Errorf("anonymous read: %+v", errs)
		}
	})
	t.Run("EachRoleMayDoItsOwn", func(t *testing.T) {
		store := neo4jtest.Open(t)
		srv := newAuthServer(t, store, false)
		reader := MustToken(t, store, "lezer", rodedraad.RoleReader)
		editor := MustToken(t, store, "redacteur", rodedraad.RoleEditor)
		admin := MustToken(t, store, "beheer", rodedraad.RoleAdmin)
		_, _, errs := queryAs(t, srv, "", createTheme)
		wantErrCode(t, errs, rodedraad.EUNAUTHENTICATED)
		_, _, errs = queryAs(t, srv, reader, createTheme)
		wantErrCode(t, errs, rodedraad.EFORBIDDEN)
		if _, _, errs := queryAs(t, srv, editor, createTheme); len(errs) > 0 {
			t.Fatalf("editor create: %+v", errs)
		}
		doc := `mutation { createDocument(input: {id: "DX", title: "Plan", kind: PLAN}) { id } }`
		if _, _, errs := queryAs(t, srv, editor, doc); len(errs) > 0 {
			t.Fatalf("editor create document: %+v", errs)
		}
		for _, del := range []string{
			`mutation { deleteDocument(id: "DX") { id } }`,
			`mutation { ...D } fragment D on Mutation { deleteDocument(id: "DX") { id } }`,
		} {
			_, _, errs = queryAs(t, srv, editor, del)
			wantErrCode(t, errs, rodedraad.EFORBIDDEN)
		}
		if _, _, errs := queryAs(t, srv, admin, `mutation { deleteDocument(id: "DX") { id } }`); len(errs) > 0 {
			t.Errorf("admin delete document: %+v", errs)
		}
	})
	t.Run("BadTokenIs401WithCode", func(t *testing.T) {
		store := neo4jtest.Open(t)
		srv := newAuthServer(t, store, true)
		status, _, errs := queryAs(t, srv, auth.TokenPrefix+"verzonnen", `{ themes(first: 1) { totalCount } }`)
		if status != http.StatusUnauthorized {
			t.Errorf("status = %d, want 401", status)
		}
		wantErrCode(t, errs, rodedraad.EUNAUTHENTICATED)
	})
	t.Run("MetricsNeedTheirRole", func(t *testing.T) {
		store := neo4jtest.Open(t)
		srv := newAuthServer(t, store, false)
		resp, err := srv.Client().Get(srv.URL + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("anonymous /metrics = %d, want 401", resp.StatusCode)
		}
	})
}

func TestAudit_HistoryAndChanges(t *testing.T) {
	store := neo4jtest.Open(t)
	srv := newAuthServer(t, store, false)
	editor := MustToken(t, store, "redacteur", rodedraad.RoleEditor)
	for _, q := range []string{createTheme, `mutation { updateTheme(id: "TX", patch: {name: "Anders"}) { id } }`} {
		if _, _, errs := queryAs(t, srv, editor, q); len(errs) > 0 {
			t.Fatalf("%s: %+v", q, errs)
		}
	}
	_, data, errs := queryAs(t, srv, "", `{ history(id: "TX") { op action actor via before after request } }`)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var h struct {
		History []struct {
			Op, Action, Actor, Via string
			Before, After, Request *string
		}
	}
	if err := json.Unmarshal(data, &h); err != nil {
		t.Fatal(err)
	}
	if len(h.History) != 2 || h.History[1].Actor != "redacteur" || h.History[1].Via != "token" || h.History[1].Request == nil {
		t.Fatalf("history = %+v, want create and update by redacteur with a request id", h.History)
	}
	if !strings.Contains(*h.History[1].Before, `"Proef"`) || !strings.Contains(*h.History[1].After, `"Anders"`) {
		t.Errorf("update before/after = %s / %s", *h.History[1].Before, *h.History[1].After)
	}
	_, data, errs = queryAs(t, srv, "", `{ changes(actor: "redacteur", first: 1) { edges { node { op } } pageInfo { hasNextPage endCursor } } }`)
	if len(errs) > 0 || !strings.Contains(string(data), `"op":"replace"`) || !strings.Contains(string(data), `"hasNextPage":true`) {
		t.Errorf("changes(first: 1) = %s %+v, want the update and a next page", data, errs)
	}
	_, _, errs = queryAs(t, srv, "", `{ changes(first: 1, after: "garbage") { edges { cursor } } }`)
	wantErrCode(t, errs, rodedraad.EINVALID)
}

func TestImportBundleChecked(t *testing.T) {
	store := neo4jtest.Open(t)
	srv := newAuthServer(t, store, true)
	load := func(name string, flags string) (json.RawMessage, []gqlError) {
		q := `mutation { importBundleChecked(bundle: "themes:\n  - id: TY\n    name: ` + name + `\n"` + flags + `) { dryRun kinds { kind created updated unchanged } changes { target action } } }`
		_, d, e := queryAs(t, srv, "", q)
		return d, e
	}
	if d, errs := load("Een", ""); len(errs) > 0 || !strings.Contains(string(d), `"created":1`) {
		t.Fatalf("first load = %s %+v", d, errs)
	}
	if d, errs := load("Twee", ", dryRun: true"); len(errs) > 0 || !strings.Contains(string(d), `"updated":1`) {
		t.Fatalf("dry run = %s %+v", d, errs)
	}
	if _, _, errs := queryAs(t, srv, "", `mutation { updateTheme(id: "TY", patch: {name: "Met de hand"}) { id } }`); len(errs) > 0 {
		t.Fatal(errs)
	}
	_, errs := load("Twee", "")
	wantErrCode(t, errs, rodedraad.ECONFLICT)
	if !strings.Contains(errs[0].Message, "TY") {
		t.Errorf("refusal %q does not name TY", errs[0].Message)
	}
	if d, errs := load("Twee", ", overwrite: true"); len(errs) > 0 || !strings.Contains(string(d), `"updated":1`) {
		t.Errorf("overwrite = %s %+v", d, errs)
	}
	_, _, errs = queryAs(t, srv, "", `mutation { importBundleChecked(bundle: "") { dryRun } }`)
	wantErrCode(t, errs, rodedraad.EINVALID)
}
