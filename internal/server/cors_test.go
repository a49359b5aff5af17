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

// corsRequest sends method to /graphql from origin ("" sends no Origin); a preflight asks for
// POST with the header askHeader.
func corsRequest(tb testing.TB, srv *httptest.Server, method, origin, askHeader string) *http.Response {
	tb.Helper()
	req, err := http.NewRequest(method, srv.URL+"/graphql", strings.NewReader(`{}`))
	if err != nil {
		tb.Fatal(err)
	}
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	if method == http.MethodOptions {
		req.Header.Set("Access-Control-Request-Method", http.MethodPost)
		req.Header.Set("Access-Control-Request-Headers", askHeader)
	}
	resp, _ := MustDo(tb, req)
	return resp
}

func TestServer_CORS(t *testing.T) {
	const dash, evil = "https://dash.example.org", "https://evil.example.com"
	tests := []struct {
		name      string
		origins   []string // configured allow-list
		method    string
		origin    string
		askHeader string            // header a preflight asks for
		status    int               // 0: not checked
		want      map[string]string // response headers; "" must be absent
	}{
		{name: "PreflightOfAnAllowedOrigin", origins: []string{dash}, method: http.MethodOptions, origin: dash,
			askHeader: "content-type", status: http.StatusNoContent, want: map[string]string{
				"Access-Control-Allow-Origin": dash, "Access-Control-Allow-Methods": "POST",
				"Access-Control-Allow-Headers": "content-type", "Access-Control-Max-Age": "600"}},
		{name: "PreflightAskingForAnotherHeader", origins: []string{dash}, method: http.MethodOptions, origin: dash,
			askHeader: "x-secret", want: map[string]string{"Access-Control-Allow-Origin": ""}},
		{name: "PostOfAnAllowedOrigin", origins: []string{dash}, method: http.MethodPost, origin: dash,
			status: http.StatusOK, want: map[string]string{
				"Access-Control-Allow-Origin": dash, "Access-Control-Expose-Headers": server.RequestIDHeader}},
		{name: "PostOfAnotherOrigin", origins: []string{dash}, method: http.MethodPost, origin: evil,
			status: http.StatusOK, want: map[string]string{"Access-Control-Allow-Origin": ""}},
		{name: "PreflightOfAnotherOrigin", origins: []string{dash}, method: http.MethodOptions, origin: evil,
			askHeader: "content-type", want: map[string]string{"Access-Control-Allow-Origin": "", "Access-Control-Allow-Methods": ""}},
		{name: "PostWithoutOrigin", origins: []string{dash}, method: http.MethodPost,
			status: http.StatusOK, want: map[string]string{"Access-Control-Allow-Origin": ""}},
		{name: "AnyOrigin", origins: []string{"*"}, method: http.MethodOptions, origin: "http://localhost:3000",
			askHeader: "content-type", status: http.StatusNoContent, want: map[string]string{"Access-Control-Allow-Origin": "*"}},
		{name: "NoneConfigured", method: http.MethodPost, origin: dash,
			status: http.StatusOK, want: map[string]string{"Access-Control-Allow-Origin": ""}},
		{name: "NoneConfiguredPreflight", method: http.MethodOptions, origin: dash,
			askHeader: "content-type", status: http.StatusNotFound, want: map[string]string{"Access-Control-Allow-Origin": ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := startWithOrigins(t, tt.origins...)
			resp := corsRequest(t, srv, tt.method, tt.origin, tt.askHeader)
			if tt.status != 0 && resp.StatusCode != tt.status {
				t.Errorf("status = %d, want %d", resp.StatusCode, tt.status)
			}
			for h, want := range tt.want {
				got := resp.Header.Get(h)
				if want == "" && got != "" || want != "" && !strings.Contains(got, want) {
					t.Errorf("%s = %q, want %q", h, got, want)
				}
			}
		})
	}
}
