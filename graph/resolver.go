// Package graph is the GraphQL adapter: gqlgen's generated executor, thin
// resolvers that convert, call the service and convert back, per-request
// loaders, the error presenter and the handler with its limits.
package graph

//go:generate go tool gqlgen generate

import (
	"context"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/service"
)

// Service is what the resolvers need: the use cases of package service.
type Service interface {
	Node(ctx context.Context, id string) (rodedraad.Node, error)
	Nodes(ctx context.Context, ids []string) (map[string]rodedraad.Node, error)
	List(ctx context.Context, label rodedraad.Label, f rodedraad.Filter, o rodedraad.Order, p rodedraad.Page) (rodedraad.PageOf[rodedraad.Node], error)
	Count(ctx context.Context, label rodedraad.Label, f rodedraad.Filter) (int, error)
	SelectPage(ctx context.Context, q rodedraad.SelectQuery) (rodedraad.PageOf[*rodedraad.Fetched], int, error)
	SelectByID(ctx context.Context, id string, label rodedraad.Label, sels map[rodedraad.Label]rodedraad.Selection, maxRows int) (*rodedraad.Fetched, error)
	SelectByIDs(ctx context.Context, ids []string, sels map[rodedraad.Label]rodedraad.Selection, maxRows int) (map[string]*rodedraad.Fetched, error)
	Links(ctx context.Context, ids []string, q rodedraad.LinkQuery) (map[string][]rodedraad.Link, error)
	Endorsers(ctx context.Context, ids []string) (map[string][]rodedraad.Link, error)
	Search(ctx context.Context, text string, kinds []rodedraad.Label, limit int) ([]rodedraad.Hit, error)
	Neighbourhood(ctx context.Context, id string, depth int, types []rodedraad.RelType) (rodedraad.Subgraph, error)

	Create(ctx context.Context, n rodedraad.Node, edges []rodedraad.Edge) (rodedraad.Node, error)
	Update(ctx context.Context, label rodedraad.Label, id string, patch func(rodedraad.Node)) (rodedraad.Node, error)
	Delete(ctx context.Context, label rodedraad.Label, id string) error
	Link(ctx context.Context, e rodedraad.Edge) (rodedraad.Edge, error)
	Unlink(ctx context.Context, t rodedraad.RelType, from, to string) error
	Review(ctx context.Context, r service.Review) (rodedraad.Node, *rodedraad.Edge, error)
	ImportBundle(ctx context.Context, name string, data []byte) (rodedraad.Counts, error)
	Reviews
	Analyses
	Conflicts
	Propositions
	Trust
}

// Reviews is what the review queue and the ingested text need.
type Reviews interface {
	ReviewQueue(ctx context.Context, f rodedraad.ReviewFilter, p rodedraad.Page) (rodedraad.PageOf[rodedraad.ReviewItem], error)
	ReviewMany(ctx context.Context, refs []rodedraad.ReviewRef, accept bool, reviewer, note string) error
	SearchPassages(ctx context.Context, text string, limit int) ([]rodedraad.PassageHit, error)
	Passages(ctx context.Context, documents []string, page, limit int) (map[string][]rodedraad.Passage, error)
	SuggestLinks(ctx context.Context, sc analysis.Scope, opts service.LinkOptions) (service.LinksSuggested, error)
}

var _ Service = (*service.Service)(nil)

// Resolver is the root of the resolvers; it holds their one dependency.
type Resolver struct {
	svc Service
}

// NewResolver returns the root resolver over svc.
func NewResolver(svc Service) *Resolver { return &Resolver{svc: svc} }
