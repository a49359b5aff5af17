package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/export"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// fixture: documents D1 (R1, R2) and D2 (R3, R4), actor A1 (PUBLIC) who
// publishes D1, theme T1 on every recommendation; R1→R2 SUPPORTS +2,
// R3→R1 CONFLICTS_WITH -2 (conflict C1), R2–R4 OVERLAPS 0.6. That is 8 nodes
// and 3 + 1 (AUTHORED) + 4 (CONTAINS) + 4 (ADDRESSES) = 12 edges.
type fixture struct{ g *analysis.Graph }

func newFixture(tb testing.TB) fixture {
	tb.Helper()
	rec := func(id, doc string) analysis.Node {
		return analysis.Node{ID: id, Label: rodedraad.LabelRecommendation, Name: "aanbeveling " + id, Kind: "RECOMMENDATION",
			Documents: []string{doc}, Themes: []string{"T1"}}
	}
	nodes := []analysis.Node{
		{ID: "D1", Label: rodedraad.LabelDocument, Name: "Plan één"}, {ID: "D2", Label: rodedraad.LabelDocument, Name: "Plan twee"},
		{ID: "A1", Label: rodedraad.LabelActor, Name: "Gemeente Velsen", Sector: "PUBLIC"},
		{ID: "T1", Label: rodedraad.LabelTheme, Name: "Innovatie", InStudyScope: true},
		rec("R1", "D1"), rec("R2", "D1"), rec("R3", "D2"), rec("R4", "D2"),
	}
	edges := []analysis.Edge{
		{Type: rodedraad.RelSupports, From: "R1", To: "R2", Score: 2},
		{Type: rodedraad.RelConflictsWith, From: "R3", To: "R1", Score: -2, Conflict: &analysis.Conflict{ID: "C1", Topic: "gezondheid vs. productie"}},
		{Type: rodedraad.RelOverlaps, From: "R2", To: "R4", Similarity: 0.6},
		{Type: rodedraad.RelAuthored, From: "A1", To: "D1", Role: "PUBLISHER"},
	}
	g, err := analysis.NewGraph(nodes, edges)
	if err != nil {
		tb.Fatal(err)
	}
	return fixture{g}
}

func (f fixture) Snapshot(context.Context) (*analysis.Graph, error) { return f.g, nil }
func (f fixture) Coherence(_ context.Context, sc analysis.Scope, opt analysis.Options) (*analysis.Report, error) {
	return analysis.Run(f.g, sc, opt)
}

func mustExport(tb testing.TB, r export.Request) []byte {
	tb.Helper()
	var b bytes.Buffer
	if err := export.Write(context.Background(), newFixture(tb), &b, r); err != nil {
		tb.Fatalf("export %+v: %v", r, err)
	}
	return b.Bytes()
}

// GraphML parses back with the GraphML namespace, declares every key it
// uses, and has the keys Gephi reads by name.
func TestWrite_GraphML(t *testing.T) {
	var doc struct {
		XMLName xml.Name
		Keys    []struct {
			ID string `xml:"id,attr"`
		} `xml:"key"`
		Graph struct {
			EdgeDefault string `xml:"edgedefault,attr"`
			Nodes       []struct {
				ID   string `xml:"id,attr"`
				Data []struct {
					Key string `xml:"key,attr"`
				} `xml:"data"`
			} `xml:"node"`
			Edges []struct {
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
				Data   []struct {
					Key   string `xml:"key,attr"`
					Value string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	data := mustExport(t, export.Request{Format: "graphml"})
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("parse GraphML: %v\n%s", err, data)
	}
	if doc.XMLName.Space != "http://graphml.graphdrawing.org/xmlns" || doc.XMLName.Local != "graphml" || doc.Graph.EdgeDefault != "directed" {
		t.Errorf("root %v, edgedefault %q", doc.XMLName, doc.Graph.EdgeDefault)
	}
	if len(doc.Graph.Nodes) != 8 || len(doc.Graph.Edges) != 12 {
		t.Fatalf("%d nodes, %d edges; want 8 and 12", len(doc.Graph.Nodes), len(doc.Graph.Edges))
	}
	keys := map[string]bool{}
	for _, k := range doc.Keys {
		keys[k.ID] = true
	}
	for _, want := range []string{"label", "weight", "r", "g", "b", "type"} {
		if !keys[want] {
			t.Errorf("no key %q", want)
		}
	}
	ids := map[string]bool{}
	for _, n := range doc.Graph.Nodes {
		ids[n.ID] = true
		for _, d := range n.Data {
			if !keys[d.Key] {
				t.Errorf("node %s uses undeclared key %q", n.ID, d.Key)
			}
		}
	}
	for _, e := range doc.Graph.Edges {
		if !ids[e.Source] || !ids[e.Target] {
			t.Errorf("edge %s→%s to an unknown node", e.Source, e.Target)
		}
		for _, d := range e.Data {
			if d.Key == "weight" && e.Source == "R3" && e.Target == "R1" && d.Value != "2" {
				t.Errorf("the conflict's weight = %q, want |score| 2", d.Value)
			}
		}
	}
}

func TestWrite_GEXF(t *testing.T) {
	var doc struct {
		XMLName xml.Name
		Version string `xml:"version,attr"`
		Graph   struct {
			Nodes []struct {
				ID    string `xml:"id,attr"`
				Label string `xml:"label,attr"`
				Color struct {
					R string `xml:"r,attr"`
				} `xml:"http://gexf.net/1.3/viz color"`
			} `xml:"nodes>node"`
			Edges []struct {
				Source string  `xml:"source,attr"`
				Target string  `xml:"target,attr"`
				Weight float64 `xml:"weight,attr"`
			} `xml:"edges>edge"`
		} `xml:"graph"`
	}
	data := mustExport(t, export.Request{Format: "gexf"})
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("parse GEXF: %v", err)
	}
	if doc.XMLName.Space != "http://gexf.net/1.3" || doc.Version != "1.3" {
		t.Errorf("root %v version %q", doc.XMLName, doc.Version)
	}
	if len(doc.Graph.Nodes) != 8 || len(doc.Graph.Edges) != 12 {
		t.Fatalf("%d nodes, %d edges; want 8 and 12", len(doc.Graph.Nodes), len(doc.Graph.Edges))
	}
	for _, n := range doc.Graph.Nodes {
		if n.Label == "" || n.Color.R == "" {
			t.Errorf("node %s: label %q, viz:color r %q", n.ID, n.Label, n.Color.R)
		}
	}
	for _, e := range doc.Graph.Edges {
		if e.Source == "R2" && e.Target == "R4" && e.Weight != float64(float32(0.6)) {
			t.Errorf("the overlap's weight = %v, want its similarity 0.6", e.Weight)
		}
	}
}

func TestWrite_CSV(t *testing.T) {
	tests := []struct {
		table   string
		req     export.Request
		columns []string
		rows    int
	}{
		{"nodes", export.Request{Format: "csv", Table: "nodes"}, export.NodeColumns, 8},
		{"edges", export.Request{Format: "csv", Table: "edges"}, export.EdgeColumns, 12},
		{"contradictions", export.Request{Format: "csv", Table: "contradictions"}, export.ContradictionColumns, 1},
		{"matrix", export.Request{Format: "csv", Table: "matrix", Rows: "THEME", Columns: "DOCUMENT"}, []string{"Id", "Name", "D1", "D2"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.table, func(t *testing.T) {
			recs, err := csv.NewReader(bytes.NewReader(mustExport(t, tt.req))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(recs[0], tt.columns) || len(recs)-1 != tt.rows {
				t.Fatalf("columns %q and %d rows; want %q and %d", recs[0], len(recs)-1, tt.columns, tt.rows)
			}
			if tt.table == "matrix" && !slices.Equal(recs[1], []string{"T1", "Innovatie", "2", "2"}) {
				t.Errorf("T1's row = %q, want two recommendations per document", recs[1])
			}
			if tt.table == "contradictions" && (recs[1][0] != "C1" || recs[1][4] != "R3" || recs[1][8] != "R1") {
				t.Errorf("contradiction row = %q", recs[1])
			}
		})
	}
}

func TestRequest_Validate(t *testing.T) {
	tests := []struct {
		name string
		req  export.Request
		want string
	}{
		{"Format", export.Request{Format: "xlsx"}, `format "xlsx"`},
		{"CSVNeedsTable", export.Request{Format: "csv"}, "csv needs a table"},
		{"Table", export.Request{Format: "csv", Table: "actors"}, `table "actors"`},
		{"TableInGraphML", export.Request{Format: "graphml", Table: "nodes"}, "not graphml"},
		{"MatrixAxes", export.Request{Format: "csv", Table: "matrix"}, "needs rows and columns"},
		{"Metric", export.Request{Format: "csv", Table: "nodes", Metric: "mean"}, `metric "mean"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.req.Validate()
			if err == nil || !strings.Contains(err.Error(), tt.want) || rodedraad.ErrorCode(err) != rodedraad.EINVALID {
				t.Fatalf("err = %v, want EINVALID with %q", err, tt.want)
			}
		})
	}
}

func TestHandler(t *testing.T) {
	srv := httptest.NewServer(export.Handler(newFixture(t)))
	defer srv.Close()
	tests := []struct {
		query, contentType, file string
		status                   int
	}{
		{"format=graphml", "application/graphml+xml", "rodedraad-graph.graphml", 200},
		{"format=csv&matrix=THEMExDOCUMENT", "text/csv; charset=utf-8", "rodedraad-theme-document.csv", 200},
		{"format=csv&table=edges&themes=T1", "text/csv; charset=utf-8", "rodedraad-edges.csv", 200},
		{"format=pdf", "", "", 400},
		{"format=csv&matrix=THEME", "", "", 400},
		{"format=json&themes=T9", "", "", 404},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			resp, err := http.Get(srv.URL + "/export?" + tt.query)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.status, body)
			}
			if tt.status == 200 && (resp.Header.Get("Content-Type") != tt.contentType || !strings.Contains(resp.Header.Get("Content-Disposition"), tt.file)) {
				t.Errorf("headers %v", resp.Header)
			}
		})
	}
}
