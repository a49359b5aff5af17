// Package model holds the GraphQL types that are not domain types: the
// connections of paged lists and the inputs gqlgen generates.
package model

import "github.com/rodedraad/rodedraad/internal/rodedraad"

// ListQuery is what a connection was asked for, kept so that totalCount can
// be counted lazily, only when a client selects it.
type ListQuery struct {
	Label  rodedraad.Label
	Filter rodedraad.Filter
}

// Connection is the shape shared by every list: its edges, page info and
// the query behind it.
type Connection[T any] struct {
	Edges    []Edge[T]
	PageInfo PageInfo
	Query    ListQuery
	// Total is the count of the query, when the read that made the page
	// counted it already.
	Total *int
}

// Edge is one item of a connection with its cursor.
type Edge[T any] struct {
	Cursor string
	Node   T
}

// PageInfo says whether there is more after this page.
type PageInfo struct {
	HasNextPage bool
	EndCursor   *string
}

// The connections of each kind, as gqlgen binds them.
type (
	RecommendationConnection = Connection[*rodedraad.Recommendation]
	DocumentConnection       = Connection[*rodedraad.Document]
	ActorConnection          = Connection[*rodedraad.Actor]
	ThemeConnection          = Connection[*rodedraad.Theme]
	ScenarioConnection       = Connection[*rodedraad.Scenario]
)

// NewConnection converts a page of nodes into a connection of one kind.
func NewConnection[T rodedraad.Node](q ListQuery, page rodedraad.PageOf[rodedraad.Node]) *Connection[T] {
	c := &Connection[T]{Query: q, Edges: make([]Edge[T], 0, len(page.Items))}
	for i, n := range page.Items {
		c.Edges = append(c.Edges, Edge[T]{Cursor: page.Cursors[i].Encode(), Node: n.(T)})
	}
	c.PageInfo.HasNextPage = page.HasNextPage
	if len(c.Edges) > 0 {
		end := c.Edges[len(c.Edges)-1].Cursor
		c.PageInfo.EndCursor = &end
	}
	return c
}

// The edges of each kind, as gqlgen binds them.
type (
	RecommendationEdge = Edge[*rodedraad.Recommendation]
	DocumentEdge       = Edge[*rodedraad.Document]
	ActorEdge          = Edge[*rodedraad.Actor]
	ThemeEdge          = Edge[*rodedraad.Theme]
	ScenarioEdge       = Edge[*rodedraad.Scenario]
)
