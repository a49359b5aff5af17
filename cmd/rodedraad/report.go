package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/config"
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

// takeReportFlags parses report's own flags and returns the rest for
// config.Load.
func takeReportFlags(args []string) (reportFlags, []string, error) {
	var f reportFlags
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&f.json, "json", false, "print JSON")
	fs.IntVar(&f.first, "first", 10, "items per list in text output")
	fs.StringVar(&f.themes, "themes", "", "comma-separated theme ids")
	fs.StringVar(&f.scenarios, "scenarios", "", "comma-separated scenario ids")
	fs.StringVar(&f.documents, "documents", "", "comma-separated document ids")
	fs.StringVar(&f.statuses, "statuses", "", "comma-separated statuses (default ACCEPTED)")
	// Split args into report's own flags and the settings for config.Load,
	// keeping each flag together with its value.
	var mine, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		target := &rest
		if strings.HasPrefix(a, "-") && fs.Lookup(name) != nil {
			target = &mine
		}
		*target = append(*target, a)
		takesValue := strings.HasPrefix(a, "-") && !hasValue && name != "json"
		if takesValue && i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") {
			i++
			*target = append(*target, args[i])
		}
	}
	if err := fs.Parse(mine); err != nil {
		return f, nil, fmt.Errorf("report: %w", err)
	}
	return f, rest, nil
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

// runReport prints the coherence report of the graph as text or JSON.
func runReport(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	f, rest, err := takeReportFlags(args)
	if err != nil {
		return err
	}
	return withStore(ctx, rest, getenv, stderr, func(_ config.Config, store *neo4jstore.Store) error {
		c, err := service.New(store).Coherence(ctx, f.scope(), analysis.DefaultOptions())
		if err != nil {
			return userError(err)
		}
		if f.json {
			enc := json.NewEncoder(stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(c)
		}
		return report.Text(stdout, c, f.first)
	})
}
