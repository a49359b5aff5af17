package analysis

import (
	"slices"
	"strings"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Scope selects the part of the graph an analysis covers.
//
// A recommendation is in scope when its status is allowed and it matches every
// filter given: it addresses one of Themes, is included in one of Scenarios
// and is contained in one of Documents. Themes, documents, actors and
// scenarios stay in scope whatever the filters (a conflict in theme T2 may
// still touch health), but the per-theme, per-scenario and per-document lists
// of the analyses show only the filtered ones. Edges are in scope when their
// status is allowed and both ends are.
type Scope struct {
	Themes    []string `json:"themes,omitempty"`
	Scenarios []string `json:"scenarios,omitempty"`
	Documents []string `json:"documents,omitempty"`
	// Statuses that count; empty means ACCEPTED only. A "" status on a node or
	// an edge counts as ACCEPTED.
	Statuses []rodedraad.Status `json:"statuses,omitempty"`
}

// ParseScope reads a scope as the command line and URL parameters give it:
// comma-separated ids of themes, documents and scenarios, and statuses in
// any case. Empty items are skipped; checking the ids is validate's.
func ParseScope(themes, documents, scenarios, statuses string) Scope {
	sc := Scope{Themes: commaList(themes), Documents: commaList(documents), Scenarios: commaList(scenarios)}
	for _, s := range commaList(statuses) {
		sc.Statuses = append(sc.Statuses, rodedraad.Status(strings.ToUpper(s)))
	}
	return sc
}

func commaList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func (sc Scope) allows(s rodedraad.Status) bool {
	if s == "" {
		s = rodedraad.StatusAccepted
	}
	if len(sc.Statuses) == 0 {
		return s == rodedraad.StatusAccepted
	}
	return slices.Contains(sc.Statuses, s)
}

func (sc Scope) filtered() bool {
	return len(sc.Themes)+len(sc.Scenarios)+len(sc.Documents) > 0
}

// validate returns EINVALID for an unknown status and NOT_FOUND for a filter
// id that is not a node of the right label.
func (sc Scope) validate(g *Graph) error {
	for _, s := range sc.Statuses {
		if err := rodedraad.ValidateEnum("status", string(s), rodedraad.Statuses, true); err != nil {
			return err
		}
	}
	check := func(ids []string, l rodedraad.Label) error {
		for _, id := range ids {
			if i, ok := g.ix.pos[id]; !ok || g.ix.label(i) != l {
				return rodedraad.Errorf(rodedraad.ENOTFOUND, "scope: no %s with id %s", l, id)
			}
		}
		return nil
	}
	if err := check(sc.Themes, rodedraad.LabelTheme); err != nil {
		return err
	}
	if err := check(sc.Scenarios, rodedraad.LabelScenario); err != nil {
		return err
	}
	return check(sc.Documents, rodedraad.LabelDocument)
}

// Restrict returns the part of g inside sc, indexed and ready for the
// analyses. Memberships passed as edges are folded into the recommendations'
// lists when their status is allowed. When nothing falls outside sc, the
// result shares g's slices and index. Errors: EINVALID for an unknown status,
// NOT_FOUND for an unknown filter id.
func (g *Graph) Restrict(sc Scope) (*Graph, error) {
	if err := sc.validate(g); err != nil {
		return nil, err
	}
	r := restrictor{g: g, sc: sc}
	r.keepContext()
	r.foldMemberships()
	r.keepRecommendations()
	if !r.changed && !sc.filtered() && r.edgesKept() == len(g.Edges) {
		return &Graph{Nodes: g.Nodes, Edges: g.Edges, ix: g.ix, scope: sc}, nil
	}
	out, err := NewGraph(r.nodes(), r.edges())
	if err != nil {
		return nil, err
	}
	out.scope = sc
	return out, nil
}

type restrictor struct {
	g       *Graph
	sc      Scope
	keep    []bool
	extra   map[int32][memKinds][]int32 // allowed membership edges per recommendation
	changed bool                        // a node is dropped or a membership folded
}

func (r *restrictor) keepContext() {
	r.keep = make([]bool, len(r.g.Nodes))
	for i := range r.g.Nodes {
		r.keep[i] = r.sc.allows(r.g.Nodes[i].Status)
		r.changed = r.changed || !r.keep[i]
	}
}

func (r *restrictor) foldMemberships() {
	ix := r.g.ix
	for i := range r.g.Edges {
		e := &r.g.Edges[i]
		k := memKind(e.Type)
		if k < 0 {
			continue
		}
		r.changed = true
		rec, member := ix.pos[e.From], ix.pos[e.To]
		if e.Type == rodedraad.RelContains || e.Type == rodedraad.RelIncludes {
			rec, member = member, rec
		}
		if !r.sc.allows(e.Status) || !r.keep[member] {
			continue
		}
		if r.extra == nil {
			r.extra = map[int32][memKinds][]int32{}
		}
		lists := r.extra[rec]
		lists[k] = append(lists[k], member)
		r.extra[rec] = lists
	}
}

func memKind(t rodedraad.RelType) int {
	for k, rel := range memRel {
		if rel == t {
			return k
		}
	}
	return -1
}

// members returns the in-scope members of kind k of recommendation i.
func (r *restrictor) members(i int32, k int) []string {
	n := &r.g.Nodes[i]
	lists := [memKinds][]string{n.Documents, n.Themes, n.Assigned, n.Scenarios}
	out := lists[k]
	extra := r.extra[i][k]
	clean := len(extra) == 0
	for _, id := range out {
		clean = clean && r.keep[r.g.ix.pos[id]]
	}
	if clean {
		return out
	}
	res := make([]string, 0, len(out)+len(extra))
	for _, id := range out {
		if r.keep[r.g.ix.pos[id]] {
			res = append(res, id)
		}
	}
	for _, j := range extra {
		res = append(res, r.g.Nodes[j].ID)
	}
	slices.Sort(res)
	return slices.Compact(res)
}

func (r *restrictor) keepRecommendations() {
	for _, i := range r.g.ix.recs {
		if !r.keep[i] {
			continue
		}
		ok := matches(r.members(i, memThemes), r.sc.Themes) &&
			matches(r.members(i, memScens), r.sc.Scenarios) &&
			matches(r.members(i, memDocs), r.sc.Documents)
		if !ok {
			r.keep[i] = false
			r.changed = true
		}
	}
}

func matches(have, want []string) bool {
	if len(want) == 0 {
		return true
	}
	for _, h := range have {
		if slices.Contains(want, h) {
			return true
		}
	}
	return false
}

func (r *restrictor) keepEdge(e *Edge) bool {
	return memKind(e.Type) < 0 && r.sc.allows(e.Status) &&
		r.keep[r.g.ix.pos[e.From]] && r.keep[r.g.ix.pos[e.To]]
}

func (r *restrictor) edgesKept() int {
	n := 0
	for i := range r.g.Edges {
		if r.keepEdge(&r.g.Edges[i]) {
			n++
		}
	}
	return n
}

func (r *restrictor) nodes() []Node {
	out := make([]Node, 0, len(r.g.Nodes))
	for i, n := range r.g.Nodes {
		if !r.keep[i] {
			continue
		}
		if n.Label == rodedraad.LabelRecommendation {
			n.Documents = r.members(int32(i), memDocs)
			n.Themes = r.members(int32(i), memThemes)
			n.Assigned = r.members(int32(i), memAssigned)
			n.Scenarios = r.members(int32(i), memScens)
		}
		out = append(out, n)
	}
	return out
}

func (r *restrictor) edges() []Edge {
	out := make([]Edge, 0, len(r.g.Edges))
	for i := range r.g.Edges {
		if r.keepEdge(&r.g.Edges[i]) {
			out = append(out, r.g.Edges[i])
		}
	}
	return out
}
