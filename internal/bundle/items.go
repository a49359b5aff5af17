package bundle

import (
	"fmt"
	"slices"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// file adds every item of f.
func (b *builder) file(f *File) {
	defs := b.opts.Defaults
	if f.Defaults != nil {
		at := where{f, "defaults"}
		defs = b.provenance(*f.Defaults, defs, at)
	}
	for i, t := range f.Themes {
		b.theme(t, defs, where{f, fmt.Sprintf("themes[%d]", i)})
	}
	for i, a := range f.Actors {
		b.actor(a, defs, where{f, fmt.Sprintf("actors[%d]", i)})
	}
	if f.Document != nil {
		b.document(*f.Document, defs, where{f, "document"})
	}
	for i, d := range f.Documents {
		b.document(d, defs, where{f, fmt.Sprintf("documents[%d]", i)})
	}
	for i, r := range f.Recommendations {
		b.recommendation(r, defs, where{f, fmt.Sprintf("recommendations[%d]", i)}, nil)
	}
	for i, s := range f.Scenarios {
		b.scenarioSet(s, defs, where{f, fmt.Sprintf("scenarios[%d]", i)})
	}
	for i, l := range f.Links {
		b.link(l, defs, where{f, fmt.Sprintf("links[%d]", i)})
	}
	for i, c := range f.Conflicts {
		b.conflict(c, defs, where{f, fmt.Sprintf("conflicts[%d]", i)})
	}
}

// provenance resolves p over the defaults and validates it.
func (b *builder) provenance(p Prov, defs rodedraad.Provenance, at where) rodedraad.Provenance {
	out := rodedraad.Provenance{
		Status: rodedraad.Status(or(p.Status, string(defs.Status))), Method: rodedraad.Method(or(p.Method, string(defs.Method))),
		Confidence: p.Confidence, Rationale: p.Rationale, CreatedBy: or(p.CreatedBy, defs.CreatedBy),
		ReviewedBy: p.ReviewedBy, ReviewedAt: p.ReviewedAt,
	}
	if out.Confidence == nil {
		out.Confidence = defs.Confidence
	}
	if p.CreatedAt != nil {
		out.CreatedAt = *p.CreatedAt
	}
	if s := p.Source; s != nil {
		out.Source = rodedraad.Source{Document: s.Document, Page: s.Page, Quote: s.Quote, URLs: s.URLs}
		if s.Document != "" {
			b.refs = append(b.refs, ref{s.Document, rodedraad.LabelDocument, where{at.file, join(at.path, "source.document")}})
		}
	}
	b.invalid(at, out.Validate())
	return out
}

// nested is the provenance of an edge written inside an item: the item's
// review state, without its source or rationale.
func nested(p rodedraad.Provenance) rodedraad.Provenance {
	return rodedraad.Provenance{Status: p.Status, Method: p.Method, Confidence: p.Confidence, CreatedBy: p.CreatedBy, CreatedAt: p.CreatedAt}
}

func or(v, def string) string {
	if v != "" {
		return v
	}
	return def
}

func (b *builder) theme(t Theme, defs rodedraad.Provenance, at where) {
	n := rodedraad.Theme{ID: t.ID, Name: t.Name, Description: t.Description, InStudyScope: t.InStudyScope,
		Provenance: b.provenance(t.Prov, defs, at)}
	if tr := t.Translation; tr != nil {
		n.Translation = &rodedraad.Translation{Language: tr.Language, Title: tr.Title, Text: tr.Text, Method: tr.Method}
	}
	b.invalid(at, n.Validate())
	b.define(n.ID, rodedraad.LabelTheme, at)
	b.out.Themes = append(b.out.Themes, n)
}

func (b *builder) actor(a Actor, defs rodedraad.Provenance, at where) {
	n := rodedraad.Actor{ID: a.ID, Name: a.Name, Aliases: a.Aliases, Kind: a.Kind, Sector: a.Sector, Level: a.Level,
		Note: a.Note, Provenance: b.provenance(a.Prov, defs, at)}
	b.invalid(at, n.Validate())
	b.define(n.ID, rodedraad.LabelActor, at)
	b.out.Actors = append(b.out.Actors, n)
}

func (b *builder) document(d Document, defs rodedraad.Provenance, at where) {
	n := rodedraad.Document{ID: d.ID, Title: d.Title, Kind: d.Kind, Year: d.Year, Date: d.Date, URLs: d.URLs,
		Language: d.Language, EvidenceLevel: d.EvidenceLevel, Summary: d.Summary, Note: d.Note,
		Provenance: b.provenance(d.Prov, defs, at)}
	b.invalid(at, n.Validate())
	b.define(n.ID, rodedraad.LabelDocument, at)
	b.out.Documents = append(b.out.Documents, n)
	self := where{at.file, join(at.path, "id")}
	for i, a := range d.Authors {
		aat := where{at.file, fmt.Sprintf("%s.authors[%d]", at.path, i)}
		e := rodedraad.Edge{Type: rodedraad.RelAuthored, From: a.Actor, To: d.ID, Role: a.Role, Provenance: b.provenance(a.Prov, nested(n.Provenance), aat)}
		b.addEdge(e, aat, where{at.file, join(aat.path, "actor")}, self)
	}
	for i, s := range d.Scenarios {
		sat := where{at.file, fmt.Sprintf("%s.scenarios[%d]", at.path, i)}
		b.addEdge(rodedraad.Edge{Type: rodedraad.RelDescribes, From: d.ID, To: s, Provenance: nested(n.Provenance)}, sat, self, sat)
	}
	for i, r := range d.Recommendations {
		b.recommendation(r, defs, where{at.file, fmt.Sprintf("%s.recommendations[%d]", at.path, i)}, &n)
	}
}

// recommendation adds r, CONTAINed by doc when it is not nil.
func (b *builder) recommendation(r Recommendation, defs rodedraad.Provenance, at where, doc *rodedraad.Document) {
	n := rodedraad.Recommendation{ID: r.ID, Title: r.Title, Text: r.Text, Kind: r.Kind, Level: r.Level, Horizon: r.Horizon,
		Language: r.Language, Uncertainty: r.Uncertainty, Provenance: b.provenance(r.Prov, defs, at)}
	if t := r.Translation; t != nil {
		n.Translation = &rodedraad.Translation{Language: t.Language, Title: t.Title, Text: t.Text, Method: t.Method}
	}
	src := &n.Provenance.Source
	src.Page, src.Quote = or(src.Page, r.Page), or(src.Quote, r.Quote)
	b.invalid(at, n.Validate())
	b.define(n.ID, rodedraad.LabelRecommendation, at)
	self := where{at.file, join(at.path, "id")}
	p := nested(n.Provenance)
	if doc != nil {
		src.Document = or(src.Document, doc.ID)
		b.addEdge(rodedraad.Edge{Type: rodedraad.RelContains, From: doc.ID, To: r.ID, Page: r.Page, Quote: r.Quote, Provenance: p}, self, self, self)
	}
	b.out.Recommendations = append(b.out.Recommendations, n)
	for _, rel := range []struct {
		field string
		ids   []string
		typ   rodedraad.RelType
		out   bool // from the recommendation
	}{
		{"themes", r.Themes, rodedraad.RelAddresses, true},
		{"assignedTo", r.AssignedTo, rodedraad.RelAssignedTo, true},
		{"supportedBy", r.SupportedBy, rodedraad.RelSupports, false},
		{"opposedBy", r.OpposedBy, rodedraad.RelConflictsWith, false},
	} {
		for i, id := range rel.ids {
			ref := where{at.file, fmt.Sprintf("%s.%s[%d]", at.path, rel.field, i)}
			if rel.out {
				b.addEdge(rodedraad.Edge{Type: rel.typ, From: r.ID, To: id, Provenance: p}, ref, self, ref)
			} else {
				b.addEdge(rodedraad.Edge{Type: rel.typ, From: id, To: r.ID, Provenance: p}, ref, ref, self)
			}
		}
	}
}

func (b *builder) scenarioSet(s ScenarioSet, defs rodedraad.Provenance, at where) {
	if s.Family == "" {
		b.fail(where{at.file, join(at.path, "family")}, "is required")
	}
	if s.Document != "" {
		b.refs = append(b.refs, ref{s.Document, rodedraad.LabelDocument, where{at.file, join(at.path, "document")}})
	}
	for i, sc := range s.Scenarios {
		sat := where{at.file, fmt.Sprintf("%s.scenarios[%d]", at.path, i)}
		n := rodedraad.Scenario{ID: sc.ID, Name: sc.Name, Description: sc.Description, Finding: sc.Finding, Horizon: sc.Horizon,
			Family: s.Family, FamilyName: s.Name, Provenance: b.provenance(sc.Prov, defs, sat)}
		if src := &n.Provenance.Source; s.Source != nil && src.Document == "" && len(src.URLs) == 0 {
			src.URLs = s.Source.URLs
		}
		n.Provenance.Source.Document = or(n.Provenance.Source.Document, s.Document)
		b.invalid(sat, n.Validate())
		b.define(n.ID, rodedraad.LabelScenario, sat)
		b.out.Scenarios = append(b.out.Scenarios, n)
		self, p := where{at.file, join(sat.path, "id")}, nested(n.Provenance)
		if s.Document != "" {
			dat := where{at.file, join(at.path, "document")}
			b.addEdge(rodedraad.Edge{Type: rodedraad.RelDescribes, From: s.Document, To: sc.ID, Provenance: p}, dat, dat, self)
		}
		for j, d := range sc.Documents {
			dat := where{at.file, fmt.Sprintf("%s.documents[%d]", sat.path, j)}
			b.addEdge(rodedraad.Edge{Type: rodedraad.RelDescribes, From: d, To: sc.ID, Provenance: p}, dat, dat, self)
		}
		for j, r := range sc.Includes {
			rat := where{at.file, fmt.Sprintf("%s.includes[%d]", sat.path, j)}
			b.addEdge(rodedraad.Edge{Type: rodedraad.RelIncludes, From: sc.ID, To: r, Provenance: p}, rat, self, rat)
		}
	}
}

func (b *builder) link(l Link, defs rodedraad.Provenance, at where) {
	e := rodedraad.Edge{Type: rodedraad.RelType(l.Type), From: l.From, To: l.To, Score: l.Score, Weight: l.Weight,
		Similarity: l.Similarity, Role: l.Role, Page: l.Page, Quote: l.Quote, Provenance: b.provenance(l.Prov, defs, at)}
	e.Normalize()
	b.addEdge(e, at, where{at.file, join(at.path, "from")}, where{at.file, join(at.path, "to")})
}

// conflict adds c as a Conflict node with SIDE_A and SIDE_B edges to its
// sides, and expands it into pairwise CONFLICTS_WITH edges from side A to B.
func (b *builder) conflict(c Conflict, defs rodedraad.Provenance, at where) {
	n := rodedraad.Conflict{ID: c.ID, Topic: c.Topic, Summary: c.Summary, Strength: c.Strength, Score: c.Score,
		Evidence: c.Evidence, SideA: c.SideA, SideB: c.SideB, Provenance: b.provenance(c.Prov, defs, at)}
	if t := c.Translation; t != nil {
		n.Translation = &rodedraad.Translation{Language: t.Language, Title: t.Topic, Text: t.Summary, Method: t.Method}
	}
	for i, d := range c.History {
		n.History = append(n.History, rodedraad.ConflictDecision{State: rodedraad.ConflictState(d.State),
			Decision: d.Decision, Rationale: d.Rationale, By: d.By, At: d.At})
		b.invalid(where{at.file, fmt.Sprintf("%s.history[%d]", at.path, i)}, n.History[i].Validate())
	}
	if c.Score == nil && c.Strength == "" {
		b.fail(where{at.file, join(at.path, "strength")}, "is required: EXPLICIT or INFERRED (or give a score)")
	}
	b.invalid(at, n.Validate())
	b.define(n.ID, rodedraad.LabelConflict, at)
	b.out.Conflicts = append(b.out.Conflicts, n)
	self := where{at.file, join(at.path, "id")}
	sideAt := func(side string, i int) where { return where{at.file, fmt.Sprintf("%s.%s[%d]", at.path, side, i)} }
	for _, e := range n.SideEdges() {
		side, list := "sideA", c.SideA
		if e.Type == rodedraad.RelSideB {
			side, list = "sideB", c.SideB
		}
		b.addEdge(e, self, self, sideAt(side, slices.Index(list, e.To)))
	}
	for _, e := range n.Pairs() {
		b.addEdge(e, at, sideAt("sideA", slices.Index(c.SideA, e.From)), sideAt("sideB", slices.Index(c.SideB, e.To)))
	}
}
