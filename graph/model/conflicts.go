package model

import (
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/service"
)

// ConflictConnection is a page of conflicts with the number that match.
type ConflictConnection struct {
	Edges      []ConflictEdge
	PageInfo   PageInfo
	TotalCount int
}

// ConflictEdge is one conflict of a page with its cursor.
type ConflictEdge = Edge[*rodedraad.Conflict]

// NewConflictConnection converts the service's page of conflicts.
func NewConflictConnection(page rodedraad.PageOf[*service.ConflictView], total int) *ConflictConnection {
	c := &ConflictConnection{TotalCount: total, Edges: make([]ConflictEdge, 0, len(page.Items))}
	for i, v := range page.Items {
		c.Edges = append(c.Edges, ConflictEdge{Cursor: page.Cursors[i].Encode(), Node: v.Conflict})
	}
	c.PageInfo.HasNextPage = page.HasNextPage
	if len(c.Edges) > 0 {
		end := c.Edges[len(c.Edges)-1].Cursor
		c.PageInfo.EndCursor = &end
	}
	return c
}
