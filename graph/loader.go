package graph

import (
	"context"
	"net/http"
	"sync"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// loaders batch the relationship fields of one request: every field of a
// list is answered with one store call per field, not one per item. They
// live for one request only, so they never serve stale data across requests.
type loaders struct {
	svc   Service
	nodes *batcher[string, rodedraad.Node]
	endo  *batcher[string, []rodedraad.Link]

	mu       sync.Mutex
	links    map[rodedraad.LinkQuery]*batcher[string, []rodedraad.Link]
	passages map[passageQuery]*batcher[string, []rodedraad.Passage]
	groups   map[string][]string // id → the ids it was listed with

	// read holds the relationships a compiled read brought along, per node
	// object: a node read by one root field is served from it, never the
	// same id met elsewhere, which may ask other fields.
	read sync.Map // rodedraad.Node → map[rodedraad.Rel][]rodedraad.Link
}

func newLoaders(svc Service) *loaders {
	l := &loaders{
		svc:      svc,
		links:    map[rodedraad.LinkQuery]*batcher[string, []rodedraad.Link]{},
		passages: map[passageQuery]*batcher[string, []rodedraad.Passage]{},
		groups:   map[string][]string{},
	}
	l.nodes = newBatcherFor(l, svc.Nodes)
	l.endo = newBatcherFor(l, l.expectingOthers(svc.Endorsers))
	return l
}

func newBatcherFor[V any](l *loaders, fetch func(ctx context.Context, ids []string) (map[string]V, error)) *batcher[string, V] {
	b := newBatcher(fetch)
	b.siblings = l.siblings
	return b
}

// expect records that ids were listed together (a page, a relationship
// list): the first field loaded for one of them loads it for all.
func (l *loaders) expect(ids []string) {
	if len(ids) < 2 {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, id := range ids {
		if _, ok := l.groups[id]; !ok {
			l.groups[id] = ids
		}
	}
}

func (l *loaders) siblings(id string) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.groups[id]
}

// linksFor returns the loader of one relationship field, creating it on
// first use.
func (l *loaders) linksFor(q rodedraad.LinkQuery) *batcher[string, []rodedraad.Link] {
	l.mu.Lock()
	defer l.mu.Unlock()
	ld, ok := l.links[q]
	if !ok {
		ld = newBatcherFor(l, l.expectingOthers(func(ctx context.Context, ids []string) (map[string][]rodedraad.Link, error) {
			return l.svc.Links(ctx, ids, q)
		}))
		l.links[q] = ld
	}
	return ld
}

// passageQuery is the arguments of Document.passages: one loader each.
type passageQuery struct{ page, first int }

// passagesFor returns the loader of Document.passages with q's arguments,
// creating it on first use.
func (l *loaders) passagesFor(q passageQuery) *batcher[string, []rodedraad.Passage] {
	l.mu.Lock()
	defer l.mu.Unlock()
	ld, ok := l.passages[q]
	if !ok {
		ld = newBatcherFor(l, func(ctx context.Context, docs []string) (map[string][]rodedraad.Passage, error) {
			return l.svc.Passages(ctx, docs, q.page, q.first)
		})
		l.passages[q] = ld
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

// links returns the links of one field of node n: from the compiled read
// that brought n when it brought them, else loaded (batched); none for a
// node without links.
func links(ctx context.Context, n rodedraad.Node, q rodedraad.LinkQuery) ([]rodedraad.Link, error) {
	l := loadersFrom(ctx)
	if ls, ok := l.fetched(n, rodedraad.Rel{Query: q}); ok {
		return ls, nil
	}
	return l.linksFor(q).Load(ctx, n.NodeID())
}

// endorsers returns the endorsements of n, as links does.
func endorsers(ctx context.Context, n rodedraad.Node) ([]rodedraad.Link, error) {
	l := loadersFrom(ctx)
	if ls, ok := l.fetched(n, rodedraad.Rel{Endorsers: true}); ok {
		return ls, nil
	}
	return l.endo.Load(ctx, n.NodeID())
}

func (l *loaders) fetched(n rodedraad.Node, rel rodedraad.Rel) ([]rodedraad.Link, bool) {
	v, ok := l.read.Load(n)
	if !ok {
		return nil, false
	}
	ls, ok := v.(map[rodedraad.Rel][]rodedraad.Link)[rel]
	return ls, ok
}

// keep records what a compiled read brought along for f and, level by
// level, for the nodes at the other ends of its links. The ids of each
// list count as listed together, so a field the read did not compile is
// still loaded in one call for all of them.
func (l *loaders) keep(fs []*rodedraad.Fetched) {
	var next []*rodedraad.Fetched
	ids := make([]string, 0, len(fs))
	for _, f := range fs {
		ids = append(ids, f.Node.NodeID())
		rels := make(map[rodedraad.Rel][]rodedraad.Link, len(f.Links))
		for rel, fls := range f.Links {
			ls := make([]rodedraad.Link, len(fls))
			for i, fl := range fls {
				ls[i] = fl.Link
				next = append(next, fl.Next)
			}
			rels[rel] = ls
		}
		l.read.Store(f.Node, rels)
	}
	l.expect(ids)
	if len(next) > 0 {
		l.keep(next)
	}
}

// nodeByID loads one node, nil when it does not exist.
func nodeByID(ctx context.Context, id string) (rodedraad.Node, error) {
	return loadersFrom(ctx).nodes.Load(ctx, id)
}

// expectNodes records the ids of nodes listed together.
func expectNodes[T rodedraad.Node](ctx context.Context, nodes []T) {
	ids := make([]string, len(nodes))
	for i, n := range nodes {
		ids[i] = n.NodeID()
	}
	loadersFrom(ctx).expect(ids)
}

// expectingOthers wraps a link fetch so that the other ends of all the
// links it returns, for every id of the batch, count as listed together:
// the next level of a nested query is then fetched in one call too.
func (l *loaders) expectingOthers(fetch func(ctx context.Context, ids []string) (map[string][]rodedraad.Link, error)) func(ctx context.Context, ids []string) (map[string][]rodedraad.Link, error) {
	return func(ctx context.Context, ids []string) (map[string][]rodedraad.Link, error) {
		res, err := fetch(ctx, ids)
		var others []string
		for _, ls := range res {
			for _, lk := range ls {
				if lk.Other != nil {
					others = append(others, lk.Other.NodeID())
				}
			}
		}
		l.expect(others)
		return res, err
	}
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
func linked[T rodedraad.Node](ctx context.Context, n rodedraad.Node, q rodedraad.LinkQuery) ([]T, error) {
	ls, err := links(ctx, n, q)
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
