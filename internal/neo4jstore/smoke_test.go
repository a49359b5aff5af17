package neo4jstore_test

import (
	"context"
	"testing"

	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

func TestStore_SeededCounts(t *testing.T) {
	store := neo4jtest.Seeded(t)
	n, err := store.Count(context.Background(), rodedraad.LabelRecommendation, rodedraad.Filter{})
	if err != nil || n != 176 {
		t.Fatalf("Count = %d, %v; want 176", n, err)
	}
}
