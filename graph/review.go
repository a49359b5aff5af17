package graph

import (
	"context"

	"github.com/rodedraad/rodedraad/graph/model"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// pageRequest builds a keyset page request from first and the cursor after.
// BAD_USER_INPUT for a cursor this API did not hand out.
func pageRequest(first int, after *string) (rodedraad.Page, error) {
	p := rodedraad.Page{First: first}
	if after != nil && *after != "" {
		c, err := rodedraad.DecodeCursor(*after)
		if err != nil {
			return p, err
		}
		p.After = c
	}
	return p, nil
}

// reviewQueue lists one page of the review queue as a connection.
func reviewQueue(ctx context.Context, svc Service, f *model.ReviewQueueFilter, first int, after *string) (*model.ReviewQueueConnection, error) {
	p, err := pageRequest(first, after)
	if err == nil {
		err = p.Validate()
	}
	if err != nil {
		return nil, err
	}
	var rf rodedraad.ReviewFilter
	if f != nil {
		rf = rodedraad.ReviewFilter{Kinds: f.Kinds, Documents: f.Documents, PendingFor: deref(f.PendingFor)}
		set(&rf.Disagreements, f.Disagreements)
		for _, m := range f.Methods {
			rf.Methods = append(rf.Methods, string(m))
		}
	}
	page, err := svc.ReviewQueue(ctx, rf, p)
	if err != nil {
		return nil, err
	}
	conn := &model.ReviewQueueConnection{PageInfo: &model.PageInfo{HasNextPage: page.HasNextPage}}
	for i := range page.Items {
		cursor := page.Cursors[i].Encode()
		conn.Edges = append(conn.Edges, &model.ReviewItemEdge{Cursor: cursor, Node: &page.Items[i]})
		conn.PageInfo.EndCursor = &cursor
	}
	return conn, nil
}

// reviewRefs converts the items of a reviewMany input.
func reviewRefs(items []*model.ReviewItemInput) []rodedraad.ReviewRef {
	out := make([]rodedraad.ReviewRef, len(items))
	for i, it := range items {
		var r rodedraad.ReviewRef
		set(&r.ID, it.ID)
		set(&r.From, it.From)
		set(&r.To, it.To)
		if it.Type != nil {
			r.Type = *it.Type
		}
		out[i] = r
	}
	return out
}

// passages lists a document's passages, all or one page's, batched with those of
// the other documents of its list.
func passages(ctx context.Context, doc string, page *int, first int) ([]*rodedraad.Passage, error) {
	if err := (rodedraad.Page{First: first}).Validate(); err != nil {
		return nil, err
	}
	q := passageQuery{first: first}
	set(&q.page, page)
	ps, err := loadersFrom(ctx).passagesFor(q).Load(ctx, doc)
	return ptrs(ps), err
}

// ptrs returns pointers to the elements of s.
func ptrs[T any](s []T) []*T {
	out := make([]*T, len(s))
	for i := range s {
		out[i] = &s[i]
	}
	return out
}
