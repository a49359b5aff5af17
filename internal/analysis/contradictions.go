package analysis

import (
	"cmp"
	"slices"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Side is one end of a contradiction.
type Side struct {
	ID    string          `json:"id"`
	Label rodedraad.Label `json:"label"`
	Name  string          `json:"name,omitempty"`
	// Documents that contain the recommendation, or describe the scenario.
	Documents []string `json:"documents,omitempty"`
	// Endorsers: actors with a SUPPORTS stance on it or that authored
	// (PUBLISHER or AUTHOR) a document containing or describing it.
	Endorsers []string `json:"endorsers,omitempty"`
	// Sectors of the endorsers, in the order PUBLIC, PRIVATE, KNOWLEDGE, CIVIL.
	Sectors []string `json:"sectors,omitempty"`
}

// Contradiction is one CONFLICTS_WITH edge between recommendations or
// scenarios.
type Contradiction struct {
	From  Side `json:"from"`
	To    Side `json:"to"`
	Score int  `json:"score"`
	// Severity = |Score| x (endorsers(From) + endorsers(To)).
	Severity     int      `json:"severity"`
	SharedThemes []string `json:"sharedThemes,omitempty"`
	// CrossesDocuments is true when both sides have documents and share none.
	CrossesDocuments bool `json:"crossesDocuments"`
	// SameDocument is true when both sides stand in one document: a
	// tension inside a plan, which ranks below conflicts between plans.
	SameDocument bool             `json:"sameDocument"`
	ConflictID   string           `json:"conflictId,omitempty"`
	Topic        string           `json:"topic,omitempty"`
	Source       string           `json:"source,omitempty"`
	Status       rodedraad.Status `json:"status,omitempty"`
}

// severity of an interaction edge: |score| x (endorsers(from) + endorsers(to)).
func (ix *index) severity(e iedge) int {
	n := len(ix.endorsers.of(e.from)) + len(ix.endorsers.of(e.to))
	return abs(int(e.score)) * n
}

// docsOf returns the documents of a recommendation or scenario.
func (ix *index) docsOf(i int32) []int32 {
	if ix.isRec(i) {
		return ix.recDocs.of(i)
	}
	return ix.scenDocs.of(i)
}

// conflicts returns the CONFLICTS_WITH interaction edges.
func (ix *index) conflicts() []iedge {
	var out []iedge
	for _, e := range ix.inter {
		if e.score < 0 {
			out = append(out, e)
		}
	}
	return out
}

// ComputeContradictions lists every conflict between recommendations or
// scenarios: those between documents first, then those inside one document
// (SameDocument); each part most severe first, then by |score|, then by ids.
func ComputeContradictions(g *Graph) []Contradiction {
	sides := make(map[int32]Side)
	side := func(i int32) Side {
		s, ok := sides[i]
		if !ok {
			s = g.side(i)
			sides[i] = s
		}
		return s
	}
	// Sort the small edges, not the large results.
	type ranked struct {
		iedge
		sev  int
		same bool
	}
	es := g.ix.conflicts()
	rs := make([]ranked, len(es))
	for i, e := range es {
		rs[i] = ranked{e, g.ix.severity(e), g.ix.sameDocument(e)}
	}
	slices.SortFunc(rs, func(a, b ranked) int {
		return cmp.Or(compareBool(a.same, b.same), cmp.Compare(b.sev, a.sev), cmp.Compare(a.score, b.score),
			cmp.Compare(g.Nodes[a.from].ID, g.Nodes[b.from].ID), cmp.Compare(g.Nodes[a.to].ID, g.Nodes[b.to].ID))
	})
	out := make([]Contradiction, len(rs))
	for i, e := range rs {
		out[i] = g.contradiction(e.iedge, side(e.from), side(e.to))
	}
	return out
}

func (g *Graph) side(i int32) Side {
	n := &g.Nodes[i]
	end := g.ix.endorsers.of(i)
	return Side{
		ID: n.ID, Label: n.Label, Name: n.Name,
		Documents: g.sortedIDs(g.ix.docsOf(i)),
		Endorsers: g.sortedIDs(end),
		Sectors:   g.sectorsOf(end),
	}
}

func (g *Graph) contradiction(e iedge, from, to Side) Contradiction {
	ix := g.ix
	edge := &g.Edges[e.e]
	c := Contradiction{
		From: from, To: to, Score: int(e.score), Severity: ix.severity(e),
		SharedThemes:     g.sortedIDs(intersect(ix.recThemes.of(e.from), ix.recThemes.of(e.to))),
		CrossesDocuments: crosses(ix.docsOf(e.from), ix.docsOf(e.to)),
		SameDocument:     ix.sameDocument(e),
		Source:           edge.Source, Status: edge.Status,
	}
	if edge.Conflict != nil {
		c.ConflictID, c.Topic = edge.Conflict.ID, edge.Conflict.Topic
	}
	return c
}

func crosses(a, b []int32) bool { return len(a) > 0 && len(b) > 0 && disjoint(a, b) }

// sameDocument reports whether both ends of e stand in one document.
func (ix *index) sameDocument(e iedge) bool { return !disjoint(ix.docsOf(e.from), ix.docsOf(e.to)) }

// compareBool orders false before true.
func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// ConflictRef names one conflict edge: its sides, score, severity and the
// seed conflict it was expanded from.
type ConflictRef struct {
	From       string `json:"from"`
	To         string `json:"to"`
	Score      int    `json:"score"`
	Severity   int    `json:"severity"`
	ConflictID string `json:"conflictId,omitempty"`
	Topic      string `json:"topic,omitempty"`
}

func (g *Graph) conflictRef(e iedge) ConflictRef {
	r := ConflictRef{From: g.Nodes[e.from].ID, To: g.Nodes[e.to].ID, Score: int(e.score), Severity: g.ix.severity(e)}
	if c := g.Edges[e.e].Conflict; c != nil {
		r.ConflictID, r.Topic = c.ID, c.Topic
	}
	return r
}

// bySeverity orders conflict refs most severe first, then by who (the
// actor or scenario) and sides.
func bySeverity(a, b ConflictRef, whoA, whoB string) int {
	return cmp.Or(cmp.Compare(b.Severity, a.Severity), cmp.Compare(whoA, whoB),
		cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
}

// ActorInconsistency is an actor that endorses both sides of a conflict.
type ActorInconsistency struct {
	Actor  string `json:"actor"`
	Name   string `json:"name,omitempty"`
	Sector string `json:"sector,omitempty"`
	ConflictRef
}

// ComputeActorInconsistencies lists, per conflict, the actors that endorse both
// sides; most severe first, then by actor and sides.
func ComputeActorInconsistencies(g *Graph) []ActorInconsistency {
	ix := g.ix
	var out []ActorInconsistency
	for _, e := range ix.conflicts() {
		for _, a := range intersect(ix.endorsers.of(e.from), ix.endorsers.of(e.to)) {
			n := &g.Nodes[a]
			out = append(out, ActorInconsistency{Actor: n.ID, Name: n.Name, Sector: n.Sector, ConflictRef: g.conflictRef(e)})
		}
	}
	slices.SortFunc(out, func(a, b ActorInconsistency) int { return bySeverity(a.ConflictRef, b.ConflictRef, a.Actor, b.Actor) })
	return out
}

// ScenarioIncoherence is a scenario that includes both sides of a conflict
// (a scenario counts as including itself, so a scenario in conflict with a
// recommendation it includes is incoherent too).
type ScenarioIncoherence struct {
	Scenario string `json:"scenario"`
	Name     string `json:"name,omitempty"`
	ConflictRef
}

// ComputeScenarioIncoherences lists the scenarios that include both sides of a
// conflict; most severe first, then by scenario and sides.
func ComputeScenarioIncoherences(g *Graph) []ScenarioIncoherence {
	ix := g.ix
	var out []ScenarioIncoherence
	for _, e := range ix.conflicts() {
		for _, s := range intersect(ix.scenariosOf(e.from), ix.scenariosOf(e.to)) {
			out = append(out, ScenarioIncoherence{Scenario: g.Nodes[s].ID, Name: g.Nodes[s].Name, ConflictRef: g.conflictRef(e)})
		}
	}
	slices.SortFunc(out, func(a, b ScenarioIncoherence) int {
		return bySeverity(a.ConflictRef, b.ConflictRef, a.Scenario, b.Scenario)
	})
	return out
}

// scenariosOf returns the scenarios including i, or i itself for a scenario.
func (ix *index) scenariosOf(i int32) []int32 {
	if ix.isRec(i) {
		return ix.recScens.of(i)
	}
	return []int32{i}
}
