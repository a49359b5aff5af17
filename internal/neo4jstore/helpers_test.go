package neo4jstore_test

import (
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/rodedraad/rodedraad/internal/bundle"
	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/seeds"
)

// MustSeeds loads the IJmond seeds from their YAML files, as the store's
// tests compute expectations from them without asking Neo4j.
func MustSeeds(tb testing.TB) *rodedraad.Bundle {
	tb.Helper()
	b, err := bundle.Load(seeds.FS, bundle.Options{Defaults: bundle.SeedDefaults})
	if err != nil {
		tb.Fatalf("load seeds: %v", err)
	}
	return b
}

// MustImport imports b into store.
func MustImport(tb testing.TB, store *neo4jstore.Store, b *rodedraad.Bundle) {
	tb.Helper()
	if _, err := store.Import(tb.Context(), b, rodedraad.ImportOptions{}); err != nil {
		tb.Fatalf("import: %v", err)
	}
}

// MustDump returns the whole graph as canonical text (see neo4jstore.Dump).
func MustDump(tb testing.TB, store *neo4jstore.Store) map[string]string {
	tb.Helper()
	d, err := neo4jstore.Dump(tb.Context(), store)
	if err != nil {
		tb.Fatalf("dump: %v", err)
	}
	return d
}

// MustVersion returns the graph version.
func MustVersion(tb testing.TB, store *neo4jstore.Store) int64 {
	tb.Helper()
	v, err := store.GraphVersion(tb.Context())
	if err != nil {
		tb.Fatalf("GraphVersion: %v", err)
	}
	return v
}

// MustCreate creates the nodes.
func MustCreate(tb testing.TB, store *neo4jstore.Store, nodes ...rodedraad.Node) {
	tb.Helper()
	for _, n := range nodes {
		if err := store.CreateNode(tb.Context(), n); err != nil {
			tb.Fatalf("CreateNode %s: %v", n.NodeID(), err)
		}
	}
}

// MustLink links the edges.
func MustLink(tb testing.TB, store *neo4jstore.Store, edges ...rodedraad.Edge) {
	tb.Helper()
	for _, e := range edges {
		if _, err := store.Link(tb.Context(), e); err != nil {
			tb.Fatalf("Link %s: %v", e.Key(), err)
		}
	}
}

// wantCode fails the test unless err carries the domain error code.
func wantCode(tb testing.TB, err error, code string) {
	tb.Helper()
	if got := rodedraad.ErrorCode(err); got != code {
		tb.Fatalf("error = %v (code %q), want code %q", err, got, code)
	}
}

// wantUnchanged fails the test unless the graph and its version are as before.
func wantUnchanged(tb testing.TB, store *neo4jstore.Store, before map[string]string, version int64) {
	tb.Helper()
	if after := MustDump(tb, store); !maps.Equal(before, after) {
		tb.Errorf("graph changed: %d items before, %d after", len(before), len(after))
		for k, v := range after {
			if before[k] != v {
				tb.Errorf("  %s: %q -> %q", k, before[k], v)
			}
		}
		for k := range before {
			if _, ok := after[k]; !ok {
				tb.Errorf("  %s deleted", k)
			}
		}
	}
	if v := MustVersion(tb, store); v != version {
		tb.Errorf("graph version = %d after a failed write, want %d", v, version)
	}
}

func intp(v int) *int              { return &v }
func floatp(v float64) *float64    { return &v }
func timep(v time.Time) *time.Time { return &v }

// Minimal valid nodes of each kind.
func theme(id string) *rodedraad.Theme { return &rodedraad.Theme{ID: id, Name: "theme " + id} }
func actor(id string) *rodedraad.Actor {
	return &rodedraad.Actor{ID: id, Name: "actor " + id, Kind: "COMPANY", Sector: "PRIVATE"}
}
func document(id string) *rodedraad.Document {
	return &rodedraad.Document{ID: id, Title: "document " + id, Kind: "PLAN"}
}
func rec(id string) *rodedraad.Recommendation {
	return &rodedraad.Recommendation{ID: id, Title: "recommendation " + id, Text: "text of " + id, Kind: "RECOMMENDATION"}
}
func scenario(id string) *rodedraad.Scenario {
	return &rodedraad.Scenario{ID: id, Name: "scenario " + id}
}

// ids returns the ids of nodes, in order.
func ids(nodes []rodedraad.Node) []string {
	out := make([]string, len(nodes))
	for i, n := range nodes {
		out[i] = n.NodeID()
	}
	return out
}

// sorted returns the keys of a set, sorted.
func sorted(set map[string]bool) []string {
	return slices.Sorted(maps.Keys(set))
}
