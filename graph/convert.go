package graph

import (
	"github.com/rodedraad/rodedraad/graph/model"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/service"
)

// This file converts GraphQL inputs to domain values. Validation is the
// domain's; conversion only copies.

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// set copies *src into *dst when the client gave it (patch semantics).
func set[T any](dst *T, src *T) {
	if src != nil {
		*dst = *src
	}
}

func setList(dst *[]string, src []string) {
	if src != nil {
		*dst = src
	}
}

func statuses(in []rodedraad.Status) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = string(s)
	}
	return out
}

func provenance(in *model.ProvenanceInput) rodedraad.Provenance {
	var p rodedraad.Provenance
	applyProvenance(&p, in)
	return p
}

func applyProvenance(p *rodedraad.Provenance, in *model.ProvenanceInput) {
	if in == nil {
		return
	}
	set(&p.Status, in.Status)
	set(&p.Method, in.Method)
	if in.Confidence != nil {
		p.Confidence = in.Confidence
	}
	set(&p.Rationale, in.Rationale)
	set(&p.CreatedBy, in.CreatedBy)
	if s := in.Source; s != nil {
		p.Source = rodedraad.Source{Document: deref(s.Document), Page: deref(s.Page), Quote: deref(s.Quote), URLs: s.Urls}
	}
}

func order(o *model.Order) rodedraad.Order {
	if o == nil {
		return rodedraad.Order{}
	}
	return rodedraad.Order{Field: rodedraad.OrderField(o.Field), Desc: o.Desc}
}

func recommendationFilter(f *model.RecommendationFilter) rodedraad.Filter {
	if f == nil {
		return rodedraad.Filter{}
	}
	return rodedraad.Filter{IDs: f.Ids, Themes: f.Themes, Actors: f.Actors, Sectors: f.Sectors,
		Documents: f.Documents, Scenarios: f.Scenarios, Kinds: f.Kinds, Conflicts: f.Conflicts,
		Statuses: statuses(f.Statuses), Text: deref(f.Text)}
}

func documentFilter(f *model.DocumentFilter) rodedraad.Filter {
	if f == nil {
		return rodedraad.Filter{}
	}
	return rodedraad.Filter{IDs: f.Ids, Themes: f.Themes, Actors: f.Actors, Sectors: f.Sectors,
		Scenarios: f.Scenarios, Kinds: f.Kinds, Statuses: statuses(f.Statuses), Text: deref(f.Text)}
}

func actorFilter(f *model.ActorFilter) rodedraad.Filter {
	if f == nil {
		return rodedraad.Filter{}
	}
	return rodedraad.Filter{IDs: f.Ids, Themes: f.Themes, Documents: f.Documents, Sectors: f.Sectors,
		Kinds: f.Kinds, Statuses: statuses(f.Statuses), Text: deref(f.Text)}
}

func themeFilter(f *model.ThemeFilter) rodedraad.Filter {
	if f == nil {
		return rodedraad.Filter{}
	}
	return rodedraad.Filter{IDs: f.Ids, Statuses: statuses(f.Statuses), Text: deref(f.Text)}
}

func scenarioFilter(f *model.ScenarioFilter) rodedraad.Filter {
	if f == nil {
		return rodedraad.Filter{}
	}
	return rodedraad.Filter{IDs: f.Ids, Themes: f.Themes, Documents: f.Documents, Kinds: f.Families,
		Statuses: statuses(f.Statuses), Text: deref(f.Text)}
}

var nodeKinds = map[model.NodeKind]rodedraad.Label{
	model.NodeKindDocument:       rodedraad.LabelDocument,
	model.NodeKindRecommendation: rodedraad.LabelRecommendation,
	model.NodeKindActor:          rodedraad.LabelActor,
	model.NodeKindTheme:          rodedraad.LabelTheme,
	model.NodeKindScenario:       rodedraad.LabelScenario,
	model.NodeKindConflict:       rodedraad.LabelConflict,
}

func labels(kinds []model.NodeKind) []rodedraad.Label {
	out := make([]rodedraad.Label, len(kinds))
	for i, k := range kinds {
		out[i] = nodeKinds[k]
	}
	return out
}

// recommendationInput returns the new recommendation and the edges its
// input asks for; an empty end means the new node.
func recommendationInput(in model.RecommendationInput) (*rodedraad.Recommendation, []rodedraad.Edge) {
	r := &rodedraad.Recommendation{ID: deref(in.ID), Title: in.Title, Text: in.Text, Kind: in.Kind,
		Level: deref(in.Level), Horizon: deref(in.Horizon), Language: deref(in.Language),
		Uncertainty: deref(in.Uncertainty), Provenance: provenance(in.Provenance)}
	var edges []rodedraad.Edge
	if in.Document != nil {
		edges = append(edges, rodedraad.Edge{Type: rodedraad.RelContains, From: *in.Document})
	}
	for _, t := range in.Themes {
		edges = append(edges, rodedraad.Edge{Type: rodedraad.RelAddresses, To: t})
	}
	for _, a := range in.AssignedTo {
		edges = append(edges, rodedraad.Edge{Type: rodedraad.RelAssignedTo, To: a})
	}
	return r, edges
}

func patchRecommendation(p model.RecommendationPatch) func(rodedraad.Node) {
	return func(n rodedraad.Node) {
		r := n.(*rodedraad.Recommendation)
		set(&r.Title, p.Title)
		set(&r.Text, p.Text)
		set(&r.Kind, p.Kind)
		set(&r.Level, p.Level)
		set(&r.Horizon, p.Horizon)
		set(&r.Language, p.Language)
		set(&r.Uncertainty, p.Uncertainty)
		applyProvenance(&r.Provenance, p.Provenance)
	}
}

func documentInput(in model.DocumentInput) *rodedraad.Document {
	return &rodedraad.Document{ID: deref(in.ID), Title: in.Title, Kind: in.Kind, Year: deref(in.Year),
		Date: deref(in.Date), URLs: in.Urls, Language: deref(in.Language), EvidenceLevel: deref(in.EvidenceLevel),
		Summary: deref(in.Summary), Note: deref(in.Note), Provenance: provenance(in.Provenance)}
}

func patchDocument(p model.DocumentPatch) func(rodedraad.Node) {
	return func(n rodedraad.Node) {
		d := n.(*rodedraad.Document)
		set(&d.Title, p.Title)
		set(&d.Kind, p.Kind)
		set(&d.Year, p.Year)
		set(&d.Date, p.Date)
		setList(&d.URLs, p.Urls)
		set(&d.Language, p.Language)
		set(&d.EvidenceLevel, p.EvidenceLevel)
		set(&d.Summary, p.Summary)
		set(&d.Note, p.Note)
		applyProvenance(&d.Provenance, p.Provenance)
	}
}

func actorInput(in model.ActorInput) *rodedraad.Actor {
	return &rodedraad.Actor{ID: deref(in.ID), Name: in.Name, Aliases: in.Aliases, Kind: in.Kind, Sector: in.Sector,
		Level: deref(in.Level), Note: deref(in.Note), Provenance: provenance(in.Provenance)}
}

func patchActor(p model.ActorPatch) func(rodedraad.Node) {
	return func(n rodedraad.Node) {
		a := n.(*rodedraad.Actor)
		set(&a.Name, p.Name)
		setList(&a.Aliases, p.Aliases)
		set(&a.Kind, p.Kind)
		set(&a.Sector, p.Sector)
		set(&a.Level, p.Level)
		set(&a.Note, p.Note)
		applyProvenance(&a.Provenance, p.Provenance)
	}
}

func themeInput(in model.ThemeInput) *rodedraad.Theme {
	return &rodedraad.Theme{ID: deref(in.ID), Name: in.Name, Description: deref(in.Description),
		InStudyScope: in.InStudyScope, Provenance: provenance(in.Provenance)}
}

func patchTheme(p model.ThemePatch) func(rodedraad.Node) {
	return func(n rodedraad.Node) {
		t := n.(*rodedraad.Theme)
		set(&t.Name, p.Name)
		set(&t.Description, p.Description)
		set(&t.InStudyScope, p.InStudyScope)
		applyProvenance(&t.Provenance, p.Provenance)
	}
}

func scenarioInput(in model.ScenarioInput) (*rodedraad.Scenario, []rodedraad.Edge) {
	s := &rodedraad.Scenario{ID: deref(in.ID), Name: in.Name, Description: deref(in.Description),
		Finding: deref(in.Finding), Horizon: deref(in.Horizon), Family: deref(in.Family),
		FamilyName: deref(in.FamilyName), Provenance: provenance(in.Provenance)}
	var edges []rodedraad.Edge
	for _, d := range in.Documents {
		edges = append(edges, rodedraad.Edge{Type: rodedraad.RelDescribes, From: d})
	}
	return s, edges
}

func patchScenario(p model.ScenarioPatch) func(rodedraad.Node) {
	return func(n rodedraad.Node) {
		s := n.(*rodedraad.Scenario)
		set(&s.Name, p.Name)
		set(&s.Description, p.Description)
		set(&s.Finding, p.Finding)
		set(&s.Horizon, p.Horizon)
		set(&s.Family, p.Family)
		set(&s.FamilyName, p.FamilyName)
		applyProvenance(&s.Provenance, p.Provenance)
	}
}

func linkInput(in model.LinkInput) rodedraad.Edge {
	return rodedraad.Edge{Type: in.Type, From: in.From, To: in.To, Score: in.Score, Weight: in.Weight,
		Similarity: in.Similarity, Role: deref(in.Role), Page: deref(in.Page), Quote: deref(in.Quote),
		Provenance: provenance(in.Provenance)}
}

func conflictInfo(e *rodedraad.Edge) *model.ConflictInfo {
	if e.ConflictID == "" {
		return nil
	}
	info := &model.ConflictInfo{ID: e.ConflictID, Evidence: e.Evidence}
	if e.Topic != "" {
		info.Topic = &e.Topic
	}
	if e.Summary != "" {
		info.Summary = &e.Summary
	}
	if info.Evidence == nil {
		info.Evidence = []string{}
	}
	return info
}

func importPayload(c rodedraad.Counts) *model.ImportPayload {
	p := &model.ImportPayload{Nodes: c.Themes + c.Actors + c.Documents + c.Recommendations + c.Scenarios}
	add := func(kind string, n int) {
		if n > 0 {
			p.Counts = append(p.Counts, &model.ImportCount{Kind: kind, Count: n})
		}
	}
	add("Theme", c.Themes)
	add("Actor", c.Actors)
	add("Document", c.Documents)
	add("Recommendation", c.Recommendations)
	add("Scenario", c.Scenarios)
	for _, t := range rodedraad.RelTypes {
		p.Edges += c.Edges[t]
		add(string(t), c.Edges[t])
	}
	return p
}

func edgePtrs(es []rodedraad.Edge) []*rodedraad.Edge {
	out := make([]*rodedraad.Edge, len(es))
	for i := range es {
		out[i] = &es[i]
	}
	return out
}

func reviewInput(in model.ReviewInput) service.Review {
	return service.Review{ID: deref(in.ID), Type: deref(in.Type), From: deref(in.From), To: deref(in.To),
		Accept: in.Decision == model.ReviewDecisionAccept, Reviewer: in.Reviewer, Note: deref(in.Note)}
}

func searchHits(hits []rodedraad.Hit) []*model.SearchHit {
	out := make([]*model.SearchHit, len(hits))
	for i, h := range hits {
		out[i] = &model.SearchHit{Node: h.Node, Score: h.Score}
	}
	return out
}
