package neo4jstore_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
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

// TestStore_ContextEnds ends the context of a read Neo4j is still working on,
// in a transaction function and as an auto-commit statement (the compiled
// reads): the store returns UNAVAILABLE saying why the context ended (a
// request's timeout ends it with the cause DeadlineExceeded and no deadline
// of its own), and the store still answers afterwards.
func TestStore_ContextEnds(t *testing.T) {
	store := neo4jtest.Open(t)
	reads := map[string]func(context.Context, *neo4jstore.Store, int) (int, error){
		"TransactionFunction": neo4jstore.CountTo,
		"AutoCommit":          neo4jstore.CountToAutoCommit,
	}
	for name, count := range reads {
		for _, tt := range []struct {
			name  string
			cause error
			want  string
		}{
			{"Timeout", context.DeadlineExceeded, "took too long"},
			{"Cancelled", context.Canceled, "cancelled"},
		} {
			t.Run(name+"/"+tt.name, func(t *testing.T) {
				ctx, cancel := context.WithCancelCause(t.Context())
				timer := time.AfterFunc(200*time.Millisecond, func() { cancel(tt.cause) })
				defer timer.Stop()
				n, err := count(ctx, store, 20_000_000)
				if rodedraad.ErrorCode(err) != rodedraad.EUNAVAILABLE || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("count = %d, %v; want UNAVAILABLE saying %q", n, err, tt.want)
				}
				if n, err := count(t.Context(), store, 70); err != nil || n != 10 {
					t.Errorf("after the ended read: count to 70 = %d, %v; want 10", n, err)
				}
			})
		}
	}
}

// TestStore_EdgeOfRowPlan checks that finding a batch's edges by their ends
// seeks both ends in the id index and looks for the edge between them: a
// plan that walks every relationship of one end made auditing an ingest
// quadratic in the document's size.
func TestStore_EdgeOfRowPlan(t *testing.T) {
	store := neo4jtest.Open(t)
	for _, typ := range []string{"CONTAINS", "ADDRESSES"} {
		ops, err := neo4jstore.ExplainEdgeOfRow(t.Context(), store, typ)
		if err != nil {
			t.Fatal(err)
		}
		if opsWith(ops, "Expand(Into)") != 1 || opsWith(ops, "Expand(All)")+opsWith(ops, "Scan") > 0 {
			t.Errorf("%s: plan %v, want one Expand(Into), no Expand(All) and no scan", typ, ops)
		}
	}
}

// TestStore_ReadOnce_OneStatement checks that a read run as one auto-commit
// statement refuses a second statement, which would not read the same state.
func TestStore_ReadOnce_OneStatement(t *testing.T) {
	store := neo4jtest.Open(t)
	err := neo4jstore.TwoStatementsOnce(t.Context(), store)
	if err == nil || !strings.Contains(err.Error(), "second statement") {
		t.Fatalf("two statements in a one-statement read = %v, want an error naming the second statement", err)
	}
}
