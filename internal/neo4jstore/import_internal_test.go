package neo4jstore

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

func TestStore_BulkTimeout(t *testing.T) {
	s := &Store{timeout: 10 * time.Second}
	tests := []struct {
		name string
		set  time.Duration
		rows int
		want time.Duration
	}{
		{"CallersTimeout", time.Minute, 10, time.Minute},
		{"OneBatchKeepsQueryTimeout", 0, importBatch, 10 * time.Second},
		{"LargerIsBulk", 0, importBatch + 1, DefaultBulkTimeout},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := s.bulkTimeout(tt.set, tt.rows); got != tt.want {
				t.Errorf("bulkTimeout(%v, %d) = %v, want %v", tt.set, tt.rows, got, tt.want)
			}
		})
	}
}

func TestTooBig(t *testing.T) {
	if tooBig(nil) != nil {
		t.Error("tooBig(nil) is an error")
	}
	other := errors.New("Neo.ClientError.Schema.ConstraintValidationFailed")
	if got := tooBig(other); got != other {
		t.Errorf("tooBig changed an unrelated error into %v", got)
	}
	pool := errors.New("TransactionExecutionLimit: timeout after 1 attempts, last error: Neo4jError: Neo.TransientError.General.MemoryPoolOutOfMemoryError (dbms.memory.transaction.total.max threshold reached)")
	got := tooBig(pool)
	if rodedraad.ErrorCode(got) != rodedraad.EUNAVAILABLE || !strings.Contains(got.Error(), "dbms.memory.transaction.total.max") || !strings.Contains(got.Error(), "nothing was written") {
		t.Errorf("tooBig = %v (code %q), want UNAVAILABLE naming the memory setting and saying nothing was written", got, rodedraad.ErrorCode(got))
	}
}

func TestBatchRows(t *testing.T) {
	for _, tt := range []struct{ in, want int }{{0, importBatch}, {7, 7}, {-1, int(^uint(0) >> 1)}} {
		if got := batchRows(tt.in); got != tt.want {
			t.Errorf("batchRows(%d) = %d, want %d", tt.in, got, tt.want)
		}
	}
	rows := make([]any, 5)
	if got := appendBatches(nil, "x", "s", rows, batchRows(-1), otherRows); len(got) != 1 || len(got[0].rows) != 5 {
		t.Errorf("one statement: %d batches, want 1 of 5 rows", len(got))
	}
	if got := appendBatches(nil, "x", "s", rows, 2, otherRows); len(got) != 3 || len(got[2].rows) != 1 {
		t.Errorf("batches of 2: %d batches, want 3, the last of 1 row", len(got))
	}
}
