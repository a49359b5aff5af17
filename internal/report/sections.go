package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// tableSection adds a section (title and intro are wording keys) that
// lists xs as a table, at most the briefing's limit of them with a line on
// how many it left out, or says "none".
func tableSection[T any](bd *builder, title, intro string, xs []T, head []string, row func(T) []string) {
	s := bd.section(2, bd.w(title), bd.w(intro))
	if len(xs) == 0 {
		s.add(para(bd.w("none")))
		return
	}
	t := table{head: make([]string, len(head))}
	for i, h := range head {
		t.head[i] = bd.w(h)
	}
	list, more := cut(bd, xs)
	for _, x := range list {
		t.rows = append(t.rows, row(x))
	}
	s.add(t)
	if more != "" {
		s.add(para(more))
	}
}

func (bd *builder) actors() {
	tableSection(bd, "actors", "actors.intro", bd.b.Report.ActorInconsistencies,
		[]string{"h.actor", "h.sector", "h.conflict", "h.from", "h.to"},
		func(x analysis.ActorInconsistency) []string {
			return []string{bd.named(x.Actor), bd.w(x.Sector), x.ConflictID, bd.named(x.From), bd.named(x.To)}
		})
}

func (bd *builder) scenarios() {
	tableSection(bd, "scenarios", "scenarios.intro", bd.b.Report.ScenarioIncoherence,
		[]string{"h.scenario", "h.conflict", "h.from", "h.to"},
		func(x analysis.ScenarioIncoherence) []string {
			return []string{x.Scenario + " — " + x.Name, x.ConflictID, bd.named(x.From), bd.named(x.To)}
		})
}

func (bd *builder) blindSpots() {
	b := bd.b.Report.BlindSpots
	s := bd.section(2, bd.w("blind"), bd.f("blind.intro", b.ThinBelow))
	if len(b.Themes) == 0 {
		s.add(para(bd.w("none")))
		return
	}
	t := table{head: []string{bd.w("h.theme"), bd.w("h.recs"), bd.w("h.docs"), bd.w("h.owners"), bd.w("h.sectors"), bd.w("h.flags")}}
	for _, x := range b.Themes {
		flags := make([]string, len(x.Flags))
		for i, f := range x.Flags {
			flags[i] = bd.w(f)
		}
		t.rows = append(t.rows, []string{bd.named(x.Theme), fmt.Sprint(x.Recommendations), fmt.Sprint(x.Documents),
			fmt.Sprint(x.Owners), bd.sectors(x.Sectors), strings.Join(flags, ", ")})
	}
	s.add(t)
}

func (bd *builder) frameGaps() {
	s := bd.section(2, bd.w("frame"), bd.w("frame.intro"))
	xs := bd.b.Report.FrameGaps
	if len(xs) == 0 {
		s.add(para(bd.w("none")))
		return
	}
	t := table{head: []string{bd.w("h.theme"), bd.w("h.contradictions"), bd.w("h.severity")}}
	for _, x := range xs {
		t.rows = append(t.rows, []string{bd.named(x.Theme), fmt.Sprint(x.Contradictions), fmt.Sprint(x.Severity)})
	}
	s.add(t)
}

func (bd *builder) fragmentation() {
	f := bd.b.Report.Fragmentation
	s := bd.section(2, bd.w("frag"), bd.w("frag.intro"))
	islands := bd.w("none")
	if len(f.DocumentIslands) > 0 {
		names := make([]string, len(f.DocumentIslands))
		for i, d := range f.DocumentIslands {
			names[i] = bd.docRef(d) + " " + bd.title(d)
		}
		islands = strings.Join(names, "; ")
	}
	s.add(list{
		bd.f("f.components", f.Components, f.Singletons, f.Largest, 100*f.LargestShare),
		bd.f("f.cross", f.CrossDocumentEdges, f.Edges, f.CrossDocumentRatio),
		bd.w("f.islands") + ": " + islands,
	})
}

func (bd *builder) redThread() {
	tableSection(bd, "red", "red.intro", bd.b.Report.Consensus.Candidates,
		[]string{"h.id", "h.title", "h.gac", "h.sectors", "h.echo"},
		func(x analysis.ConsensusItem) []string {
			return []string{x.ID, bd.title(x.ID), fmt.Sprintf("%.3f", x.GAC), fmt.Sprint(x.Sectors), fmt.Sprint(x.EchoDocuments)}
		})
}

func (bd *builder) ownership() {
	tableSection(bd, "owner", "owner.intro", bd.b.Report.OwnershipGaps,
		[]string{"h.id", "h.title", "h.doc"},
		func(x analysis.OwnershipGap) []string {
			return []string{x.ID, bd.title(x.ID), bd.docRefs(x.Documents)}
		})
}

// sources lists every document the briefing named, with year and URLs.
func (bd *builder) sources() {
	s := bd.section(2, bd.w("sources"), bd.w("sources.intro"))
	ids := make([]string, 0, len(bd.docs))
	for id := range bd.docs {
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		s.add(para(bd.w("none")))
		return
	}
	slices.Sort(ids)
	t := table{head: []string{bd.w("h.id"), bd.w("h.title"), bd.w("h.year"), bd.w("h.url")}}
	for _, id := range ids {
		row := []string{id, "", "", ""}
		if d, ok := bd.b.Nodes[id].(*rodedraad.Document); ok {
			row[1] = d.Title
			if d.Year > 0 {
				row[2] = fmt.Sprint(d.Year)
			}
			row[3] = strings.Join(d.URLs, " ")
		}
		t.rows = append(t.rows, row)
	}
	s.add(t)
}
