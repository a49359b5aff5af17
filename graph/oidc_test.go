package graph_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/rodedraad/rodedraad/graph"
	"github.com/rodedraad/rodedraad/internal/auth"
	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/oidcauth"
	"github.com/rodedraad/rodedraad/internal/oidcauth/oidctest"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/server"
	"github.com/rodedraad/rodedraad/internal/service"
)

// newOIDCServer is newAuthServer on a loopback address with OpenID Connect
// on, trusting iss; anonymous callers are readers.
func newOIDCServer(tb testing.TB, store *neo4jstore.Store, iss *oidctest.Issuer) *httptest.Server {
	tb.Helper()
	v := oidcauth.New(oidcauth.Options{Issuer: iss.URL, Audience: oidctest.Audience})
	a := auth.New(store, rodedraad.RoleReader, true, auth.WithJWT(v))
	h := server.New(server.Deps{
		GraphQL:   graph.NewHandler(service.New(store), testLimits, graph.WithAuthorizer(a), graph.WithIdempotency(store)),
		Readiness: store,
		Logger:    zerolog.Nop(),
		Auth:      a,
	})
	srv := httptest.NewServer(h)
	tb.Cleanup(srv.Close)
	return srv
}

func TestAuth_OIDC(t *testing.T) {
	store := neo4jtest.Open(t)
	iss := oidctest.New(t)
	srv := newOIDCServer(t, store, iss)
	t.Run("EditorWritesAndTheTrailNamesTheUser", func(t *testing.T) {
		editor := iss.Sign(t, iss.Claims("anna.devries", "Editor"))
		if _, _, errs := queryAs(t, srv, editor, createTheme); len(errs) > 0 {
			t.Fatalf("editor create: %+v", errs)
		}
		_, data, errs := queryAs(t, srv, "", `{ history(id: "TX") { action actor via } }`)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		var h struct {
			History []struct{ Action, Actor, Via string }
		}
		if err := json.Unmarshal(data, &h); err != nil {
			t.Fatal(err)
		}
		if len(h.History) != 1 || h.History[0].Actor != "anna.devries" || h.History[0].Via != "oidc" {
			t.Errorf("history = %+v, want one change by anna.devries via oidc", h.History)
		}
	})
	t.Run("ReaderCannotWrite", func(t *testing.T) {
		_, _, errs := queryAs(t, srv, iss.Sign(t, iss.Claims("bram", "reader")), createTheme)
		wantErrCode(t, errs, rodedraad.EFORBIDDEN)
	})
	t.Run("NoRoleCannotEvenRead", func(t *testing.T) {
		_, _, errs := queryAs(t, srv, iss.Sign(t, iss.Claims("cor")), `{ themes(first: 1) { totalCount } }`)
		wantErrCode(t, errs, rodedraad.EFORBIDDEN)
	})
	t.Run("NoLocalModeForAnonymous", func(t *testing.T) {
		_, _, errs := queryAs(t, srv, "", `mutation { updateTheme(id: "TX", patch: {name: "Anders"}) { id } }`)
		wantErrCode(t, errs, rodedraad.EUNAUTHENTICATED)
	})
	t.Run("ExpiredIs401", func(t *testing.T) {
		claims := iss.Claims("anna.devries", "editor")
		claims["exp"] = time.Now().Add(-time.Hour).Unix()
		status, _, errs := queryAs(t, srv, iss.Sign(t, claims), createTheme)
		wantErrCode(t, errs, rodedraad.EUNAUTHENTICATED)
		if status != http.StatusUnauthorized || !strings.Contains(errs[0].Message, "expired") {
			t.Errorf("status %d, message %q; want 401 saying it expired", status, errs[0].Message)
		}
	})
	t.Run("IssuerDownIs503", func(t *testing.T) {
		iss.SetDown(true)
		defer iss.SetDown(false)
		iss.Rotate(t) // a key the server has not cached, so it must ask the issuer
		status, _, errs := queryAs(t, srv, iss.Sign(t, iss.Claims("anna.devries", "editor")), createTheme)
		wantErrCode(t, errs, rodedraad.EUNAVAILABLE)
		if status != http.StatusServiceUnavailable || !strings.Contains(errs[0].Message, "cannot be reached") {
			t.Errorf("status %d, message %q; want 503 saying the issuer cannot be reached", status, errs[0].Message)
		}
	})
}
