package neo4jstore

import (
	"context"
	"testing"
	"time"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// MustAdmit takes a turn of a, failing the test when none is given.
func MustAdmit(tb testing.TB, a admission) func() {
	tb.Helper()
	release, err := a.admit(tb.Context())
	if err != nil {
		tb.Fatalf("admit: %v", err)
	}
	return release
}

func TestAdmission_Admit(t *testing.T) {
	t.Run("UnboundedNeverWaits", func(t *testing.T) {
		a := newAdmission(0)
		for range 100 {
			MustAdmit(t, a) // never released: no bound to reach
		}
	})
	t.Run("FullWaitsUntilItsDeadline", func(t *testing.T) {
		a := newAdmission(2)
		MustAdmit(t, a)
		MustAdmit(t, a)
		ctx, cancel := context.WithTimeout(t.Context(), 10*time.Millisecond)
		defer cancel()
		_, err := a.admit(ctx)
		if rodedraad.ErrorCode(err) != rodedraad.EUNAVAILABLE {
			t.Fatalf("admit on a full store = %v, want UNAVAILABLE", err)
		}
	})
	t.Run("ReleaseLetsTheWaiterIn", func(t *testing.T) {
		a := newAdmission(1)
		release := MustAdmit(t, a)
		got := make(chan error, 1)
		go func() {
			r, err := a.admit(t.Context())
			if err == nil {
				r()
			}
			got <- err
		}()
		release()
		if err := <-got; err != nil {
			t.Fatalf("waiter after release: %v", err)
		}
		MustAdmit(t, a)() // the waiter gave its turn back
	})
	t.Run("CancelledWaiterTakesNoTurn", func(t *testing.T) {
		a := newAdmission(1)
		release := MustAdmit(t, a)
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		if _, err := a.admit(ctx); err == nil {
			t.Fatal("admit with a cancelled context succeeded on a full store")
		}
		release()
		MustAdmit(t, a)()
	})
}
