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

// edgesPerLoad is how many edges one part of the load writes.
const edgesPerLoad = 100_000

// bulkLoad loads the synthetic graph in parts, each one all-or-nothing
// BulkLoad: the nodes, then the edges edgesPerLoad at a time. At 100k
// recommendations the whole graph (950k rows) does not fit Neo4j's
// transaction memory in one transaction.
func bulkLoad(ctx context.Context, store *neo4jstore.Store, n int, log io.Writer) error {
	b := synth.Bundle(synth.Generate(synthSeed, n))
	start, last := time.Now(), time.Now()
	total, done := len(b.Nodes())+len(b.Edges), 0
	progress := func(d, _ int) {
		if time.Since(last) > 10*time.Second {
			fmt.Fprintf(log, "laden / loading: %d of %d rows\n", done+d, total)
			last = time.Now()
		}
	}
	for _, part := range parts(b) {
		if err := store.BulkLoad(ctx, &part, progress); err != nil {
			return fmt.Errorf("load the synthetic graph of %d recommendations: %w", n, err)
		}
		done += len(part.Nodes()) + len(part.Edges)
	}
	fmt.Fprintf(log, "geladen / loaded %d nodes and %d edges in %s\n", len(b.Nodes()), len(b.Edges), time.Since(start).Round(time.Millisecond))
	return nil
}

// parts splits b into its nodes and slices of its edges.
func parts(b rodedraad.Bundle) []rodedraad.Bundle {
	edges := b.Edges
	b.Edges = nil
	out := []rodedraad.Bundle{b}
	for start := 0; start < len(edges); start += edgesPerLoad {
		out = append(out, rodedraad.Bundle{Edges: edges[start:min(start+edgesPerLoad, len(edges))]})
	}
	return out
}
