package analysis

import (
	"cmp"
	"slices"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// ConflictGroup is one conflict with the contradictions (pairs) expanded
// from it: what the study team decides on. A CONFLICTS_WITH edge that no
// conflict owns is a group of its own, with an empty ID.
type ConflictGroup struct {
	ID    string                  `json:"id,omitempty"`
	Topic string                  `json:"topic,omitempty"`
	State rodedraad.ConflictState `json:"state,omitempty"`
	// SideA and SideB are the distinct from and to ends of its pairs.
	SideA ConflictSide `json:"sideA"`
	SideB ConflictSide `json:"sideB"`
	// Severity is the sum of its pairs' severities, MaxSeverity the largest.
	Severity    int `json:"severity"`
	MaxSeverity int `json:"maxSeverity"`
	// CrossesDocuments: some pair crosses documents. InsideDocument: every
	// pair's sides stand in one document, so it is a tension inside a plan.
	CrossesDocuments bool `json:"crossesDocuments"`
	InsideDocument   bool `json:"insideDocument"`
	// Themes touched by either side, sorted.
	Themes []string `json:"themes,omitempty"`
	// Pairs in the order of ComputeContradictions.
	Pairs []Contradiction `json:"pairs"`
}

// ConflictSide is one side of a conflict: its items, their documents, and
// who backs them, with their sectors.
type ConflictSide struct {
	Items     []Side   `json:"items"`
	Documents []string `json:"documents,omitempty"`
	Backers   []Backer `json:"backers,omitempty"`
	Sectors   []string `json:"sectors,omitempty"`
}

// Backer is an actor endorsing an item of a side.
type Backer struct {
	ID     string `json:"id"`
	Name   string `json:"name,omitempty"`
	Sector string `json:"sector,omitempty"`
}

// ComputeConflicts groups the contradictions by the conflict they were
// expanded from. Conflicts between documents come first, those inside one
// document after them; each part by total severity, then maximum severity
// (both descending), then id.
func ComputeConflicts(g *Graph, cs []Contradiction) []ConflictGroup {
	var out []ConflictGroup
	at := map[string]int{}
	for _, c := range cs {
		key := c.ConflictID
		if key == "" {
			key = "\x00" + c.From.ID + "\x00" + c.To.ID
		}
		i, ok := at[key]
		if !ok {
			i = len(out)
			at[key] = i
			out = append(out, ConflictGroup{ID: c.ConflictID, Topic: c.Topic, InsideDocument: true})
		}
		out[i].add(c)
	}
	states := g.conflictStates()
	for i := range out {
		g.finishGroup(&out[i], states)
	}
	slices.SortStableFunc(out, func(a, b ConflictGroup) int {
		return cmp.Or(compareBool(a.InsideDocument, b.InsideDocument), cmp.Compare(b.Severity, a.Severity),
			cmp.Compare(b.MaxSeverity, a.MaxSeverity), cmp.Compare(a.ID, b.ID))
	})
	return out
}

func (cg *ConflictGroup) add(c Contradiction) {
	cg.Pairs = append(cg.Pairs, c)
	cg.Severity += c.Severity
	cg.MaxSeverity = max(cg.MaxSeverity, c.Severity)
	cg.CrossesDocuments = cg.CrossesDocuments || c.CrossesDocuments
	cg.InsideDocument = cg.InsideDocument && c.SameDocument
	addSide(&cg.SideA.Items, c.From)
	addSide(&cg.SideB.Items, c.To)
}

func addSide(items *[]Side, s Side) {
	if !slices.ContainsFunc(*items, func(x Side) bool { return x.ID == s.ID }) {
		*items = append(*items, s)
	}
}

// finishGroup sorts the sides and fills in documents, backers, sectors,
// themes and the conflict's state.
func (g *Graph) finishGroup(cg *ConflictGroup, states map[string]rodedraad.ConflictState) {
	themes := map[string]bool{}
	for _, side := range []*ConflictSide{&cg.SideA, &cg.SideB} {
		slices.SortFunc(side.Items, func(a, b Side) int { return cmp.Compare(a.ID, b.ID) })
		g.fillSide(side, themes)
	}
	for t := range themes {
		cg.Themes = append(cg.Themes, t)
	}
	slices.Sort(cg.Themes)
	if cg.ID != "" {
		cg.State = cmp.Or(states[cg.ID], rodedraad.ConflictOpen)
	}
}

func (g *Graph) fillSide(side *ConflictSide, themes map[string]bool) {
	docs, backers := map[string]bool{}, map[string]bool{}
	var actors []int32
	for _, it := range side.Items {
		for _, d := range it.Documents {
			docs[d] = true
		}
		for _, a := range it.Endorsers {
			if !backers[a] {
				backers[a] = true
				actors = append(actors, g.ix.pos[a])
			}
		}
		if i, ok := g.ix.pos[it.ID]; ok && g.ix.isRec(i) {
			for _, t := range g.ix.recThemes.of(i) {
				themes[g.Nodes[t].ID] = true
			}
		}
	}
	for d := range docs {
		side.Documents = append(side.Documents, d)
	}
	slices.Sort(side.Documents)
	slices.Sort(actors)
	side.Sectors = g.sectorsOf(actors)
	for _, a := range actors {
		n := &g.Nodes[a]
		side.Backers = append(side.Backers, Backer{ID: n.ID, Name: n.Name, Sector: n.Sector})
	}
	slices.SortFunc(side.Backers, func(a, b Backer) int { return cmp.Compare(a.ID, b.ID) })
}

// conflictStates maps each conflict id to the team's state of it.
func (g *Graph) conflictStates() map[string]rodedraad.ConflictState {
	out := map[string]rodedraad.ConflictState{}
	for i := range g.Edges {
		if c := g.Edges[i].Conflict; c != nil && c.State != "" {
			out[c.ID] = c.State
		}
	}
	return out
}

// ContradictionsBetween keeps the contradictions with one side addressing
// theme a and the other theme b (either way round), in their order: the
// tension between two themes, such as energy transition (T2) against health
// (H). With a == b it keeps those with both sides addressing a.
func ContradictionsBetween(g *Graph, cs []Contradiction, a, b string) []Contradiction {
	has := func(id, theme string) bool {
		i, ok := g.ix.pos[id]
		if !ok || !g.ix.isRec(i) {
			return false
		}
		return slices.ContainsFunc(g.ix.recThemes.of(i), func(t int32) bool { return g.Nodes[t].ID == theme })
	}
	var out []Contradiction
	for _, c := range cs {
		f, t := c.From.ID, c.To.ID
		if has(f, a) && has(t, b) || has(f, b) && has(t, a) {
			out = append(out, c)
		}
	}
	return out
}
