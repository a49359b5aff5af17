package export_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/export"
	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/service"
)

// The official schemas (see testdata/xsd/README.md for where they are from).
var (
	graphmlXSD = filepath.Join("testdata", "xsd", "graphml", "graphml.xsd")
	gexfXSD    = filepath.Join("testdata", "xsd", "gexf-1.3", "gexf.xsd")
	gexfRNG    = filepath.Join("testdata", "xsd", "gexf-1.3", "gexf.rng")
)

// schemaCheck validates documents with xmllint, without the network.
type schemaCheck struct{ xmllint string }

// mustSchemaCheck finds xmllint (Debian: libxml2-utils). Without it the
// check skips under -short and fails otherwise, so that CI cannot pass
// without having validated.
func mustSchemaCheck(tb testing.TB) schemaCheck {
	tb.Helper()
	path, err := exec.LookPath("xmllint")
	switch {
	case err == nil:
		return schemaCheck{path}
	case testing.Short():
		tb.Skip("geen xmllint / no xmllint: schema check skipped under -short (apt-get install libxml2-utils)")
	default:
		tb.Fatal("geen xmllint / no xmllint on PATH: the exports cannot be checked against their schemas; install libxml2-utils (Debian) or run with -short")
	}
	return schemaCheck{}
}

// validate returns xmllint's complaints about doc against the schema (flag
// --schema for an XSD, --relaxng for RELAX NG), or "" when doc is valid.
func (c schemaCheck) validate(tb testing.TB, flag, schema string, doc []byte) string {
	tb.Helper()
	file := filepath.Join(tb.TempDir(), "export.xml")
	if err := os.WriteFile(file, doc, 0o600); err != nil {
		tb.Fatal(err)
	}
	out, err := exec.Command(c.xmllint, "--noout", "--nonet", flag, schema, file).CombinedOutput()
	var invalid *exec.ExitError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &invalid):
		return string(out)
	default:
		tb.Fatalf("run xmllint: %v", err)
		return ""
	}
}

// gexfForXSD maps the viz prefix onto the GEXF namespace, where the official
// XSD (a trang conversion) declares the viz elements; the RELAX NG schema has
// them in their own namespace, as Gephi writes them.
func gexfForXSD(doc []byte) []byte {
	return bytes.Replace(doc, []byte(`xmlns:viz="http://gexf.net/1.3/viz"`), []byte(`xmlns:viz="http://gexf.net/1.3"`), 1)
}

// mustValid fails when doc does not validate against every schema of its
// format.
func (c schemaCheck) mustValid(tb testing.TB, format string, doc []byte) {
	tb.Helper()
	checks := map[string][][3]string{
		"graphml": {{"--schema", graphmlXSD, string(doc)}},
		"gexf":    {{"--relaxng", gexfRNG, string(doc)}, {"--schema", gexfXSD, string(gexfForXSD(doc))}},
	}[format]
	for _, ch := range checks {
		if msg := c.validate(tb, ch[0], ch[1], []byte(ch[2])); msg != "" {
			tb.Errorf("%s is not valid against %s:\n%s\n%s", format, ch[1], msg, doc)
		}
	}
}

// graphSource serves a hand-made graph as the service would.
type graphSource struct{ g *analysis.Graph }

func (s graphSource) Snapshot(context.Context) (*analysis.Graph, error) { return s.g, nil }
func (s graphSource) Coherence(_ context.Context, sc analysis.Scope, opt analysis.Options) (*analysis.Report, error) {
	return analysis.Run(s.g, sc, opt)
}

func mustGraph(tb testing.TB, nodes []analysis.Node, edges []analysis.Edge) graphSource {
	tb.Helper()
	g, err := analysis.NewGraph(nodes, edges)
	if err != nil {
		tb.Fatal(err)
	}
	return graphSource{g}
}

// richGraph has every node label, every membership, proposed links, a
// conflict and names with characters XML escapes.
func richGraph(tb testing.TB) graphSource {
	nodes := []analysis.Node{
		{ID: "D01", Label: rodedraad.LabelDocument, Name: `Visie "Tata & de IJmond" <2030>`, Kind: "PLAN"},
		{ID: "A-RIVM", Label: rodedraad.LabelActor, Name: "RIVM", Sector: "KNOWLEDGE", Kind: "AGENCY"},
		{ID: "A-GV", Label: rodedraad.LabelActor, Name: "Gemeente Velsen", Sector: "PUBLIC"},
		{ID: "T2", Label: rodedraad.LabelTheme, Name: "Gezondheid & leefbaarheid", InStudyScope: true},
		{ID: "SC1.2", Label: rodedraad.LabelScenario, Name: "Groen staal", Family: "Koers"},
		{ID: "R01.4", Label: rodedraad.LabelRecommendation, Name: "Verminder uitstoot ‘nu’ — ≥ 50 %", Kind: "RECOMMENDATION",
			Documents: []string{"D01"}, Themes: []string{"T2"}, Assigned: []string{"A-GV"}, Scenarios: []string{"SC1.2"}},
		{ID: "R01.5", Label: rodedraad.LabelRecommendation, Name: "Behoud werkgelegenheid", Kind: "RECOMMENDATION",
			Documents: []string{"D01"}, Themes: []string{"T2"}, Status: rodedraad.StatusProposed},
	}
	edges := []analysis.Edge{
		{Type: rodedraad.RelConflictsWith, From: "R01.4", To: "R01.5", Score: -3,
			Conflict: &analysis.Conflict{ID: "C-1", Topic: "gezondheid <> banen & \"productie\""}},
		{Type: rodedraad.RelOverlaps, From: "R01.4", To: "R01.5", Similarity: 0.8125, Status: rodedraad.StatusProposed},
		{Type: rodedraad.RelSupports, From: "SC1.2", To: "R01.4", Score: 1},
		{Type: rodedraad.RelAuthored, From: "A-RIVM", To: "D01", Role: "AUTHOR"},
	}
	return mustGraph(tb, nodes, edges)
}

// TestWrite_Schema checks the GraphML and GEXF exports against the formats'
// official schemas, over graphs of several shapes.
func TestWrite_Schema(t *testing.T) {
	check := mustSchemaCheck(t)
	all := analysis.Scope{Statuses: []rodedraad.Status{rodedraad.StatusAccepted, rodedraad.StatusProposed}}
	tests := []struct {
		name         string
		src          export.Source
		scope        analysis.Scope
		nodes, edges int
	}{
		{"Fixture", newFixture(t), analysis.Scope{}, 8, 12},
		{"FixtureDocumentScope", newFixture(t), analysis.Scope{Documents: []string{"D2"}}, 6, 5},
		{"Rich", richGraph(t), all, 7, 10},
		{"RichAccepted", richGraph(t), analysis.Scope{}, 6, 6},
		{"NodesWithoutEdges", mustGraph(t, []analysis.Node{{ID: "T1", Label: rodedraad.LabelTheme, Name: "Innovatie"}}, nil), analysis.Scope{}, 1, 0},
		{"Empty", mustGraph(t, nil, nil), analysis.Scope{}, 0, 0},
	}
	for _, tt := range tests {
		for _, format := range []string{"graphml", "gexf"} {
			t.Run(tt.name+"/"+format, func(t *testing.T) {
				var b bytes.Buffer
				if err := export.Write(context.Background(), tt.src, &b, export.Request{Format: format, Scope: tt.scope}); err != nil {
					t.Fatalf("export: %v", err)
				}
				nodes, edges := strings.Count(b.String(), "<node "), strings.Count(b.String(), "<edge ")
				if nodes != tt.nodes || edges != tt.edges {
					t.Errorf("%d nodes and %d edges written, want %d and %d", nodes, edges, tt.nodes, tt.edges)
				}
				check.mustValid(t, format, b.Bytes())
			})
		}
	}
}

// TestWrite_SchemaSeeds checks the exports of the whole IJmond seed graph,
// with every review state, against the schemas (needs Neo4j).
func TestWrite_SchemaSeeds(t *testing.T) {
	check := mustSchemaCheck(t)
	src := service.New(neo4jtest.Seeded(t))
	all := analysis.Scope{Statuses: []rodedraad.Status{rodedraad.StatusAccepted, rodedraad.StatusProposed, rodedraad.StatusRejected}}
	want := mustScopedNodes(t, src, all)
	for _, format := range []string{"graphml", "gexf"} {
		t.Run(format, func(t *testing.T) {
			var b bytes.Buffer
			if err := export.Write(t.Context(), src, &b, export.Request{Format: format, Scope: all}); err != nil {
				t.Fatalf("export: %v", err)
			}
			if n := strings.Count(b.String(), "<node "); n != want {
				t.Fatalf("%d nodes written, want the scope's %d", n, want)
			}
			check.mustValid(t, format, b.Bytes())
		})
	}
}

// mustScopedNodes returns how many nodes src's snapshot has in sc, failing
// when there are none (the seeds were not loaded).
func mustScopedNodes(tb testing.TB, src export.Source, sc analysis.Scope) int {
	tb.Helper()
	g, err := src.Snapshot(context.Background())
	if err != nil {
		tb.Fatalf("snapshot: %v", err)
	}
	sub, err := g.Restrict(sc)
	if err != nil {
		tb.Fatalf("restrict to %+v: %v", sc, err)
	}
	if len(sub.Nodes) == 0 {
		tb.Fatalf("no nodes in %+v: the seeds were not loaded", sc)
	}
	return len(sub.Nodes)
}

// TestSchemaCheck_Rejects shows that the check fails on documents that break
// the schemas in the ways an exporter could (an unknown attribute type, a
// missing attribute, a colour out of range, a viz element in the wrong
// namespace, another version), while the same skeletons pass untouched.
func TestSchemaCheck_Rejects(t *testing.T) {
	check := mustSchemaCheck(t)
	const (
		graphml = `<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="w" for="edge" attr.name="weight" attr.type="%s"/>` +
			`<graph edgedefault="directed"><node id="a"/><edge source="a" target="a"><data key="w">1</data></edge></graph></graphml>`
		gexf = `<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3"><graph>` +
			`<nodes><node id="a" label="a">%s</node></nodes><edges/></graph></gexf>`
	)
	tests := []struct {
		name, flag, schema, doc, want string
	}{
		{"GraphMLKeyType", "--schema", graphmlXSD, strings.Replace(graphml, "%s", "float64", 1), "attribute 'attr.type'"},
		{"GraphMLEdgeWithoutTarget", "--schema", graphmlXSD, strings.Replace(strings.Replace(graphml, "%s", "double", 1), ` target="a"`, "", 1), "'target' is required"},
		{"GEXFAttvalueWithoutFor", "--relaxng", gexfRNG, strings.Replace(gexf, "%s", `<attvalues><attvalue value="x"/></attvalues>`, 1), "element attvalues"},
		{"GEXFColourOutOfRange", "--relaxng", gexfRNG, strings.Replace(gexf, "%s", `<viz:color r="300" g="0" b="0"/>`, 1), "element color"},
		{"GEXFColourOutOfRangeXSD", "--schema", gexfXSD, string(gexfForXSD([]byte(strings.Replace(gexf, "%s", `<viz:color r="300" g="0" b="0"/>`, 1)))), "attribute 'r'"},
		{"GEXFVizInGEXFNamespace", "--relaxng", gexfRNG, strings.Replace(gexf, "%s", `<color r="1" g="2" b="3"/>`, 1), "extra content: color"},
		{"GEXFVersion", "--schema", gexfXSD, strings.Replace(strings.Replace(gexf, "%s", "", 1), `version="1.3"`, `version="1.2"`, 1), "attribute 'version'"},
	}
	t.Run("Baseline", func(t *testing.T) {
		check.mustValid(t, "graphml", []byte(strings.Replace(graphml, "%s", "double", 1)))
		check.mustValid(t, "gexf", []byte(strings.Replace(gexf, "%s", `<viz:color r="1" g="2" b="3"/>`, 1)))
	})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg := check.validate(t, tt.flag, tt.schema, []byte(tt.doc))
			if msg == "" || !strings.Contains(msg, tt.want) {
				t.Fatalf("xmllint said %q, want a complaint about %q for\n%s", msg, tt.want, tt.doc)
			}
		})
	}
}
