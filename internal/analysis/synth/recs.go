package synth

import (
	"fmt"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

func (g *gen) addRec(i int) {
	doc := g.skewed(len(g.docs))
	n := analysis.Node{ID: fmt.Sprintf("SR%d", i), Label: rodedraad.LabelRecommendation,
		Name: fmt.Sprintf("Recommendation %d", i), Kind: recKinds[g.pick(recKindW)],
		Documents: []string{g.id(g.docs[doc])}}
	if g.r.Float64() < 0.02 {
		n.Status = rodedraad.StatusProposed
	}
	t := g.pick(themeWeights)
	n.Themes = []string{g.id(int32(t))}
	if u := g.pick(themeWeights); u != t && g.r.Float64() < 0.3 {
		n.Themes = append(n.Themes, g.id(int32(u)))
	}
	if g.r.Float64() < 0.55 {
		n.Assigned = []string{g.id(g.actor())}
	}
	for _, s := range g.scens {
		if g.r.Float64() < 0.03 {
			n.Scenarios = append(n.Scenarios, g.id(s))
		}
	}
	g.recs = append(g.recs, g.add(n))
	g.recDoc = append(g.recDoc, int32(doc))
	g.docRecs[doc] = append(g.docRecs[doc], int32(i))
}

// target picks an earlier recommendation for rec i: one of its own document
// (locality), one uniformly at random, or one in proportion to its degree.
func (g *gen) target(i int32) int32 {
	local := g.docRecs[g.recDoc[i]]
	switch u := g.r.Float64(); {
	case u < localShare && len(local) > 1:
		return local[g.r.IntN(len(local))]
	case u < localShare+uniformShare*(1-localShare) || len(g.ends) == 0:
		return int32(g.r.IntN(int(i)))
	default:
		return g.ends[g.r.IntN(len(g.ends))]
	}
}

func (g *gen) interact(i int32) {
	t := g.target(i)
	if t == i {
		return
	}
	from, to := i, t
	if g.r.IntN(2) == 0 {
		from, to = t, i
	}
	e := g.interaction(g.recs[from], g.recs[to])
	if e == nil {
		return
	}
	e.Source = g.nodes[g.recs[from]].Documents[0]
	g.ends = append(g.ends, i, t)
}

// interaction adds a SUPPORTS or CONFLICTS_WITH edge between two nodes, or
// returns nil when that edge exists already.
func (g *gen) interaction(from, to int32) *analysis.Edge {
	e := analysis.Edge{Type: rodedraad.RelSupports, From: g.id(from), To: g.id(to), Score: int16(1 + g.pick([]int{45, 35, 20}))}
	if g.r.Float64() < negativeShare {
		e.Type, e.Score = rodedraad.RelConflictsWith, -e.Score
		if g.r.Float64() < 0.3 {
			e.Conflict = g.conflict()
		}
	}
	if !g.fresh(e.Type, from, to) {
		return nil
	}
	switch u := g.r.Float64(); {
	case u < 0.04:
		e.Status = rodedraad.StatusProposed
	case u < 0.05:
		e.Status = rodedraad.StatusRejected
	default:
		e.Status = rodedraad.StatusAccepted
	}
	g.edges = append(g.edges, e)
	return &g.edges[len(g.edges)-1]
}

func (g *gen) fresh(t rodedraad.RelType, from, to int32) bool {
	code := int32(0)
	switch t {
	case rodedraad.RelConflictsWith:
		code = 1
	case rodedraad.RelOverlaps:
		code = 2
	}
	k := [3]int32{code, from, to}
	if g.seen[k] {
		return false
	}
	g.seen[k] = true
	return true
}

func (g *gen) conflict() *analysis.Conflict {
	if len(g.confl) < 10+len(g.recs)/100 {
		c := &analysis.Conflict{ID: fmt.Sprintf("SC-%d", len(g.confl)), Topic: topics[len(g.confl)%len(topics)]}
		g.confl = append(g.confl, c)
		return c
	}
	return g.confl[g.r.IntN(len(g.confl))]
}

func (g *gen) scenarioEdges() {
	for _, s := range g.scens {
		for range 5 {
			r := g.recs[g.r.IntN(len(g.recs))]
			if g.r.IntN(2) == 0 {
				g.interaction(s, r)
			} else {
				g.interaction(r, s)
			}
		}
	}
}

func (g *gen) stances(n int) {
	for range int(float64(n) * stancesPerRec) {
		a, r := g.actor(), g.recs[g.r.IntN(n)]
		e := analysis.Edge{Type: rodedraad.RelSupports, From: g.id(a), To: g.id(r)}
		if g.r.Float64() < 0.15 {
			e.Type = rodedraad.RelConflictsWith
		}
		if g.fresh(e.Type, a, r) {
			g.edges = append(g.edges, e)
		}
	}
}

// overlaps links near-duplicates across documents, lower id first as the
// store keeps them.
func (g *gen) overlaps(n int) {
	for range int(float64(n) * overlapShare) {
		a, b := g.r.IntN(n), g.r.IntN(n)
		if g.recDoc[a] == g.recDoc[b] {
			continue
		}
		from, to := g.recs[a], g.recs[b]
		if g.id(to) < g.id(from) {
			from, to = to, from
		}
		if !g.fresh(rodedraad.RelOverlaps, from, to) {
			continue
		}
		e := analysis.Edge{Type: rodedraad.RelOverlaps, From: g.id(from), To: g.id(to),
			Similarity: float32(0.6 + 0.35*g.r.Float64()), Status: rodedraad.StatusAccepted}
		if g.r.Float64() < 0.3 {
			e.Status = rodedraad.StatusProposed
		}
		g.edges = append(g.edges, e)
	}
}
