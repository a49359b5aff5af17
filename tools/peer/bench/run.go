package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

func jsonBody(q string) ([]byte, error) { return json.Marshal(map[string]string{"query": q}) }

// queryFor is the text server s is sent for shape sh.
func queryFor(s *server, sh shape) string {
	switch s.Name {
	case namePeer:
		return sh.Peer
	case nameBaseline:
		return sh.Baseline
	}
	return sh.Rodedraad
}

// checkSame asks every server every shape and fails unless all answers
// have the same canonical content, and are not empty.
func checkSame(ctx context.Context, ss []*server, shs []shape, log io.Writer) error {
	for _, sh := range shs {
		var want []canonical
		for _, s := range ss {
			body, err := s.query(ctx, queryFor(s, sh))
			if err != nil {
				return fmt.Errorf("shape %s on %s: %w", sh.Name, s.Name, err)
			}
			got, err := normalise(body, s.Name == namePeer)
			if err != nil {
				return fmt.Errorf("shape %s on %s: %w", sh.Name, s.Name, err)
			}
			if len(got) == 0 {
				return fmt.Errorf("shape %s on %s: empty answer", sh.Name, s.Name)
			}
			if want == nil {
				want = got
				continue
			}
			if d := firstDifference(want, got); d != "" {
				return fmt.Errorf("shape %s: %s and %s differ: %s", sh.Name, ss[0].Name, s.Name, d)
			}
		}
		fmt.Fprintf(log, "gelijk / same: shape %s, %d items on all three\n", sh.Name, len(want))
	}
	return nil
}

// account sends each shape n times, one at a time, to each server and
// returns the Neo4j traffic per request, from the servers' proxies.
func account(ctx context.Context, ss []*server, shs []shape, n int) (map[string]map[string]Counters, error) {
	out := map[string]map[string]Counters{}
	for _, sh := range shs {
		out[sh.Name] = map[string]Counters{}
		for _, s := range ss {
			before := s.proxy.Counters()
			for range n {
				if _, err := s.query(ctx, queryFor(s, sh)); err != nil {
					return nil, err
				}
			}
			time.Sleep(50 * time.Millisecond) // let the last COMMIT's answer pass the proxy
			d := s.proxy.Counters().minus(before)
			out[sh.Name][s.Name] = Counters{d.Transactions / int64(n), d.Queries / int64(n), d.BytesRead / int64(n), d.BytesSent / int64(n)}
		}
	}
	return out, nil
}

// burst is one measurement: requests sent by conc workers until count are
// done or the time is up.
type burst struct {
	P50        time.Duration
	Throughput float64 // requests per second
	Errors     int
}

func runBurst(ctx context.Context, s *server, q string, conc, count int, limit time.Duration) burst {
	var next atomic.Int64
	var mu sync.Mutex
	var lat []time.Duration
	errs := 0
	deadline := time.Now().Add(limit)
	start := time.Now()
	var wg sync.WaitGroup
	for range conc {
		wg.Go(func() {
			for next.Add(1) <= int64(count) && time.Now().Before(deadline) {
				t0 := time.Now()
				body, err := s.query(ctx, q)
				d := time.Since(t0)
				mu.Lock()
				if err != nil || bytes.Contains(body, []byte(`"errors"`)) {
					errs++
				} else {
					lat = append(lat, d)
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	wall := time.Since(start)
	slices.Sort(lat)
	b := burst{Errors: errs, Throughput: float64(len(lat)) / wall.Seconds()}
	if len(lat) > 0 {
		b.P50 = lat[len(lat)/2]
	}
	return b
}

// results[conc][shape][server] holds one burst per round.
type results map[int]map[string]map[string][]burst

// rounds runs the interleaved rounds: per concurrency and round, every shape
// on every server, with the servers' order rotated each round so that none
// always runs first or last.
func rounds(ctx context.Context, o options, ss []*server, shs []shape, log io.Writer) results {
	res := results{}
	for _, conc := range o.concurrency {
		res[conc] = map[string]map[string][]burst{}
		count := o.requests * conc
		for r := range o.rounds {
			for _, sh := range shs {
				if res[conc][sh.Name] == nil {
					res[conc][sh.Name] = map[string][]burst{}
				}
				for i := range ss {
					s := ss[(i+r)%len(ss)]
					b := runBurst(ctx, s, queryFor(s, sh), conc, count, o.burstTime)
					res[conc][sh.Name][s.Name] = append(res[conc][sh.Name][s.Name], b)
				}
			}
			fmt.Fprintf(log, "gelijktijdig / concurrency %d: ronde / round %d of %d klaar / done\n", conc, r+1, o.rounds)
		}
	}
	return res
}

// warmUp sends every shape a few times to every server: query plans,
// the JIT of Node and connection pools settle before anything is timed.
func warmUp(ctx context.Context, ss []*server, shs []shape, n int) {
	for _, sh := range shs {
		for _, s := range ss {
			runBurst(ctx, s, queryFor(s, sh), 2, n, 30*time.Second)
		}
	}
}
