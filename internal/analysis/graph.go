// Package analysis computes the coherence analyses (docs/analyses.md defines
// each) over a Graph value: contradictions, blind spots, fragmentation,
// communities, influence, consensus, overlap clusters, coherence indexes and
// matrices. It is pure Go: no I/O, no database, no clock. The store fills a
// Graph from one streaming read; callers run Run, which restricts it to a
// Scope and returns the whole Report, or restrict it themselves and call a
// single analysis.
//
// Names: every analysis is ComputeX(g) and returns X (ComputeContradictions,
// ComputeCommunities, ComputeCoherenceIndexes, ...); matrices are built,
// BuildMatrix and BuildXMatrix.
package analysis

import (
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Node is one node of the snapshot. Which fields apply depends on Label.
type Node struct {
	// ID is the node's stable id (D01, R01.4, A-RIVM, T2, SC1.2).
	ID string `json:"id"`
	// Label is Document, Recommendation, Actor, Theme or Scenario.
	Label rodedraad.Label `json:"label"`
	// Name is the title of a document or recommendation, the name otherwise.
	Name string `json:"name,omitempty"`
	// Kind is the node's kind (document, recommendation or actor kind).
	Kind string `json:"kind,omitempty"`
	// Sector is an actor's sector: PUBLIC, PRIVATE, KNOWLEDGE or CIVIL.
	Sector string `json:"sector,omitempty"`
	// InStudyScope is true for the study's own themes (T1..T7).
	InStudyScope bool `json:"inStudyScope,omitempty"`
	// Family is the scenario set a scenario belongs to.
	Family string `json:"family,omitempty"`
	// Status is the review state; "" counts as ACCEPTED.
	Status rodedraad.Status `json:"status,omitempty"`

	// Memberships of a recommendation, as node ids. They count as ACCEPTED
	// links: the store puts here the CONTAINS, ADDRESSES, ASSIGNED_TO and
	// INCLUDES links it reads as accepted, and passes any other one as an Edge
	// with its status so that a Scope can filter it.

	// Documents are the documents that contain the recommendation (CONTAINS).
	Documents []string `json:"documents,omitempty"`
	// Themes are the themes it addresses (ADDRESSES).
	Themes []string `json:"themes,omitempty"`
	// Assigned are the actors who must act on it (ASSIGNED_TO).
	Assigned []string `json:"assigned,omitempty"`
	// Scenarios are the scenarios that include it (INCLUDES).
	Scenarios []string `json:"scenarios,omitempty"`
}

// Edge is one relationship of the snapshot. Score and Similarity are small so
// that half a million edges fit in about 60 MB; ids should share their bytes
// with the node ids (the store interns them) so that only headers are copied.
type Edge struct {
	// Type is the relationship type.
	Type rodedraad.RelType `json:"type"`
	// From and To are node ids, in the relationship's direction.
	From string `json:"from"`
	To   string `json:"to"`
	// Score is the Nilsson score of SUPPORTS (+1..+3) or CONFLICTS_WITH
	// (-1..-3) between recommendations and scenarios; 0 for an actor's stance.
	Score int16 `json:"score,omitempty"`
	// Similarity of an OVERLAPS edge, 0..1.
	Similarity float32 `json:"similarity,omitempty"`
	// Status is the review state; "" counts as ACCEPTED.
	Status rodedraad.Status `json:"status,omitempty"`
	// Role of an AUTHORED edge: PUBLISHER, COMMISSIONER or AUTHOR.
	Role string `json:"role,omitempty"`
	// Source is the id of the document that is the evidence for the edge.
	Source string `json:"source,omitempty"`
	// Conflict is set on CONFLICTS_WITH edges expanded from a seed conflict.
	Conflict *Conflict `json:"conflict,omitempty"`
}

// Conflict names the seed conflict a CONFLICTS_WITH edge was expanded from.
// Edges of one conflict share one *Conflict.
type Conflict struct {
	ID    string `json:"id"`
	Topic string `json:"topic,omitempty"`
	// State is where the study team stands on it (OPEN when unset).
	State rodedraad.ConflictState `json:"state,omitempty"`
}

// Pair names a directed edge by its end ids.
type Pair struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// Graph is a snapshot of the knowledge graph, built by NewGraph and then only
// read. Restrict returns the part of it inside a Scope; the analyses run on
// that part.
type Graph struct {
	// Nodes in the order the store read them.
	Nodes []Node
	// Edges in the order the store read them.
	Edges []Edge

	scope Scope
	ix    *index
}

// NewGraph checks and indexes nodes and edges. It returns EINVALID for a
// duplicate or empty node id, an unknown label, an edge to an unknown id or an
// edge between labels its type does not allow. The slices are kept, not
// copied: do not change them afterwards.
func NewGraph(nodes []Node, edges []Edge) (*Graph, error) {
	g := &Graph{Nodes: nodes, Edges: edges}
	ix, err := buildIndex(nodes, edges)
	if err != nil {
		return nil, err
	}
	g.ix = ix
	return g, nil
}

// MustGraph is NewGraph for fixtures and generators: it panics on an error.
func MustGraph(nodes []Node, edges []Edge) *Graph {
	g, err := NewGraph(nodes, edges)
	if err != nil {
		panic(err)
	}
	return g
}

// Node returns the node with the given id.
func (g *Graph) Node(id string) (Node, bool) {
	i, ok := g.ix.pos[id]
	if !ok {
		return Node{}, false
	}
	return g.Nodes[i], true
}

// Scope returns the scope the graph was restricted to (the zero Scope for a
// graph straight from NewGraph).
func (g *Graph) Scope() Scope { return g.scope }
