package server_test

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
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/rs/zerolog"

	"github.com/rodedraad/rodedraad/internal/server"
)

// logBuffer collects log lines written from the server's goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// fakeReadiness returns whatever error was last stored.
type fakeReadiness struct{ err atomic.Pointer[error] }

func (f *fakeReadiness) set(err error) { f.err.Store(&err) }

func (f *fakeReadiness) Ready(context.Context) error {
	if p := f.err.Load(); p != nil {
		return *p
	}
	return nil
}

// fakeGraphQL stands in for the gqlgen handler: it echoes what the request
// looked like from inside the middleware, and panics on demand.
func fakeGraphQL(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if string(body) == "panic" {
		panic("boom")
	}
	zerolog.Ctx(r.Context()).Info().Msg("resolving")
	_ = json.NewEncoder(w).Encode(map[string]any{
		"method":     r.Method,
		"bodyBytes":  len(body),
		"request_id": server.RequestID(r.Context()),
	})
}

type testServer struct {
	*httptest.Server
	ready *fakeReadiness
	logs  *logBuffer
}

// MustStart starts the real handler on a local port, torn down by the test.
func MustStart(tb testing.TB, maxBody int64) *testServer {
	tb.Helper()
	ts := &testServer{ready: &fakeReadiness{}, logs: &logBuffer{}}
	h := server.New(server.Deps{
		GraphQL:      http.HandlerFunc(fakeGraphQL),
		Readiness:    ts.ready,
		Logger:       zerolog.New(ts.logs).Level(zerolog.DebugLevel),
		Registry:     prometheus.NewRegistry(),
		MaxBodyBytes: maxBody,
		ReadyTimeout: 200 * time.Millisecond,
	})
	ts.Server = httptest.NewServer(h)
	tb.Cleanup(ts.Close)
	return ts
}

// MustDo sends a request and returns the response with its body read.
func MustDo(tb testing.TB, req *http.Request) (*http.Response, string) {
	tb.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatalf("read body: %v", err)
	}
	return resp, string(body)
}

func (ts *testServer) get(tb testing.TB, path string) (*http.Response, string) {
	tb.Helper()
	req, _ := http.NewRequest(http.MethodGet, ts.URL+path, nil)
	return MustDo(tb, req)
}

func (ts *testServer) post(tb testing.TB, path, body string) (*http.Response, string) {
	tb.Helper()
	req, _ := http.NewRequest(http.MethodPost, ts.URL+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	return MustDo(tb, req)
}

func TestServer_Routes(t *testing.T) {
	ts := MustStart(t, 0)
	tests := []struct {
		name, method, path string
		status             int
		bodyHas            string
	}{
		{"healthz", "GET", "/healthz", 200, `"status":"ok"`},
		{"playground", "GET", "/", 200, "/graphql"},
		{"graphql get", "GET", "/graphql?query={__typename}", 200, `"method":"GET"`},
		{"graphql post", "POST", "/graphql", 200, `"method":"POST"`},
		// Other methods reach the GraphQL handler, which answers them 405 in
		// its JSON envelope (graph.TestHTTP_GraphQLOverHTTP).
		{"graphql put", "PUT", "/graphql", 200, `"method":"PUT"`},
		{"metrics", "GET", "/metrics", 200, "# HELP"},
		{"unknown", "GET", "/nope", 404, ""},
		{"head of healthz", "HEAD", "/healthz", 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(tt.method, ts.URL+tt.path, strings.NewReader("{}"))
			resp, body := MustDo(t, req)
			if resp.StatusCode != tt.status {
				t.Errorf("status = %d, want %d; body %s", resp.StatusCode, tt.status, body)
			}
			if !strings.Contains(body, tt.bodyHas) {
				t.Errorf("body lacks %q: %.300s", tt.bodyHas, body)
			}
		})
	}
}

func TestServer_Readyz(t *testing.T) {
	ts := MustStart(t, 0)

	t.Run("NotReady", func(t *testing.T) {
		ts.ready.set(errors.New("neo4j unreachable at 127.0.0.1:7687"))
		resp, body := ts.get(t, "/readyz")
		if resp.StatusCode != http.StatusServiceUnavailable {
			t.Fatalf("status = %d, want 503", resp.StatusCode)
		}
		var got struct{ Status, Reason string }
		if err := json.Unmarshal([]byte(body), &got); err != nil {
			t.Fatalf("body %q: %v", body, err)
		}
		if got.Status != "unavailable" || !strings.Contains(got.Reason, "neo4j unreachable") {
			t.Errorf("body = %+v, want the reason", got)
		}
		if cc := resp.Header.Get("Cache-Control"); cc != "no-store" {
			t.Errorf("Cache-Control = %q, want no-store", cc)
		}
	})

	t.Run("Recovers", func(t *testing.T) {
		ts.ready.set(nil)
		if resp, body := ts.get(t, "/readyz"); resp.StatusCode != http.StatusOK {
			t.Errorf("status = %d, want 200; body %s", resp.StatusCode, body)
		}
	})

	t.Run("Timeout", func(t *testing.T) {
		h := server.New(server.Deps{
			GraphQL: http.NotFoundHandler(),
			Readiness: server.ReadinessFunc(func(ctx context.Context) error {
				<-ctx.Done() // a database that never answers
				return ctx.Err()
			}),
			ReadyTimeout: 50 * time.Millisecond,
		})
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
		if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "timed out after 50ms") {
			t.Errorf("got %d %s, want 503 naming the timeout", rec.Code, rec.Body)
		}
	})
}

func TestServer_RequestID(t *testing.T) {
	ts := MustStart(t, 0)
	send := func(t *testing.T, id string) (echoed, seen string) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodPost, ts.URL+"/graphql", strings.NewReader("{}"))
		if id != "" {
			req.Header.Set(server.RequestIDHeader, id)
		}
		resp, body := MustDo(t, req)
		var got struct {
			RequestID string `json:"request_id"`
		}
		_ = json.Unmarshal([]byte(body), &got)
		return resp.Header.Get(server.RequestIDHeader), got.RequestID
	}

	t.Run("Propagated", func(t *testing.T) {
		echoed, seen := send(t, "trace-42.a:b_c")
		if echoed != "trace-42.a:b_c" || seen != echoed {
			t.Errorf("echoed %q, seen downstream %q; want the client's id", echoed, seen)
		}
		if logs := ts.logs.String(); !strings.Contains(logs, `"request_id":"trace-42.a:b_c","message":"resolving"`) {
			t.Errorf("downstream log line lacks the request id:\n%s", logs)
		}
	})

	for name, id := range map[string]string{
		"Generated":      "",
		"InsaneReplaced": "bad id <script>",
		"TooLong":        strings.Repeat("a", 129),
	} {
		t.Run(name, func(t *testing.T) {
			echoed, seen := send(t, id)
			if len(echoed) != 36 || echoed == id || seen != echoed {
				t.Errorf("echoed %q, seen %q; want one fresh UUID", echoed, seen)
			}
		})
	}
}

func TestServer_AccessLog(t *testing.T) {
	ts := MustStart(t, 0)
	ts.post(t, "/graphql", `{"query":"{__typename}"}`)
	var line map[string]any
	for _, l := range strings.Split(strings.TrimSpace(ts.logs.String()), "\n") {
		if strings.Contains(l, `"message":"request"`) {
			_ = json.Unmarshal([]byte(l), &line)
		}
	}
	for _, key := range []string{"request_id", "method", "path", "route", "status", "duration", "bytes"} {
		if _, ok := line[key]; !ok {
			t.Errorf("access log lacks %q: %v", key, line)
		}
	}
	if line["route"] != "POST /graphql" || line["status"] != 200.0 {
		t.Errorf("access log = %v", line)
	}
}

func TestServer_BodyLimit(t *testing.T) {
	ts := MustStart(t, 64)

	t.Run("OK", func(t *testing.T) {
		resp, body := ts.post(t, "/graphql", strings.Repeat("x", 64))
		if resp.StatusCode != 200 || !strings.Contains(body, `"bodyBytes":64`) {
			t.Errorf("got %d %s, want the whole body through", resp.StatusCode, body)
		}
	})

	t.Run("TooLarge", func(t *testing.T) {
		resp, body := ts.post(t, "/graphql", strings.Repeat("x", 65))
		if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "limit is 64 bytes") {
			t.Errorf("got %d %s, want 413 naming the limit", resp.StatusCode, body)
		}
	})

	t.Run("TooLargeWithoutLength", func(t *testing.T) {
		// A reader of unknown size makes the client send a chunked body, so
		// only reading can find it too large.
		body := io.MultiReader(strings.NewReader(strings.Repeat("x", 100)))
		req, _ := http.NewRequest(http.MethodPost, ts.URL+"/graphql", body)
		resp, got := MustDo(t, req)
		if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(got, `"code":"BAD_USER_INPUT"`) {
			t.Errorf("got %d %s, want 413 with a GraphQL-shaped error", resp.StatusCode, got)
		}
	})
}

func TestServer_PanicRecovery(t *testing.T) {
	ts := MustStart(t, 0)
	resp, body := ts.post(t, "/graphql", "panic")
	if resp.StatusCode != http.StatusInternalServerError || !strings.Contains(body, `"code":"INTERNAL"`) {
		t.Errorf("got %d %s, want 500 INTERNAL", resp.StatusCode, body)
	}
	if strings.Contains(body, "boom") {
		t.Errorf("500 body leaks the panic value: %s", body)
	}
	logs := ts.logs.String()
	if !strings.Contains(logs, `"panic":"boom"`) || !strings.Contains(logs, "goroutine") {
		t.Errorf("panic not logged with a stack:\n%s", logs)
	}
	if resp, _ := ts.post(t, "/graphql", "{}"); resp.StatusCode != http.StatusOK {
		t.Errorf("after a panic: status %d, want the server still serving", resp.StatusCode)
	}
}

func TestServer_Metrics(t *testing.T) {
	ts := MustStart(t, 16)
	ts.get(t, "/healthz")
	ts.post(t, "/graphql", "panic")
	ts.post(t, "/graphql", strings.Repeat("x", 17))
	ts.get(t, "/no/such/page")
	_, body := ts.get(t, "/metrics")
	for _, want := range []string{
		`rodedraad_http_requests_total{route="GET /healthz",status="200"} 1`,
		`rodedraad_http_requests_total{route="POST /graphql",status="500"} 1`,
		`rodedraad_http_requests_total{route="POST /graphql",status="413"} 1`,
		`rodedraad_http_requests_total{route="unmatched",status="404"} 1`,
		`rodedraad_http_request_duration_seconds_count{route="GET /healthz",status="200"} 1`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

func TestNew_SharedRegistry(t *testing.T) {
	reg := server.NewRegistry()
	deps := server.Deps{GraphQL: http.NotFoundHandler(), Readiness: &fakeReadiness{}, Registry: reg}
	server.New(deps)
	server.New(deps) // must not panic on the second registration
	if _, err := reg.Gather(); err != nil {
		t.Fatalf("Gather: %v", err)
	}
}
