package ingest_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/doctext"
	"github.com/rodedraad/rodedraad/internal/extract"
	"github.com/rodedraad/rodedraad/internal/extract/rules"
	"github.com/rodedraad/rodedraad/internal/ingest"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// devText is a real Dutch ministry letter from the extraction devset.
const devText = "../extract/testdata/devset/nl-water-bodem.txt"

// vocabulary is a small one: two themes with terms and an actor.
func vocabulary() extract.Vocabulary {
	return extract.Vocabulary{
		Themes: []extract.Theme{
			{ID: "T2", Name: "Duurzaamheid", Terms: map[string][]string{"nl": {"klimaat", "water", "bodem"}, "en": {"climate"}}},
			{ID: "T7", Name: "Wonen", Terms: map[string][]string{"nl": {"woningbouw", "huizen"}, "en": {"housing"}}},
		},
		Actors: []extract.Actor{{ID: "A-KABINET", Name: "kabinet"}},
	}
}

func options() ingest.Options {
	return ingest.Options{Extractor: rules.New(), Vocabulary: vocabulary()}
}

func MustPrepare(tb testing.TB, path string, opts ingest.Options) *ingest.Prepared {
	tb.Helper()
	p, err := ingest.Prepare(context.Background(), path, opts)
	if err != nil {
		tb.Fatalf("Prepare(%s): %v", path, err)
	}
	return p
}

// TestPrepare_GroundsEveryItemInTheFile: for a plain-text file, each item's
// offsets cut its quote out of the file itself, in code points.
func TestPrepare_GroundsEveryItemInTheFile(t *testing.T) {
	p := MustPrepare(t, devText, options())
	data, err := os.ReadFile(devText)
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune(string(data))
	if len(p.Result.Items) < 5 {
		t.Fatalf("%d items from a policy letter, want several", len(p.Result.Items))
	}
	for _, c := range p.Result.Items {
		if got := string(runes[c.Start:c.End]); got != c.Quote {
			t.Fatalf("file[%d:%d] = %q, want the quote %q", c.Start, c.End, got, c.Quote)
		}
	}
	t.Run("Bundle", func(t *testing.T) {
		b := p.Bundle
		if len(b.Documents) != 1 || len(b.Recommendations) != len(p.Result.Items) {
			t.Fatalf("bundle: %d documents, %d recommendations for %d items", len(b.Documents), len(b.Recommendations), len(p.Result.Items))
		}
		doc := b.Documents[0]
		if doc.ID != ingest.DocumentID(p.Doc.SHA256) || doc.Language != "nl" || doc.FileName != "nl-water-bodem.txt" || doc.Status != rodedraad.StatusAccepted {
			t.Fatalf("document = %+v", doc)
		}
		for _, r := range b.Recommendations {
			if r.Status != rodedraad.StatusProposed || r.Method != rodedraad.MethodRule || r.CreatedBy != rules.Name ||
				r.Source.Document != doc.ID || r.Source.Quote != r.Text || r.Source.Start == nil {
				t.Fatalf("recommendation = %+v", r)
			}
			if err := rodedraad.ValidateNode(&r); err != nil {
				t.Fatalf("recommendation %s is invalid: %v", r.ID, err)
			}
		}
		contains := 0
		for _, e := range b.Edges {
			if e.Type == rodedraad.RelContains {
				contains++
			}
			if e.Status != rodedraad.StatusProposed {
				t.Fatalf("edge %s %s->%s is %s, want PROPOSED", e.Type, e.From, e.To, e.Status)
			}
		}
		if contains != len(b.Recommendations) {
			t.Fatalf("%d CONTAINS edges for %d recommendations", contains, len(b.Recommendations))
		}
	})
	t.Run("Passages", func(t *testing.T) {
		if len(p.Bundle.Passages) == 0 {
			t.Fatal("no passages")
		}
		for _, ps := range p.Bundle.Passages {
			if string(runes[ps.Start:ps.End]) != ps.Text || ps.Document != p.Document().ID {
				t.Fatalf("passage %s does not cut its text out of the file", ps.ID)
			}
		}
	})
}

// TestPrepare_SameFileSameIDs: ids derive from the content, so a re-ingest
// can find what it wrote before.
func TestPrepare_SameFileSameIDs(t *testing.T) {
	a, b := MustPrepare(t, devText, options()), MustPrepare(t, devText, options())
	ids := func(p *ingest.Prepared) []string {
		var out []string
		for _, r := range p.Bundle.Recommendations {
			out = append(out, r.ID)
		}
		for _, ps := range p.Bundle.Passages {
			out = append(out, ps.ID)
		}
		return out
	}
	if !slices.Equal(ids(a), ids(b)) || a.Document().ID != b.Document().ID {
		t.Fatal("two reads of one file gave different ids")
	}
	opts := options()
	opts.ID, opts.Kind = "WATERBRIEF", "POLICY_LETTER"
	c := MustPrepare(t, devText, opts)
	if c.Document().ID != "WATERBRIEF" || c.Document().Kind != "POLICY_LETTER" || c.Bundle.Edges[0].From != "WATERBRIEF" {
		t.Fatalf("--id and --kind not applied: %+v", c.Document())
	}
}

// TestPrepare_BadInput: a file that cannot be read fails with a
// BAD_USER_INPUT that names it.
func TestPrepare_BadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name, path string
		reason     error
	}{
		{"NotFound", filepath.Join(dir, "nope.pdf"), doctext.ErrNotFound},
		{"Empty", write("leeg.txt", ""), doctext.ErrEmpty},
		{"UnknownType", write("plan.xyz", "tekst"), doctext.ErrUnsupported},
		{"NotAPDF", write("plan.pdf", "dit is geen pdf"), doctext.ErrCorrupt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ingest.Prepare(context.Background(), tt.path, options())
			if !errors.Is(err, tt.reason) || rodedraad.ErrorCode(err) != rodedraad.EINVALID || !strings.Contains(err.Error(), filepath.Base(tt.path)) {
				t.Fatalf("Prepare(%s) = %v, want %v naming the file", tt.path, err, tt.reason)
			}
		})
	}
}

// fakeWriter records what Run writes.
type fakeWriter struct{ written []string }

func (w *fakeWriter) IngestDocument(_ context.Context, b *rodedraad.Bundle) (rodedraad.IngestResult, error) {
	w.written = append(w.written, b.Documents[0].FileName)
	return rodedraad.IngestResult{DocumentID: b.Documents[0].ID, Version: 1}, nil
}

// TestRun_BrokenFileDoesNotStopTheOthers: the folder's broken file is
// reported and counted; the files around it are written.
func TestRun_BrokenFileDoesNotStopTheOthers(t *testing.T) {
	dir := t.TempDir()
	data, _ := os.ReadFile(devText)
	for name, content := range map[string]string{"a.txt": string(data), "b.pdf": "kapot", "c.md": "# Plan\n\nDe gemeente moet meer woningen bouwen in Velsen.\n", "skip.png": "x"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, err := ingest.Files([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a.txt", "b.pdf", "c.md"}; !slices.Equal(base(files), want) {
		t.Fatalf("Files = %v, want %v (supported endings, sorted)", base(files), want)
	}
	w := &fakeWriter{}
	var reports []ingest.FileReport
	failed := ingest.Run(context.Background(), files, options(), w, func(r ingest.FileReport) { reports = append(reports, r) })
	if failed != 1 || len(reports) != 3 || reports[1].Err == nil || doctext.ReasonOf(reports[1].Err) != doctext.ErrCorrupt {
		t.Fatalf("failed = %d, reports = %+v", failed, reports)
	}
	if !slices.Equal(w.written, []string{"a.txt", "c.md"}) {
		t.Fatalf("written = %v, want the two good files", w.written)
	}
}

func base(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = filepath.Base(p)
	}
	return out
}

// TestDryRun_JSONLine: the dry-run line has the fields the issue names, with
// empty lists rather than null.
func TestDryRun_JSONLine(t *testing.T) {
	p := MustPrepare(t, devText, options())
	data, err := json.Marshal(ingest.DryRun(ingest.FileReport{File: devText, Prepared: p}))
	if err != nil {
		t.Fatal(err)
	}
	var line map[string]any
	if err := json.Unmarshal(data, &line); err != nil {
		t.Fatal(err)
	}
	items, _ := line["items"].([]any)
	if line["file"] != devText || line["language"] != "nl" || len(items) != len(p.Result.Items) {
		t.Fatalf("line = %s", data)
	}
	first, _ := items[0].(map[string]any)
	for _, key := range []string{"quote", "start", "end", "page", "kind", "themes", "actors", "confidence", "method"} {
		if _, ok := first[key]; !ok {
			t.Errorf("item lacks %q: %v", key, first)
		}
	}
	if _, written := line["written"]; written {
		t.Error("a dry run says it wrote something")
	}
}

func TestGuessKind(t *testing.T) {
	tests := map[string]string{
		"Kamerbrief over water en bodem":        "POLICY_LETTER",
		"Advies Raad voor de leefomgeving":      "ADVICE",
		"Visie Techport 2030":                   "VISION",
		"Scenariostudie IJmond":                 "SCENARIO_STUDY",
		"Uitvoeringsprogramma Wonen Velsen":     "PLAN",
		"Onderzoek luchtkwaliteit Wijk aan Zee": "RESEARCH_REPORT",
	}
	for title, want := range tests {
		if got := ingest.GuessKind(title); got != want {
			t.Errorf("GuessKind(%q) = %s, want %s", title, got, want)
		}
	}
}

func TestTitle(t *testing.T) {
	short := "De gemeente moet meer woningen bouwen."
	if got := ingest.Title(short); got != short {
		t.Errorf("Title(short) = %q", got)
	}
	long := "Het kabinet gaat de komende jaren fors investeren in de verduurzaming van de industrie in de IJmond, met name bij Tata Steel."
	if got := ingest.Title(long); got != "Het kabinet gaat de komende jaren fors investeren in de verduurzaming van …" {
		t.Errorf("Title(long) = %q", got)
	}
}
