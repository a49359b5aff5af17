package neo4jstore_test

import (
	"slices"
	"testing"

	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

func TestStore_IdempotencyClaim(t *testing.T) {
	store := neo4jtest.Open(t)
	claim := rodedraad.IdempotencyClaim{Key: "k-1", Actor: "anna", Hash: "h", Request: "req-1"}
	ctx := rodedraad.WithIdempotencyClaim(as(t.Context(), "anna"), claim)
	t.Run("WritesOfOneRequestShareTheKey", func(t *testing.T) {
		MustCreate(t, store, rec("R1"))
		if err := store.CreateNode(ctx, rec("R2")); err != nil {
			t.Fatalf("first write: %v", err)
		}
		if err := store.CreateNode(ctx, rec("R3")); err != nil {
			t.Fatalf("second write of the same request: %v", err)
		}
		kept, found, err := store.RecallResponse(t.Context(), "k-1")
		if err != nil || !found || kept.Actor != "anna" || kept.Hash != "h" || len(kept.Response) != 0 ||
			!slices.Equal(kept.Targets, []string{"R2", "R3"}) || kept.Version != MustVersion(t, store) {
			t.Fatalf("kept = %+v, %v, %v; want anna's claim of R2 and R3 at the last version, no answer yet", kept, found, err)
		}
	})
	t.Run("ErrAnotherRequestWritesNothing", func(t *testing.T) {
		other := claim
		other.Request = "req-2"
		v, before := MustVersion(t, store), MustDump(t, store)
		err := store.CreateNode(rodedraad.WithIdempotencyClaim(t.Context(), other), rec("R4"))
		wantCode(t, err, rodedraad.ECONFLICT)
		wantUnchanged(t, store, before, v)
	})
	t.Run("TheAnswerFillsTheClaim", func(t *testing.T) {
		if err := store.RememberResponse(t.Context(), "k-1", "anna", "h", []byte(`{"data":1}`)); err != nil {
			t.Fatal(err)
		}
		_ = store.RememberResponse(t.Context(), "k-1", "anna", "h", []byte(`{"data":2}`)) // the first answer wins
		kept, _, _ := store.RecallResponse(t.Context(), "k-1")
		if string(kept.Response) != `{"data":1}` || len(kept.Targets) != 2 {
			t.Errorf("kept = %+v, want the first answer beside the claim", kept)
		}
	})
	t.Run("NotFound", func(t *testing.T) {
		if _, found, err := store.RecallResponse(t.Context(), "k-never"); found || err != nil {
			t.Errorf("unused key: found %v, %v", found, err)
		}
	})
}
