package neo4jstore_test

import (
	"testing"

	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
)

func TestStore_Ready(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		store := neo4jtest.Open(t)
		if err := store.Ready(t.Context()); err != nil {
			t.Errorf("Ready on a migrated database: %v", err)
		}
	})
}

func TestStore_Migrate(t *testing.T) {
	t.Run("OKTwice", func(t *testing.T) {
		store := neo4jtest.Seeded(t)
		v, before := MustVersion(t, store), MustDump(t, store)
		first, err := store.SchemaVersion(t.Context())
		if err != nil || first < 1 {
			t.Fatalf("SchemaVersion = %d, %v; want at least 1 after migrating", first, err)
		}
		if err := store.Migrate(t.Context()); err != nil {
			t.Fatalf("second Migrate: %v", err)
		}
		if again, err := store.SchemaVersion(t.Context()); err != nil || again != first {
			t.Errorf("SchemaVersion after migrating again = %d, %v; want %d", again, err, first)
		}
		wantUnchanged(t, store, before, v) // migrating touches no data
	})
}

func TestStore_DeleteAll(t *testing.T) {
	t.Run("OKKeepsTheSchema", func(t *testing.T) {
		store := neo4jtest.Seeded(t)
		if err := store.DeleteAll(t.Context()); err != nil {
			t.Fatalf("DeleteAll: %v", err)
		}
		if d := MustDump(t, store); len(d) != 0 {
			t.Errorf("%d items left after DeleteAll", len(d))
		}
		if err := store.Ready(t.Context()); err != nil {
			t.Errorf("Ready after DeleteAll: %v", err)
		}
		wantCode(t, store.CreateNode(t.Context(), rec("R1")), "")
		wantCode(t, store.CreateNode(t.Context(), rec("R1")), "CONFLICT") // the uniqueness constraint is still there
	})
}
