package graph

import (
	"context"

	"github.com/rodedraad/rodedraad/graph/model"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// The relationship fields of the schema, as store link queries. Each one is
// batched per request by its own loader.
var (
	recDocument    = rodedraad.LinkQuery{Type: rodedraad.RelContains, Dir: rodedraad.In, OtherKind: rodedraad.LabelDocument}
	recThemes      = rodedraad.LinkQuery{Type: rodedraad.RelAddresses, Dir: rodedraad.Out, OtherKind: rodedraad.LabelTheme}
	recAssignedTo  = rodedraad.LinkQuery{Type: rodedraad.RelAssignedTo, Dir: rodedraad.Out, OtherKind: rodedraad.LabelActor}
	recOverlaps    = rodedraad.LinkQuery{Type: rodedraad.RelOverlaps, Dir: rodedraad.Both, OtherKind: rodedraad.LabelRecommendation}
	recScenarios   = rodedraad.LinkQuery{Type: rodedraad.RelIncludes, Dir: rodedraad.In, OtherKind: rodedraad.LabelScenario}
	supportsOut    = rodedraad.LinkQuery{Type: rodedraad.RelSupports, Dir: rodedraad.Out}
	conflictsOut   = rodedraad.LinkQuery{Type: rodedraad.RelConflictsWith, Dir: rodedraad.Out}
	supportsIn     = rodedraad.LinkQuery{Type: rodedraad.RelSupports, Dir: rodedraad.In}
	conflictsIn    = rodedraad.LinkQuery{Type: rodedraad.RelConflictsWith, Dir: rodedraad.In}
	opposedBy      = rodedraad.LinkQuery{Type: rodedraad.RelConflictsWith, Dir: rodedraad.In, OtherKind: rodedraad.LabelActor}
	docRecs        = rodedraad.LinkQuery{Type: rodedraad.RelContains, Dir: rodedraad.Out, OtherKind: rodedraad.LabelRecommendation}
	docAuthors     = rodedraad.LinkQuery{Type: rodedraad.RelAuthored, Dir: rodedraad.In, OtherKind: rodedraad.LabelActor}
	docScenarios   = rodedraad.LinkQuery{Type: rodedraad.RelDescribes, Dir: rodedraad.Out, OtherKind: rodedraad.LabelScenario}
	actorDocuments = rodedraad.LinkQuery{Type: rodedraad.RelAuthored, Dir: rodedraad.Out, OtherKind: rodedraad.LabelDocument}
	actorAssigned  = rodedraad.LinkQuery{Type: rodedraad.RelAssignedTo, Dir: rodedraad.In, OtherKind: rodedraad.LabelRecommendation}
	themeRecs      = rodedraad.LinkQuery{Type: rodedraad.RelAddresses, Dir: rodedraad.In, OtherKind: rodedraad.LabelRecommendation}
	scenarioDocs   = rodedraad.LinkQuery{Type: rodedraad.RelDescribes, Dir: rodedraad.In, OtherKind: rodedraad.LabelDocument}
	scenarioIncl   = rodedraad.LinkQuery{Type: rodedraad.RelIncludes, Dir: rodedraad.Out, OtherKind: rodedraad.LabelRecommendation}
)

// interactions loads a SUPPORTS or CONFLICTS_WITH field and keeps the edges
// between recommendations and scenarios, leaving out actor stances.
func interactions(ctx context.Context, n rodedraad.Node, q rodedraad.LinkQuery) ([]*rodedraad.Link, error) {
	ls, err := links(ctx, n, q)
	if err != nil {
		return nil, err
	}
	out := make([]*rodedraad.Link, 0, len(ls))
	for i := range ls {
		if ls[i].Other.NodeLabel() != rodedraad.LabelActor {
			out = append(out, &ls[i])
		}
	}
	return out, nil
}

// stances loads an actor's SUPPORTS or CONFLICTS_WITH edges: all of them
// are stances.
func stances(ctx context.Context, n rodedraad.Node, q rodedraad.LinkQuery) ([]*rodedraad.Link, error) {
	return linkPtrs(links(ctx, n, q))
}

// endpoint returns the node at one end of a link: the loaded other end when
// it is that one, else the node loaded by id.
func endpoint[T rodedraad.Node](ctx context.Context, l *rodedraad.Link, id string) (T, error) {
	var zero T
	if n, ok := l.Other.(T); ok && n.NodeID() == id {
		return n, nil
	}
	n, err := nodeByID(ctx, id)
	if err != nil || n == nil {
		return zero, err
	}
	t, _ := n.(T)
	return t, nil
}

// one returns the node with id as a T, or nil when there is none of that
// kind: a missing node is null in GraphQL, not an error.
func one[T rodedraad.Node](ctx context.Context, svc Service, id string) (T, error) {
	var zero T
	n, err := svc.Node(ctx, id)
	if rodedraad.ErrorCode(err) == rodedraad.ENOTFOUND {
		return zero, nil
	}
	if err != nil {
		return zero, err
	}
	t, _ := n.(T)
	return t, nil
}

// list runs a paged list query and converts it into a connection.
func list[T rodedraad.Node](ctx context.Context, svc Service, label rodedraad.Label, f rodedraad.Filter, o *model.Order, first int, after *string) (*model.Connection[T], error) {
	p, err := pageRequest(first, after)
	if err != nil {
		return nil, err
	}
	page, err := svc.List(ctx, label, f, order(o), p)
	if err != nil {
		return nil, err
	}
	expectNodes(ctx, page.Items)
	return model.NewConnection[T](model.ListQuery{Label: label, Filter: f}, page), nil
}

// created converts the node a create mutation returns to its kind.
func created[T rodedraad.Node](n rodedraad.Node, err error) (T, error) {
	var zero T
	if err != nil {
		return zero, err
	}
	return n.(T), nil
}

// nodesInOrder returns the nodes with ids in the order asked, nil where an
// id does not exist. BAD_USER_INPUT for more than a page of ids.
func nodesInOrder(ctx context.Context, svc Service, ids []string) ([]rodedraad.Node, error) {
	if len(ids) > rodedraad.MaxPageSize {
		return nil, rodedraad.Errorf(rodedraad.EINVALID, "%d ids asked; at most %d at a time", len(ids), rodedraad.MaxPageSize)
	}
	found, err := svc.Nodes(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]rodedraad.Node, len(ids))
	for i, id := range ids {
		out[i] = found[id]
	}
	loadersFrom(ctx).expect(ids)
	return out, nil
}
