package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/proposition"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/service"
)

// propositionFlags are the flags of `rodedraad proposition`.
type propositionFlags struct {
	scope        reportFlags // only its scope flags are defined
	format, lang string
	out, prose   string
	since        int64
}

func (f *propositionFlags) define(fs *flag.FlagSet) {
	fs.StringVar(&f.format, "format", "md", "md (Markdown for GitHub), html (one self-contained file), docx (Word) or json")
	fs.StringVar(&f.lang, "lang", "nl", "language of the draft: nl (the study team's) or en")
	fs.StringVar(&f.out, "out", "", "write to this file instead of standard output")
	fs.StringVar(&f.prose, "prose", "template", "who writes each section's summary and names the red-thread clusters: template, or llm (the model RODEDRAAD_LLM_URL names; its sentences are checked against the citations)")
	fs.Int64Var(&f.since, "since", -1, "graph version of an earlier draft: say what changed since it")
	fs.StringVar(&f.scope.themes, "themes", "", "comma-separated theme ids, e.g. T2,T4")
	fs.StringVar(&f.scope.scenarios, "scenarios", "", "comma-separated scenario ids")
	fs.StringVar(&f.scope.documents, "documents", "", "comma-separated document ids")
	fs.StringVar(&f.scope.statuses, "statuses", "", "comma-separated statuses counted (default ACCEPTED)")
}

// setupProposition is `rodedraad proposition`: it writes the draft of the
// shared proposition over a scope.
func setupProposition(fs *flag.FlagSet) runFunc {
	var f propositionFlags
	f.define(fs)
	return func(ctx context.Context, in invocation) error {
		if err := proposition.Check(f.format, f.lang); err != nil {
			return fmt.Errorf("proposition: --%s", rodedraad.ErrorMessage(err))
		}
		if f.prose != "template" && f.prose != "llm" {
			return fmt.Errorf("proposition: --prose %q: want template or llm", f.prose)
		}
		var since *int64
		if f.since >= 0 {
			since = &f.since
		}
		return withStore(ctx, in, func(store *neo4jstore.Store) error {
			d, err := service.New(store).Proposition(ctx, f.scope.scope(), f.lang, since)
			if err != nil {
				return userError(err)
			}
			if f.prose == "llm" {
				if err := writeProse(ctx, in, d); err != nil {
					return err
				}
			}
			var buf bytes.Buffer
			if err := proposition.Write(&buf, f.format, d); err != nil {
				return err
			}
			if f.out == "" {
				_, err = in.stdout.Write(buf.Bytes())
				return err
			}
			return os.WriteFile(f.out, buf.Bytes(), 0o644)
		})
	}
}

// writeProse has the configured model name the red-thread clusters and
// write the sections' summaries, and says on stderr how many of its
// sentences were dropped.
func writeProse(ctx context.Context, in invocation, d *proposition.Draft) error {
	c, err := chatClient(in)
	if err != nil {
		return err
	}
	if err := proposition.Label(ctx, c, d); err != nil {
		return fmt.Errorf("proposition: %w", err)
	}
	if err := proposition.Prose(ctx, c, d); err != nil {
		return fmt.Errorf("proposition: %w", err)
	}
	if len(d.Dropped) > 0 {
		fmt.Fprintf(in.stderr, "proposition: %d sentences of the model were dropped for their citations (listed at the end of the draft)\n", len(d.Dropped))
	}
	return nil
}
