package suggest

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sync"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// RunOptions tune Run. The zero value is usable.
type RunOptions struct {
	Pairs PairOptions
	// Concurrency is how many pairs are judged at once; default 1. Raise
	// it for a slow judge such as a language model behind an API.
	Concurrency int
	// Progress, when set, is called with (0, total) before the first
	// judgement and with (done, total) after each one, always from the
	// goroutine that called Run.
	Progress func(done, total int)
	// Existing, when set, reports whether the edge with this Key is in the
	// graph already (whatever its status); such edges are not proposed.
	Existing func(key string) bool
}

// RunStats counts what Run did.
type RunStats struct {
	Pairs     PairStats
	Judged    int // pairs the judge answered
	Proposed  int // proposals returned
	Existing  int // proposals dropped because the edge exists
	Duplicate int // proposals dropped because the same edge came earlier
	Invalid   int // proposals dropped as malformed (see Validate)
}

// Run finds the candidate pairs among recs with Pairs, asks judge about
// each, and returns the proposals, deduplicated and without the edges
// opts.Existing knows, sorted by from, to and type. It fails with EINVALID
// when judge is nil, opts.Concurrency is negative, or a recommendation has
// no id or shares its id with another. It stops at the first judge error
// or when ctx ends, and then returns the proposals gathered so far along
// with the error.
func Run(ctx context.Context, recs []Rec, judge Judge, opts RunOptions) ([]Proposal, RunStats, error) {
	if err := checkRun(recs, judge, opts); err != nil {
		return nil, RunStats{}, err
	}
	pairs, pstats := Pairs(recs, opts.Pairs)
	stats := RunStats{Pairs: pstats}
	answers, judged, err := judgeAll(ctx, recs, pairs, judge, opts)
	stats.Judged = judged
	out := collect(recs, pairs, answers, opts.Existing, &stats)
	return out, stats, err
}

// checkRun validates Run's arguments (EINVALID).
func checkRun(recs []Rec, judge Judge, opts RunOptions) error {
	if judge == nil {
		return rodedraad.Errorf(rodedraad.EINVALID, "suggest: no judge given")
	}
	if opts.Concurrency < 0 {
		return rodedraad.Errorf(rodedraad.EINVALID, "suggest: concurrency %d is negative", opts.Concurrency)
	}
	seen := make(map[string]int, len(recs))
	for i, r := range recs {
		if r.ID == "" {
			return rodedraad.Errorf(rodedraad.EINVALID, "suggest: recommendation %d has no id", i)
		}
		if j, ok := seen[r.ID]; ok {
			return rodedraad.Errorf(rodedraad.EINVALID, "suggest: recommendations %d and %d share id %q", j, i, r.ID)
		}
		seen[r.ID] = i
	}
	return nil
}

// answer is the judge's reply for pairs[k].
type answer struct {
	k   int
	ps  []Proposal
	err error
}

// judgeAll asks judge about every pair on opts.Concurrency goroutines and
// returns the proposals per pair, how many pairs were judged, and the
// first error (ctx's own when ctx ended).
func judgeAll(ctx context.Context, recs []Rec, pairs []Pair, judge Judge, opts RunOptions) ([][]Proposal, int, error) {
	inner, cancel := context.WithCancel(ctx)
	defer cancel()
	answers := make(chan answer)
	go judgeWorkers(inner, recs, pairs, judge, max(opts.Concurrency, 1), answers)
	progress := opts.Progress
	if progress == nil {
		progress = func(int, int) {}
	}
	progress(0, len(pairs))
	out := make([][]Proposal, len(pairs))
	done := 0
	var first error
	for a := range answers {
		if a.err != nil {
			if first == nil {
				first = fmt.Errorf("judge %s and %s: %w", recs[pairs[a.k].A].ID, recs[pairs[a.k].B].ID, a.err)
				cancel() // stop feeding pairs; the workers finish their current one
			}
			continue
		}
		out[a.k] = a.ps
		done++
		progress(done, len(pairs))
	}
	if err := ctx.Err(); err != nil {
		return out, done, err
	}
	return out, done, first
}

// judgeWorkers feeds the pairs to n workers until ctx ends, sends each
// answer on answers and closes answers when all workers are done.
func judgeWorkers(ctx context.Context, recs []Rec, pairs []Pair, judge Judge, n int, answers chan<- answer) {
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for k := range jobs {
				// A job taken just as ctx ends is dropped rather than judged.
				if ctx.Err() != nil {
					continue
				}
				ps, err := judge.Judge(ctx, recs[pairs[k].A], recs[pairs[k].B])
				answers <- answer{k, ps, err}
			}
		})
	}
	feed(ctx, len(pairs), jobs)
	wg.Wait()
	close(answers)
}

// feed sends 0..n-1 on jobs until ctx ends, then closes jobs.
func feed(ctx context.Context, n int, jobs chan<- int) {
	defer close(jobs)
	for k := range n {
		select {
		case jobs <- k:
		case <-ctx.Done():
			return
		}
	}
}

// collect validates, orients and deduplicates the judge's proposals in
// pair order and drops those opts.Existing knows.
func collect(recs []Rec, pairs []Pair, answers [][]Proposal, existing func(string) bool, stats *RunStats) []Proposal {
	kept := map[string]int{}
	var out []Proposal
	for k, ps := range answers {
		a, b := recs[pairs[k].A], recs[pairs[k].B]
		for _, p := range ps {
			if Validate(p, a.ID, b.ID) != nil {
				stats.Invalid++
				continue
			}
			p = Oriented(p)
			key := Key(p)
			switch i, dup := kept[key]; {
			case existing != nil && existing(key):
				stats.Existing++
			case dup:
				stats.Duplicate++
				if p.Confidence > out[i].Confidence {
					out[i] = p
				}
			default:
				kept[key] = len(out)
				out = append(out, p)
			}
		}
	}
	slices.SortFunc(out, func(x, y Proposal) int {
		return cmp.Or(cmp.Compare(x.From, y.From), cmp.Compare(x.To, y.To), cmp.Compare(x.Type, y.Type))
	})
	stats.Proposed = len(out)
	return out
}
