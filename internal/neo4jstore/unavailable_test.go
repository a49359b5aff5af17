package neo4jstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// TestStore_Unavailable opens a store on a port where nothing listens: every
// call must fail with UNAVAILABLE within seconds, not after the driver's
// default half minute of retries. It needs no Neo4j, so it runs in parallel.
func TestStore_Unavailable(t *testing.T) {
	t.Parallel()
	store, err := neo4jstore.Open(neo4jstore.Options{URI: "bolt://127.0.0.1:1", Timeout: time.Minute})
	if err != nil {
		t.Fatalf("Open does not connect, so it must not fail: %v", err)
	}
	t.Cleanup(func() { _ = store.Close(context.Background()) })
	calls := map[string]struct {
		limit time.Duration
		call  func(ctx context.Context) error
	}{
		"Ready": {2 * time.Second, store.Ready},
		"Node":  {15 * time.Second, func(ctx context.Context) error { _, err := store.Node(ctx, "R01.4"); return err }},
		"List": {15 * time.Second, func(ctx context.Context) error {
			_, err := store.List(ctx, rodedraad.LabelActor, rodedraad.Filter{}, rodedraad.Order{}, rodedraad.Page{First: 10})
			return err
		}},
		"CreateNode": {15 * time.Second, func(ctx context.Context) error { return store.CreateNode(ctx, rec("R1")) }},
	}
	for name, c := range calls {
		t.Run("ErrUnavailable"+name, func(t *testing.T) {
			t.Parallel()
			start := time.Now()
			err := c.call(t.Context())
			wantCode(t, err, rodedraad.EUNAVAILABLE)
			if took := time.Since(start); took > c.limit {
				t.Errorf("%s took %v to report UNAVAILABLE, want under %v", name, took, c.limit)
			}
		})
	}
}
