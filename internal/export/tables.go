package export

import (
	"fmt"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Node is one exported node, with what Gephi and yEd show: a label, a type,
// a community (recommendations; -1 for none) and a colour.
type Node struct {
	ID        string   `json:"id"`
	Label     string   `json:"label"`
	Type      string   `json:"type"`
	Kind      string   `json:"kind,omitempty"`
	Sector    string   `json:"sector,omitempty"`
	Status    string   `json:"status"`
	Community int      `json:"community"`
	Documents []string `json:"documents,omitempty"`
	Themes    []string `json:"themes,omitempty"`
	Color     RGB      `json:"color"`
}

// Edge is one exported edge. Weight is what Gephi sizes and lays out by:
// |score| for SUPPORTS and CONFLICTS_WITH, the similarity for OVERLAPS and 1
// for the memberships (CONTAINS, ADDRESSES, ASSIGNED_TO, INCLUDES, ...).
type Edge struct {
	ID         string  `json:"id"`
	Source     string  `json:"source"`
	Target     string  `json:"target"`
	Type       string  `json:"type"`
	Status     string  `json:"status"`
	Score      int     `json:"score,omitempty"`
	Weight     float64 `json:"weight"`
	Similarity float64 `json:"similarity,omitempty"`
	Conflict   string  `json:"conflict,omitempty"`
	Topic      string  `json:"topic,omitempty"`
	Color      RGB     `json:"color"`
}

// RGB is a colour, written as #rrggbb in JSON and CSV and as r, g, b where
// Gephi reads them.
type RGB [3]uint8

// Hex returns the colour as #rrggbb.
func (c RGB) Hex() string { return fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2]) }

// MarshalText writes #rrggbb.
func (c RGB) MarshalText() ([]byte, error) { return []byte(c.Hex()), nil }

// Tables is the graph as node and edge lists, with the contradictions.
type Tables struct {
	Nodes          []Node                   `json:"nodes"`
	Edges          []Edge                   `json:"edges"`
	Contradictions []analysis.Contradiction `json:"contradictions"`
	graph          *analysis.Graph
}

// The colours: nodes by type, recommendations by community, edges by type
// (the dashboard's network uses the same).
var (
	typeColors = map[rodedraad.Label]RGB{
		rodedraad.LabelDocument: {0x33, 0x33, 0x33}, rodedraad.LabelActor: {0xff, 0xa5, 0x00},
		rodedraad.LabelTheme: {0x7a, 0x17, 0x12}, rodedraad.LabelScenario: {0x80, 0x80, 0x80},
		rodedraad.LabelRecommendation: {0x99, 0x99, 0x99},
	}
	edgeColors = map[rodedraad.RelType]RGB{
		rodedraad.RelSupports: {0x2a, 0x9d, 0x3f}, rodedraad.RelConflictsWith: {0xd6, 0x27, 0x28},
		rodedraad.RelOverlaps: {0x1f, 0x77, 0xb4},
	}
	membershipColor = RGB{0xbb, 0xbb, 0xbb}
	palette         = []RGB{{0xe6, 0x19, 0x4b}, {0x3c, 0xb4, 0x4b}, {0x43, 0x63, 0xd8}, {0xf5, 0x82, 0x31},
		{0x91, 0x1e, 0xb4}, {0x46, 0xf0, 0xf0}, {0xf0, 0x32, 0xe6}, {0xbc, 0xf6, 0x0c}, {0x00, 0x80, 0x80},
		{0x9a, 0x63, 0x24}, {0x80, 0x00, 0x00}, {0x80, 0x80, 0x00}, {0x00, 0x00, 0x75}, {0xfa, 0xbe, 0xbe}}
)

// Build turns a (restricted) graph and its report into tables.
func Build(g *analysis.Graph, rep *analysis.Report) Tables {
	community := map[string]int{}
	for _, c := range rep.Communities.Communities {
		for _, m := range c.Members {
			community[m] = c.ID
		}
	}
	t := Tables{graph: g, Contradictions: rep.Contradictions}
	for _, n := range g.Nodes {
		t.Nodes = append(t.Nodes, node(n, community))
	}
	for _, e := range g.Edges {
		t.Edges = append(t.Edges, edge(e))
	}
	t.Edges = append(t.Edges, memberships(g)...)
	for i := range t.Edges {
		t.Edges[i].ID = fmt.Sprintf("e%d", i)
	}
	return t
}

func node(n analysis.Node, community map[string]int) Node {
	out := Node{ID: n.ID, Label: n.Name, Type: string(n.Label), Kind: n.Kind, Sector: n.Sector,
		Status: status(n.Status), Community: -1, Documents: n.Documents, Themes: n.Themes, Color: typeColors[n.Label]}
	if out.Label == "" {
		out.Label = n.ID
	}
	if c, ok := community[n.ID]; ok {
		out.Community = c
		out.Color = palette[c%len(palette)]
	}
	return out
}

func edge(e analysis.Edge) Edge {
	out := Edge{Source: e.From, Target: e.To, Type: string(e.Type), Status: status(e.Status),
		Score: int(e.Score), Weight: 1, Similarity: float64(e.Similarity), Color: membershipColor}
	if c, ok := edgeColors[e.Type]; ok {
		out.Color = c
	}
	switch {
	case e.Type == rodedraad.RelOverlaps:
		out.Weight = float64(e.Similarity)
	case e.Score != 0:
		out.Weight = float64(max(e.Score, -e.Score))
	}
	if e.Conflict != nil {
		out.Conflict, out.Topic = e.Conflict.ID, e.Conflict.Topic
	}
	return out
}

// memberships are the accepted CONTAINS, ADDRESSES, ASSIGNED_TO and
// INCLUDES links, which the snapshot keeps on the recommendations.
func memberships(g *analysis.Graph) []Edge {
	var out []Edge
	add := func(t rodedraad.RelType, from, to string) {
		out = append(out, Edge{Source: from, Target: to, Type: string(t), Status: string(rodedraad.StatusAccepted), Weight: 1, Color: membershipColor})
	}
	for _, n := range g.Nodes {
		for _, d := range n.Documents {
			add(rodedraad.RelContains, d, n.ID)
		}
		for _, th := range n.Themes {
			add(rodedraad.RelAddresses, n.ID, th)
		}
		for _, a := range n.Assigned {
			add(rodedraad.RelAssignedTo, n.ID, a)
		}
		for _, s := range n.Scenarios {
			add(rodedraad.RelIncludes, s, n.ID)
		}
	}
	return out
}

func status(s rodedraad.Status) string {
	if s == "" {
		return string(rodedraad.StatusAccepted)
	}
	return string(s)
}

func (t Tables) table(name string) any {
	switch name {
	case "nodes":
		return t.Nodes
	case "edges":
		return t.Edges
	default:
		return t.Contradictions
	}
}
