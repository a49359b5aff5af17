package rodedraad

// Node is any node of the graph: every kind has an id and one label.
type Node interface {
	NodeID() string
	NodeLabel() Label
	Prov() *Provenance
}

func (t *Theme) NodeID() string          { return t.ID }
func (a *Actor) NodeID() string          { return a.ID }
func (d *Document) NodeID() string       { return d.ID }
func (r *Recommendation) NodeID() string { return r.ID }
func (s *Scenario) NodeID() string       { return s.ID }

func (*Theme) NodeLabel() Label          { return LabelTheme }
func (*Actor) NodeLabel() Label          { return LabelActor }
func (*Document) NodeLabel() Label       { return LabelDocument }
func (*Recommendation) NodeLabel() Label { return LabelRecommendation }
func (*Scenario) NodeLabel() Label       { return LabelScenario }

func (t *Theme) Prov() *Provenance          { return &t.Provenance }
func (a *Actor) Prov() *Provenance          { return &a.Provenance }
func (d *Document) Prov() *Provenance       { return &d.Provenance }
func (r *Recommendation) Prov() *Provenance { return &r.Provenance }
func (s *Scenario) Prov() *Provenance       { return &s.Provenance }

// Validate checks any node by its kind.
func ValidateNode(n Node) error {
	switch n := n.(type) {
	case *Theme:
		return n.Validate()
	case *Actor:
		return n.Validate()
	case *Document:
		return n.Validate()
	case *Recommendation:
		return n.Validate()
	case *Scenario:
		return n.Validate()
	case *Conflict:
		return n.Validate()
	}
	return Errorf(EINTERNAL, "unknown node type %T", n)
}

// Nodes returns every node of the bundle, kind by kind.
func (b *Bundle) Nodes() []Node {
	out := make([]Node, 0, len(b.Themes)+len(b.Actors)+len(b.Documents)+len(b.Recommendations)+len(b.Scenarios)+len(b.Conflicts))
	for i := range b.Themes {
		out = append(out, &b.Themes[i])
	}
	for i := range b.Actors {
		out = append(out, &b.Actors[i])
	}
	for i := range b.Documents {
		out = append(out, &b.Documents[i])
	}
	for i := range b.Recommendations {
		out = append(out, &b.Recommendations[i])
	}
	for i := range b.Scenarios {
		out = append(out, &b.Scenarios[i])
	}
	for i := range b.Conflicts {
		out = append(out, &b.Conflicts[i])
	}
	return out
}

// Add appends a node to the bundle under its kind.
func (b *Bundle) Add(n Node) {
	switch n := n.(type) {
	case *Theme:
		b.Themes = append(b.Themes, *n)
	case *Actor:
		b.Actors = append(b.Actors, *n)
	case *Document:
		b.Documents = append(b.Documents, *n)
	case *Recommendation:
		b.Recommendations = append(b.Recommendations, *n)
	case *Scenario:
		b.Scenarios = append(b.Scenarios, *n)
	case *Conflict:
		b.Conflicts = append(b.Conflicts, *n)
	}
}

// NameIn returns what a reader calls node n, in lang where the item has a
// translation into it: a recommendation's title, a theme's name, a
// conflict's topic, a document's title, an actor's or a scenario's name;
// "" for a nil node.
func NameIn(n Node, lang string) string {
	switch n := n.(type) {
	case *Recommendation:
		return n.TitleIn(lang)
	case *Theme:
		return n.NameIn(lang)
	case *Conflict:
		return n.TopicIn(lang)
	case *Document:
		return n.Title
	case *Actor:
		return n.Name
	case *Scenario:
		return n.Name
	}
	return ""
}
