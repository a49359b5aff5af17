package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/rodedraad/rodedraad/graph/model"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Compiled reads: the root fields that read nodes (node, nodes, recommendation,
// recommendations, ... for every kind) plan their whole selection set and
// read it in one statement (plan.go says what is compiled and what is
// not). The batched loaders serve every field the read did not bring.

// selectPage reads one page of a kind with everything its connection's
// selection asks: edges' nodes, and totalCount in the same transaction.
func selectPage[T rodedraad.Node](ctx context.Context, svc Service, label rodedraad.Label, f rodedraad.Filter, o *model.Order, first int, after *string) (*model.Connection[T], error) {
	if !compiledReads(ctx) {
		return list[T](ctx, svc, label, f, o, first, after)
	}
	p, err := pageRequest(first, after)
	if err != nil {
		return nil, err
	}
	q := rodedraad.SelectQuery{Label: label, Filter: f, Order: order(o), Page: p}
	q.Select, q.Count = connectionSelection(ctx, string(label))
	page, total, err := svc.SelectPage(ctx, q)
	if err != nil {
		return nil, err
	}
	c := model.NewConnection[T](model.ListQuery{Label: label, Filter: f}, nodesOf(page))
	if q.Count {
		c.Total = &total
	}
	if writeRoot(ctx, func(w *writer, sel ast.SelectionSet) bool {
		return w.connection(sel, label, cursorsOf(c), c.PageInfo, c.Total, page.Items)
	}) {
		return &model.Connection[T]{Total: new(int)}, nil // the stand-in: direct.go
	}
	loadersFrom(ctx).keep(page.Items)
	return c, nil
}

func cursorsOf[T any](c *model.Connection[T]) []string {
	out := make([]string, len(c.Edges))
	for i, e := range c.Edges {
		out[i] = e.Cursor
	}
	return out
}

// connectionSelection returns what a connection of typ asks of its nodes,
// and whether it asks for totalCount.
func connectionSelection(ctx context.Context, typ string) (rodedraad.Selection, bool) {
	p := plannerFor(ctx)
	var sel rodedraad.Selection
	count := false
	for _, f := range graphql.CollectFieldsCtx(ctx, []string{typ + "Connection"}) {
		switch f.Name {
		case "totalCount":
			count = true
		case "edges":
			for _, e := range graphql.CollectFields(p.op, f.Selections, []string{typ + "Edge"}) {
				if e.Name == "node" {
					sel = mergeSelection(sel, p.node(typ, e.Selections))
				}
			}
		}
	}
	return sel, count
}

func nodesOf(page rodedraad.PageOf[*rodedraad.Fetched]) rodedraad.PageOf[rodedraad.Node] {
	out := rodedraad.PageOf[rodedraad.Node]{Cursors: page.Cursors, HasNextPage: page.HasNextPage}
	out.Items = make([]rodedraad.Node, len(page.Items))
	for i, f := range page.Items {
		out.Items[i] = f.Node
	}
	return out
}

// selectOne reads the node with id as a T (nil when there is none of that
// kind) with everything the field's selection asks; label "" reads any
// kind, each with what the fragments on its type ask.
func selectOne[T rodedraad.Node](ctx context.Context, svc Service, id string, label rodedraad.Label) (T, error) {
	var zero T
	if !compiledReads(ctx) {
		return one[T](ctx, svc, id)
	}
	f, err := svc.SelectByID(ctx, id, label, nodeSelections(ctx, label), 0)
	if err != nil || f == nil {
		return zero, err
	}
	if writeRoot(ctx, func(w *writer, sel ast.SelectionSet) bool { return w.node(sel, f) }) {
		return zero, nil // the stand-in: direct.go
	}
	loadersFrom(ctx).keep([]*rodedraad.Fetched{f})
	t, _ := f.Node.(T)
	return t, nil
}

// selectNodes reads the nodes with ids, in the order asked, nil where an
// id has no node, with everything the field's fragments ask of each kind.
func selectNodes(ctx context.Context, svc Service, ids []string) ([]rodedraad.Node, error) {
	if !compiledReads(ctx) || len(ids) > rodedraad.MaxPageSize {
		return nodesInOrder(ctx, svc, ids)
	}
	found, err := svc.SelectByIDs(ctx, ids, nodeSelections(ctx, ""), 0)
	if err != nil {
		return nil, err
	}
	inOrder := make([]*rodedraad.Fetched, len(ids))
	for i, id := range ids {
		inOrder[i] = found[id]
	}
	if writeRoot(ctx, func(w *writer, sel ast.SelectionSet) bool { return w.nodes(sel, inOrder) }) {
		return []rodedraad.Node{}, nil // the stand-in: direct.go
	}
	out := make([]rodedraad.Node, len(ids))
	fs := make([]*rodedraad.Fetched, 0, len(found))
	for i, f := range inOrder {
		if f != nil {
			out[i] = f.Node
			fs = append(fs, f)
		}
	}
	loadersFrom(ctx).keep(fs)
	return out, nil
}

// nodeSelections returns the selection per kind of the current field: one
// for label, or, for any kind, one per node type.
func nodeSelections(ctx context.Context, label rodedraad.Label) map[rodedraad.Label]rodedraad.Selection {
	p := plannerFor(ctx)
	fields := graphql.GetFieldContext(ctx).Field.Selections
	if label != "" {
		return map[rodedraad.Label]rodedraad.Selection{label: p.node(string(label), fields)}
	}
	sels := map[rodedraad.Label]rodedraad.Selection{}
	for typ := range implementors {
		sels[rodedraad.Label(typ)] = p.node(typ, fields)
	}
	// Conflicts are nodes too; their fields have resolvers of their own.
	sels[""] = rodedraad.Selection{Fields: []string{"*"}}
	return sels
}

// loaderReadsKey marks an operation that reads through the loaders only.
type loaderReadsKey struct{}

func compiledReads(ctx context.Context) bool {
	off, _ := ctx.Value(loaderReadsKey{}).(bool)
	return !off
}

// WithLoaderReads turns compiled reads off: every field is read through the
// batched loaders, as before they existed. Tests compare the two ways.
func WithLoaderReads() Option {
	return func(srv *handler.Server) {
		srv.Use(contextFlag{name: "LoaderReads", key: loaderReadsKey{}, value: true})
	}
}

// totalCount is a connection's total: counted by the read that made it, or
// counted now.
func totalCount[T any](ctx context.Context, svc Service, c *model.Connection[T]) (int, error) {
	if c.Total != nil {
		return *c.Total, nil
	}
	return svc.Count(ctx, c.Query.Label, c.Query.Filter)
}
