package neo4jstore_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"testing"

	"github.com/rs/zerolog"

	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// batchLog is what the store logged of the batches of one load.
type batchLog struct {
	Op      string `json:"op"`
	What    string `json:"what"`
	Batch   int    `json:"batch"`
	Batches int    `json:"batches"`
	Rows    int    `json:"rows"`
	Done    int    `json:"done"`
	Total   int    `json:"total"`
}

// MustBatchLogs parses the "batch written" lines of a JSON log.
func MustBatchLogs(tb testing.TB, buf *bytes.Buffer) []batchLog {
	tb.Helper()
	var out []batchLog
	for _, line := range bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n")) {
		if len(line) == 0 || !bytes.Contains(line, []byte("batch written")) {
			continue
		}
		var l batchLog
		if err := json.Unmarshal(line, &l); err != nil {
			tb.Fatalf("log line %s: %v", line, err)
		}
		out = append(out, l)
	}
	return out
}

func TestStore_ImportBatches(t *testing.T) {
	t.Run("OKSmallBatches", func(t *testing.T) {
		store := neo4jtest.Open(t)
		var buf bytes.Buffer
		ctx := zerolog.New(&buf).Level(zerolog.DebugLevel).WithContext(t.Context())
		b := MustSeeds(t)
		var progress []int
		opts := rodedraad.ImportOptions{BatchRows: 7, Progress: func(done, _ int) { progress = append(progress, done) }}
		if _, err := store.Import(ctx, b, opts); err != nil {
			t.Fatalf("import in batches of 7: %v", err)
		}
		logs := MustBatchLogs(t, &buf)
		total := len(b.Nodes()) + len(b.Edges) + len(b.Passages)
		if len(logs) != len(progress) || len(logs) < total/7 {
			t.Fatalf("%d batches logged, %d reported to progress; want one each per batch of 7 of %d rows", len(logs), len(progress), total)
		}
		for i, l := range logs {
			if l.Op != "import" || l.Batch != i+1 || l.Batches != len(logs) || l.Rows < 1 || l.Rows > 7 || l.Done != progress[i] || l.Total != total {
				t.Errorf("log of batch %d = %+v: want op import, batch %d of %d, 1..7 rows, done %d of %d", i+1, l, i+1, len(logs), progress[i], total)
			}
		}
		// The same bundle in the default batches finds nothing to change.
		first := MustDump(t, store)
		res, err := store.Import(t.Context(), MustSeeds(t), rodedraad.ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for kind, k := range res.Kinds {
			if k.Created+k.Updated > 0 {
				t.Errorf("%s: %+v after loading the same bundle in small batches, want all unchanged", kind, k)
			}
		}
		if second := MustDump(t, store); !maps.Equal(first, second) {
			t.Errorf("the graph loaded in batches of 7 differs from the one loaded in one batch")
		}
	})

	t.Run("ErrFailingBatchWritesNothing", func(t *testing.T) {
		store := neo4jtest.Seeded(t)
		v, before := MustVersion(t, store), MustDump(t, store)
		// 25 new themes, then one that exists: in batches of 10 the third
		// batch fails on the uniqueness constraint after two were written.
		b := &rodedraad.Bundle{}
		for i := range 25 {
			b.Themes = append(b.Themes, *theme(fmt.Sprintf("T-new-%02d", i)))
		}
		b.Themes = append(b.Themes, *theme("T1"))
		var buf bytes.Buffer
		ctx := zerolog.New(&buf).Level(zerolog.DebugLevel).WithContext(t.Context())
		var progress []int
		opts := rodedraad.ImportOptions{CreateOnly: true, BatchRows: 10, Progress: func(done, _ int) { progress = append(progress, done) }}
		_, err := store.Import(ctx, b, opts)
		wantCode(t, err, rodedraad.ECONFLICT)
		wantUnchanged(t, store, before, v)
		if !slices.Equal(progress, []int{10, 20}) {
			t.Errorf("progress = %v, want the two batches before the failing one: [10 20]", progress)
		}
		if logs := MustBatchLogs(t, &buf); len(logs) != 2 || logs[1].Batch != 2 || logs[1].Batches != 3 {
			t.Errorf("batch logs = %+v, want batches 1 and 2 of 3", logs)
		}
	})

	t.Run("OKOneStatement", func(t *testing.T) {
		// A whole kind in one statement (BatchRows < 0) writes the same.
		store := neo4jtest.Open(t)
		b := &rodedraad.Bundle{Themes: []rodedraad.Theme{*theme("T98"), *theme("T99")}}
		if _, err := store.Import(t.Context(), b, rodedraad.ImportOptions{BatchRows: -1}); err != nil {
			t.Fatalf("import in one statement: %v", err)
		}
		if got := MustDump(t, store); len(got) != 2 {
			t.Errorf("graph holds %d items, want the 2 themes", len(got))
		}
	})
}
