package proposition

import (
	"cmp"
	"slices"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// threads returns the red-thread clusters touching theme, best first; when
// none is a candidate, the nearest clusters (backed from at least one
// sector) with noThread set.
func (b *builder) threads(theme string) (out []Thread, noThread bool) {
	cons := b.in.Report.Consensus
	for _, c := range cons.ClusterCandidates {
		if touches(c.Themes, theme) && len(out) < maxThreads {
			out = append(out, b.thread(c))
		}
	}
	if len(out) > 0 {
		return out, false
	}
	for _, c := range cons.Clusters {
		if touches(c.Themes, theme) && c.Sectors > 0 && len(out) < maxNearest {
			out = append(out, b.thread(c))
		}
	}
	return out, true
}

func (b *builder) thread(c analysis.Cluster) Thread {
	t := Thread{ID: c.ID, Label: b.title(c.Medoid), GAC: c.GAC, Echo: c.EchoDocuments, Candidate: c.Candidate,
		Sectors: sectorsOf(c.Endorse), Backers: []string{}}
	for _, m := range c.Members {
		t.Members = append(t.Members, b.item(m))
	}
	for _, e := range c.Endorsers {
		t.Backers = append(t.Backers, cmp.Or(e.Name, e.ID))
	}
	text := b.f("thread", t.Label, len(c.Members), len(c.Documents), b.sectorNames(t.Sectors), c.GAC)
	t.Statement = b.stmt(text, c.Members...)
	return t
}

func sectorsOf(endorse [4]int) []string {
	out := []string{}
	for i, n := range endorse {
		if n > 0 {
			out = append(out, rodedraad.Sectors[i])
		}
	}
	return out
}

// choices returns the conflicts touching theme: the open ones first, then
// those the team decided, each part in the report's ranking.
func (b *builder) choices(theme string) []Choice {
	out := []Choice{}
	for _, g := range b.in.Report.Conflicts {
		if g.ID != "" && touches(g.Themes, theme) {
			out = append(out, b.choice(g))
		}
	}
	slices.SortStableFunc(out, func(x, y Choice) int {
		return cmp.Compare(stateRank(x.State), stateRank(y.State))
	})
	return out
}

func stateRank(s rodedraad.ConflictState) int {
	if s == rodedraad.ConflictOpen {
		return 0
	}
	return 1
}

func (b *builder) choice(g analysis.ConflictGroup) Choice {
	c := Choice{ID: g.ID, Topic: cmp.Or(g.Topic, g.ID), State: cmp.Or(g.State, rodedraad.ConflictOpen),
		SideA: b.camp(g.SideA), SideB: b.camp(g.SideB), Severity: g.Severity}
	if st := b.stored[g.ID]; st != nil {
		c.Topic = cmp.Or(st.TopicIn(b.lang), c.Topic)
		c.State = cmp.Or(st.State, c.State)
		if d := st.Latest(); d != nil {
			c.Decision, c.Rationale, c.By = d.Decision, d.Rationale, d.By
		}
	}
	text := b.f("choice", c.Topic, b.w(string(c.State)), b.sectorNames(c.SideA.Sectors),
		b.sectorNames(c.SideB.Sectors), c.Severity)
	c.Statement = b.stmt(text, g.ID)
	return c
}

func (b *builder) camp(s analysis.ConflictSide) Camp {
	c := Camp{Backers: []string{}, Sectors: s.Sectors}
	if c.Sectors == nil {
		c.Sectors = []string{}
	}
	for _, it := range s.Items {
		c.Items = append(c.Items, b.item(it.ID))
	}
	for _, a := range s.Backers {
		c.Backers = append(c.Backers, cmp.Or(a.Name, a.ID))
	}
	return c
}

// gaps returns the theme's blind-spot flags, the sectors not heard, the
// themes outside the study's frame that clash with it, and the
// recommendations without an owner. Overall: the frame gaps and the
// ownerless recommendations of the whole scope.
func (b *builder) gaps(theme string) []Statement {
	out := []Statement{}
	if theme != "" {
		out = append(out, b.blindSpots(theme)...)
	}
	out = append(out, b.frameGaps(theme)...)
	var owners []string
	for _, o := range b.in.Report.OwnershipGaps {
		if b.addresses(o.ID, theme) {
			owners = append(owners, o.ID)
		}
	}
	if len(owners) > 0 {
		out = append(out, b.stmt(b.f("g.owner", len(owners))+" "+short(owners, 8), owners...))
	}
	return out
}

func (b *builder) blindSpots(theme string) []Statement {
	var out []Statement
	i := slices.IndexFunc(b.in.Report.BlindSpots.Themes, func(s analysis.BlindSpot) bool { return s.Theme == theme })
	if i < 0 {
		return nil
	}
	spot := b.in.Report.BlindSpots.Themes[i]
	recs := b.themeRecs(theme)
	for _, fl := range spot.Flags {
		out = append(out, b.stmt(b.f("g."+fl, spot.Recommendations), recs...))
	}
	if spot.Recommendations == 0 {
		return out
	}
	for _, s := range rodedraad.Sectors {
		if !slices.Contains(spot.Sectors, s) {
			out = append(out, b.stmt(b.f("g.unheard", b.w(s)), recs...))
		}
	}
	return out
}

// frameGaps: per theme outside the study, the contradictions with one side
// in it and the other in theme (overall: all of its contradictions), citing
// their conflicts, or both ends of a contradiction of no conflict.
func (b *builder) frameGaps(theme string) []Statement {
	var out []Statement
	rep := b.in.Report
	for _, fg := range rep.FrameGaps {
		var cs []analysis.Contradiction
		if theme == "" {
			cs = slices.DeleteFunc(slices.Clone(rep.Contradictions), func(c analysis.Contradiction) bool {
				return !slices.Contains(fg.Pairs, analysis.Pair{From: c.From.ID, To: c.To.ID})
			})
		} else {
			cs = analysis.ContradictionsBetween(b.in.Graph, rep.Contradictions, theme, fg.Theme)
		}
		if len(cs) == 0 {
			continue
		}
		var cites []string
		for _, c := range cs {
			if c.ConflictID != "" {
				cites = append(cites, c.ConflictID)
			} else {
				cites = append(cites, c.From.ID, c.To.ID)
			}
		}
		text := b.f("g.frame", b.title(fg.Theme), len(cs))
		if theme == "" {
			text = b.f("g.frameAll", b.title(fg.Theme), fg.Contradictions, fg.Severity)
		}
		out = append(out, b.stmt(text, cites...))
	}
	return out
}

// themeRecs are the recommendations addressing theme, by id.
func (b *builder) themeRecs(theme string) []string {
	var out []string
	for id, ts := range b.themeOf {
		if slices.Contains(ts, theme) {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

// actors: who the theme's recommendations are assigned to, most first.
func (b *builder) actors(theme string) []Statement {
	return b.tally(theme, func(n analysis.Node) []string { return n.Assigned }, maxActors, func(id string, recs int) string {
		sector := ""
		if n, ok := b.in.Graph.Node(id); ok {
			sector = b.w(n.Sector)
		}
		return b.f("actor", b.title(id), sector, recs)
	})
}

// scenarios: which scenarios include the theme's recommendations, most first.
func (b *builder) scenarios(theme string) []Statement {
	return b.tally(theme, func(n analysis.Node) []string { return n.Scenarios }, maxScenarios, func(id string, recs int) string {
		return b.f("scenario", b.title(id), recs)
	})
}

// tally counts, per id that of() gives for the theme's recommendations,
// the recommendations, and makes a statement citing them for the first n.
func (b *builder) tally(theme string, of func(analysis.Node) []string, n int, text func(string, int) string) []Statement {
	recs := map[string][]string{}
	for _, node := range b.in.Graph.Nodes {
		if node.Label == rodedraad.LabelRecommendation && slices.Contains(node.Themes, theme) {
			for _, id := range of(node) {
				recs[id] = append(recs[id], node.ID)
			}
		}
	}
	ids := make([]string, 0, len(recs))
	for id := range recs {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(x, y string) int { return cmp.Or(cmp.Compare(len(recs[y]), len(recs[x])), cmp.Compare(x, y)) })
	out := []Statement{}
	for _, id := range ids[:min(n, len(ids))] {
		slices.Sort(recs[id])
		out = append(out, b.stmt(text(id, len(recs[id])), recs[id]...))
	}
	return out
}
