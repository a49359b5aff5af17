package report

import (
	"fmt"
	"strings"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// conflicts writes one sub-section per conflict, in the analyses' rank,
// then the stored conflicts without accepted pairs in this scope.
func (bd *builder) conflicts() {
	s := bd.section(2, bd.w("conflicts"), bd.w("conflicts.intro"))
	stored := map[string]*rodedraad.Conflict{}
	for _, c := range bd.b.Conflicts {
		stored[c.ID] = c
	}
	var groups []analysis.ConflictGroup
	shown := map[string]bool{}
	for _, g := range bd.b.Report.Conflicts {
		if g.ID != "" {
			groups = append(groups, g)
			shown[g.ID] = true
		}
	}
	for _, c := range bd.b.Conflicts {
		if !shown[c.ID] {
			groups = append(groups, analysis.ConflictGroup{ID: c.ID, Topic: c.Topic, State: c.State})
		}
	}
	if len(groups) == 0 {
		s.add(para(bd.w("none")))
		return
	}
	list, more := cut(bd, groups)
	for _, g := range list {
		bd.conflict(g, stored[g.ID])
	}
	if more != "" {
		bd.section(3, "", "").add(para(more))
	}
}

func (bd *builder) conflict(g analysis.ConflictGroup, c *rodedraad.Conflict) {
	topic, summary, state := g.Topic, "", g.State
	if c != nil {
		topic, summary, state = c.TopicIn(bd.out.lang), c.SummaryIn(bd.out.lang), c.State
	}
	s := bd.section(3, g.ID+" — "+topic, "")
	facts := list{bd.w("c.state") + ": " + bd.w(string(cmpState(state)))}
	if c != nil {
		facts = append(facts, bd.decision(c)...)
	}
	if len(g.Pairs) == 0 {
		s.add(facts, para(bd.w("c.nopairs")))
		return
	}
	facts = append(facts, bd.f("c.severity", g.Severity, g.MaxSeverity, len(g.Pairs)))
	if len(g.Themes) > 0 {
		facts = append(facts, bd.w("c.themes")+": "+bd.themes(g.Themes))
	}
	if summary != "" {
		facts = append(facts, bd.w("c.summary")+": "+summary)
	}
	s.add(facts)
	if g.InsideDocument {
		s.add(para(bd.w("c.inside")))
	}
	bd.side(s, "A", g.SideA)
	bd.side(s, "B", g.SideB)
	bd.pairs(s, g.Pairs)
	bd.conflictSources(s, g)
	if c != nil && len(c.Evidence) > 0 {
		s.add(para(bd.w("c.evidence")+":"), list(c.Evidence))
	}
}

// conflictSources lists the documents of both sides with year, title and
// where to read them, so that each conflict can be checked on its own.
func (bd *builder) conflictSources(s *section, g analysis.ConflictGroup) {
	seen := map[string]bool{}
	var out list
	for _, id := range append(append([]string(nil), g.SideA.Documents...), g.SideB.Documents...) {
		if seen[id] {
			continue
		}
		seen[id] = true
		line := bd.docRef(id)
		if d, ok := bd.b.Nodes[id].(*rodedraad.Document); ok {
			line += " " + d.Title
			if len(d.URLs) > 0 {
				line += " — " + d.URLs[0]
			}
		}
		out = append(out, line)
	}
	if len(out) > 0 {
		s.add(para(bd.w("c.docs")+":"), out)
	}
}

func cmpState(s rodedraad.ConflictState) rodedraad.ConflictState {
	if s == "" {
		return rodedraad.ConflictOpen
	}
	return s
}

// decision lists the latest decision of c with its rationale.
func (bd *builder) decision(c *rodedraad.Conflict) list {
	d := c.Latest()
	if d == nil {
		return nil
	}
	var out list
	if d.Decision != "" {
		out = append(out, bd.w("c.decision")+": "+bd.f("c.by", d.Decision, d.By, d.At.Format("2006-01-02")))
	} else {
		out = append(out, bd.w("c.decision")+": "+bd.f("c.by", bd.w(string(d.State)), d.By, d.At.Format("2006-01-02")))
	}
	if d.Rationale != "" {
		out = append(out, bd.w("c.rationale")+": "+d.Rationale)
	}
	return out
}

func (bd *builder) themes(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = bd.named(id)
	}
	return strings.Join(out, "; ")
}

// side writes a side's items with their documents, and who backs them by
// sector.
func (bd *builder) side(s *section, name string, side analysis.ConflictSide) {
	t := table{head: []string{bd.w("h.id"), bd.w("h.title"), bd.w("h.doc")}}
	for _, it := range side.Items {
		t.rows = append(t.rows, []string{it.ID, bd.title(it.ID), bd.docRefs(it.Documents)})
	}
	s.add(para(bd.f("c.side", name)+":"), t)
	if len(side.Backers) == 0 {
		s.add(para(bd.f("c.backers", name) + ": " + bd.w("c.nobody")))
		return
	}
	var backers list
	for _, sector := range rodedraad.Sectors {
		var names []string
		for _, b := range side.Backers {
			if b.Sector == sector {
				names = append(names, fmt.Sprintf("%s (%s)", b.Name, b.ID))
			}
		}
		if len(names) > 0 {
			backers = append(backers, bd.w(sector)+": "+strings.Join(names, ", "))
		}
	}
	s.add(para(bd.f("c.backers", name)+":"), backers)
}

func (bd *builder) pairs(s *section, pairs []analysis.Contradiction) {
	t, more := bd.contradictionTable(pairs, func(id string) string { return id })
	s.add(para(bd.w("c.pairs")+":"), t)
	if more != "" {
		s.add(para(more))
	}
}

// contradictionTable lists pairs, cut at the briefing's limit, by severity,
// score, their two ends (as end names them) and whether they stand in one
// document; more says how many were left out.
func (bd *builder) contradictionTable(pairs []analysis.Contradiction, end func(id string) string) (t table, more string) {
	t = table{head: []string{bd.w("h.severity"), bd.w("h.score"), bd.w("h.from"), bd.w("h.to"), bd.w("h.note")}}
	list, more := cut(bd, pairs)
	for _, p := range list {
		note := ""
		if p.SameDocument {
			note = bd.w("c.samedoc")
		}
		t.rows = append(t.rows, []string{fmt.Sprint(p.Severity), fmt.Sprint(p.Score), end(p.From.ID), end(p.To.ID), note})
	}
	return t, more
}

// loose lists the contradictions that belong to no conflict.
func (bd *builder) loose() {
	s := bd.section(2, bd.w("loose"), bd.w("loose.intro"))
	var pairs []analysis.Contradiction
	for _, c := range bd.b.Report.Contradictions {
		if c.ConflictID == "" {
			pairs = append(pairs, c)
		}
	}
	if len(pairs) == 0 {
		s.add(para(bd.w("none")))
		return
	}
	t, more := bd.contradictionTable(pairs, bd.named)
	s.add(t)
	if more != "" {
		s.add(para(more))
	}
}
