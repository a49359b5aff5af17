// Package neo4jtest connects integration tests to the throw-away Neo4j that
// `make test` starts, and gives each test an empty, migrated graph.
package neo4jtest

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/rodedraad/rodedraad/internal/bundle"
	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/seeds"
)

// EnvURI names the variable `make test` sets to the test Neo4j's Bolt URI.
const EnvURI = "RODEDRAAD_TEST_NEO4J_URI"

// URI returns the test Neo4j's URI. Without one the test is skipped under
// -short and fails otherwise, so that a misconfigured run cannot pass by
// running nothing.
func URI(tb testing.TB) string {
	tb.Helper()
	uri := os.Getenv(EnvURI)
	if uri == "" {
		if testing.Short() {
			tb.Skip("integration test: needs Neo4j (run make test)")
		}
		tb.Fatalf("%s is not set: run the tests with `make test`, which starts a throw-away Neo4j", EnvURI)
	}
	return uri
}

// Open returns a store on an empty, migrated graph, closed when the test
// ends. Tests that use it must not run in parallel: they share one database.
func Open(tb testing.TB) *neo4jstore.Store {
	tb.Helper()
	store, err := neo4jstore.Open(neo4jstore.Options{URI: URI(tb), Timeout: 60 * time.Second})
	if err != nil {
		tb.Fatalf("open store: %v", err)
	}
	tb.Cleanup(func() { _ = store.Close(context.Background()) })
	ctx := context.Background()
	if err := store.Migrate(ctx); err != nil {
		tb.Fatalf("migrate: %v", err)
	}
	if err := store.DeleteAll(ctx); err != nil {
		tb.Fatalf("empty the graph: %v", err)
	}
	tb.Cleanup(func() { _ = store.DeleteAll(context.Background()) })
	return store
}

// Seeded returns a store on a graph holding exactly the IJmond seeds.
func Seeded(tb testing.TB) *neo4jstore.Store {
	tb.Helper()
	store := Open(tb)
	b, err := bundle.Load(seeds.FS, bundle.Options{Defaults: bundle.SeedDefaults})
	if err != nil {
		tb.Fatalf("load seeds: %v", err)
	}
	if _, err := store.Import(context.Background(), b, rodedraad.ImportOptions{}); err != nil {
		tb.Fatalf("import seeds: %v", err)
	}
	return store
}
