package synth

import (
	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Bundle converts g into the nodes and edges the store imports: each node
// kind, every edge, and each recommendation's memberships as CONTAINS,
// ADDRESSES, ASSIGNED_TO and INCLUDES edges. Every item carries method RULE
// and its status (ACCEPTED when the graph has none).
func Bundle(g *analysis.Graph) rodedraad.Bundle {
	var b rodedraad.Bundle
	for i := range g.Nodes {
		addNode(&b, &g.Nodes[i])
	}
	for i := range g.Edges {
		b.Edges = append(b.Edges, edge(&g.Edges[i]))
	}
	return b
}

func prov(s rodedraad.Status) rodedraad.Provenance {
	if s == "" {
		s = rodedraad.StatusAccepted
	}
	return rodedraad.Provenance{Status: s, Method: rodedraad.MethodSeed}
}

func addNode(b *rodedraad.Bundle, n *analysis.Node) {
	p := prov(n.Status)
	switch n.Label {
	case rodedraad.LabelTheme:
		b.Themes = append(b.Themes, rodedraad.Theme{ID: n.ID, Name: n.Name, InStudyScope: n.InStudyScope, Provenance: p})
	case rodedraad.LabelActor:
		b.Actors = append(b.Actors, rodedraad.Actor{ID: n.ID, Name: n.Name, Kind: n.Kind, Sector: n.Sector, Provenance: p})
	case rodedraad.LabelDocument:
		b.Documents = append(b.Documents, rodedraad.Document{ID: n.ID, Title: n.Name, Kind: n.Kind, Provenance: p})
	case rodedraad.LabelScenario:
		b.Scenarios = append(b.Scenarios, rodedraad.Scenario{ID: n.ID, Name: n.Name, Family: n.Family, Provenance: p})
	case rodedraad.LabelRecommendation:
		b.Recommendations = append(b.Recommendations, rodedraad.Recommendation{ID: n.ID, Title: n.Name, Text: n.Name,
			Kind: n.Kind, Language: "en", Provenance: p})
		addMemberships(b, n)
	}
}

func addMemberships(b *rodedraad.Bundle, n *analysis.Node) {
	link := func(t rodedraad.RelType, from, to string) {
		b.Edges = append(b.Edges, rodedraad.Edge{Type: t, From: from, To: to, Provenance: prov("")})
	}
	for _, d := range n.Documents {
		link(rodedraad.RelContains, d, n.ID)
	}
	for _, t := range n.Themes {
		link(rodedraad.RelAddresses, n.ID, t)
	}
	for _, a := range n.Assigned {
		link(rodedraad.RelAssignedTo, n.ID, a)
	}
	for _, s := range n.Scenarios {
		link(rodedraad.RelIncludes, s, n.ID)
	}
}

func edge(e *analysis.Edge) rodedraad.Edge {
	out := rodedraad.Edge{Type: e.Type, From: e.From, To: e.To, Role: e.Role, Provenance: prov(e.Status)}
	out.Source.Document = e.Source
	if e.Score != 0 {
		s := int(e.Score)
		out.Score = &s
	}
	if e.Type == rodedraad.RelOverlaps {
		s := float64(e.Similarity)
		out.Similarity = &s
	}
	if e.Conflict != nil {
		out.ConflictID, out.Topic = e.Conflict.ID, e.Conflict.Topic
	}
	return out
}
