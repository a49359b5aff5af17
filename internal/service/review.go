package service

import (
	"context"
	"strings"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// ReviewMany accepts or rejects several nodes and edges at once, in one
// transaction: all are decided, or (NOT_FOUND naming the missing ones)
// none. Deciding a node decides the PROPOSED membership edges that came
// with it. In dual review mode it records the reviewer's decision on each,
// all or none, as ReviewVotes (FORBIDDEN, CONFLICT). BAD_USER_INPUT without
// a reviewer, without items, or for an item that names neither one node
// nor one edge.
func (s *Service) ReviewMany(ctx context.Context, refs []rodedraad.ReviewRef, accept bool, reviewer, note string) error {
	if strings.TrimSpace(reviewer) == "" {
		return rodedraad.Errorf(rodedraad.EINVALID, "reviewer is required: say who decides")
	}
	if len(refs) == 0 {
		return rodedraad.Errorf(rodedraad.EINVALID, "items is empty: give the nodes and edges to review")
	}
	for i, r := range refs {
		if err := r.Validate(); err != nil {
			return rodedraad.Errorf(rodedraad.EINVALID, "items[%d]: %s", i, rodedraad.ErrorMessage(err))
		}
	}
	if s.ReviewMode == rodedraad.ReviewDual {
		if err := ownVote(ctx, reviewer); err != nil {
			return err
		}
		_, err := s.store.ReviewVotes(ctx, refs, decided(accept), reviewer, note)
		return err
	}
	return s.store.Review(ctx, refs, decided(accept), reviewer, note)
}

// Vocabulary returns the themes and actors extractors may tag with: all of
// them in the graph.
func (s *Service) Vocabulary(ctx context.Context) ([]*rodedraad.Theme, []*rodedraad.Actor, error) {
	g, err := s.Snapshot(ctx)
	if err != nil {
		return nil, nil, err
	}
	var themes, actors []string
	for _, n := range g.Nodes {
		switch n.Label {
		case rodedraad.LabelTheme:
			themes = append(themes, n.ID)
		case rodedraad.LabelActor:
			actors = append(actors, n.ID)
		}
	}
	nodes, err := s.store.Nodes(ctx, append(themes, actors...))
	if err != nil {
		return nil, nil, err
	}
	return vocabularyNodes(nodes, themes, actors)
}

func vocabularyNodes(nodes map[string]rodedraad.Node, themes, actors []string) ([]*rodedraad.Theme, []*rodedraad.Actor, error) {
	var ts []*rodedraad.Theme
	var as []*rodedraad.Actor
	for _, id := range themes {
		if t, ok := nodes[id].(*rodedraad.Theme); ok {
			ts = append(ts, t)
		}
	}
	for _, id := range actors {
		if a, ok := nodes[id].(*rodedraad.Actor); ok {
			as = append(as, a)
		}
	}
	return ts, as, nil
}

// ownVote checks that a vote in dual review is cast by the person it names:
// a caller who signed in (an API token, an OpenID Connect user) votes under
// that name only, so one person cannot be both independent reviewers.
// Anonymous and local callers name themselves, as in single review.
func ownVote(ctx context.Context, reviewer string) error {
	p := rodedraad.PrincipalFrom(ctx)
	if p.Via != "token" && p.Via != "oidc" {
		return nil
	}
	if !strings.EqualFold(strings.TrimSpace(reviewer), strings.TrimSpace(p.Name)) {
		return rodedraad.Errorf(rodedraad.EFORBIDDEN, "in dual review you vote as yourself: you signed in as %q, so reviewer must be %q, not %q", p.Name, p.Name, reviewer)
	}
	return nil
}
