package neo4jstore_test

import (
	"testing"
	"time"

	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
)

// BenchmarkOneStatementRead compares, in one run, a small read run as a
// transaction function (BEGIN, RUN, COMMIT: three answers to wait for) with
// the same statement as one auto-commit transaction (readOnce), as search,
// lists, counts, the review queue and the audit trail now read. The metric
// once/tx is the latency ratio.
func BenchmarkOneStatementRead(b *testing.B) {
	ctx := b.Context()
	store := neo4jtest.Open(b)
	var tx, once time.Duration
	timed := func(read func() (int, error)) time.Duration {
		start := time.Now()
		if _, err := read(); err != nil {
			b.Fatal(err)
		}
		return time.Since(start)
	}
	inTx := func() (int, error) { return neo4jstore.CountTo(ctx, store, 10) }
	inOne := func() (int, error) { return neo4jstore.CountToAutoCommit(ctx, store, 10) }
	timed(inTx)
	timed(inOne)
	for b.Loop() {
		tx += timed(inTx)
		once += timed(inOne)
	}
	b.ReportMetric(float64(tx.Microseconds())/float64(b.N), "tx-µs/op")
	b.ReportMetric(float64(once.Microseconds())/float64(b.N), "once-µs/op")
	b.ReportMetric(once.Seconds()/tx.Seconds(), "once/tx")
}
