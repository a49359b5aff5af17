package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/rodedraad/rodedraad/internal/bundle"
	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/service"
	"github.com/rodedraad/rodedraad/seeds"
)

// withStore connects to Neo4j as in.cfg says (starting the project's own
// when NEO4J_URI is unset), migrates, runs fn and closes the store again.
// Every command that works on the graph goes through it.
func withStore(ctx context.Context, in invocation, fn func(store *neo4jstore.Store) error) error {
	store, err := openStore(ctx, in.cfg, in.stderr)
	if err != nil {
		return err
	}
	defer closeStore(store)
	if err := store.Migrate(ctx); err != nil {
		return userError(err)
	}
	return fn(store)
}

// setupMigrate is `rodedraad migrate`: it creates the constraints and indexes.
func setupMigrate(*flag.FlagSet) runFunc {
	return func(ctx context.Context, in invocation) error {
		return withStore(ctx, in, func(store *neo4jstore.Store) error {
			v, err := store.SchemaVersion(ctx)
			if err != nil {
				return userError(err)
			}
			fmt.Fprintf(in.stdout, "migrated: schema version %d\n", v)
			return nil
		})
	}
}

// setupSeed is `rodedraad seed [--check]`: it loads the embedded seeds; with
// --check it only validates them and prints the counts, without a database.
func setupSeed(fs *flag.FlagSet) runFunc {
	check := fs.Bool("check", false, "validate the seeds and print their counts, without a database")
	overwrite := fs.Bool("overwrite", false, "replace seeded items a person changed since they were loaded")
	return func(ctx context.Context, in invocation) error {
		if *check {
			counts, err := bundle.Check(seeds.FS)
			if err != nil {
				return fmt.Errorf("seeds are invalid:\n%w", err)
			}
			printCounts(in.stdout, "seeds are valid", counts)
			return nil
		}
		return withStore(ctx, in, func(store *neo4jstore.Store) error {
			if err := seed(ctx, store, newLogger(in.cfg, in.stderr), seedRun{force: true, overwrite: *overwrite, timeout: in.cfg.BulkTimeout}); err != nil {
				return userError(err)
			}
			counts, _ := bundle.Check(seeds.FS)
			printCounts(in.stdout, "seeded", counts)
			return nil
		})
	}
}

// setupImport is `rodedraad import [--dry-run] [--overwrite] FILE`: it loads
// one bundle file in one transaction and says what it created, updated and
// left unchanged per kind; --dry-run prints the diff and writes nothing.
func setupImport(fs *flag.FlagSet) runFunc {
	dryRun := fs.Bool("dry-run", false, "show what the import would change (the diff) and write nothing")
	overwrite := fs.Bool("overwrite", false, "replace items a person changed since they were loaded")
	return func(ctx context.Context, in invocation) error {
		if len(in.args) != 1 {
			return errors.New("import: give the bundle file to load, e.g. rodedraad import plans.yaml")
		}
		file := in.args[0]
		data, err := os.ReadFile(file)
		if err != nil {
			return fmt.Errorf("import: %w", err)
		}
		// A bad file is refused before Neo4j is started or connected to.
		if _, err := bundle.CheckFile(filepath.ToSlash(file), data); err != nil {
			return fmt.Errorf("import %s: nothing was written:\n%w", file, userError(err))
		}
		opts := rodedraad.ImportOptions{DryRun: *dryRun, Overwrite: *overwrite, Timeout: in.cfg.BulkTimeout}
		// The store logs each batch of a bulk load.
		ctx = newLogger(in.cfg, in.stderr).WithContext(ctx)
		return withStore(ctx, in, func(store *neo4jstore.Store) error {
			res, err := service.New(store).ImportBundleWith(ctx, filepath.ToSlash(file), data, opts)
			if err != nil {
				return fmt.Errorf("import %s: nothing was written:\n%w", file, userError(err))
			}
			title := "imported " + file
			if *dryRun {
				title = "dry run, nothing written: " + file + " would change"
				printDiff(in.stdout, res.Changes)
			}
			printKinds(in.stdout, title, res.Kinds)
			return nil
		})
	}
}

// printKinds prints created / updated / unchanged per kind.
func printKinds(w io.Writer, title string, kinds map[string]rodedraad.KindCounts) {
	fmt.Fprintf(w, "%s:\n  %-16s %7s %7s %9s\n", title, "", "created", "updated", "unchanged")
	names := make([]string, 0, len(kinds))
	for k := range kinds {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		c := kinds[k]
		fmt.Fprintf(w, "  %-16s %7d %7d %9d\n", k, c.Created, c.Updated, c.Unchanged)
	}
}

// printDiff prints each changed item and the properties that change.
func printDiff(w io.Writer, changes []rodedraad.Change) {
	for _, c := range changes {
		fmt.Fprintf(w, "%s %s\n", map[string]string{"created": "+", "updated": "~", "deleted": "-"}[c.Action], c.Target)
		if c.Action != "updated" {
			continue
		}
		keys := make([]string, 0, len(c.After))
		for k := range c.After {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if b, a := fmt.Sprint(c.Before[k]), fmt.Sprint(c.After[k]); b != a {
				fmt.Fprintf(w, "    %s: %q -> %q\n", k, b, a)
			}
		}
	}
}

func printCounts(w io.Writer, title string, c rodedraad.Counts) {
	fmt.Fprintf(w, "%s:\n", title)
	fmt.Fprintf(w, "  themes           %5d\n  actors           %5d\n  documents        %5d\n  recommendations  %5d\n  scenarios        %5d\n  conflicts        %5d\n",
		c.Themes, c.Actors, c.Documents, c.Recommendations, c.Scenarios, c.Conflicts)
	types := make([]string, 0, len(c.Edges))
	for t := range c.Edges {
		types = append(types, string(t))
	}
	sort.Strings(types)
	for _, t := range types {
		fmt.Fprintf(w, "  %-16s %5d\n", t, c.Edges[rodedraad.RelType(t)])
	}
}
