package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"

	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/service"
)

// trackerProbe records, at the end of each operation, whether its tracker
// still counted and what count it ended with.
type trackerProbe struct {
	mu               sync.Mutex
	exact            bool
	pending, answers int
}

func (*trackerProbe) ExtensionName() string                   { return "TrackerProbe" }
func (*trackerProbe) Validate(graphql.ExecutableSchema) error { return nil }

func (p *trackerProbe) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	if t := trackerFrom(ctx); t != nil {
		p.mu.Lock()
		p.exact, p.pending, p.answers = t.exact.Load(), int(t.pending.Load()), p.answers+1
		p.mu.Unlock()
	}
	return resp
}

// The tracker counts the fields of real queries exactly: it ends every
// query still counting, at zero. A field counted too many would leave the
// count above zero (and its batches waiting for maxWait); one too few
// would stop it counting.
func TestBatchTracking_CountsExactly(t *testing.T) {
	store := neo4jtest.Seeded(t)
	probe := &trackerProbe{}
	h := NewHandler(service.New(store), Limits{Complexity: 10000, Depth: 10, Timeout: 10 * time.Second},
		func(s *handler.Server) { s.Use(probe) })
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	queries := map[string]string{
		"SingleItem": `{ recommendation(id: "R06.1") { id title themes { id } document { id title }
			endorsedBy { actor { id name } via } conflictsWith { score other { ... on Recommendation { id } ... on Scenario { id } } } } }`,
		"DashboardPage": `{ recommendations(first: 100) { totalCount pageInfo { hasNextPage } edges { cursor node { id title
			themes { id name } document { id title } endorsedBy { actor { id name sector } via }
			conflictsWith { other { ... on Recommendation { id title } } score } } } } }`,
		"TwoRoots": `{ a: recommendation(id: "R06.1") { id themes { id } } b: theme(id: "T1") { id recommendations { id document { id } } } }`,
		"Nodes":    `{ nodes(ids: ["R06.1", "T1", "A-TSN"]) { __typename id ... on Recommendation { themes { id } } ... on Actor { name } } }`,
		"Skipped":  `query($no: Boolean!) { recommendation(id: "R06.1") { id themes @include(if: $no) { id } document @skip(if: $no) { id } } }`,
	}
	for name, q := range queries {
		t.Run(name, func(t *testing.T) {
			body, _ := json.Marshal(map[string]any{"query": q, "variables": map[string]any{"no": false}})
			resp, err := srv.Client().Post(srv.URL+"/graphql", "application/json", bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var out struct {
				Errors []json.RawMessage
			}
			if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || resp.StatusCode != http.StatusOK || len(out.Errors) > 0 {
				t.Fatalf("status %d, errors %s, decode %v", resp.StatusCode, out.Errors, err)
			}
			probe.mu.Lock()
			defer probe.mu.Unlock()
			if !probe.exact || probe.pending != 0 {
				t.Errorf("tracker ended counting %v with %d fields pending, want counting with 0", probe.exact, probe.pending)
			}
		})
	}
}

// untracked hides the query's tracker from the batchers: they wait out
// their idle window, as before tracking.
type untracked struct{}

func (untracked) ExtensionName() string                   { return "Untracked" }
func (untracked) Validate(graphql.ExecutableSchema) error { return nil }
func (untracked) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	return next(context.WithValue(ctx, trackerKey{}, (*tracker)(nil)))
}

// BenchmarkHandler_SingleItem times one recommendation with its four
// relationship fields through the whole handler on the seeded graph, with
// the tracker and with the idle window only, alternating; window/tracked is
// the latency ratio (above 1: tracking is faster).
func BenchmarkHandler_SingleItem(b *testing.B) {
	store := neo4jtest.Seeded(b)
	limits := Limits{Complexity: 10000, Depth: 10, Timeout: 10 * time.Second}
	tracked := httptest.NewServer(NewHandler(service.New(store), limits))
	window := httptest.NewServer(NewHandler(service.New(store), limits, func(s *handler.Server) { s.Use(untracked{}) }))
	b.Cleanup(tracked.Close)
	b.Cleanup(window.Close)
	body, _ := json.Marshal(map[string]any{"query": `{ recommendation(id: "R06.1") { id title themes { id } document { id title }
		endorsedBy { actor { id name } via } conflictsWith { score other { ... on Recommendation { id } } } } }`})
	post := func(srv *httptest.Server) time.Duration {
		start := time.Now()
		resp, err := srv.Client().Post(srv.URL+"/graphql", "application/json", bytes.NewReader(body))
		if err != nil {
			b.Fatal(err)
		}
		var out struct{ Errors []json.RawMessage }
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || len(out.Errors) > 0 {
			b.Fatalf("decode %v, errors %s", err, out.Errors)
		}
		resp.Body.Close()
		return time.Since(start)
	}
	post(tracked) // warm both up
	post(window)
	var withTracker, withWindow time.Duration
	odd := false
	for b.Loop() {
		if odd = !odd; odd {
			withTracker += post(tracked)
			withWindow += post(window)
		} else {
			withWindow += post(window)
			withTracker += post(tracked)
		}
	}
	b.ReportMetric(float64(withTracker.Microseconds())/float64(b.N)/1000, "tracked-ms/op")
	b.ReportMetric(float64(withWindow.Microseconds())/float64(b.N)/1000, "window-ms/op")
	b.ReportMetric(withWindow.Seconds()/withTracker.Seconds(), "window/tracked")
}
