package neo4jstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// SelectPage reads one page of a kind as List does, each node with what
// q.Select asks, in one statement; with q.Count the total of the filter
// too, in the same transaction. A filter the kind does not support is
// BAD_USER_INPUT.
func (s *Store) SelectPage(ctx context.Context, q rodedraad.SelectQuery) (rodedraad.PageOf[*rodedraad.Fetched], int, error) {
	var out rodedraad.PageOf[*rodedraad.Fetched]
	if err := q.Page.Validate(); err != nil {
		return out, 0, err
	}
	if err := checkLabel(q.Label); err != nil {
		return out, 0, err
	}
	st, err := selectPageStatement(q)
	if err != nil {
		return out, 0, err
	}
	type result struct {
		page  rodedraad.PageOf[*rodedraad.Fetched]
		total int
	}
	if !q.Count {
		recs, err := readQuery(ctx, s, st.page, st.params)
		if err != nil {
			return out, 0, err
		}
		out, err = decodePage(recs, st, q)
		return out, 0, err
	}
	res, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (result, error) {
		var r result
		var err error
		if r.page, err = collectFetched(ctx, tx, st, q); err != nil {
			return r, err
		}
		r.total, err = singleInt(ctx, tx, st.count, st.params)
		return r, err
	})
	return res.page, res.total, err
}

// selectStatement is a compiled root: the page's statement, the count's
// and their parameters.
type selectStatement struct {
	page, count string
	params      map[string]any
	byID        bool // ordered by id: the cursor's key is the id
}

// selectPageStatement compiles a page read. Ordered by id it walks the
// per-label id index in order (migration 012), so a page stops after
// first + 1 nodes instead of sorting every node of the kind.
func selectPageStatement(q rodedraad.SelectQuery) (selectStatement, error) {
	cond, params, err := where(q.Label, q.Filter)
	if err != nil {
		return selectStatement{}, err
	}
	c := newCompiler(q.MaxRows)
	c.params = params
	proj := c.node("n", q.Select, q.Page.First)
	params["limit"] = q.Page.First + 1
	st := selectStatement{params: params, count: fmt.Sprintf("MATCH (n:%s) %s RETURN count(n) AS v", q.Label, cond)}
	if q.Order.Field == "" || q.Order.Field == rodedraad.OrderByID {
		st.byID = true
		st.page = idOrderedPage(q, cond, params, proj)
		return st, nil
	}
	key, err := sortKey(q.Label, q.Order.Field)
	if err != nil {
		return st, err
	}
	_, dir := direction(q.Order)
	after := keysetAfter(q.Order, q.Page, params)
	st.page = fmt.Sprintf(`MATCH (n:%s) %s
		WITH n, %s AS k %s
		ORDER BY k %s, n.id %s LIMIT $limit
		RETURN collect({v: %s, k: k}) AS rows`, q.Label, cond, key, after, dir, dir, proj)
	return st, nil
}

func idOrderedPage(q rodedraad.SelectQuery, cond string, params map[string]any, proj string) string {
	cmp, dir := direction(q.Order)
	preds := "WHERE n.id IS NOT NULL"
	if q.Page.After != nil {
		preds = fmt.Sprintf("WHERE n.id %s $afterId", cmp)
		params["afterId"] = q.Page.After.ID
	}
	if cond != "" {
		preds += " AND (" + strings.TrimPrefix(cond, "WHERE ") + ")"
	}
	return fmt.Sprintf(`MATCH (n:%s) %s
		WITH n ORDER BY n.id %s LIMIT $limit
		RETURN collect(%s) AS rows`, q.Label, preds, dir, proj)
}

// collectFetched reads a compiled page: up to first nodes with their
// cursors and the look-ahead row's verdict on a next page. The statement
// returns the page as one record, a list in page order: the driver reads
// each record in chunks of its own, and a hundred records cost a tenth of a
// small page's time more than one.
func collectFetched(ctx context.Context, tx neo4j.ManagedTransaction, st selectStatement, q rodedraad.SelectQuery) (rodedraad.PageOf[*rodedraad.Fetched], error) {
	recs, err := records(ctx, tx, st.page, st.params)
	if err != nil {
		return rodedraad.PageOf[*rodedraad.Fetched]{}, err
	}
	return decodePage(recs, st, q)
}

// decodePage decodes the one record of a compiled page (see collectFetched).
func decodePage(recs []*neo4j.Record, st selectStatement, q rodedraad.SelectQuery) (rodedraad.PageOf[*rodedraad.Fetched], error) {
	var out rodedraad.PageOf[*rodedraad.Fetched]
	if len(recs) != 1 {
		return out, fmt.Errorf("neo4j: a compiled page returned %d records, want 1", len(recs))
	}
	v, _ := recs[0].Get("rows")
	rows, _ := v.([]any)
	d := decoder{rowBudget(q.MaxRows)}
	for _, row := range rows {
		if len(out.Items) == q.Page.First {
			out.HasNextPage = true
			break
		}
		v, key := row, any(nil)
		if !st.byID {
			m, _ := row.(map[string]any)
			v, key = m["v"], m["k"]
		}
		f, err := d.node(q.Label, v, q.Select, q.Page.First)
		if err != nil {
			return out, err
		}
		if st.byID {
			key = f.Node.NodeID()
		}
		out.Items = append(out.Items, f)
		out.Cursors = append(out.Cursors, rodedraad.Cursor{Key: key, ID: f.Node.NodeID()})
	}
	return out, nil
}

// SelectByID reads the node with id with what sels asks of its kind (the
// selection under "" for a kind sels does not name), in one statement.
// It returns nil when there is no such node, or when label is set and the
// node is of another kind.
func (s *Store) SelectByID(ctx context.Context, id string, label rodedraad.Label, sels map[rodedraad.Label]rodedraad.Selection, maxRows int) (*rodedraad.Fetched, error) {
	if label != "" {
		if err := checkLabel(label); err != nil {
			return nil, err
		}
	}
	found, err := s.selectByIDs(ctx, []string{id}, label, sels, maxRows)
	return found[id], err
}

// SelectByIDs reads the nodes with ids as SelectByID reads one, in one
// statement; an id without a node is absent from the map.
func (s *Store) SelectByIDs(ctx context.Context, ids []string, sels map[rodedraad.Label]rodedraad.Selection, maxRows int) (map[string]*rodedraad.Fetched, error) {
	return s.selectByIDs(ctx, ids, "", sels, maxRows)
}

func (s *Store) selectByIDs(ctx context.Context, ids []string, label rodedraad.Label, sels map[rodedraad.Label]rodedraad.Selection, maxRows int) (map[string]*rodedraad.Fetched, error) {
	stmt, params := selectByIDStatement(ids, label, sels, maxRows)
	recs, err := readQuery(ctx, s, stmt, params)
	if err != nil {
		return nil, err
	}
	d := decoder{rowBudget(maxRows)}
	out := make(map[string]*rodedraad.Fetched, len(ids))
	for _, rec := range recs {
		code, _ := rec.Get("l")
		l, ok := labelOfCode(code)
		if !ok {
			continue
		}
		v, _ := rec.Get("v")
		sel, ok := sels[l]
		if !ok {
			sel = sels[""]
		}
		f, err := d.node(l, v, sel, len(ids))
		if err != nil {
			return nil, err
		}
		out[f.Node.NodeID()] = f
	}
	return out, nil
}

// selectByIDStatement finds the nodes through the unique id index and
// projects each by its kind.
func selectByIDStatement(ids []string, label rodedraad.Label, sels map[rodedraad.Label]rodedraad.Selection, maxRows int) (string, map[string]any) {
	c := newCompiler(maxRows)
	c.params["ids"] = ids
	match := "UNWIND $ids AS id MATCH (n:Entity {id: id})"
	if label != "" {
		match += " WHERE n:" + string(label)
		return fmt.Sprintf("%s RETURN %s AS v, %s AS l", match, c.node("n", sels[label], len(ids)), labelCode("n")), c.params
	}
	proj := "CASE"
	for _, l := range rodedraad.Labels {
		sel, ok := sels[l]
		if !ok {
			sel = sels[""]
		}
		proj += fmt.Sprintf(" WHEN n:%s THEN %s", l, c.node("n", sel, len(ids)))
	}
	return fmt.Sprintf("%s RETURN %s END AS v, %s AS l", match, proj, labelCode("n")), c.params
}

func labelOfCode(v any) (rodedraad.Label, bool) {
	i, ok := v.(int64)
	if !ok || i < 0 || int(i) >= len(rodedraad.Labels) {
		return "", false
	}
	return rodedraad.Labels[i], true
}

// decoder reads compiled projections back, mirroring the compiler's caps.
type decoder struct{ maxRows int }

// node builds a fetched node of label from its projection, following sel
// as the compiler did for parents nodes.
func (d decoder) node(label rodedraad.Label, v any, sel rodedraad.Selection, parents int) (*rodedraad.Fetched, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("compiled read: a %s came back as %T", label, v)
	}
	f := &rodedraad.Fetched{Node: nodeOf(label, props(m))}
	if f.Node == nil {
		return nil, fmt.Errorf("compiled read: %q is not a kind of node", label)
	}
	if len(sel.Rels) == 0 {
		return f, nil
	}
	f.Links = make(map[rodedraad.Rel][]rodedraad.FetchedLink, len(sel.Rels))
	for i, rs := range sel.Rels {
		limit := listCap(d.maxRows, parents)
		rows, _ := m[fmt.Sprintf("r%d", i)].([]any)
		if len(rows) > limit {
			continue // cut at the cap: its reader loads it whole
		}
		links, err := d.links(f.Node, rows, rs, parents*limit)
		if err != nil {
			return nil, err
		}
		f.Links[rs.Rel] = links
	}
	return f, nil
}

// links builds the links of one relationship of node n from its rows.
func (d decoder) links(n rodedraad.Node, rows []any, rs rodedraad.RelSelection, parents int) ([]rodedraad.FetchedLink, error) {
	out := make([]rodedraad.FetchedLink, 0, len(rows))
	for _, row := range rows {
		lk, err := d.link(n, row, rs, parents)
		if err != nil {
			return nil, err
		}
		out = append(out, lk)
	}
	return out, nil
}

// link reads one row of a relationship: the other node's projection, or a
// map of it (o) with the edge (e), label (l), way (d) and via (v) as the
// compiler's linkValue puts them.
func (d decoder) link(n rodedraad.Node, row any, rs rodedraad.RelSelection, parents int) (rodedraad.FetchedLink, error) {
	q := rs.Rel.Query
	nodeValue, label, edge, out, via := row, q.OtherKind, props{}, q.Dir != rodedraad.In, ""
	if m, ok := row.(map[string]any); ok && isLinkRow(m) {
		nodeValue = m["o"]
		edge, _ = m["e"].(map[string]any)
		if code, ok := m["l"]; ok {
			label, _ = labelOfCode(code)
		}
		if way, ok := m["d"].(bool); ok {
			out = way
		}
		via, _ = m["v"].(string)
	}
	if rs.Rel.Endorsers {
		label, out = rodedraad.LabelActor, false
	}
	next, err := d.node(label, nodeValue, rs.Other, parents)
	if err != nil {
		return rodedraad.FetchedLink{}, err
	}
	return rodedraad.FetchedLink{Link: linkOf(n, next.Node, rs.Rel, edge, out, via), Next: next}, nil
}

// isLinkRow tells a row map (o, e, l, d, v) from a node's projection, which
// always has an id.
func isLinkRow(m map[string]any) bool {
	_, ok := m["o"]
	_, hasID := m["id"]
	return ok && !hasID
}

// linkOf builds the domain link from n to other; out says the edge starts
// at n.
func linkOf(n, other rodedraad.Node, rel rodedraad.Rel, edge props, out bool, via string) rodedraad.Link {
	e := edgeOf(edge)
	e.Type = rel.Query.Type
	e.From, e.To = other.NodeID(), n.NodeID()
	if out {
		e.From, e.To = e.To, e.From
	}
	if rel.Endorsers {
		e.Type = rodedraad.RelSupports
		if via == "AUTHORED" {
			e.Type, e.To = rodedraad.RelAuthored, ""
		}
	}
	return rodedraad.Link{Edge: e, Other: other, Via: via}
}
