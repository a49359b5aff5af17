package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"time"

	"github.com/rs/zerolog"

	"github.com/rodedraad/rodedraad/internal/bundle"
	"github.com/rodedraad/rodedraad/internal/chat"
	"github.com/rodedraad/rodedraad/internal/doctext"
	"github.com/rodedraad/rodedraad/internal/extract"
	"github.com/rodedraad/rodedraad/internal/extract/llm"
	"github.com/rodedraad/rodedraad/internal/extract/rules"
	"github.com/rodedraad/rodedraad/internal/ingest"
	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/service"
	"github.com/rodedraad/rodedraad/seeds"
)

// ingestFlags are the flags of `rodedraad ingest` that are not settings.
type ingestFlags struct {
	dryRun, json    bool
	id, kind, using string
}

func (f *ingestFlags) define(fs *flag.FlagSet) {
	fs.BoolVar(&f.dryRun, "dry-run", false, "write nothing; needs no database (themes and actors come from the seeds)")
	fs.BoolVar(&f.json, "json", false, "print one JSON object per file (JSON Lines)")
	fs.StringVar(&f.id, "id", "", "the document's id (one file only); default derived from the content hash")
	fs.StringVar(&f.kind, "kind", "", "the document kind (PLAN, ADVICE, ...); default guessed from the title")
	fs.StringVar(&f.using, "extractor", "rules", "rules (offline, deterministic) or llm (RODEDRAAD_LLM_URL, _MODEL, _KEY, _JSON_MODE)")
}

// setupIngest is `rodedraad ingest PATH...`: documents in, grounded
// PROPOSED recommendations out.
func setupIngest(fs *flag.FlagSet) runFunc {
	var f ingestFlags
	f.define(fs)
	return func(ctx context.Context, in invocation) error {
		files, err := ingestFiles(in.args, f)
		if err != nil {
			return err
		}
		x, err := extractor(f.using, in)
		if err != nil {
			return err
		}
		opts := ingest.Options{Extractor: x, ID: f.id, Kind: f.kind,
			Read: doctext.Options{CacheDir: filepath.Join(in.cfg.DataDir, "pdfium")}}
		defer doctext.Close()
		if f.dryRun {
			return runIngest(ctx, in, f, files, opts, seedVocabulary, nil)
		}
		return withStore(ctx, in, func(store *neo4jstore.Store) error {
			svc := service.New(store)
			svc.BulkTimeout = in.cfg.BulkTimeout
			return runIngest(ctx, in, f, files, opts, svc.Vocabulary, svc)
		})
	}
}

// ingestFiles checks the arguments and expands folders.
func ingestFiles(args []string, f ingestFlags) ([]string, error) {
	if len(args) == 0 {
		return nil, errors.New("ingest: give the files or folders to read, e.g. rodedraad ingest plannen/")
	}
	if f.kind != "" {
		if err := rodedraad.ValidateEnum("--kind", f.kind, rodedraad.DocumentKinds, true); err != nil {
			return nil, fmt.Errorf("ingest: %w", userError(err))
		}
	}
	files, err := ingest.Files(args)
	if err == nil && f.id != "" && len(files) != 1 {
		err = fmt.Errorf("ingest: --id names one document, but the arguments hold %d files", len(files))
	}
	return files, err
}

// extractor builds the extractor --extractor names.
func extractor(name string, in invocation) (extract.Extractor, error) {
	switch name {
	case "rules":
		return rules.New(), nil
	case "llm":
		client, err := chatClient(in)
		if err != nil {
			return nil, err
		}
		return llm.New(client, llm.Options{}), nil
	}
	return nil, fmt.Errorf("ingest: --extractor %q: want rules or llm", name)
}

// chatClient connects to the OpenAI-compatible endpoint the environment
// names.
func chatClient(in invocation) (*chat.Client, error) {
	cfg, on, err := chat.FromEnv(in.getenv, in.cfg.DataDir)
	switch {
	case err != nil:
		return nil, userError(err)
	case !on:
		return nil, fmt.Errorf("the llm method needs a model: set %s (and %s, %s, %s)", chat.EnvURL, chat.EnvModel, chat.EnvKey, chat.EnvJSONMode)
	}
	c, err := chat.New(cfg)
	return c, userError(err)
}

// vocabularySource gives the themes and actors to tag with.
type vocabularySource func(ctx context.Context) ([]*rodedraad.Theme, []*rodedraad.Actor, error)

// seedVocabulary takes themes and actors from the embedded seeds, for a dry
// run without a database.
func seedVocabulary(context.Context) ([]*rodedraad.Theme, []*rodedraad.Actor, error) {
	b, err := bundle.Load(seeds.FS, bundle.Options{Defaults: bundle.SeedDefaults})
	if err != nil {
		return nil, nil, err
	}
	var ts []*rodedraad.Theme
	var as []*rodedraad.Actor
	for i := range b.Themes {
		ts = append(ts, &b.Themes[i])
	}
	for i := range b.Actors {
		as = append(as, &b.Actors[i])
	}
	return ts, as, nil
}

// runIngest builds the vocabulary, ingests every file and reports each.
func runIngest(ctx context.Context, in invocation, f ingestFlags, files []string, opts ingest.Options,
	vocab vocabularySource, w ingest.Writer) error {
	themes, actors, err := vocab(ctx)
	if err != nil {
		return userError(err)
	}
	terms, err := extract.LoadThemeTerms(seeds.Terms)
	if err != nil {
		return err
	}
	opts.Vocabulary = ingest.Vocabulary(themes, actors, terms)
	log := newLogger(in.cfg, in.stderr)
	opts.Read.Progress = pageProgress(log)
	p := ingestPrinter{in: in, json: f.json, log: log, started: time.Now()}
	if w != nil {
		w = loggedWriter{w: w, log: log}
	}
	failed := ingest.Run(ctx, files, opts, w, p.print)
	return p.summary(len(files), failed)
}

// pageProgress logs the pages of a long document, at most once a second.
func pageProgress(log zerolog.Logger) func(page, pages int) {
	last := time.Time{}
	return func(page, pages int) {
		if pages > 1 && (time.Since(last) > time.Second || page == pages) {
			log.Info().Int("page", page).Int("pages", pages).Msg("ingest: reading")
			last = time.Now()
		}
	}
}

// loggedWriter logs each document before it is written.
type loggedWriter struct {
	w   ingest.Writer
	log zerolog.Logger
}

func (l loggedWriter) IngestDocument(ctx context.Context, b *rodedraad.Bundle) (rodedraad.IngestResult, error) {
	l.log.Info().Str("document", b.Documents[0].ID).Int("items", len(b.Recommendations)).
		Int("passages", len(b.Passages)).Msg("ingest: writing")
	return l.w.IngestDocument(ctx, b)
}

// ingestPrinter prints one line (or JSON object) per file and a summary.
type ingestPrinter struct {
	in      invocation
	json    bool
	log     zerolog.Logger
	started time.Time
	done    int
	items   int
}

func (p *ingestPrinter) print(r ingest.FileReport) {
	p.done++
	if r.Prepared != nil && r.Err == nil {
		p.items += len(r.Prepared.Result.Items)
	}
	p.log.Info().Str("file", r.File).Int("done", p.done).Err(r.Err).Msg("ingest: file done")
	if p.json {
		line := ingest.DryRun(r)
		if r.Err == nil && r.Written.DocumentID != "" {
			line.Document, line.Written = r.Written.DocumentID, &r.Written
		}
		_ = json.NewEncoder(p.in.stdout).Encode(line)
		return
	}
	fmt.Fprintln(p.in.stdout, describeFile(r))
}

// describeFile says in one line what happened to a file.
func describeFile(r ingest.FileReport) string {
	if r.Err != nil {
		return fmt.Sprintf("MISLUKT/FAILED %s: %v", r.File, userError(r.Err))
	}
	p, w := r.Prepared, r.Written
	base := fmt.Sprintf("%s  %s  (%s, %s, %d p.)  %d items", p.Document().ID, r.File, p.Doc.Format, p.Doc.Language,
		p.Doc.PageCount, len(p.Result.Items))
	if p.Result.Dropped > 0 {
		base += fmt.Sprintf(", %d not grounded and dropped", p.Result.Dropped)
	}
	switch {
	case w.DocumentID == "":
		return base + "  [dry run: nothing written]"
	case w.Unchanged:
		return fmt.Sprintf("%s  %s  unchanged: already ingested, nothing written", w.DocumentID, r.File)
	case w.Supersedes != "":
		return fmt.Sprintf("%s  %s  version %d, supersedes %s: %d new, %d kept, %d gone",
			w.DocumentID, r.File, w.Version, w.Supersedes, w.New, w.Kept, w.Gone)
	}
	return base + fmt.Sprintf("  written as %s with %d passages", w.DocumentID, w.Passages)
}

func (p *ingestPrinter) summary(files, failed int) error {
	p.log.Info().Int("files", files).Int("failed", failed).Int("items", p.items).
		Dur("took", time.Since(p.started)).Msg("ingest: done")
	if failed > 0 {
		return fmt.Errorf("ingest: %d of %d files failed (see above); the others were ingested", failed, files)
	}
	return nil
}
