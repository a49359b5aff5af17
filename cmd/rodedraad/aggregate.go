package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/service"
	sllm "github.com/rodedraad/rodedraad/internal/suggest/llm"
)

// aggregateFlags are the flags of `rodedraad aggregate` that are not
// settings.
type aggregateFlags struct {
	reportFlags
	method      string
	dryRun      bool
	concurrency int
}

func (f *aggregateFlags) define(fs *flag.FlagSet) {
	fs.StringVar(&f.method, "method", "rules", "rules (offline) or llm (a model judges each pair; RODEDRAAD_LLM_URL, ...)")
	fs.BoolVar(&f.dryRun, "dry-run", false, "print the proposals without writing them")
	fs.IntVar(&f.concurrency, "concurrency", 1, "pairs judged at once (raise it for a remote model)")
	fs.IntVar(&f.first, "first", 20, "proposals listed in the output")
	fs.StringVar(&f.themes, "themes", "", "comma-separated theme ids, e.g. T2,H")
	fs.StringVar(&f.documents, "documents", "", "comma-separated document ids, e.g. D01")
	fs.StringVar(&f.statuses, "statuses", "", "comma-separated statuses compared (default ACCEPTED,PROPOSED)")
}

// setupAggregate is `rodedraad aggregate`: it proposes links between the
// recommendations of different documents, for review.
func setupAggregate(fs *flag.FlagSet) runFunc {
	var f aggregateFlags
	f.define(fs)
	return func(ctx context.Context, in invocation) error {
		method := strings.ToUpper(f.method)
		if method == "RULES" {
			method = "RULE"
		}
		return withStore(ctx, in, func(store *neo4jstore.Store) error {
			svc := service.New(store)
			svc.BulkTimeout = in.cfg.BulkTimeout
			if method == "LLM" {
				client, err := chatClient(in)
				if err != nil {
					return err
				}
				svc.Judges["LLM"] = sllm.New(client, 0)
			}
			log := newLogger(in.cfg, in.stderr)
			ctx = log.WithContext(ctx)
			res, err := svc.SuggestLinks(ctx, f.scope(), service.LinkOptions{Method: method, DryRun: f.dryRun,
				Concurrency: f.concurrency, Progress: pairProgress(in)})
			if err != nil {
				return userError(err)
			}
			printLinks(in, res, f.first, f.dryRun)
			return nil
		})
	}
}

// pairProgress logs how many pairs are judged, at most every two seconds.
func pairProgress(in invocation) func(done, total int) {
	log := newLogger(in.cfg, in.stderr)
	last := time.Now()
	return func(done, total int) {
		if time.Since(last) > 2*time.Second || done == total {
			log.Info().Int("done", done).Int("total", total).Msg("aggregate: judging pairs")
			last = time.Now()
		}
	}
}

func printLinks(in invocation, res service.LinksSuggested, first int, dryRun bool) {
	s := res.Stats
	fmt.Fprintf(in.stdout, "compared %d recommendations: %d candidate pairs judged, %d proposals (%d already linked)\n",
		res.Compared, s.Judged, len(res.Proposals), s.Existing)
	for i, p := range res.Proposals {
		if i == first {
			fmt.Fprintf(in.stdout, "... and %d more (--first)\n", len(res.Proposals)-first)
			break
		}
		fmt.Fprintf(in.stdout, "  %s %s -> %s%s  %s\n", p.Type, p.From, p.To, strength(p.Type, p.Score, p.Similarity), p.Rationale)
	}
	if dryRun {
		fmt.Fprintln(in.stdout, "dry run: nothing written")
		return
	}
	fmt.Fprintf(in.stdout, "written: %d PROPOSED edges; review them with the reviewQueue query\n", res.Created)
}

func strength(t string, score int, sim float64) string {
	if t == "OVERLAPS" {
		return fmt.Sprintf(" (similarity %.2f)", sim)
	}
	return fmt.Sprintf(" (score %+d)", score)
}
