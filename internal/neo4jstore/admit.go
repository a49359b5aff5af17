package neo4jstore

import (
	"context"

	"golang.org/x/sync/semaphore"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// admission bounds the transactions a store runs in Neo4j at once. Without
// a bound, 100 clients on two cores put some 30–50 transactions in Neo4j at
// a time; the one holding the graph version's lock got the CPU as seldom as
// the others, so writes queued behind it past their deadline
// (docs/reliability.md). Waiters are served in arrival order, reads and
// writes alike, and each gives up when its own context ends.
type admission struct {
	slots *semaphore.Weighted // nil: no bound
}

func newAdmission(n int) admission {
	if n <= 0 {
		return admission{}
	}
	return admission{slots: semaphore.NewWeighted(int64(n))}
}

// admit waits for a turn and returns the function that gives it back.
// UNAVAILABLE when ctx ends first.
func (a admission) admit(ctx context.Context) (release func(), err error) {
	if a.slots == nil {
		return func() {}, nil
	}
	if err := a.slots.Acquire(ctx, 1); err != nil {
		return nil, rodedraad.Errorf(rodedraad.EUNAVAILABLE, "neo4j is busy and the request's deadline passed while it waited its turn: try again in a moment or raise RODEDRAAD_QUERY_TIMEOUT")
	}
	return func() { a.slots.Release(1) }, nil
}
