package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Briefing is what a report renders: the analyses of a scope, the
// conflicts as stored (with the study team's decisions), and the nodes the
// report names, so that it can show titles, years and sources beside ids.
type Briefing struct {
	Report    *analysis.Report
	Conflicts []*rodedraad.Conflict
	// Nodes by id: at least those NeededIDs lists; missing ones show as ids.
	Nodes map[string]rodedraad.Node
	// Lang is nl (the default) or en.
	Lang string
	// Limit caps every list (1 or more).
	Limit int
}

// NeededIDs lists the ids of the nodes a briefing of r names: sides of
// conflicts and contradictions with their documents, backers and themes,
// red-thread candidates, ownership gaps and document islands.
func NeededIDs(r *analysis.Report) []string {
	set := map[string]bool{}
	side := func(s analysis.Side) {
		set[s.ID] = true
		for _, d := range s.Documents {
			set[d] = true
		}
	}
	for _, c := range r.Contradictions {
		side(c.From)
		side(c.To)
	}
	for _, g := range r.Conflicts {
		for _, t := range g.Themes {
			set[t] = true
		}
	}
	for _, b := range r.BlindSpots.Themes {
		set[b.Theme] = true
	}
	for _, c := range r.Consensus.Candidates {
		set[c.ID] = true
	}
	for _, o := range r.OwnershipGaps {
		set[o.ID] = true
		for _, d := range o.Documents {
			set[d] = true
		}
	}
	for _, d := range r.Fragmentation.DocumentIslands {
		set[d] = true
	}
	out := make([]string, 0, len(set))
	for id := range set {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// builder turns a Briefing into the document model the renderers share.
type builder struct {
	b    *Briefing
	lang int // 0 Dutch, 1 English
	docs map[string]bool
	out  doc
}

func build(b *Briefing) doc {
	bd := &builder{b: b, docs: map[string]bool{}}
	if b.Lang == "en" {
		bd.lang = 1
	}
	bd.out.lang = cmp.Or(b.Lang, "nl")
	bd.out.title = bd.w("title")
	bd.header()
	bd.summary()
	bd.conflicts()
	bd.loose()
	bd.actors()
	bd.scenarios()
	bd.blindSpots()
	bd.frameGaps()
	bd.fragmentation()
	bd.redThread()
	bd.ownership()
	bd.sources()
	return bd.out
}

// w returns the text of key in the briefing's language.
func (bd *builder) w(key string) string {
	if v, ok := words[key]; ok {
		return v[bd.lang]
	}
	return key
}

func (bd *builder) f(key string, args ...any) string { return fmt.Sprintf(bd.w(key), args...) }

func (bd *builder) section(level int, title, intro string) *section {
	bd.out.sections = append(bd.out.sections, section{level: level, title: title, intro: intro})
	return &bd.out.sections[len(bd.out.sections)-1]
}

// cut returns the first Limit rows and, when it cut some, the line that
// says how many and how to see them.
func cut[T any](bd *builder, list []T) ([]T, string) {
	n := bd.b.Limit
	if len(list) <= n {
		return list, ""
	}
	return list[:n], bd.f("more", len(list)-n, len(list))
}

// title is a node's title or name in the briefing's language, or "".
func (bd *builder) title(id string) string {
	return rodedraad.NameIn(bd.b.Nodes[id], bd.out.lang)
}

// named is "id — title", or the id alone when the title is unknown.
func (bd *builder) named(id string) string {
	if t := bd.title(id); t != "" {
		return id + " — " + t
	}
	return id
}

// docRef is "D06 (2023)" and remembers the document for the sources.
func (bd *builder) docRef(id string) string {
	bd.docs[id] = true
	if d, ok := bd.b.Nodes[id].(*rodedraad.Document); ok && d.Year > 0 {
		return fmt.Sprintf("%s (%d)", id, d.Year)
	}
	return id
}

func (bd *builder) docRefs(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = bd.docRef(id)
	}
	return strings.Join(out, ", ")
}

func (bd *builder) sectors(ss []string) string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = bd.w(s)
	}
	return strings.Join(out, ", ")
}

func (bd *builder) header() {
	s := bd.section(0, "", "")
	s.add(para(bd.w("scope") + ": " + bd.scopeText(bd.b.Report.Scope)))
	s.add(para(bd.f("limit", bd.b.Limit)))
}

func (bd *builder) summary() {
	r := bd.b.Report
	sm := r.Summary
	open := 0
	for _, c := range bd.b.Conflicts {
		if c.State == "" || c.State == rodedraad.ConflictOpen {
			open++
		}
	}
	s := bd.section(2, bd.w("summary"), bd.w("summary.intro"))
	s.add(list{
		bd.f("s.recs", sm.Recommendations, sm.Documents, sm.Actors, sm.Themes, sm.Scenarios),
		bd.f("s.inter", sm.Interactions, sm.Supports, sm.Conflicts, sm.Overlaps),
		bd.f("s.conflicts", len(bd.b.Conflicts), open, sm.Contradictions),
		bd.f("s.index", sm.CoherenceIndex, sm.CoherenceEdges),
		bd.f("s.red", sm.RedThreadCandidates),
	})
}

func (bd *builder) scopeText(sc analysis.Scope) string {
	var parts []string
	add := func(name string, ids []string) {
		if len(ids) > 0 {
			parts = append(parts, bd.w(name)+" "+strings.Join(ids, ","))
		}
	}
	add("sc.themes", sc.Themes)
	add("sc.scenarios", sc.Scenarios)
	add("sc.documents", sc.Documents)
	statuses := "ACCEPTED"
	if len(sc.Statuses) > 0 {
		statuses = fmt.Sprint(sc.Statuses)
	}
	return strings.Join(append(parts, bd.w("sc.statuses")+" "+statuses), "; ")
}
