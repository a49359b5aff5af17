// Command load is rodedraad's bounded load test (make load): N clients for
// a fixed time against a server on loopback, a mix of nested reads,
// coherence queries and writes, then a check that every acknowledged write
// is in the graph. It prints its figures as Markdown for docs/reliability.md
// and exits non-zero when a target is missed.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
}

type options struct {
	url              string
	clients          int
	duration, warmup time.Duration
	pid              int
}

func run() error {
	var o options
	flag.StringVar(&o.url, "url", "http://127.0.0.1:8080/graphql", "the server's /graphql, on loopback")
	flag.IntVar(&o.clients, "clients", 100, "concurrent clients (at most 200)")
	flag.DurationVar(&o.duration, "duration", 60*time.Second, "length of the mixed phase (at most 5m)")
	flag.DurationVar(&o.warmup, "read-only", 15*time.Second, "length of the read-only phase before it, for coherence's baseline")
	flag.IntVar(&o.pid, "pid", 0, "the server's pid, to report its peak memory (VmHWM)")
	flag.Parse()
	if err := checkBounds(o); err != nil {
		return err
	}
	base := phase(o, o.warmup, false)
	mixed := phase(o, o.duration, true)
	lost := checkWrites(o.url, mixed.acked)
	return report(o, base, mixed, lost)
}

// checkBounds keeps the test on this machine and small enough to share it.
func checkBounds(o options) error {
	u, err := url.Parse(o.url)
	if err != nil {
		return err
	}
	ip := net.ParseIP(u.Hostname())
	if u.Hostname() != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("%s is not on loopback: load runs only against a local server", o.url)
	}
	if o.clients < 1 || o.clients > 200 || o.duration > 5*time.Minute || o.warmup > 5*time.Minute {
		return errors.New("clients must be 1..200 and each phase at most 5m")
	}
	return nil
}

// result is what one phase measured.
type result struct {
	mu        sync.Mutex
	latencies map[string][]time.Duration
	errs      map[string]int // by kind and code
	noCode    int
	acked     []string
	stale     int
}

func (r *result) add(kind string, d time.Duration, codes []string, ackedID string, stale bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.latencies[kind] = append(r.latencies[kind], d)
	for _, c := range codes {
		if c == "" {
			r.noCode++
		}
		r.errs[kind+" "+c]++
	}
	if ackedID != "" {
		r.acked = append(r.acked, ackedID)
	}
	if stale {
		r.stale++
	}
}

const (
	nestedRead = `{ recommendations(first: 20) { edges { node { id title themes { id name } document { id title } endorsedBy { actor { id } } } } } }`
	coherence  = `{ coherence { graphVersion stale summary { contradictions coherenceIndex coverage } } }`
	write      = `mutation ($id: ID!) { createTheme(input: {id: $id, name: "Belastingtest"}) { id } }`
)

// phase runs the clients for d: 80% nested reads and 20% coherence without
// writes, or 80 / 15 / 5 with writes.
func phase(o options, d time.Duration, writes bool) *result {
	r := &result{latencies: map[string][]time.Duration{}, errs: map[string]int{}}
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: o.clients}}
	var wg sync.WaitGroup
	for c := range o.clients {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(c), uint64(time.Now().UnixNano())))
			for n := 0; ctx.Err() == nil; n++ {
				p := rng.IntN(100)
				switch {
				case writes && p < 5:
					id := fmt.Sprintf("T-load-%d-%d-%d", time.Now().UnixNano(), c, n)
					doWrite(ctx, client, o.url, r, id)
				case p < 20:
					do(ctx, client, o.url, r, "coherence", coherence, nil)
				default:
					do(ctx, client, o.url, r, "read", nestedRead, nil)
				}
			}
		})
	}
	wg.Wait()
	return r
}

// doWrite creates a theme with an idempotency key, retrying once after a
// transport failure: an acknowledged write is one that answered its id.
func doWrite(ctx context.Context, client *http.Client, u string, r *result, id string) {
	vars := map[string]any{"id": id}
	for attempt := 0; attempt < 2; attempt++ {
		start := time.Now()
		data, codes, err := post(ctx, client, u, write, vars, "load-"+id)
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			continue
		}
		acked := ""
		if len(codes) == 0 && strings.Contains(string(data), id) {
			acked = id
		}
		r.add("write", time.Since(start), codes, acked, false)
		return
	}
}

func do(ctx context.Context, client *http.Client, u string, r *result, kind, q string, vars map[string]any) {
	start := time.Now()
	data, codes, err := post(ctx, client, u, q, vars, "")
	if err != nil {
		if ctx.Err() == nil {
			r.add(kind, time.Since(start), []string{"TRANSPORT"}, "", false)
		}
		return
	}
	r.add(kind, time.Since(start), codes, "", bytes.Contains(data, []byte(`"stale":true`)))
}

// post sends one operation and returns its data and the codes of its errors
// ("" for an error without a code).
func post(ctx context.Context, client *http.Client, u, q string, vars map[string]any, key string) (json.RawMessage, []string, error) {
	body, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(body))
	if err != nil {
		return nil, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	if tok := os.Getenv("RODEDRAAD_TOKEN"); tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	if key != "" {
		req.Header.Set("Idempotency-Key", key)
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, nil, err
	}
	var out struct {
		Data   json.RawMessage
		Errors []struct {
			Extensions map[string]any
		}
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, []string{""}, nil
	}
	var codes []string
	for _, e := range out.Errors {
		c, _ := e.Extensions["code"].(string)
		codes = append(codes, c)
	}
	return out.Data, codes, nil
}

// checkWrites asks for every acknowledged id and returns those missing.
func checkWrites(u string, ids []string) []string {
	var lost []string
	client := &http.Client{Timeout: 60 * time.Second}
	for start := 0; start < len(ids); start += 100 { // nodes takes at most 100 ids
		batch := ids[start:min(start+100, len(ids))]
		data, codes, err := post(context.Background(), client, u, `query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": batch}, "")
		if err != nil || len(codes) > 0 {
			fmt.Fprintf(os.Stderr, "load: checking writes failed: %v %v\n", err, codes)
			return append(lost, batch...)
		}
		for _, id := range batch {
			if !bytes.Contains(data, []byte(strconv.Quote(id))) {
				lost = append(lost, id)
			}
		}
	}
	return lost
}

func pct(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)-1, int(float64(len(s))*p))]
}

// report prints the figures and fails on a missed target.
func report(o options, base, mixed *result, lost []string) error {
	fmt.Printf("| phase | kind | requests | p50 | p99 |\n|---|---|---|---|---|\n")
	for _, ph := range []struct {
		name string
		r    *result
	}{{"read-only", base}, {"with writes", mixed}} {
		for _, k := range []string{"read", "coherence", "write"} {
			if ds := ph.r.latencies[k]; len(ds) > 0 {
				fmt.Printf("| %s | %s | %d | %s | %s |\n", ph.name, k, len(ds), pct(ds, .5).Round(time.Millisecond), pct(ds, .99).Round(time.Millisecond))
			}
		}
	}
	errs := 0
	for k, n := range mixed.errs {
		fmt.Printf("error %s: %d\n", k, n)
		errs += n
	}
	for k, n := range base.errs {
		fmt.Printf("error (read-only) %s: %d\n", k, n)
		errs += n
	}
	fmt.Printf("\nclients %d, %s read-only + %s mixed; acknowledged writes %d, lost %d; errors %d; without code %d; stale coherence answers %d\n",
		o.clients, o.warmup, o.duration, len(mixed.acked), len(lost), errs, base.noCode+mixed.noCode, mixed.stale)
	if o.pid > 0 {
		fmt.Printf("server peak memory (VmHWM): %s\n", peakMemory(o.pid))
	}
	ratio := float64(pct(mixed.latencies["coherence"], .99)) / float64(max(pct(base.latencies["coherence"], .99), time.Millisecond))
	fmt.Printf("coherence p99 with writes / read-only: %.2f\n", ratio)
	switch {
	case len(lost) > 0:
		return fmt.Errorf("%d acknowledged writes are missing: %v", len(lost), lost[:min(5, len(lost))])
	case errs > 0:
		return fmt.Errorf("%d errors under load", errs)
	case ratio > 2:
		return fmt.Errorf("coherence p99 under writes is %.2f× its read-only p99, want at most 2×", ratio)
	}
	return nil
}

func peakMemory(pid int) string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return "unknown: " + err.Error()
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}
