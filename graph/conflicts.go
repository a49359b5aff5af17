package graph

import (
	"context"
	"strings"

	"github.com/rodedraad/rodedraad/graph/model"
	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/service"
)

// Conflicts is what the conflict resolvers need of the service.
type Conflicts interface {
	Conflicts(ctx context.Context, f service.ConflictFilter, order service.ConflictOrder, p rodedraad.Page) (rodedraad.PageOf[*service.ConflictView], int, error)
	Conflict(ctx context.Context, id string) (*service.ConflictView, error)
	ConflictGroup(ctx context.Context, id string) (analysis.ConflictGroup, error)
	CreateConflict(ctx context.Context, c *rodedraad.Conflict) (*service.ConflictView, error)
	SetConflictSides(ctx context.Context, id string, sideA, sideB []string, by string) (*service.ConflictView, error)
	DecideConflict(ctx context.Context, id string, d rodedraad.ConflictDecision) (*service.ConflictView, error)
	ContradictionsBetween(ctx context.Context, a, b string, sc analysis.Scope) ([]analysis.Contradiction, error)
	Endorsements(ctx context.Context, actorIDs []string) (map[string][]rodedraad.Link, error)
}

// langOf turns the API's language into the domain's (nl, en); empty means
// the item's own language.
func langOf(l *model.Lang) string {
	if l == nil {
		return ""
	}
	return strings.ToLower(string(*l))
}

func conflictFilterOf(in *model.ConflictFilter) service.ConflictFilter {
	if in == nil {
		return service.ConflictFilter{}
	}
	return service.ConflictFilter{States: in.States, Themes: in.Themes, Documents: in.Documents, Actors: in.Actors, Text: deref(in.Text)}
}

func conflictInput(in model.ConflictInput) *rodedraad.Conflict {
	return &rodedraad.Conflict{ID: deref(in.ID), Topic: in.Topic, Summary: deref(in.Summary), Strength: deref(in.Strength),
		Score: in.Score, SideA: in.SideA, SideB: in.SideB, Evidence: in.Evidence, Provenance: provenance(in.Provenance)}
}

func conflictOf(v *service.ConflictView, err error) (*rodedraad.Conflict, error) {
	if err != nil {
		return nil, err
	}
	return v.Conflict, nil
}

// conflictSide returns side A or B of a conflict: the analysed side with
// backers when its pairs are accepted, else its stored items alone.
func (r *Resolver) conflictSide(ctx context.Context, c *rodedraad.Conflict, b bool) (*analysis.ConflictSide, error) {
	g, err := r.svc.ConflictGroup(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	side, ids := g.SideA, c.SideA
	if b {
		side, ids = g.SideB, c.SideB
	}
	if len(side.Items) > 0 {
		return &side, nil
	}
	if ids == nil { // loaded as a node, without its sides
		v, err := r.svc.Conflict(ctx, c.ID)
		if err != nil {
			return nil, err
		}
		ids = v.SideA
		if b {
			ids = v.SideB
		}
	}
	for _, id := range ids {
		side.Items = append(side.Items, analysis.Side{ID: id})
	}
	return &side, nil
}

// sideItems loads the nodes of a side's items, in its order.
func sideItems(ctx context.Context, svc Service, s *analysis.ConflictSide) ([]rodedraad.Node, error) {
	ids := make([]string, len(s.Items))
	for i, it := range s.Items {
		ids[i] = it.ID
	}
	return present(nodesInOrder(ctx, svc, ids))
}

// present drops the nodes that no longer exist.
func present(ns []rodedraad.Node, err error) ([]rodedraad.Node, error) {
	out := ns[:0]
	for _, n := range ns {
		if n != nil {
			out = append(out, n)
		}
	}
	return out, err
}

// typed keeps the nodes of one kind.
func typed[T rodedraad.Node](ns []rodedraad.Node, err error) ([]T, error) {
	var out []T
	for _, n := range ns {
		if t, ok := n.(T); ok {
			out = append(out, t)
		}
	}
	return out, err
}

// sectorActors groups a side's backers by sector, in the sector order.
func sectorActors(ctx context.Context, svc Service, s *analysis.ConflictSide) ([]*model.SectorActors, error) {
	ids := make([]string, len(s.Backers))
	for i, b := range s.Backers {
		ids[i] = b.ID
	}
	actors, err := typed[*rodedraad.Actor](nodesInOrder(ctx, svc, ids))
	if err != nil {
		return nil, err
	}
	var out []*model.SectorActors
	for _, sector := range rodedraad.Sectors {
		var in []*rodedraad.Actor
		for _, a := range actors {
			if a.Sector == sector {
				in = append(in, a)
			}
		}
		if len(in) > 0 {
			out = append(out, &model.SectorActors{Sector: sector, Actors: in})
		}
	}
	return out, nil
}

// endorsements lists the first n items an actor endorses.
func endorsements(ctx context.Context, svc Service, actor string, n int) ([]*rodedraad.Link, error) {
	if n < 0 || n > maxAnalysisList {
		return nil, rodedraad.Errorf(rodedraad.EINVALID, "first %d is outside 0..%d", n, maxAnalysisList)
	}
	m, err := svc.Endorsements(ctx, []string{actor})
	if err != nil {
		return nil, err
	}
	ls := m[actor]
	return linkPtrs(ls[:min(n, len(ls))], nil)
}

// nameIn returns the name an analysis gave id, or, when lang is given, the
// node's title or name in that language (recommendations, themes,
// conflicts), loaded through the request's loader.
func nameIn(ctx context.Context, id, name string, lang *model.Lang) (*string, error) {
	if lang != nil {
		n, err := nodeByID(ctx, id)
		if err != nil {
			return nil, err
		}
		switch n := n.(type) {
		case *rodedraad.Recommendation:
			name = n.TitleIn(langOf(lang))
		case *rodedraad.Theme:
			name = n.NameIn(langOf(lang))
		case *rodedraad.Conflict:
			name = n.TopicIn(langOf(lang))
		}
	}
	if name == "" {
		return nil, nil
	}
	return &name, nil
}

// conflictNode loads the conflict node of a report's group; nil for a group
// of a pair without conflict.
func conflictNode(ctx context.Context, id string) (*rodedraad.Conflict, error) {
	if id == "" {
		return nil, nil
	}
	n, err := nodeByID(ctx, id)
	c, _ := n.(*rodedraad.Conflict)
	return c, err
}
