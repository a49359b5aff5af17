package neo4jstore_test

import (
	"maps"
	"regexp"
	"testing"

	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
)

// TestStore_BulkLoadParts loads the seeds in parts of at most 300 rows, 100
// a statement: the graph is the one a single transaction gives, each part
// committed on its own (a graph version each), progress reaching the total.
func TestStore_BulkLoadParts(t *testing.T) {
	ctx := t.Context()
	store := neo4jtest.Open(t)
	seeds := MustSeeds(t)
	if err := store.BulkLoad(ctx, seeds, nil); err != nil {
		t.Fatal(err)
	}
	whole := withoutCreatedAt(MustDump(t, store))
	if err := store.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	before := MustVersion(t, store)
	var reported []int
	total := 0
	err := neo4jstore.BulkLoadPartsOf(ctx, store, seeds, 100, 300, func(done, all int) {
		reported, total = append(reported, done), all
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := withoutCreatedAt(MustDump(t, store)); !maps.Equal(got, whole) {
		t.Errorf("the graph loaded in parts differs from the one loaded whole (%d against %d items)", len(got), len(whole))
	}
	parts := MustVersion(t, store) - before
	if parts < 2 || int(parts) != len(reported) || reported[len(reported)-1] != total || total < 3*300 {
		t.Errorf("%d parts (graph versions), progress %v of %d; want several, the last at the total", parts, reported, total)
	}
}

// createdAt is the load's own time in a dump: each part has its own.
var createdAtProp = regexp.MustCompile(`createdAt:\S+ \S+ \S+ \S+`)

func withoutCreatedAt(dump map[string]string) map[string]string {
	out := make(map[string]string, len(dump))
	for k, v := range dump {
		out[k] = createdAtProp.ReplaceAllString(v, "createdAt:…")
	}
	return out
}
