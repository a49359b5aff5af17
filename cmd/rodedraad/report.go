package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/report"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/service"
)

// reportFlags are the flags of `rodedraad report` that are not settings.
type reportFlags struct {
	json                                   bool
	format, lang                           string
	first                                  int // aggregate's list length; report's --first is --limit
	themes, scenarios, documents, statuses string
}

// define puts report's own flags on fs.
func (f *reportFlags) define(fs *flag.FlagSet) {
	fs.StringVar(&f.format, "format", "text", "text, md (Markdown for GitHub), html (one self-contained file) or json")
	fs.StringVar(&f.lang, "lang", "nl", "language of the briefing: nl (the study team's) or en")
	fs.IntVar(&f.first, "limit", 20, "items per list (conflicts, pairs, actors, ...)")
	fs.IntVar(&f.first, "first", 20, "the old name of --limit")
	fs.BoolVar(&f.json, "json", false, "the same as --format json")
	fs.StringVar(&f.themes, "themes", "", "comma-separated theme ids, e.g. T2,H")
	fs.StringVar(&f.scenarios, "scenarios", "", "comma-separated scenario ids")
	fs.StringVar(&f.documents, "documents", "", "comma-separated document ids, e.g. D01")
	fs.StringVar(&f.statuses, "statuses", "", "comma-separated statuses counted (default ACCEPTED)")
}

func (f reportFlags) scope() analysis.Scope {
	return analysis.ParseScope(f.themes, f.documents, f.scenarios, f.statuses)
}

// setupReport is `rodedraad report`: it prints the coherence report of the
// graph as a briefing for the study team, in text, Markdown, HTML or JSON.
func setupReport(fs *flag.FlagSet) runFunc {
	var f reportFlags
	f.define(fs)
	return func(ctx context.Context, in invocation) error {
		if f.json {
			f.format = "json"
		}
		if f.first < 1 {
			return fmt.Errorf("report: --limit/--first %d: want 1 or more", f.first)
		}
		if err := report.Check(f.format, f.lang, f.first); err != nil {
			return fmt.Errorf("report: --%s", rodedraad.ErrorMessage(err))
		}
		return withStore(ctx, in, func(store *neo4jstore.Store) error {
			b, err := briefing(ctx, store, f)
			if err != nil {
				return userError(err)
			}
			return report.Write(in.stdout, f.format, b)
		})
	}
}

// briefing gathers what the report shows: the analyses of the scope, the
// stored conflicts with their decisions, and the nodes it names.
func briefing(ctx context.Context, store *neo4jstore.Store, f reportFlags) (*report.Briefing, error) {
	svc := service.New(store)
	r, err := svc.Coherence(ctx, f.scope(), analysis.DefaultOptions())
	if err != nil {
		return nil, err
	}
	cs, err := store.Conflicts(ctx, nil)
	if err != nil {
		return nil, err
	}
	nodes, err := svc.Nodes(ctx, report.NeededIDs(r))
	if err != nil {
		return nil, err
	}
	return &report.Briefing{Report: r, Conflicts: cs, Nodes: nodes, Lang: f.lang, Limit: f.first}, nil
}
