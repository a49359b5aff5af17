package main

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/ingest"
	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// letter is a real Dutch ministry letter from the extraction devset.
const letter = "../../internal/extract/testdata/devset/nl-water-bodem.txt"

// jsonLines decodes the JSON Lines of an ingest run.
func jsonLines(t *testing.T, out string) []ingest.DryRunLine {
	t.Helper()
	var lines []ingest.DryRunLine
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var l ingest.DryRunLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("not a JSON line: %q: %v", sc.Text(), err)
		}
		lines = append(lines, l)
	}
	return lines
}

// TestRun_IngestDryRun: with no database at all, a dry run prints one JSON
// object per file whose offsets cut each quote out of the file.
func TestRun_IngestDryRun(t *testing.T) {
	down := map[string]string{"NEO4J_URI": "bolt://127.0.0.1:1", "RODEDRAAD_LOG_LEVEL": "warn",
		"RODEDRAAD_DATA_DIR": t.TempDir()}
	r := mustRun(t, down, "ingest", "--dry-run", "--json", letter)
	lines := jsonLines(t, r.stdout)
	if len(lines) != 1 || lines[0].File != letter || lines[0].Language != "nl" || len(lines[0].Items) == 0 {
		t.Fatalf("lines = %+v", lines)
	}
	data, _ := os.ReadFile(letter)
	runes := []rune(string(data))
	for _, it := range lines[0].Items {
		if string(runes[it.Start:it.End]) != it.Quote || it.Method != "RULE" {
			t.Fatalf("item %+v is not the file's text at its offsets", it)
		}
	}
	t.Run("ErrNoPaths", func(t *testing.T) {
		wantErr(t, runArgs(t, down, "ingest", "--dry-run").err, "give the files or folders")
	})
	t.Run("ErrUnknownExtractor", func(t *testing.T) {
		wantErr(t, runArgs(t, down, "ingest", "--dry-run", "--extractor", "magic", letter).err, `"magic"`, "rules or llm")
	})
	t.Run("ErrLLMWithoutModel", func(t *testing.T) {
		wantErr(t, runArgs(t, down, "ingest", "--dry-run", "--extractor", "llm", letter).err, "RODEDRAAD_LLM_URL")
	})
	t.Run("ErrBadKind", func(t *testing.T) {
		wantErr(t, runArgs(t, down, "ingest", "--dry-run", "--kind", "MEMO", letter).err, `"MEMO"`, "PLAN")
	})
}

// TestRun_Ingest: a folder with a broken file is ingested but for that file,
// which the command names and counts; ingesting again writes nothing.
func TestRun_Ingest(t *testing.T) {
	store := neo4jtest.Open(t)
	e := testEnv(t)
	e["RODEDRAAD_DATA_DIR"] = t.TempDir()
	mustRun(t, e, "seed")
	dir := t.TempDir()
	data, _ := os.ReadFile(letter)
	for name, content := range map[string]string{"brief.txt": string(data), "kapot.pdf": "geen pdf"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := runArgs(t, e, "ingest", dir)
	wantErr(t, r.err, "1 of 2 files failed")
	if !strings.Contains(r.stdout, "kapot.pdf") || !strings.Contains(r.stdout, "written as D-") {
		t.Fatalf("stdout = %q, want the broken file named and the good one written", r.stdout)
	}
	ctx := context.Background()
	n, err := store.Count(ctx, rodedraad.LabelRecommendation, rodedraad.Filter{Statuses: []string{"PROPOSED"}})
	if err != nil || n == 0 {
		t.Fatalf("%d PROPOSED recommendations after ingest (%v)", n, err)
	}
	again := mustRun(t, e, "ingest", "--json", filepath.Join(dir, "brief.txt"))
	lines := jsonLines(t, again.stdout)
	if len(lines) != 1 || lines[0].Written == nil || !lines[0].Written.Unchanged {
		t.Fatalf("second ingest = %+v, want unchanged", lines)
	}
	if m, _ := store.Count(ctx, rodedraad.LabelRecommendation, rodedraad.Filter{Statuses: []string{"PROPOSED"}}); m != n {
		t.Fatalf("%d PROPOSED after a re-ingest, want still %d", m, n)
	}
	t.Run("Aggregate", func(t *testing.T) {
		r := mustRun(t, e, "aggregate", "--dry-run")
		if !strings.Contains(r.stdout, "candidate pairs judged") || !strings.Contains(r.stdout, "dry run: nothing written") {
			t.Fatalf("stdout = %q", r.stdout)
		}
		wantErr(t, runArgs(t, e, "aggregate", "--method", "llm").err, "RODEDRAAD_LLM_URL")
	})
}
