package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/rodedraad/rodedraad/internal/devneo4j"
)

// freeAddr returns a loopback host:port that nothing listens on right now.
func freeAddr(tb testing.TB) string {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// startServe runs `rodedraad serve` in the background with env, and returns
// its base URL and a function that cancels it and returns run's result.
func startServe(tb testing.TB, env map[string]string) (base string, stop func() error) {
	tb.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	logs := &syncBuffer{}
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"serve"}, func(k string) string { return env[k] }, io.Discard, logs) }()
	stopped := false
	var result error
	stop = func() error {
		if stopped {
			return result
		}
		stopped = true
		cancel()
		select {
		case result = <-done:
		case <-time.After(20 * time.Second):
			result = fmt.Errorf("serve did not return 20s after its context was cancelled")
		}
		return result
	}
	tb.Cleanup(func() {
		if err := stop(); err != nil {
			tb.Errorf("serve: %v", err)
		}
		if tb.Failed() {
			tb.Logf("serve log:\n%s", logs.String())
		}
	})
	base = "http://" + env["RODEDRAAD_ADDR"]
	waitFor(tb, 5*time.Second, "/healthz to answer 200", func() bool {
		select {
		case err := <-done:
			tb.Fatalf("serve returned at once: %v\n%s", err, logs.String())
		default:
		}
		code, _ := get(base + "/healthz")
		return code == http.StatusOK
	})
	return base, stop
}

// waitFor polls cond until it holds, failing the test after timeout.
func waitFor(tb testing.TB, timeout time.Duration, what string, cond func() bool) time.Duration {
	tb.Helper()
	start := time.Now()
	for !cond() {
		if time.Since(start) > timeout {
			tb.Fatalf("waited %s for %s", timeout, what)
		}
		time.Sleep(200 * time.Millisecond)
	}
	return time.Since(start)
}

var client = &http.Client{Timeout: 30 * time.Second}

// get returns the status and body of a GET, or 0 when the request failed.
func get(url string) (int, string) {
	resp, err := client.Get(url)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// gqlResponse is a GraphQL response with the fields the tests read.
type gqlResponse struct {
	Data struct {
		Recommendations *struct{ TotalCount int }
		Recommendation  *struct{ ID string }
	}
	Errors []struct {
		Message    string
		Extensions struct{ Code string }
	}
}

const countQuery = `{ recommendations(first: 1) { totalCount } }`

// oneQuery is a compiled read the store runs as one auto-commit statement.
const oneQuery = `{ recommendation(id: "R01.4") { id } }`

// query posts a GraphQL query and returns the decoded response and how long
// it took.
func query(tb testing.TB, base, q string) (gqlResponse, time.Duration) {
	tb.Helper()
	body, _ := json.Marshal(map[string]string{"query": q})
	start := time.Now()
	resp, err := client.Post(base+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		tb.Fatalf("POST /graphql: %v", err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	took := time.Since(start)
	var r gqlResponse
	if err := json.Unmarshal(raw, &r); err != nil {
		tb.Fatalf("POST /graphql: status %d, body %q: %v", resp.StatusCode, raw, err)
	}
	return r, took
}

// wantUnavailable asserts that the server is up, not ready, and answers
// queries with UNAVAILABLE promptly.
func wantUnavailable(tb testing.TB, base string) {
	tb.Helper()
	if code, body := get(base + "/healthz"); code != http.StatusOK {
		tb.Errorf("/healthz = %d %s, want 200 while the database is down", code, body)
	}
	code, body := get(base + "/readyz")
	if code != http.StatusServiceUnavailable || !strings.Contains(body, `"reason":"`) {
		tb.Errorf("/readyz = %d %s, want 503 with a reason", code, body)
	}
	r, took := query(tb, base, countQuery)
	if len(r.Errors) == 0 || r.Errors[0].Extensions.Code != "UNAVAILABLE" {
		tb.Errorf("query while the database is down = %+v, want an UNAVAILABLE error", r)
	} else {
		tb.Logf("query while down: %s after %s", r.Errors[0].Message, took.Round(time.Millisecond))
	}
	if took > 10*time.Second {
		tb.Errorf("query while the database is down took %s, want an answer within 10s", took)
	}
}

// waitReady polls /readyz until 200 and checks that the seeds are served.
func waitReady(tb testing.TB, base string, timeout time.Duration) {
	tb.Helper()
	took := waitFor(tb, timeout, "/readyz to answer 200", func() bool {
		code, _ := get(base + "/readyz")
		return code == http.StatusOK
	})
	tb.Logf("ready %s after Neo4j answered", took.Round(time.Millisecond))
	r, _ := query(tb, base, countQuery)
	if len(r.Errors) > 0 || r.Data.Recommendations == nil || r.Data.Recommendations.TotalCount != 176 {
		tb.Errorf("query once ready = %+v %+v, want 176 recommendations", r.Data.Recommendations, r.Errors)
	}
	// A compiled read runs as one auto-commit statement, outside the driver's
	// retries: it must work at once too, with the pool left from before.
	for range 3 {
		r, _ = query(tb, base, oneQuery)
		if len(r.Errors) > 0 || r.Data.Recommendation == nil || r.Data.Recommendation.ID != "R01.4" {
			tb.Errorf("compiled read once ready = %+v %+v, want R01.4", r.Data.Recommendation, r.Errors)
		}
	}
}

// startNeo4j starts the project's own Neo4j as o says.
func startNeo4j(tb testing.TB, o devneo4j.Options) {
	tb.Helper()
	start := time.Now()
	if _, err := devneo4j.Start(context.Background(), o); err != nil {
		tb.Fatalf("start Neo4j: %v", err)
	}
	tb.Logf("Neo4j started in %s", time.Since(start).Round(time.Millisecond))
}

func stopNeo4j(tb testing.TB, o devneo4j.Options) {
	tb.Helper()
	if _, err := devneo4j.Stop(context.Background(), o); err != nil {
		tb.Errorf("stop Neo4j: %v", err)
	}
}

// The server starts without its database, reports not ready and answers
// UNAVAILABLE; when Neo4j comes up it migrates, seeds and becomes ready;
// when Neo4j goes away it reports not ready again, and recovers once more,
// also when Neo4j comes back empty.
func TestServe_DatabaseGoesAway(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and stops its own Neo4j")
	}
	// A port free right now, not a fixed one: another test run on the same
	// machine may be starting its own Neo4j on any fixed port meanwhile.
	downNeo4jAddr := freeAddr(t)
	o := devneo4j.Options{Dir: t.TempDir(), Addr: downNeo4jAddr}
	t.Cleanup(func() { stopNeo4j(t, o) })

	base, stop := startServe(t, map[string]string{
		"NEO4J_URI":      "bolt://" + downNeo4jAddr,
		"RODEDRAAD_ADDR": freeAddr(t),
		"RODEDRAAD_SEED": "true",
	})

	t.Run("DownAtStart", func(t *testing.T) { wantUnavailable(t, base) })
	startNeo4j(t, o)
	t.Run("Up", func(t *testing.T) { waitReady(t, base, 2*time.Minute) })
	stopNeo4j(t, o)
	t.Run("GoneAway", func(t *testing.T) {
		waitFor(t, 15*time.Second, "/readyz to answer 503", func() bool {
			code, _ := get(base + "/readyz")
			return code == http.StatusServiceUnavailable
		})
		wantUnavailable(t, base)
	})
	startNeo4j(t, o)
	t.Run("Back", func(t *testing.T) { waitReady(t, base, 2*time.Minute) })

	// A Neo4j that comes back empty (a container without a volume) is
	// migrated and seeded again.
	stopNeo4j(t, o)
	empty := devneo4j.Options{Dir: t.TempDir(), Addr: downNeo4jAddr}
	t.Cleanup(func() { stopNeo4j(t, empty) })
	startNeo4j(t, empty)
	t.Run("BackEmpty", func(t *testing.T) { waitReady(t, base, 2*time.Minute) })

	start := time.Now()
	if err := stop(); err != nil {
		t.Fatalf("serve after cancel = %v, want a clean shutdown", err)
	}
	t.Logf("shut down in %s", time.Since(start).Round(time.Millisecond))
}

// A busy port is an immediate error, not a server that never answers, and
// serve's background work stops with it.
func TestServe_PortBusy(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	done := make(chan error, 1)
	e := map[string]string{"NEO4J_URI": deadNeo4j, "RODEDRAAD_ADDR": ln.Addr().String()}
	go func() { done <- run(context.Background(), []string{"serve"}, env(e), io.Discard, &syncBuffer{}) }()
	select {
	case err := <-done:
		wantErr(t, err, "listen on "+ln.Addr().String())
	case <-time.After(10 * time.Second):
		t.Fatal("serve on a busy port did not return within 10s")
	}
}
