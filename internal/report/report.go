// Package report renders a coherence report for a terminal: the headline
// numbers, then each analysis as a short ranked list with ids, so that the
// study team can read it without a GraphQL client.
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/rodedraad/rodedraad/internal/analysis"
)

// JSON writes r as indented JSON, every list whole: the same field names as
// the GraphQL API's coherence query where both have a field.
func JSON(w io.Writer, r *analysis.Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// Text writes c as plain text, each list cut to its first n items.
func Text(w io.Writer, c *analysis.Report, n int) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	p := printer{w: tw, n: n}
	p.summary(c)
	p.contradictions(c)
	p.inconsistencies(c)
	p.blindSpots(c)
	p.frameGaps(c)
	p.fragmentation(c)
	p.communities(c)
	p.influence(c)
	p.consensus(c)
	p.ownership(c)
	return tw.Flush()
}

type printer struct {
	w *tabwriter.Writer
	n int
}

func (p printer) title(s string) { fmt.Fprintf(p.w, "\n%s\n%s\n", s, strings.Repeat("=", len(s))) }

func (p printer) line(format string, args ...any) { fmt.Fprintf(p.w, format+"\n", args...) }

// more says how many items a cut list left out.
func (p printer) more(total int) {
	if total > p.n {
		p.line("  ... and %d more", total-p.n)
	}
}

func (p printer) summary(c *analysis.Report) {
	s := c.Summary
	p.title("rodedraad coherence report")
	p.line("scope\t%s", scopeText(c.Scope))
	p.line("recommendations\t%d in %d documents, %d actors, %d themes, %d scenarios", s.Recommendations, s.Documents, s.Actors, s.Themes, s.Scenarios)
	p.line("interactions\t%d (%d supports, %d conflicts), %d overlaps, %d stances", s.Interactions, s.Supports, s.Conflicts, s.Overlaps, s.Stances)
	p.line("coherence index\t%+.2f over %d edges (coverage %.4f)", s.CoherenceIndex, s.CoherenceEdges, s.Coverage)
	p.line("gaps\t%d contradictions, %d actor inconsistencies, %d scenario incoherences, %d frame gaps, %d ownership gaps, %d isolated",
		s.Contradictions, s.ActorInconsistencies, s.ScenarioIncoherences, s.FrameGaps, s.OwnershipGaps, s.Isolated)
	p.line("structure\t%d components (largest %.0f%%), cross-document ratio %.2f, %d communities (Q %.2f)",
		s.Components, 100*s.LargestShare, s.CrossDocumentRatio, s.Communities, s.Modularity)
	p.line("red thread\t%d candidates", s.RedThreadCandidates)
}

func scopeText(sc analysis.Scope) string {
	var parts []string
	add := func(name string, ids []string) {
		if len(ids) > 0 {
			parts = append(parts, name+" "+strings.Join(ids, ","))
		}
	}
	add("themes", sc.Themes)
	add("scenarios", sc.Scenarios)
	add("documents", sc.Documents)
	statuses := "ACCEPTED"
	if len(sc.Statuses) > 0 {
		statuses = fmt.Sprint(sc.Statuses)
	}
	return strings.Join(append(parts, "statuses "+statuses), "; ")
}

func (p printer) contradictions(c *analysis.Report) {
	p.title("Contradictions (by severity)")
	p.line("severity\tscore\tconflict\tfrom\tto\tcross-doc")
	for _, x := range first(c.Contradictions, p.n) {
		p.line("%d\t%d\t%s\t%s (%s)\t%s (%s)\t%v", x.Severity, x.Score, x.ConflictID,
			x.From.ID, strings.Join(x.From.Sectors, "+"), x.To.ID, strings.Join(x.To.Sectors, "+"), x.CrossesDocuments)
	}
	p.more(len(c.Contradictions))
}

func (p printer) inconsistencies(c *analysis.Report) {
	p.title("Actors endorsing both sides of a conflict")
	for _, x := range first(c.ActorInconsistencies, p.n) {
		p.line("%s\t%s\t%s vs %s\t%s", x.Actor, x.Sector, x.From, x.To, x.ConflictID)
	}
	p.more(len(c.ActorInconsistencies))
	p.title("Scenarios including both sides of a conflict")
	for _, x := range first(c.ScenarioIncoherence, p.n) {
		p.line("%s\t%s vs %s\t%s", x.Scenario, x.From, x.To, x.ConflictID)
	}
	p.more(len(c.ScenarioIncoherence))
}

func (p printer) blindSpots(c *analysis.Report) {
	b := c.BlindSpots
	p.title(fmt.Sprintf("Blind spots (median %.0f, thin below %.1f)", b.Median, b.ThinBelow))
	p.line("theme\trecs\tdocs\towners\tsectors\tflags")
	for _, t := range b.Themes {
		p.line("%s\t%d\t%d\t%d\t%s\t%s", t.Theme, t.Recommendations, t.Documents, t.Owners,
			strings.Join(t.Sectors, ","), strings.Join(t.Flags, ","))
	}
}

func (p printer) frameGaps(c *analysis.Report) {
	p.title("Frame gaps: themes outside the study in contradictions")
	for _, f := range c.FrameGaps {
		p.line("%s\t%s\t%d contradictions\tseverity %d", f.Theme, f.Name, f.Contradictions, f.Severity)
	}
}

func (p printer) fragmentation(c *analysis.Report) {
	f := c.Fragmentation
	p.title("Fragmentation")
	p.line("components\t%d (%d singletons), largest %d (%.0f%%)", f.Components, f.Singletons, f.Largest, 100*f.LargestShare)
	p.line("cross-document\t%d of %d edges (%.2f)", f.CrossDocumentEdges, f.Edges, f.CrossDocumentRatio)
	p.line("document islands\t%s", strings.Join(f.DocumentIslands, ", "))
}

func (p printer) communities(c *analysis.Report) {
	p.title(fmt.Sprintf("Communities (modularity %.2f)", c.Communities.Modularity))
	for _, x := range first(c.Communities.Communities, p.n) {
		p.line("#%d\t%d members\tthemes %s\tdocuments %s\t%d inner conflicts", x.ID, x.Size,
			counts(x.Themes), counts(x.Documents), len(x.Conflicts))
	}
	p.more(len(c.Communities.Communities))
}

func counts(cs []analysis.Count) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmt.Sprintf("%s:%d", c.ID, c.Count)
	}
	return strings.Join(parts, " ")
}

func (p printer) influence(c *analysis.Report) {
	in := c.Influence
	p.title(fmt.Sprintf("Influence (%d nodes, %d edges, coverage %.4f)", in.Nodes, in.Edges, in.Coverage))
	p.line("id\tnet\tnet2\tactive\tpassive\trole")
	for _, x := range first(in.Ranking, p.n) {
		p.line("%s\t%+d\t%+.2f\t%d\t%d\t%s", x.ID, x.Net, x.Net2, x.Active, x.Passive, x.Role)
	}
	p.more(len(in.Ranking))
}

func (p printer) consensus(c *analysis.Report) {
	p.title("The red thread: candidates by group-informed consensus")
	p.line("id\tGAC\tsectors\techo docs\tname")
	for _, x := range first(c.Consensus.Candidates, p.n) {
		p.line("%s\t%.3f\t%d\t%d\t%s", x.ID, x.GAC, x.Sectors, x.EchoDocuments, x.Name)
	}
	p.more(len(c.Consensus.Candidates))
}

func (p printer) ownership(c *analysis.Report) {
	p.title("Ownership gaps: recommendations assigned to nobody")
	for _, x := range first(c.OwnershipGaps, p.n) {
		p.line("%s\t%s", x.ID, x.Name)
	}
	p.more(len(c.OwnershipGaps))
}

func first[T any](list []T, n int) []T { return list[:min(n, len(list))] }
