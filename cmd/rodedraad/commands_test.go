package main

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/bundle"
	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/seeds"
)

// These tests share the test Neo4j: they empty it first and when done
// (neo4jtest.Open) and must not run in parallel.

// testEnv returns the environment that points the commands at the test Neo4j.
func testEnv(tb testing.TB) map[string]string {
	return map[string]string{"NEO4J_URI": neo4jtest.URI(tb), "RODEDRAAD_LOG_LEVEL": "warn"}
}

// graphCounts counts the nodes of each kind and the edges of each type
// through the store, so two graphs can be compared.
func graphCounts(tb testing.TB, store *neo4jstore.Store) map[string]int {
	tb.Helper()
	ctx := context.Background()
	counts := map[string]int{}
	var ids []string
	for _, label := range rodedraad.Labels {
		n, err := store.Count(ctx, label, rodedraad.Filter{})
		if err != nil {
			tb.Fatalf("count %s: %v", label, err)
		}
		counts[string(label)] = n
		ids = append(ids, listIDs(tb, store, label)...)
	}
	for _, t := range rodedraad.RelTypes {
		links, err := store.Links(ctx, ids, rodedraad.LinkQuery{Type: t, Dir: rodedraad.Out})
		if err != nil {
			tb.Fatalf("links %s: %v", t, err)
		}
		for _, l := range links {
			counts[string(t)] += len(l)
		}
	}
	return counts
}

// listIDs returns the id of every node of a kind, page by page.
func listIDs(tb testing.TB, store *neo4jstore.Store, label rodedraad.Label) []string {
	tb.Helper()
	var ids []string
	p := rodedraad.Page{First: rodedraad.MaxPageSize}
	for {
		page, err := store.List(context.Background(), label, rodedraad.Filter{}, rodedraad.Order{}, p)
		if err != nil {
			tb.Fatalf("list %s: %v", label, err)
		}
		for _, n := range page.Items {
			ids = append(ids, n.NodeID())
		}
		if !page.HasNextPage {
			return ids
		}
		p.After = &page.Cursors[len(page.Cursors)-1]
	}
}

// wantCounts fails the test when got and want differ, naming what differs.
func wantCounts(tb testing.TB, got, want map[string]int) {
	tb.Helper()
	if maps.Equal(got, want) {
		return
	}
	for k := range maps.Keys(want) {
		if got[k] != want[k] {
			tb.Errorf("%s: got %d, want %d", k, got[k], want[k])
		}
	}
	for k := range maps.Keys(got) {
		if _, ok := want[k]; !ok {
			tb.Errorf("%s: got %d, want none", k, got[k])
		}
	}
}

func TestRun_Migrate(t *testing.T) {
	neo4jtest.Open(t)
	r := mustRun(t, testEnv(t), "migrate")
	if !strings.Contains(r.stdout, "migrated: schema version ") {
		t.Errorf("stdout = %q, want the schema version", r.stdout)
	}
	again := mustRun(t, testEnv(t), "migrate")
	if again.stdout != r.stdout {
		t.Errorf("second migrate printed %q, first %q", again.stdout, r.stdout)
	}
}

// Seeding twice gives the same graph: the seeds are upserted by id.
func TestRun_Seed(t *testing.T) {
	store := neo4jtest.Open(t)
	r := mustRun(t, testEnv(t), "seed")
	for _, want := range []string{"seeded:", "documents           41", "recommendations    176", "conflicts           13"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
	first := graphCounts(t, store)
	want := map[string]int{"Document": 41, "Actor": 86, "Recommendation": 176, "Theme": 8, "Scenario": 27, "Conflict": 13,
		"SIDE_A": 39, "SIDE_B": 31} // one side edge per item named on a side in seeds/links.yaml
	for k, n := range want {
		if first[k] != n {
			t.Errorf("%s = %d after seed, want %d", k, first[k], n)
		}
	}
	// Every recommendation a document file lists sits in that document (the
	// positions of seeds/positions.yaml stand in none).
	b, err := bundle.Load(seeds.FS, bundle.Options{Defaults: bundle.SeedDefaults})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := first[string(rodedraad.RelContains)], b.Count().Edges[rodedraad.RelContains]; got != want || want < 170 {
		t.Errorf("CONTAINS edges = %d after seed, want the %d the document files list", got, want)
	}
	mustRun(t, testEnv(t), "seed")
	wantCounts(t, graphCounts(t, store), first)
}

func TestRun_SeedUnreachable(t *testing.T) {
	r := runArgs(t, map[string]string{"NEO4J_URI": "bolt://127.0.0.1:17809", "RODEDRAAD_LOG_LEVEL": "warn"}, "seed")
	wantErr(t, r.err, "neo4j is not reachable")
}

// goodBundle adds a recommendation to seeded document D01, with a stance of
// a seeded actor and a link to a seeded recommendation.
const goodBundle = `# a position added after the seeds
recommendations:
  - id: R01.90
    title: "Publish the health monitor every year"
    text: "Publish the IJmond health monitor every year, so residents can follow the effect of the measures."
    kind: RECOMMENDATION
    language: en
    themes: [H]
    assignedTo: [A-RIVM]
    source: {document: D01, page: "3"}
links:
  - {type: CONTAINS, from: D01, to: R01.90, page: "3"}
  - {type: SUPPORTS, from: A-FNV, to: R01.90}
  - {type: SUPPORTS, from: R01.90, to: R01.1, score: 2, rationale: "monitoring follows the finding"}
`

// writeFile writes data to name in a fresh folder and returns its path.
func writeFile(tb testing.TB, name, data string) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), name)
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

func TestRun_Import(t *testing.T) {
	store := neo4jtest.Open(t)
	e := testEnv(t)
	mustRun(t, e, "seed")
	seeded := graphCounts(t, store)

	t.Run("OK", func(t *testing.T) {
		file := writeFile(t, "plans.yaml", goodBundle)
		r := mustRun(t, e, "import", file)
		if !strings.Contains(r.stdout, "imported "+file) || !regexp.MustCompile(`Recommendation +1 +0 +0`).MatchString(r.stdout) {
			t.Errorf("stdout = %q, want the file and one recommendation created", r.stdout)
		}
		want := maps.Clone(seeded)
		want["Recommendation"]++
		want["CONTAINS"]++
		want["SUPPORTS"] += 2
		want["ADDRESSES"]++
		want["ASSIGNED_TO"]++
		got := graphCounts(t, store)
		wantCounts(t, got, want)

		mustRun(t, e, "import", file)
		wantCounts(t, graphCounts(t, store), got)
		n, err := store.Node(context.Background(), "R01.90")
		if err != nil {
			t.Fatalf("Node(R01.90) = %v", err)
		}
		if p := n.Prov(); p.Method != rodedraad.MethodManual {
			t.Errorf("method = %q, want MANUAL for an import", p.Method)
		}
	})

	before := graphCounts(t, store)
	bad := []struct {
		name, data string
		want       []string // parts of the error: file, line, field, message
	}{
		{"UnknownField", strings.Replace(goodBundle, "    language: en\n", "    language: en\n    titel: typo\n", 1),
			[]string{"bad.yaml:8:", "recommendations[0].titel", "unknown field"}},
		{"BadEnum", strings.Replace(goodBundle, "kind: RECOMMENDATION", "kind: WISH", 1),
			[]string{"bad.yaml:6:", "recommendations[0].kind", `"WISH"`}},
		{"DanglingReference", strings.Replace(goodBundle, "to: R01.1,", "to: R99.9,", 1),
			[]string{"bad.yaml:14:", "links[2].to", `"R99.9"`}},
		{"DanglingTheme", strings.Replace(goodBundle, "themes: [H]", "themes: [T99]", 1),
			[]string{"bad.yaml:8:", "recommendations[0].themes", `"T99"`}},
		{"BadYAML", "recommendations: [\n", []string{"bad.yaml"}},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			// A new id next to the error proves the whole file is refused.
			data := strings.ReplaceAll(tt.data, "R01.90", "R01.91")
			file := writeFile(t, "bad.yaml", data)
			r := runArgs(t, e, "import", file)
			wantErr(t, r.err, append([]string{"nothing was written"}, tt.want...)...)
			wantCounts(t, graphCounts(t, store), before)
		})
	}

	t.Run("BadFileWithoutDatabase", func(t *testing.T) {
		// Nothing listens on port 1: a bad file must be refused before any
		// attempt to reach Neo4j, not after the driver gives up.
		down := map[string]string{"NEO4J_URI": "bolt://127.0.0.1:1", "RODEDRAAD_LOG_LEVEL": "warn"}
		file := writeFile(t, "bad.yaml", strings.Replace(goodBundle, "kind: RECOMMENDATION", "kind: WISH", 1))
		r := runArgs(t, down, "import", file)
		wantErr(t, r.err, "nothing was written", "bad.yaml:6:", `"WISH"`)
		if strings.Contains(r.err.Error(), "neo4j") {
			t.Errorf("the error speaks of neo4j, so the file was not checked first: %v", r.err)
		}
	})
	t.Run("MissingFile", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "nope.yaml")
		r := runArgs(t, e, "import", file)
		wantErr(t, r.err, "import", file, "no such file")
	})
	t.Run("NoFile", func(t *testing.T) {
		r := runArgs(t, e, "import")
		wantErr(t, r.err, "give the bundle file")
	})
	t.Run("FlagInsteadOfFile", func(t *testing.T) {
		r := runArgs(t, e, "import", "--log-level", "warn")
		wantErr(t, r.err, "give the bundle file")
	})
	t.Run("FileBeforeFlags", func(t *testing.T) {
		file := writeFile(t, "good.yaml", goodBundle)
		if r := runArgs(t, e, "import", file, "--log-level", "warn"); r.err != nil {
			t.Fatalf("import FILE --log-level warn: %v", r.err)
		}
	})
}
