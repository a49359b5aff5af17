package bundle_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rodedraad/rodedraad/internal/bundle"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// base is a small valid bundle that the bad-input cases break one line at a time.
const base = `themes:
  - {id: T1, name: Innovation, inStudyScope: true}
actors:
  - {id: A-X, name: X, kind: COMPANY, sector: PRIVATE}
`

const doc = `document:
  id: D01
  title: A plan
  kind: PLAN
  authors:
    - {actor: A-X, role: PUBLISHER}
  recommendations:
    - id: R01.1
      title: Do it
      text: Do it now.
      kind: RECOMMENDATION
      themes: [T1]
      assignedTo: [A-X]
`

func mustLoad(tb testing.TB, files map[string]string, opts bundle.Options) *rodedraad.Bundle {
	tb.Helper()
	b, err := bundle.Load(mapFS(files), opts)
	if err != nil {
		tb.Fatalf("Load: %v", err)
	}
	return b
}

func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

func TestLoad_BadInput(t *testing.T) {
	for _, tc := range []struct {
		name, file, data string
		line             int
		field, message   string
	}{
		{"UnknownField", "d.yaml", strings.Replace(doc, "      kind: RECOMMENDATION", "      kind: RECOMMENDATION\n      colour: red", 1),
			12, "document.recommendations[0].colour", "unknown field"},
		{"BadEnum", "d.yaml", strings.Replace(doc, "kind: RECOMMENDATION", "kind: FOO", 1),
			11, "document.recommendations[0].kind", `"FOO" is not one of RECOMMENDATION, CONCLUSION`},
		{"MissingReference", "d.yaml", strings.Replace(doc, "themes: [T1]", "themes: [T1, T9]", 1),
			12, "document.recommendations[0].themes[1]", `"T9" is not defined`},
		{"MissingActor", "d.yaml", strings.Replace(doc, "actor: A-X", "actor: A-Y", 1),
			6, "document.authors[0].actor", `"A-Y" is not defined`},
		{"DuplicateIDAcrossFiles", "d.yaml", strings.Replace(doc, "id: D01", "id: A-X", 1),
			2, "document.id", `"A-X" is already defined at base.yaml:4`},
		{"BadScore", "d.yaml", doc + "links:\n  - {type: SUPPORTS, from: R01.1, to: R02.1, score: 5}\nrecommendations:\n  - {id: R02.1, text: t, kind: GOAL}\n",
			15, "links[0].score", "5 is outside +1..+3"},
		{"WrongEndpoints", "d.yaml", doc + "links:\n  - {type: SUPPORTS, from: R01.1, to: D01, score: 1}\n",
			15, "links[0]", "SUPPORTS cannot go from Recommendation R01.1 to Document D01"},
		{"NotANumber", "d.yaml", strings.Replace(doc, "kind: PLAN", "kind: PLAN\n  year: soon", 1),
			5, "document.year", `"soon" is not a whole number`},
		{"MalformedYAML", "d.yaml", "document:\n  id: D01\n   title: x\n", 3, "", "mapping values are not allowed"},
		{"BadConflictStrength", "d.yaml", doc + "conflicts:\n  - {id: C1, topic: t, strength: STRONG, sideA: [R01.1], sideB: [R01.1]}\n",
			15, "conflicts[0].strength", `"STRONG" is not one of EXPLICIT, INFERRED`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := bundle.Load(mapFS(map[string]string{"base.yaml": base, tc.file: tc.data}), bundle.Options{Defaults: bundle.SeedDefaults})
			var errs bundle.Errors
			if !errors.As(err, &errs) {
				t.Fatalf("want bundle.Errors, got %v", err)
			}
			e := errs[0]
			if e.File != tc.file || e.Line != tc.line || e.Field != tc.field || !strings.Contains(e.Message, tc.message) {
				t.Errorf("got %s:%d field %q message %q\nwant %s:%d field %q message containing %q",
					e.File, e.Line, e.Field, e.Message, tc.file, tc.line, tc.field, tc.message)
			}
			if got := rodedraad.ErrorCode(err); got != rodedraad.EINVALID {
				t.Errorf("ErrorCode = %q, want %q", got, rodedraad.EINVALID)
			}
		})
	}
}

func TestError_Format(t *testing.T) {
	e := &bundle.Error{File: "seeds/documents/D01.yaml", Line: 42, Field: "recommendations[3].kind", Message: `"FOO" is not one of X, Y`}
	want := `seeds/documents/D01.yaml:42: recommendations[3].kind: "FOO" is not one of X, Y`
	if e.Error() != want {
		t.Errorf("got %q, want %q", e.Error(), want)
	}
}

func TestLoad_ReportsAllErrors(t *testing.T) {
	data := strings.NewReplacer("kind: PLAN", "kind: MEMO", "kind: RECOMMENDATION", "kind: WISH").Replace(doc)
	_, err := bundle.Load(mapFS(map[string]string{"base.yaml": base, "d.yaml": data}), bundle.Options{})
	var errs bundle.Errors
	if !errors.As(err, &errs) || len(errs) != 2 {
		t.Fatalf("want 2 errors, got %v", err)
	}
	if errs[0].Field != "document.kind" || errs[1].Field != "document.recommendations[0].kind" {
		t.Errorf("fields = %q, %q", errs[0].Field, errs[1].Field)
	}
}

func TestLoad_Defaults(t *testing.T) {
	t.Run("Options", func(t *testing.T) {
		b := mustLoad(t, map[string]string{"base.yaml": base, "d.yaml": doc}, bundle.Options{Defaults: bundle.ImportDefaults})
		r := b.Recommendations[0]
		if r.Status != rodedraad.StatusAccepted || r.Method != rodedraad.MethodManual {
			t.Errorf("provenance = %s %s, want ACCEPTED MANUAL", r.Status, r.Method)
		}
	})
	t.Run("FileOverridesOptionsAndItemOverridesFile", func(t *testing.T) {
		data := "defaults: {status: PROPOSED, method: LLM}\n" + strings.Replace(doc, "      title: Do it", "      title: Do it\n      status: REJECTED", 1)
		b := mustLoad(t, map[string]string{"base.yaml": base, "d.yaml": data}, bundle.Options{Defaults: bundle.SeedDefaults})
		if d := b.Documents[0]; d.Status != rodedraad.StatusProposed || d.Method != rodedraad.MethodLLM {
			t.Errorf("document provenance = %s %s, want PROPOSED LLM", d.Status, d.Method)
		}
		if r := b.Recommendations[0]; r.Status != rodedraad.StatusRejected || r.Method != rodedraad.MethodLLM {
			t.Errorf("recommendation provenance = %s %s, want REJECTED LLM", r.Status, r.Method)
		}
		if th := b.Themes[0]; th.Status != rodedraad.StatusAccepted || th.Method != rodedraad.MethodSeed {
			t.Errorf("theme of another file = %s %s, want ACCEPTED SEED", th.Status, th.Method)
		}
	})
}

func TestLoad_SourceFromDocument(t *testing.T) {
	data := strings.Replace(doc, "  kind: PLAN", "  kind: PLAN\n  urls: [https://example.org/plan]", 1)
	b := mustLoad(t, map[string]string{"base.yaml": base, "d.yaml": data}, bundle.Options{})
	s := b.Recommendations[0].Source
	if s.Document != "D01" || len(s.URLs) != 1 || s.URLs[0] != "https://example.org/plan" {
		t.Errorf("source = %+v, want D01 with the document's URL", s)
	}
}

func TestLoad_External(t *testing.T) {
	var asked []string
	opts := bundle.Options{External: func(ids []string) (map[string]rodedraad.Label, error) {
		asked = ids
		return map[string]rodedraad.Label{"T1": rodedraad.LabelTheme, "A-X": rodedraad.LabelActor}, nil
	}}
	b := mustLoad(t, map[string]string{"d.yaml": doc}, opts)
	if strings.Join(asked, ",") != "A-X,T1" {
		t.Errorf("asked %v, want [A-X T1]", asked)
	}
	if len(b.Edges) != 4 { // AUTHORED, CONTAINS, ADDRESSES, ASSIGNED_TO
		t.Errorf("edges = %d, want 4", len(b.Edges))
	}
	_, err := bundle.Load(mapFS(map[string]string{"d.yaml": strings.Replace(doc, "[T1]", "[T2]", 1)}), opts)
	if err == nil || !strings.Contains(err.Error(), `d.yaml:12: document.recommendations[0].themes[0]: "T2" is not defined`) {
		t.Errorf("unresolved reference: got %v", err)
	}
}

func TestLoad_JSON(t *testing.T) {
	data := `{"themes": [{"id": "T1", "name": "Innovation", "inStudyScope": true}]}`
	b := mustLoad(t, map[string]string{"t.json": data}, bundle.Options{})
	if len(b.Themes) != 1 || !b.Themes[0].InStudyScope {
		t.Errorf("themes = %+v", b.Themes)
	}
}

func TestLoad_ConflictExpansion(t *testing.T) {
	data := base + `recommendations:
  - {id: Ra1, title: Ta1, text: a1, kind: GOAL}
  - {id: Ra2, title: Ta2, text: a2, kind: GOAL}
  - {id: Rb1, title: Tb1, text: b1, kind: GOAL}
  - {id: Rb2, title: Tb2, text: b2, kind: GOAL}
  - {id: Rb3, title: Tb3, text: b3, kind: GOAL}
conflicts:
  - {id: C1, topic: Topic one, summary: S, strength: EXPLICIT, sideA: [Ra1, Ra2], sideB: [Rb1, Rb2, Rb3], evidence: [e1]}
  - {id: C2, topic: Topic two, strength: INFERRED, sideA: [Rb1], sideB: [Ra1]}
  - {id: C3, topic: Topic three, score: -3, sideA: [Rb2], sideB: [Ra2]}
`
	b := mustLoad(t, map[string]string{"c.yaml": data}, bundle.Options{})
	got, sides := map[string]int{}, map[string]int{}
	for _, e := range b.Edges {
		if e.Type == rodedraad.RelSideA || e.Type == rodedraad.RelSideB {
			sides[e.From+":"+string(e.Type)]++
			continue
		}
		if e.Type != rodedraad.RelConflictsWith {
			t.Fatalf("unexpected edge %+v", e)
		}
		got[e.ConflictID+":"+e.From+">"+e.To] = *e.Score
		if e.ConflictID == "C1" && (e.Topic != "Topic one" || e.Summary != "S" || len(e.Evidence) != 1) {
			t.Errorf("C1 edge lacks the conflict's topic, summary or evidence: %+v", e)
		}
	}
	want := map[string]int{
		"C1:Ra1>Rb1": -2, "C1:Ra1>Rb2": -2, "C1:Ra1>Rb3": -2,
		"C1:Ra2>Rb1": -2, "C1:Ra2>Rb2": -2, "C1:Ra2>Rb3": -2,
		"C2:Rb1>Ra1": -1, "C3:Rb2>Ra2": -3,
	}
	if len(got) != len(want) {
		t.Errorf("got %d edges %v, want %d", len(got), got, len(want))
	}
	for k, s := range want {
		if got[k] != s {
			t.Errorf("%s: score %d, want %d", k, got[k], s)
		}
	}
	t.Run("Nodes", func(t *testing.T) {
		wantSides := map[string]int{"C1:SIDE_A": 2, "C1:SIDE_B": 3, "C2:SIDE_A": 1, "C2:SIDE_B": 1, "C3:SIDE_A": 1, "C3:SIDE_B": 1}
		if !reflect.DeepEqual(sides, wantSides) {
			t.Errorf("side edges %v, want %v", sides, wantSides)
		}
		if len(b.Conflicts) != 3 || b.Conflicts[0].Topic != "Topic one" || !reflect.DeepEqual(b.Conflicts[0].SideB, []string{"Rb1", "Rb2", "Rb3"}) {
			t.Errorf("conflict nodes %+v", b.Conflicts)
		}
	})
}

func TestLoad_ConflictErrors(t *testing.T) {
	recs := base + `recommendations:
  - {id: Ra, title: Ta, text: a, kind: GOAL}
  - {id: Rb, title: Tb, text: b, kind: GOAL}
conflicts:
`
	tests := []struct{ name, conflict, want string }{
		{"NoStrength", `  - {id: C1, topic: T, sideA: [Ra], sideB: [Rb]}`, "c.yaml:9: conflicts[0].strength: is required"},
		{"BadStrength", `  - {id: C1, topic: T, strength: STRONG, sideA: [Ra], sideB: [Rb]}`, `conflicts[0].strength: "STRONG" is not one of EXPLICIT, INFERRED`},
		{"EmptySide", `  - {id: C1, topic: T, strength: EXPLICIT, sideA: [Ra], sideB: []}`, "conflicts[0].sideB: is empty"},
		{"BothSides", `  - {id: C1, topic: T, strength: EXPLICIT, sideA: [Ra], sideB: [Ra, Rb]}`, "Ra is on both sides"},
		{"Unknown", `  - {id: C1, topic: T, strength: EXPLICIT, sideA: [Ra], sideB: [Rx]}`, `conflicts[0].sideB[0]: "Rx" is not defined`},
		{"BadState", `  - {id: C1, topic: T, strength: EXPLICIT, sideA: [Ra], sideB: [Rb], history: [{state: DONE, by: team}]}`, `conflicts[0].history[0].state: "DONE" is not one of OPEN`},
		{"NoDecision", `  - {id: C1, topic: T, strength: EXPLICIT, sideA: [Ra], sideB: [Rb], history: [{state: RESOLVED, by: team}]}`, `conflicts[0].history[0].decision: is required`},
		{"Twice", "  - {id: C1, topic: T, strength: EXPLICIT, sideA: [Ra], sideB: [Rb]}\n  - {id: C1, topic: U, strength: EXPLICIT, sideA: [Rb], sideB: [Ra]}", `c.yaml:10: conflicts[1].id: "C1" is already defined at c.yaml:9`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := bundle.Load(mapFS(map[string]string{"c.yaml": recs + strings.ReplaceAll(tt.conflict, `\n`, "\n") + "\n"}), bundle.Options{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
}

func TestLoad_DuplicateEdge(t *testing.T) {
	data := base + `recommendations:
  - {id: Ra, text: a, kind: GOAL}
  - {id: Rb, text: b, kind: GOAL}
links:
  - {type: SUPPORTS, from: Ra, to: Rb, score: 1}
  - {type: SUPPORTS, from: Ra, to: Rb, score: 2}
`
	_, err := bundle.Load(mapFS(map[string]string{"l.yaml": data}), bundle.Options{})
	if err == nil || !strings.Contains(err.Error(), "l.yaml:10: links[1]: SUPPORTS from Ra to Rb is already defined at l.yaml:9") {
		t.Errorf("got %v", err)
	}
}
