package export

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// GraphML: keys that Gephi reads by name (label, weight, r, g, b) and the
// rest as typed attributes, which yEd maps through its Properties Mapper.
var (
	graphmlNodeKeys = [][3]string{{"label", "string", "label"}, {"type", "string", "type"}, {"kind", "string", "kind"},
		{"sector", "string", "sector"}, {"status", "string", "status"}, {"community", "int", "community"},
		{"documents", "string", "documents"}, {"themes", "string", "themes"}, {"color", "string", "color"},
		{"r", "int", "r"}, {"g", "int", "g"}, {"b", "int", "b"}}
	graphmlEdgeKeys = [][3]string{{"etype", "string", "type"}, {"estatus", "string", "status"}, {"score", "int", "score"},
		{"weight", "double", "weight"}, {"similarity", "double", "similarity"}, {"conflict", "string", "conflict"},
		{"topic", "string", "topic"}, {"ecolor", "string", "color"}}
)

type xmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

type graphmlKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type graphmlNode struct {
	ID   string    `xml:"id,attr"`
	Data []xmlData `xml:"data"`
}

type graphmlEdge struct {
	ID     string    `xml:"id,attr"`
	Source string    `xml:"source,attr"`
	Target string    `xml:"target,attr"`
	Data   []xmlData `xml:"data"`
}

type graphmlDoc struct {
	XMLName xml.Name     `xml:"graphml"`
	NS      string       `xml:"xmlns,attr"`
	XSI     string       `xml:"xmlns:xsi,attr"`
	Loc     string       `xml:"xsi:schemaLocation,attr"`
	Keys    []graphmlKey `xml:"key"`
	Graph   struct {
		ID          string        `xml:"id,attr"`
		EdgeDefault string        `xml:"edgedefault,attr"`
		Nodes       []graphmlNode `xml:"node"`
		Edges       []graphmlEdge `xml:"edge"`
	} `xml:"graph"`
}

// WriteGraphML writes the graph as GraphML 1.0 (directed).
func WriteGraphML(w io.Writer, t Tables) error {
	d := graphmlDoc{NS: "http://graphml.graphdrawing.org/xmlns", XSI: "http://www.w3.org/2001/XMLSchema-instance",
		Loc: "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"}
	for _, k := range graphmlNodeKeys {
		d.Keys = append(d.Keys, graphmlKey{ID: k[0], For: "node", Name: k[2], Type: k[1]})
	}
	for _, k := range graphmlEdgeKeys {
		d.Keys = append(d.Keys, graphmlKey{ID: k[0], For: "edge", Name: k[2], Type: k[1]})
	}
	d.Graph.ID, d.Graph.EdgeDefault = "rodedraad", "directed"
	for _, n := range t.Nodes {
		d.Graph.Nodes = append(d.Graph.Nodes, graphmlNode{ID: n.ID, Data: nonEmpty(nodeValues(n))})
	}
	for _, e := range t.Edges {
		d.Graph.Edges = append(d.Graph.Edges, graphmlEdge{ID: e.ID, Source: e.Source, Target: e.Target, Data: nonEmpty(edgeValues(e))})
	}
	return encodeXML(w, d)
}

func nodeValues(n Node) []xmlData {
	return []xmlData{{"label", n.Label}, {"type", n.Type}, {"kind", n.Kind}, {"sector", n.Sector}, {"status", n.Status},
		{"community", strconv.Itoa(n.Community)}, {"documents", strings.Join(n.Documents, ";")},
		{"themes", strings.Join(n.Themes, ";")}, {"color", n.Color.Hex()},
		{"r", strconv.Itoa(int(n.Color[0]))}, {"g", strconv.Itoa(int(n.Color[1]))}, {"b", strconv.Itoa(int(n.Color[2]))}}
}

func edgeValues(e Edge) []xmlData {
	return []xmlData{{"etype", e.Type}, {"estatus", e.Status}, {"score", intOrEmpty(e.Score)},
		{"weight", strconv.FormatFloat(e.Weight, 'g', -1, 64)}, {"similarity", floatOrEmpty(e.Similarity)},
		{"conflict", e.Conflict}, {"topic", e.Topic}, {"ecolor", e.Color.Hex()}}
}

func nonEmpty(ds []xmlData) []xmlData {
	out := ds[:0]
	for _, d := range ds {
		if d.Value != "" {
			out = append(out, d)
		}
	}
	return out
}

func intOrEmpty(i int) string {
	if i == 0 {
		return ""
	}
	return strconv.Itoa(i)
}

func floatOrEmpty(f float64) string {
	if f == 0 {
		return ""
	}
	return strconv.FormatFloat(f, 'g', 4, 64)
}

func encodeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
