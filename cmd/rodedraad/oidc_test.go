package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/rodedraad/rodedraad/internal/oidcauth/oidctest"
)

// queryWith posts a GraphQL query with a bearer token and returns the
// status and the first error's code.
func queryWith(tb testing.TB, base, bearer, q string) (status int, code string) {
	tb.Helper()
	body, _ := json.Marshal(map[string]string{"query": q})
	req, _ := http.NewRequestWithContext(tb.Context(), http.MethodPost, base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if bearer != "" {
		req.Header.Set("Authorization", "Bearer "+bearer)
	}
	resp, err := client.Do(req)
	if err != nil {
		tb.Fatalf("POST /graphql: %v", err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var r gqlResponse
	if err := json.Unmarshal(raw, &r); err != nil || len(r.Errors) == 0 {
		tb.Fatalf("POST /graphql: status %d, body %q: want an error", resp.StatusCode, raw)
	}
	return resp.StatusCode, r.Errors[0].Extensions.Code
}

// serve starts while the OIDC issuer is down, refuses its JWTs with
// UNAVAILABLE meanwhile, accepts them once it answers, and never lets an
// anonymous caller edit, although it listens on loopback with no token.
// The database is down throughout: none of this needs it.
func TestServe_OIDCIssuerDownAtStart(t *testing.T) {
	iss := oidctest.New(t)
	iss.SetDown(true)
	base, _ := startServe(t, map[string]string{
		"NEO4J_URI":               "bolt://" + freeAddr(t),
		"RODEDRAAD_ADDR":          freeAddr(t),
		"RODEDRAAD_SEED":          "false",
		"RODEDRAAD_OIDC_ISSUER":   iss.URL,
		"RODEDRAAD_OIDC_AUDIENCE": oidctest.Audience,
	})
	const write = `mutation { createTheme(input: {id: "TX", name: "Proef"}) { id } }`
	reader := iss.Sign(t, iss.Claims("bram", "reader"))
	if status, code := queryWith(t, base, reader, write); status != http.StatusServiceUnavailable || code != "UNAVAILABLE" {
		t.Errorf("JWT while the issuer is down = %d %s, want 503 UNAVAILABLE", status, code)
	}
	if _, code := queryWith(t, base, "", write); code != "UNAUTHENTICATED" {
		t.Errorf("anonymous write on loopback with OIDC on = %s, want UNAUTHENTICATED (no local mode)", code)
	}
	iss.SetDown(false)
	waitFor(t, 2*oidcRetryAfter, "the issuer's JWT to be verified", func() bool {
		_, code := queryWith(t, base, reader, write)
		return code == "FORBIDDEN" // verified, and a reader may not write
	})
}
