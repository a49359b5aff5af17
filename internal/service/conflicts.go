package service

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// ConflictView is a conflict as the study team works with it: the node,
// with its sides and decisions, and the analysis of its pairs over the
// accepted graph (Group is empty when none of its pairs is accepted).
type ConflictView struct {
	*rodedraad.Conflict
	Group analysis.ConflictGroup
}

// ConflictOrder is how Conflicts sorts.
type ConflictOrder string

const (
	// ConflictsByRank: conflicts between documents first, then by total and
	// maximum severity, as the report ranks them.
	ConflictsByRank ConflictOrder = "RANK"
	// ConflictsBySeverity: by total severity alone, largest first.
	ConflictsBySeverity ConflictOrder = "SEVERITY"
	// ConflictsByID: by id.
	ConflictsByID ConflictOrder = "ID"
)

// ConflictFilter narrows Conflicts. Empty fields do not filter; the others
// must all match.
type ConflictFilter struct {
	States    []rodedraad.ConflictState
	Themes    []string // touches one of these themes
	Documents []string // a side stands in one of these documents
	Actors    []string // one of these actors backs a side
	Text      string   // in the topic or summary, case-insensitive
}

// Conflicts returns a page of the conflicts that match f, sorted by order,
// with the total count. BAD_USER_INPUT for a bad page size, cursor, order
// or state.
func (s *Service) Conflicts(ctx context.Context, f ConflictFilter, order ConflictOrder, p rodedraad.Page) (rodedraad.PageOf[*ConflictView], int, error) {
	var none rodedraad.PageOf[*ConflictView]
	if err := p.Validate(); err != nil {
		return none, 0, err
	}
	all, err := s.conflictViews(ctx, nil)
	if err != nil {
		return none, 0, err
	}
	list := slices.DeleteFunc(all, func(v *ConflictView) bool { return !f.matches(v) })
	if err := sortConflicts(list, order); err != nil {
		return none, 0, err
	}
	return pageOf(list, p), len(list), nil
}

// Conflict returns one conflict, or NOT_FOUND.
func (s *Service) Conflict(ctx context.Context, id string) (*ConflictView, error) {
	vs, err := s.conflictViews(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	if len(vs) == 0 {
		return nil, rodedraad.Errorf(rodedraad.ENOTFOUND, "no conflict with id %q", id)
	}
	return vs[0], nil
}

// conflictViews joins the stored conflicts with the analysis of the
// accepted graph.
func (s *Service) conflictViews(ctx context.Context, ids []string) ([]*ConflictView, error) {
	cs, err := s.store.Conflicts(ctx, ids)
	if err != nil {
		return nil, err
	}
	r, err := s.Coherence(ctx, analysis.Scope{}, analysis.DefaultOptions())
	if err != nil {
		return nil, err
	}
	groups := map[string]analysis.ConflictGroup{}
	for _, g := range r.Conflicts {
		if g.ID != "" {
			groups[g.ID] = g
		}
	}
	out := make([]*ConflictView, len(cs))
	for i, c := range cs {
		out[i] = &ConflictView{Conflict: c, Group: groups[c.ID]}
	}
	return out, nil
}

func (f ConflictFilter) matches(v *ConflictView) bool {
	g := &v.Group
	sides := []analysis.ConflictSide{g.SideA, g.SideB}
	return (len(f.States) == 0 || slices.Contains(f.States, v.State)) &&
		(len(f.Themes) == 0 || overlaps(f.Themes, g.Themes)) &&
		(len(f.Documents) == 0 || slices.ContainsFunc(sides, func(s analysis.ConflictSide) bool { return overlaps(f.Documents, s.Documents) })) &&
		(len(f.Actors) == 0 || slices.ContainsFunc(sides, func(s analysis.ConflictSide) bool { return overlaps(f.Actors, backerIDs(s)) })) &&
		(f.Text == "" || containsFold(v.Topic+" "+v.Summary, f.Text))
}

func overlaps(a, b []string) bool {
	return slices.ContainsFunc(a, func(x string) bool { return slices.Contains(b, x) })
}

func backerIDs(s analysis.ConflictSide) []string {
	out := make([]string, len(s.Backers))
	for i, b := range s.Backers {
		out[i] = b.ID
	}
	return out
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

func sortConflicts(list []*ConflictView, order ConflictOrder) error {
	var by func(a, b *ConflictView) int
	switch cmp.Or(order, ConflictsByRank) {
	case ConflictsByRank:
		by = func(a, b *ConflictView) int {
			return cmp.Or(compareInside(a, b), cmp.Compare(b.Group.Severity, a.Group.Severity),
				cmp.Compare(b.Group.MaxSeverity, a.Group.MaxSeverity))
		}
	case ConflictsBySeverity:
		by = func(a, b *ConflictView) int { return cmp.Compare(b.Group.Severity, a.Group.Severity) }
	case ConflictsByID:
		by = func(a, b *ConflictView) int { return 0 }
	default:
		return rodedraad.Errorf(rodedraad.EINVALID, "orderBy %q is not one of RANK, SEVERITY, ID", order)
	}
	slices.SortStableFunc(list, func(a, b *ConflictView) int { return cmp.Or(by(a, b), cmp.Compare(a.ID, b.ID)) })
	return nil
}

// compareInside puts conflicts that lie inside one document after the others.
func compareInside(a, b *ConflictView) int {
	ai, bi := a.Group.InsideDocument, b.Group.InsideDocument
	switch {
	case ai == bi:
		return 0
	case ai:
		return 1
	}
	return -1
}

// pageOf cuts list to the page after p.After. The cursor holds the last
// item's id and position: paging continues after that id, or after that
// position when the id has left the list since.
func pageOf(list []*ConflictView, p rodedraad.Page) rodedraad.PageOf[*ConflictView] {
	start := 0
	if p.After != nil {
		start = slices.IndexFunc(list, func(v *ConflictView) bool { return v.ID == p.After.ID }) + 1
		if start == 0 {
			if pos, ok := p.After.Key.(int64); ok {
				start = min(int(pos)+1, len(list))
			}
		}
	}
	end := min(start+p.First, len(list))
	out := rodedraad.PageOf[*ConflictView]{Items: list[start:end], HasNextPage: end < len(list)}
	for i := start; i < end; i++ {
		out.Cursors = append(out.Cursors, rodedraad.Cursor{Key: int64(i), ID: list[i].ID})
	}
	return out
}

// CreateConflict adds a conflict with its SIDE_A and SIDE_B edges and its
// expanded CONFLICTS_WITH pairs in one transaction. A missing id is
// generated (prefix C); missing provenance is filled in as for any node.
// BAD_USER_INPUT for invalid fields or for sides that are unknown or not
// recommendations or scenarios, CONFLICT when the id exists. Nothing is
// written on any error.
func (s *Service) CreateConflict(ctx context.Context, c *rodedraad.Conflict) (*ConflictView, error) {
	c.State, c.History = "", nil
	if err := s.prepareNode(c); err != nil {
		return nil, err
	}
	if err := s.checkPairsFree(ctx, c.ID, c.SideA, c.SideB); err != nil {
		return nil, err
	}
	b := &rodedraad.Bundle{Conflicts: []rodedraad.Conflict{*c}, Edges: append(c.SideEdges(), c.Pairs()...)}
	if _, err := s.store.Import(ctx, b, rodedraad.ImportOptions{CreateOnly: true}); err != nil {
		return nil, err
	}
	return s.Conflict(ctx, c.ID)
}

// SetConflictSides replaces a conflict's sides and its pairs (see
// Store.SetConflictSides). BAD_USER_INPUT, NOT_FOUND as there; CONFLICT
// when a new pair belongs to another conflict.
func (s *Service) SetConflictSides(ctx context.Context, id string, sideA, sideB []string, by string) (*ConflictView, error) {
	if err := s.checkPairsFree(ctx, id, sideA, sideB); err != nil {
		return nil, err
	}
	if _, err := s.store.SetConflictSides(ctx, id, sideA, sideB, cmp.Or(by, "api")); err != nil {
		return nil, err
	}
	return s.Conflict(ctx, id)
}

// DecideConflict records the study team's decision on a conflict: its new
// state, the decision and its rationale, who took it and when (now, when
// At is zero). BAD_USER_INPUT for an invalid decision (RESOLVED needs a
// decision text, every state a person), NOT_FOUND for an unknown conflict.
func (s *Service) DecideConflict(ctx context.Context, id string, d rodedraad.ConflictDecision) (*ConflictView, error) {
	if d.At.IsZero() {
		d.At = time.Now().UTC().Truncate(time.Second)
	}
	if _, err := s.store.DecideConflict(ctx, id, d); err != nil {
		return nil, err
	}
	return s.Conflict(ctx, id)
}

// ConflictGroup returns the analysis of one conflict's accepted pairs over
// the whole graph, from the cached report; the zero group when none of its
// pairs is accepted.
func (s *Service) ConflictGroup(ctx context.Context, id string) (analysis.ConflictGroup, error) {
	r, err := s.Coherence(ctx, analysis.Scope{}, analysis.DefaultOptions())
	if err != nil {
		return analysis.ConflictGroup{}, err
	}
	for _, g := range r.Conflicts {
		if g.ID == id {
			return g, nil
		}
	}
	return analysis.ConflictGroup{ID: id}, nil
}

// ContradictionsBetween returns the contradictions in scope between themes
// a and b (see analysis.ContradictionsBetween). NOT_FOUND when a or b is not
// a theme; the scope's errors otherwise.
func (s *Service) ContradictionsBetween(ctx context.Context, a, b string, sc analysis.Scope) ([]analysis.Contradiction, error) {
	g, err := s.Snapshot(ctx)
	if err != nil {
		return nil, err
	}
	for _, id := range []string{a, b} {
		if n, ok := g.Node(id); !ok || n.Label != rodedraad.LabelTheme {
			return nil, rodedraad.Errorf(rodedraad.ENOTFOUND, "no theme with id %q", id)
		}
	}
	r, err := s.Coherence(ctx, sc, analysis.DefaultOptions())
	if err != nil {
		return nil, err
	}
	scoped, err := g.Restrict(sc)
	if err != nil {
		return nil, err
	}
	return analysis.ContradictionsBetween(scoped, r.Contradictions, a, b), nil
}

// checkPairsFree returns CONFLICT when a side A x side B pair is already a
// CONFLICTS_WITH edge of another conflict: one edge holds one conflict id,
// so taking it over would silently move the pair between conflicts.
func (s *Service) checkPairsFree(ctx context.Context, id string, sideA, sideB []string) error {
	links, err := s.store.Links(ctx, sideA, rodedraad.LinkQuery{Type: rodedraad.RelConflictsWith, Dir: rodedraad.Out})
	if err != nil {
		return err
	}
	for _, a := range sideA {
		for _, l := range links[a] {
			if l.ConflictID != "" && l.ConflictID != id && slices.Contains(sideB, l.To) {
				return rodedraad.Errorf(rodedraad.ECONFLICT, "%s → %s belongs to conflict %s already: change that conflict's sides first", a, l.To, l.ConflictID)
			}
		}
	}
	return nil
}
