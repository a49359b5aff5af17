package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/rodedraad/rodedraad/internal/analysis/synth"
	"github.com/rodedraad/rodedraad/internal/devneo4j"
	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// synthSeed fixes the synthetic graph: the same seed and size give the same
// graph on every machine, as in the store's benchmarks.
const synthSeed = 42

// startNeo4j starts the project's own Neo4j in dir on addr (or finds it
// running) and returns its Bolt URI and whether this call launched it.
func startNeo4j(ctx context.Context, dir, addr string, progress io.Writer) (string, bool, error) {
	in, err := devneo4j.Start(ctx, devneo4j.Options{Dir: dir, Addr: addr, Progress: progress})
	if err != nil {
		return "", false, fmt.Errorf("start Neo4j in %s: %w", dir, err)
	}
	return in.BoltURI(), !in.AlreadyRunning, nil
}

// stopNeo4j stops the Neo4j of dir.
func stopNeo4j(dir string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	_, err := devneo4j.Stop(ctx, devneo4j.Options{Dir: dir})
	return err
}

// loadGraph makes the database hold the synthetic graph of n
// recommendations: it migrates, and unless the graph already holds exactly n
// recommendations (a previous run's load, kept in the data folder) it empties
// the database and bulk-loads the graph again.
func loadGraph(ctx context.Context, uri string, n int, log io.Writer) error {
	store, err := neo4jstore.Open(neo4jstore.Options{URI: uri, Timeout: 10 * time.Minute})
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	if err := store.Migrate(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	have, err := store.Count(ctx, rodedraad.LabelRecommendation, rodedraad.Filter{})
	if err != nil {
		return fmt.Errorf("count recommendations: %w", err)
	}
	if have == n {
		fmt.Fprintf(log, "graaf staat er al / graph already loaded: %d recommendations\n", n)
		return nil
	}
	if err := store.DeleteAll(ctx); err != nil {
		return fmt.Errorf("empty the database: %w", err)
	}
	return bulkLoad(ctx, store, n, log)
}

func bulkLoad(ctx context.Context, store *neo4jstore.Store, n int, log io.Writer) error {
	b := synth.Bundle(synth.Generate(synthSeed, n))
	start, last := time.Now(), time.Now()
	err := store.BulkLoad(ctx, &b, func(done, total int) {
		if time.Since(last) > 10*time.Second {
			fmt.Fprintf(log, "laden / loading: %d of %d rows\n", done, total)
			last = time.Now()
		}
	})
	if err != nil {
		return fmt.Errorf("load the synthetic graph of %d recommendations: %w", n, err)
	}
	fmt.Fprintf(log, "geladen / loaded %d nodes and %d edges in %s\n", len(b.Nodes()), len(b.Edges), time.Since(start).Round(time.Millisecond))
	return nil
}
