package main

import (
	"encoding/csv"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/export"
	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
)

// Bad flags fail before any database is opened, naming what is wrong.
func TestRun_ExportBadFlags(t *testing.T) {
	env := map[string]string{"NEO4J_URI": "bolt://127.0.0.1:1", "RODEDRAAD_LOG_LEVEL": "warn"}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"export", "--format", "xlsx"}, `format "xlsx"`},
		{[]string{"export", "--format", "csv"}, "csv needs a table"},
		{[]string{"export", "--format", "csv", "--matrix", "THEME"}, "ROWSxCOLUMNS"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[1:], " "), func(t *testing.T) {
			r := runArgs(t, env, tt.args...)
			if r.err == nil || !strings.Contains(r.err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", r.err, tt.want)
			}
		})
	}
}

func TestRun_Export(t *testing.T) {
	neo4jtest.Seeded(t)
	e := testEnv(t)
	t.Run("GraphML", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "g.graphml")
		mustRun(t, e, "export", "--format", "graphml", "--out", out)
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Nodes []struct{} `xml:"graph>node"`
		}
		if err := xml.Unmarshal(data, &doc); err != nil || len(doc.Nodes) < 176+41 {
			t.Fatalf("GraphML: %v, %d nodes", err, len(doc.Nodes))
		}
	})
	t.Run("Contradictions", func(t *testing.T) {
		r := mustRun(t, e, "export", "--format", "csv", "--table", "contradictions")
		recs, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
		if err != nil || len(recs) != 100 || strings.Join(recs[0], ",") != strings.Join(export.ContradictionColumns, ",") {
			t.Fatalf("CSV: %v, %d lines, header %q", err, len(recs), recs[0])
		}
	})
	t.Run("Matrix", func(t *testing.T) {
		r := mustRun(t, e, "export", "--format", "csv", "--matrix", "THEMExSECTOR")
		recs, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
		if err != nil || len(recs) != 9 || strings.Join(recs[0], ",") != "Id,Name,PUBLIC,PRIVATE,KNOWLEDGE,CIVIL" {
			t.Fatalf("matrix CSV: %v, %q", err, recs)
		}
	})
}
