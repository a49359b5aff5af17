package bundle

import (
	"fmt"
	"slices"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// resolve asks opts.External for the labels of ids referenced but not
// defined in the bundle, and reports those that stay unknown.
func (b *builder) resolve() error {
	var missing []string
	note := func(id string) {
		if _, ok := b.nodes[id]; !ok && id != "" && !slices.Contains(missing, id) {
			missing = append(missing, id)
		}
	}
	for _, e := range b.edges {
		note(e.e.From)
		note(e.e.To)
	}
	for _, r := range b.refs {
		note(r.id)
	}
	if len(missing) == 0 {
		return nil
	}
	slices.Sort(missing)
	if b.opts.External != nil {
		labels, err := b.opts.External(missing)
		if err != nil {
			return fmt.Errorf("resolve references: %w", err)
		}
		for id, l := range labels {
			b.nodes[id] = node{label: l}
		}
	}
	for _, r := range b.refs {
		b.known(r.id, r.at)
		if n, ok := b.nodes[r.id]; ok && n.label != r.want {
			b.fail(r.at, "%q is a %s, not a %s", r.id, n.label, r.want)
		}
	}
	return nil
}

// known reports whether id is a node, and an error at `at` when it is not.
func (b *builder) known(id string, at where) bool {
	if _, ok := b.nodes[id]; ok {
		return true
	}
	switch {
	case id == "":
		b.fail(at, "is required")
	case b.opts.Offline:
		// Checked against the graph when the bundle is imported.
	default:
		b.fail(at, "%q is not defined", id)
	}
	return false
}

// fillSources gives recommendations and scenarios that name a source
// document but no URLs the URLs of that document.
func (b *builder) fillSources() {
	urls := map[string][]string{}
	for _, d := range b.out.Documents {
		urls[d.ID] = d.URLs
	}
	fill := func(s *rodedraad.Source) {
		if s.Document != "" && len(s.URLs) == 0 {
			s.URLs = urls[s.Document]
		}
	}
	for i := range b.out.Recommendations {
		fill(&b.out.Recommendations[i].Source)
	}
	for i := range b.out.Scenarios {
		fill(&b.out.Scenarios[i].Source)
	}
}

// checkEdges checks every edge's ends, endpoints, scores and uniqueness,
// and adds the valid ones to the bundle.
func (b *builder) checkEdges() {
	seen := map[string]where{}
	for _, e := range b.edges {
		okFrom, okTo := b.known(e.e.From, e.from), b.known(e.e.To, e.to)
		if !okFrom || !okTo {
			continue
		}
		if err := e.e.Validate(b.nodes[e.e.From].label, b.nodes[e.e.To].label); err != nil {
			b.invalid(e.at, err)
			continue
		}
		key := e.e.Key()
		if prev, dup := seen[key]; dup {
			b.fail(e.at, "%s from %s to %s is already defined at %s", e.e.Type, e.e.From, e.e.To, prev)
			continue
		}
		seen[key] = e.at
		b.out.Edges = append(b.out.Edges, e.e)
	}
}
