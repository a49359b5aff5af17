package server_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/rodedraad/rodedraad/internal/server"
)

func startWithOrigins(tb testing.TB, origins ...string) *httptest.Server {
	tb.Helper()
	h := server.New(server.Deps{
		GraphQL: http.HandlerFunc(fakeGraphQL), Readiness: &fakeReadiness{},
		Logger: zerolog.Nop(), CORSOrigins: origins,
	})
	srv := httptest.NewServer(h)
	tb.Cleanup(srv.Close)
	return srv
}

func TestServer_CORS(t *testing.T) {
	const dash = "https://dash.example.org"
	srv := startWithOrigins(t, dash)
	request := func(method, origin string) *http.Response {
		req, _ := http.NewRequest(method, srv.URL+"/graphql", strings.NewReader(`{}`))
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		resp, _ := MustDo(t, req)
		return resp
	}
	t.Run("PreflightOfAnAllowedOrigin", func(t *testing.T) {
		resp := request(http.MethodOptions, dash)
		if resp.StatusCode != http.StatusNoContent || resp.Header.Get("Access-Control-Allow-Origin") != dash ||
			!strings.Contains(resp.Header.Get("Access-Control-Allow-Methods"), "POST") {
			t.Fatalf("preflight = %d %v", resp.StatusCode, resp.Header)
		}
	})
	t.Run("PostOfAnAllowedOrigin", func(t *testing.T) {
		resp := request(http.MethodPost, dash)
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Access-Control-Allow-Origin") != dash ||
			resp.Header.Get("Access-Control-Expose-Headers") != server.RequestIDHeader {
			t.Fatalf("POST = %d %v", resp.StatusCode, resp.Header)
		}
	})
	t.Run("OtherOriginGetsNoGrant", func(t *testing.T) {
		resp := request(http.MethodPost, "https://evil.example.com")
		if resp.Header.Get("Access-Control-Allow-Origin") != "" {
			t.Fatalf("granted %q", resp.Header.Get("Access-Control-Allow-Origin"))
		}
		if pre := request(http.MethodOptions, "https://evil.example.com"); pre.StatusCode == http.StatusNoContent {
			t.Fatal("preflight of another origin answered 204")
		}
	})
	t.Run("AnyOrigin", func(t *testing.T) {
		srv := startWithOrigins(t, "*")
		req, _ := http.NewRequest(http.MethodOptions, srv.URL+"/graphql", nil)
		req.Header.Set("Origin", "http://localhost:3000")
		resp, _ := MustDo(t, req)
		if resp.Header.Get("Access-Control-Allow-Origin") != "http://localhost:3000" {
			t.Fatalf("headers = %v", resp.Header)
		}
	})
	t.Run("NoneConfigured", func(t *testing.T) {
		srv := startWithOrigins(t)
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/graphql", strings.NewReader(`{}`))
		req.Header.Set("Origin", dash)
		resp, _ := MustDo(t, req)
		if resp.Header.Get("Access-Control-Allow-Origin") != "" {
			t.Fatalf("granted %q without any origin configured", resp.Header.Get("Access-Control-Allow-Origin"))
		}
	})
}
