package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/rodedraad/rodedraad/internal/bundle"
	"github.com/rodedraad/rodedraad/internal/config"
	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/service"
	"github.com/rodedraad/rodedraad/seeds"
)

// withStore loads the settings in args, connects to Neo4j (starting the
// project's own when NEO4J_URI is unset), migrates, runs fn and closes the
// store again. Every command that works on the graph goes through it.
func withStore(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer,
	fn func(cfg config.Config, store *neo4jstore.Store) error) error {
	cfg, err := loadConfig(args, getenv, stderr)
	if err != nil {
		return err
	}
	store, err := openStore(ctx, cfg, stderr)
	if err != nil {
		return err
	}
	defer closeStore(store)
	if err := store.Migrate(ctx); err != nil {
		return userError(err)
	}
	return fn(cfg, store)
}

// runMigrate creates the constraints and indexes.
func runMigrate(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	return withStore(ctx, args, getenv, stderr, func(_ config.Config, store *neo4jstore.Store) error {
		v, err := store.SchemaVersion(ctx)
		if err != nil {
			return userError(err)
		}
		fmt.Fprintf(stdout, "migrated: schema version %d\n", v)
		return nil
	})
}

// runSeed loads the embedded seeds; with --check it only validates them and
// prints the counts, without a database.
func runSeed(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	check, args := takeBool(args, "check")
	if check {
		counts, err := bundle.Check(seeds.FS)
		if err != nil {
			return fmt.Errorf("seeds are invalid:\n%w", err)
		}
		printCounts(stdout, "seeds are valid", counts)
		return nil
	}
	return withStore(ctx, args, getenv, stderr, func(cfg config.Config, store *neo4jstore.Store) error {
		if err := seed(ctx, store, newLogger(cfg, stderr), true); err != nil {
			return userError(err)
		}
		counts, _ := bundle.Check(seeds.FS)
		printCounts(stdout, "seeded", counts)
		return nil
	})
}

// runImport loads one bundle file in one transaction.
func runImport(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if slices.ContainsFunc(args, isHelpFlag) {
		printUsage(stderr)
		return nil
	}
	file, args, err := importFile(args)
	if err != nil {
		return err
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	// A bad file is refused before Neo4j is started or connected to.
	if _, err := bundle.CheckFile(filepath.ToSlash(file), data); err != nil {
		return fmt.Errorf("import %s: nothing was written:\n%w", file, userError(err))
	}
	return withStore(ctx, args, getenv, stderr, func(_ config.Config, store *neo4jstore.Store) error {
		counts, err := service.New(store).ImportBundle(ctx, filepath.ToSlash(file), data)
		if err != nil {
			return fmt.Errorf("import %s: nothing was written:\n%w", file, userError(err))
		}
		printCounts(stdout, "imported "+file, counts)
		return nil
	})
}

func isHelpFlag(a string) bool { return a == "-h" || a == "-help" || a == "--help" }

func printCounts(w io.Writer, title string, c rodedraad.Counts) {
	fmt.Fprintf(w, "%s:\n", title)
	fmt.Fprintf(w, "  themes           %5d\n  actors           %5d\n  documents        %5d\n  recommendations  %5d\n  scenarios        %5d\n",
		c.Themes, c.Actors, c.Documents, c.Recommendations, c.Scenarios)
	types := make([]string, 0, len(c.Edges))
	for t := range c.Edges {
		types = append(types, string(t))
	}
	sort.Strings(types)
	for _, t := range types {
		fmt.Fprintf(w, "  %-16s %5d\n", t, c.Edges[rodedraad.RelType(t)])
	}
}

// importFile takes the bundle file from import's arguments: the first one
// (import FILE [flags]) or the last (import [flags] FILE).
func importFile(args []string) (string, []string, error) {
	switch {
	case len(args) > 0 && !strings.HasPrefix(args[0], "-"):
		return args[0], args[1:], nil
	case len(args) > 0 && !strings.HasPrefix(args[len(args)-1], "-"):
		return args[len(args)-1], args[:len(args)-1], nil
	}
	return "", nil, errors.New("import: give the bundle file to load, e.g. rodedraad import plans.yaml")
}
