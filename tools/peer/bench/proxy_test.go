package main

import (
	"bytes"
	"io"
	"testing"
)

// chunk frames one Bolt message: a chunk with its 2-byte size, then the
// zero-size end marker.
func chunk(sig byte, fields ...byte) []byte {
	body := append([]byte{0xB0 | byte(len(fields)), sig}, fields...)
	return append(append([]byte{0, byte(len(body))}, body...), 0, 0)
}

func TestMessageCounter_Read(t *testing.T) {
	join := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	tests := []struct {
		name      string
		manifest  bool
		stream    []byte
		txs, runs int64
	}{
		{"explicit transaction", false, join(chunk(0x01), chunk(boltBegin), chunk(boltRun), chunk(0x3F), chunk(boltCommit)), 1, 1},
		{"two statements in one transaction", false, join(chunk(boltBegin), chunk(boltRun), chunk(boltRun), chunk(boltCommit)), 1, 2},
		{"auto-commit statements", false, join(chunk(boltRun), chunk(0x3F), chunk(boltRun)), 2, 2},
		{"after a rollback", false, join(chunk(boltBegin), chunk(boltRollback), chunk(boltRun)), 2, 1},
		{"a RUN byte inside a message is no RUN", false, join(chunk(0x01, boltRun, boltBegin)), 0, 0},
		{"manifest answer first", true, join([]byte{0, 0, 8, 5, 0x81, 0x01}, chunk(boltBegin), chunk(boltRun)), 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &boltProxy{}
			m := &messageCounter{r: bytes.NewReader(tt.stream), p: p, manifest: tt.manifest}
			got, err := io.ReadAll(m)
			if err != nil || !bytes.Equal(got, tt.stream) {
				t.Fatalf("the stream must pass unchanged: %v", err)
			}
			if c := p.Counters(); c.Transactions != tt.txs || c.Queries != tt.runs {
				t.Errorf("transactions %d, statements %d; want %d, %d", c.Transactions, c.Queries, tt.txs, tt.runs)
			}
		})
	}
}
