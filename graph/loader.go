package graph

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// loaders batch the relationship fields of one request: every field of a
// list is answered with one store call per field, not one per item. They
// live for one request only, so they never serve stale data across requests.
type loaders struct {
	svc   Service
	nodes *dataloadgen.Loader[string, rodedraad.Node]
	endo  *dataloadgen.Loader[string, []rodedraad.Link]

	mu    sync.Mutex
	links map[rodedraad.LinkQuery]*dataloadgen.Loader[string, []rodedraad.Link]
}

// loaderWait is how long a loader collects keys before it fetches: long
// enough for gqlgen to start the field resolvers of a whole page of 100
// items on a busy two-core machine. At 2 ms a page of 100 split into up to
// eleven fetches per field under load (TestHandler_NoNPlusOne); 10 ms kept
// one fetch per field even with GOMAXPROCS=1 and -race, at the cost of
// 10 ms per nested field level.
const loaderWait = 10 * time.Millisecond

func newLoaders(svc Service) *loaders {
	l := &loaders{svc: svc, links: map[rodedraad.LinkQuery]*dataloadgen.Loader[string, []rodedraad.Link]{}}
	l.nodes = dataloadgen.NewMappedLoader(svc.Nodes, dataloadgen.WithWait(loaderWait))
	l.endo = dataloadgen.NewMappedLoader(svc.Endorsers, dataloadgen.WithWait(loaderWait))
	return l
}

// linksFor returns the loader of one relationship field, creating it on
// first use.
func (l *loaders) linksFor(q rodedraad.LinkQuery) *dataloadgen.Loader[string, []rodedraad.Link] {
	l.mu.Lock()
	defer l.mu.Unlock()
	ld, ok := l.links[q]
	if !ok {
		ld = dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string][]rodedraad.Link, error) {
			return l.svc.Links(ctx, ids, q)
		}, dataloadgen.WithWait(loaderWait))
		l.links[q] = ld
	}
	return ld
}

type loadersKey struct{}

// WithLoaders is HTTP middleware that gives every request its own loaders.
func WithLoaders(svc Service, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := context.WithValue(r.Context(), loadersKey{}, newLoaders(svc))
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func loadersFrom(ctx context.Context) *loaders {
	return ctx.Value(loadersKey{}).(*loaders)
}

// links loads the links of one field for node id. A node without links is
// not an error: mapped loaders report a missing key as one, so map it to
// an empty list.
func links(ctx context.Context, id string, q rodedraad.LinkQuery) ([]rodedraad.Link, error) {
	ls, err := loadersFrom(ctx).linksFor(q).Load(ctx, id)
	return ls, ignoreMissing(err)
}

func endorsers(ctx context.Context, id string) ([]rodedraad.Link, error) {
	ls, err := loadersFrom(ctx).endo.Load(ctx, id)
	return ls, ignoreMissing(err)
}

// nodeByID loads one node, nil when it does not exist.
func nodeByID(ctx context.Context, id string) (rodedraad.Node, error) {
	n, err := loadersFrom(ctx).nodes.Load(ctx, id)
	return n, ignoreMissing(err)
}

func ignoreMissing(err error) error {
	if errors.Is(err, dataloadgen.ErrNotFound) {
		return nil
	}
	return err
}

// others returns the other ends of links as nodes of type T.
func others[T rodedraad.Node](ls []rodedraad.Link) []T {
	out := make([]T, 0, len(ls))
	for _, l := range ls {
		if n, ok := l.Other.(T); ok {
			out = append(out, n)
		}
	}
	return out
}

// linked loads one field and returns the other ends as nodes of type T.
func linked[T rodedraad.Node](ctx context.Context, id string, q rodedraad.LinkQuery) ([]T, error) {
	ls, err := links(ctx, id, q)
	if err != nil {
		return nil, err
	}
	return others[T](ls), nil
}

// linkPtrs returns pointers to the links, the shape gqlgen lists take.
func linkPtrs(ls []rodedraad.Link, err error) ([]*rodedraad.Link, error) {
	if err != nil {
		return nil, err
	}
	out := make([]*rodedraad.Link, len(ls))
	for i := range ls {
		out[i] = &ls[i]
	}
	return out, nil
}
