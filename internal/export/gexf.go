package export

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// GEXF 1.3 with the viz module: Gephi reads the label, the weight and
// viz:color as they are, and the rest as attributes it can partition by.

type gexfAttr struct {
	ID    string `xml:"id,attr"`
	Title string `xml:"title,attr"`
	Type  string `xml:"type,attr"`
}

type gexfValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

type gexfColor struct {
	R uint8 `xml:"r,attr"`
	G uint8 `xml:"g,attr"`
	B uint8 `xml:"b,attr"`
}

type gexfNode struct {
	ID     string      `xml:"id,attr"`
	Label  string      `xml:"label,attr"`
	Values []gexfValue `xml:"attvalues>attvalue"`
	Color  gexfColor   `xml:"viz:color"`
}

type gexfEdge struct {
	ID     string      `xml:"id,attr"`
	Source string      `xml:"source,attr"`
	Target string      `xml:"target,attr"`
	Label  string      `xml:"label,attr"`
	Weight float64     `xml:"weight,attr"`
	Values []gexfValue `xml:"attvalues>attvalue"`
	Color  gexfColor   `xml:"viz:color"`
}

type gexfAttrs struct {
	Class string     `xml:"class,attr"`
	Attrs []gexfAttr `xml:"attribute"`
}

type gexfDoc struct {
	XMLName xml.Name `xml:"gexf"`
	NS      string   `xml:"xmlns,attr"`
	Viz     string   `xml:"xmlns:viz,attr"`
	Version string   `xml:"version,attr"`
	Meta    struct {
		Creator     string `xml:"creator"`
		Description string `xml:"description"`
	} `xml:"meta"`
	Graph struct {
		DefaultEdgeType string      `xml:"defaultedgetype,attr"`
		Mode            string      `xml:"mode,attr"`
		Attributes      []gexfAttrs `xml:"attributes"`
		Nodes           []gexfNode  `xml:"nodes>node"`
		Edges           []gexfEdge  `xml:"edges>edge"`
	} `xml:"graph"`
}

var (
	gexfNodeAttrs = []gexfAttr{{"type", "type", "string"}, {"kind", "kind", "string"}, {"sector", "sector", "string"},
		{"status", "status", "string"}, {"community", "community", "integer"}, {"documents", "documents", "string"}, {"themes", "themes", "string"}}
	gexfEdgeAttrs = []gexfAttr{{"type", "type", "string"}, {"status", "status", "string"}, {"score", "score", "integer"},
		{"similarity", "similarity", "double"}, {"conflict", "conflict", "string"}, {"topic", "topic", "string"}}
)

// WriteGEXF writes the graph as GEXF 1.3 (directed, static).
func WriteGEXF(w io.Writer, t Tables) error {
	var d gexfDoc
	d.NS, d.Viz, d.Version = "http://gexf.net/1.3", "http://gexf.net/1.3/viz", "1.3"
	d.Meta.Creator, d.Meta.Description = "rodedraad", "IJmond knowledge graph: recommendations, documents, actors, themes, scenarios"
	d.Graph.DefaultEdgeType, d.Graph.Mode = "directed", "static"
	d.Graph.Attributes = []gexfAttrs{{"node", gexfNodeAttrs}, {"edge", gexfEdgeAttrs}}
	for _, n := range t.Nodes {
		vals := []gexfValue{{"type", n.Type}, {"kind", n.Kind}, {"sector", n.Sector}, {"status", n.Status},
			{"community", strconv.Itoa(n.Community)}, {"documents", strings.Join(n.Documents, ";")}, {"themes", strings.Join(n.Themes, ";")}}
		d.Graph.Nodes = append(d.Graph.Nodes, gexfNode{ID: n.ID, Label: n.Label, Values: nonEmptyValues(vals), Color: gexfColor{n.Color[0], n.Color[1], n.Color[2]}})
	}
	for _, e := range t.Edges {
		vals := []gexfValue{{"type", e.Type}, {"status", e.Status}, {"score", intOrEmpty(e.Score)},
			{"similarity", floatOrEmpty(e.Similarity)}, {"conflict", e.Conflict}, {"topic", e.Topic}}
		d.Graph.Edges = append(d.Graph.Edges, gexfEdge{ID: e.ID, Source: e.Source, Target: e.Target, Label: e.Type,
			Weight: e.Weight, Values: nonEmptyValues(vals), Color: gexfColor{e.Color[0], e.Color[1], e.Color[2]}})
	}
	return encodeXML(w, d)
}

func nonEmptyValues(vs []gexfValue) []gexfValue {
	out := vs[:0]
	for _, v := range vs {
		if v.Value != "" {
			out = append(out, v)
		}
	}
	return out
}
