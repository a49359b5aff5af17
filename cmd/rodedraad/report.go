package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/report"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/service"
)

// reportFlags are the flags of `rodedraad report` that are not settings.
type reportFlags struct {
	json                                   bool
	first                                  int
	themes, scenarios, documents, statuses string
}

// define puts report's own flags on fs.
func (f *reportFlags) define(fs *flag.FlagSet) {
	fs.BoolVar(&f.json, "json", false, "print JSON instead of text")
	fs.IntVar(&f.first, "first", 10, "items per list in the text output")
	fs.StringVar(&f.themes, "themes", "", "comma-separated theme ids, e.g. T2,H")
	fs.StringVar(&f.scenarios, "scenarios", "", "comma-separated scenario ids")
	fs.StringVar(&f.documents, "documents", "", "comma-separated document ids, e.g. D01")
	fs.StringVar(&f.statuses, "statuses", "", "comma-separated statuses counted (default ACCEPTED)")
}

func (f reportFlags) scope() analysis.Scope {
	sc := analysis.Scope{Themes: list(f.themes), Scenarios: list(f.scenarios), Documents: list(f.documents)}
	for _, s := range list(f.statuses) {
		sc.Statuses = append(sc.Statuses, rodedraad.Status(strings.ToUpper(s)))
	}
	return sc
}

func list(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// setupReport is `rodedraad report`: it prints the coherence report of the
// graph as text or JSON.
func setupReport(fs *flag.FlagSet) runFunc {
	var f reportFlags
	f.define(fs)
	return func(ctx context.Context, in invocation) error {
		if f.first < 1 {
			return fmt.Errorf("report: --first %d: want 1 or more", f.first)
		}
		return withStore(ctx, in, func(store *neo4jstore.Store) error {
			c, err := service.New(store).Coherence(ctx, f.scope(), analysis.DefaultOptions())
			if err != nil {
				return userError(err)
			}
			if f.json {
				return report.JSON(in.stdout, c)
			}
			return report.Text(in.stdout, c, f.first)
		})
	}
}
