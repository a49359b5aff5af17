package bundle_test

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rodedraad/rodedraad/internal/bundle"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/seeds"
)

func TestCheck_Seeds(t *testing.T) {
	c, err := bundle.Check(seeds.FS)
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	// 40 corpus documents + the founding letter; 83 corpus actors + Arcadis,
	// Universiteit Twente, Microtechniek; 167 corpus recommendations + 4
	// ambitions of the letter + 5 taken from conflict sides given in words.
	want := map[string]int{
		"themes": 8, "actors": 86, "documents": 41, "recommendations": 176, "scenarios": 27,
		"SUPPORTS":       34, // 18 corpus links + 11 founding-letter links + 5 stances on positions
		"CONFLICTS_WITH": 99, // 13 conflicts expanded pairwise
		"CONTAINS":       173, "DESCRIBES": 31, "INCLUDES": 12,
	}
	got := map[string]int{
		"themes": c.Themes, "actors": c.Actors, "documents": c.Documents, "recommendations": c.Recommendations, "scenarios": c.Scenarios,
		"SUPPORTS": c.Edges[rodedraad.RelSupports], "CONFLICTS_WITH": c.Edges[rodedraad.RelConflictsWith],
		"CONTAINS": c.Edges[rodedraad.RelContains], "DESCRIBES": c.Edges[rodedraad.RelDescribes], "INCLUDES": c.Edges[rodedraad.RelIncludes],
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s = %d, want %d", k, got[k], w)
		}
	}
}

func mustSeeds(tb testing.TB) *rodedraad.Bundle {
	tb.Helper()
	b, err := bundle.Load(seeds.FS, bundle.Options{Defaults: bundle.SeedDefaults})
	if err != nil {
		tb.Fatalf("Load seeds: %v", err)
	}
	return b
}

func TestSeeds_ReferentialIntegrity(t *testing.T) {
	b := mustSeeds(t)
	labels := map[string]rodedraad.Label{}
	add := func(id string, l rodedraad.Label) {
		if _, dup := labels[id]; dup {
			t.Errorf("duplicate id %s", id)
		}
		labels[id] = l
	}
	for _, n := range b.Themes {
		add(n.ID, rodedraad.LabelTheme)
	}
	for _, n := range b.Actors {
		add(n.ID, rodedraad.LabelActor)
	}
	for _, n := range b.Documents {
		add(n.ID, rodedraad.LabelDocument)
	}
	for _, n := range b.Recommendations {
		add(n.ID, rodedraad.LabelRecommendation)
	}
	for _, n := range b.Scenarios {
		add(n.ID, rodedraad.LabelScenario)
	}
	for _, n := range b.Conflicts {
		add(n.ID, rodedraad.LabelConflict)
	}
	themed, contained := map[string]bool{}, map[string]bool{}
	for _, e := range b.Edges {
		from, okF := labels[e.From]
		to, okT := labels[e.To]
		if !okF || !okT {
			t.Errorf("edge %s has an undefined end", e.Key())
			continue
		}
		if err := e.Validate(from, to); err != nil {
			t.Errorf("edge %s: %v", e.Key(), err)
		}
		if e.Status != rodedraad.StatusAccepted || e.Method != rodedraad.MethodSeed {
			t.Errorf("edge %s is %s %s, want ACCEPTED SEED", e.Key(), e.Status, e.Method)
		}
		themed[e.From] = themed[e.From] || e.Type == rodedraad.RelAddresses
		contained[e.To] = contained[e.To] || e.Type == rodedraad.RelContains
		if e.Type == rodedraad.RelConflictsWith && from != rodedraad.LabelActor && (e.ConflictID == "" || e.Topic == "") {
			t.Errorf("conflict edge %s lacks its conflict id or topic", e.Key())
		}
	}
	for _, r := range b.Recommendations {
		if r.Title == "" || !themed[r.ID] || r.Status != rodedraad.StatusAccepted || r.Method != rodedraad.MethodSeed {
			t.Errorf("%s: title %q, themed %v, %s %s", r.ID, r.Title, themed[r.ID], r.Status, r.Method)
		}
		if len(r.Source.URLs) == 0 && r.ID[:3] != "R41" {
			t.Errorf("%s has no source URL", r.ID)
		}
		if contained[r.ID] != (r.Source.Document != "" && labels[r.Source.Document] == rodedraad.LabelDocument) && r.Kind != "POSITION" {
			t.Errorf("%s: contained %v but source document %q", r.ID, contained[r.ID], r.Source.Document)
		}
	}
	for _, d := range b.Documents {
		if d.EvidenceLevel == "" || (len(d.URLs) == 0 && d.ID != "D41") {
			t.Errorf("%s lacks its evidence level or URLs", d.ID)
		}
	}
}

func TestCheck_BrokenSeedFile(t *testing.T) {
	fsys := fstest.MapFS{}
	err := fs.WalkDir(seeds.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(seeds.FS, p)
		fsys[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	d01 := string(fsys["documents/D01.yaml"].Data)
	line := 1 + strings.Count(d01[:strings.Index(d01, "kind: RECOMMENDATION")], "\n")
	fsys["documents/D01.yaml"].Data = []byte(strings.Replace(d01, "kind: RECOMMENDATION", "kind: ADVISE", 1))

	_, err = bundle.Check(fsys)
	var errs bundle.Errors
	if !errors.As(err, &errs) || len(errs) != 1 {
		t.Fatalf("want one error, got %v", err)
	}
	e := errs[0]
	if e.File != "documents/D01.yaml" || e.Line != line || e.Field != "document.recommendations[3].kind" ||
		!strings.HasPrefix(e.Message, `"ADVISE" is not one of`) {
		t.Errorf("got %v, want documents/D01.yaml:%d: document.recommendations[3].kind", e, line)
	}
}

// TestSeeds_Dutch checks that every recommendation, conflict and theme of the
// seeds carries Dutch beside its English wording, marked as a rendering: the
// team wrote them with a language model's help (LLM), and none claims to be
// the source's own wording.
func TestSeeds_Dutch(t *testing.T) {
	b := mustSeeds(t)
	check := func(what, id string, tr *rodedraad.Translation) {
		if tr == nil || tr.Language != "nl" || tr.Title == "" || tr.Method != "LLM" {
			t.Errorf("%s %s: translation %+v, want a Dutch title made by LLM", what, id, tr)
		}
	}
	for _, r := range b.Recommendations {
		check("recommendation", r.ID, r.Translation)
		if r.Translation != nil && (r.Translation.Text == "" || r.TitleIn("nl") == r.Title || r.TitleIn("en") != r.Title) {
			t.Errorf("%s: Dutch %q / %q", r.ID, r.TitleIn("nl"), r.Translation.Text)
		}
	}
	for _, c := range b.Conflicts {
		check("conflict", c.ID, c.Translation)
	}
	for _, th := range b.Themes {
		check("theme", th.ID, th.Translation)
	}
	if len(b.Recommendations) != 176 || len(b.Conflicts) != 13 {
		t.Errorf("%d recommendations, %d conflicts; want 176 and 13", len(b.Recommendations), len(b.Conflicts))
	}
}
