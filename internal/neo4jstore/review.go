package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// reviewQueueStatement lists PROPOSED nodes and edges in key order (a node's
// id; TYPE:from->to for an edge), after the cursor, each with the passage
// that holds its quote. Only allow-listed labels and types reach it, as
// parameters.
const reviewQueueStatement = `
CALL () {
	MATCH (n:Entity) WHERE n.status = 'PROPOSED'
		AND any(l IN labels(n) WHERE l IN $kinds)
		AND (size($methods) = 0 OR n.method IN $methods)
		AND (size($documents) = 0 OR n.sourceDocument IN $documents
			OR EXISTS { (d:Document)-[:CONTAINS]->(n) WHERE d.id IN $documents })
		AND ($pendingFor = '' OR NOT $pendingFor IN coalesce(n.reviewVoters, []))
		AND (NOT $disagreements OR (size(coalesce(n.reviewVotes, [])) = 2 AND n.reviewVotes[0] <> n.reviewVotes[1]))
	RETURN n.id AS key, n AS node, null AS r, null AS from, null AS to,
		n.sourceDocument AS doc, n.sourceStart AS start
	UNION ALL
	MATCH (a:Entity)-[r]->(b:Entity) WHERE r.status = 'PROPOSED'
		AND type(r) IN $kinds
		AND (size($methods) = 0 OR r.method IN $methods)
		AND (size($documents) = 0 OR r.sourceDocument IN $documents
			OR EXISTS { (d:Document)-[:CONTAINS]->(x) WHERE (x = a OR x = b) AND d.id IN $documents })
		AND ($pendingFor = '' OR NOT $pendingFor IN coalesce(r.reviewVoters, []))
		AND (NOT $disagreements OR (size(coalesce(r.reviewVotes, [])) = 2 AND r.reviewVotes[0] <> r.reviewVotes[1]))
	RETURN type(r) + ':' + a.id + '->' + b.id AS key, null AS node, r, a.id AS from, b.id AS to,
		r.sourceDocument AS doc, r.sourceStart AS start
}
WITH * WHERE $after IS NULL OR key > $after
ORDER BY key LIMIT $limit
OPTIONAL CALL (doc, start) {
	MATCH (p:Passage {document: doc}) WHERE p.start <= start < p.end
	RETURN p LIMIT 1
}
RETURN key, node, r, from, to, p`

// ReviewQueue lists PROPOSED nodes and edges, oldest key first, with the
// passage around their quote and their votes in dual review mode. Kinds
// are node labels or relationship types; none means every label and the
// interaction edges (SUPPORTS, CONFLICTS_WITH, OVERLAPS). f.PendingFor
// leaves out what that reviewer decided; f.Disagreements keeps only items
// two reviewers decided differently. BAD_USER_INPUT for an unknown kind.
func (s *Store) ReviewQueue(ctx context.Context, f rodedraad.ReviewFilter, p rodedraad.Page) (rodedraad.PageOf[rodedraad.ReviewItem], error) {
	kinds := f.Kinds
	if len(kinds) == 0 {
		kinds = rodedraad.QueueKinds()
	}
	for _, k := range kinds {
		if !isKind(k) {
			return rodedraad.PageOf[rodedraad.ReviewItem]{}, rodedraad.Errorf(rodedraad.EINVALID, "kind %q is neither a node label nor a relationship type", k)
		}
	}
	params := map[string]any{"kinds": kinds, "methods": orEmpty(f.Methods), "documents": orEmpty(f.Documents),
		"after": nil, "limit": p.First + 1, "pendingFor": f.PendingFor, "disagreements": f.Disagreements}
	if p.After != nil {
		params["after"] = p.After.ID
	}
	return readOnce(ctx, s, func(tx neo4j.ManagedTransaction) (rodedraad.PageOf[rodedraad.ReviewItem], error) {
		return collectQueue(ctx, tx, params, p.First)
	})
}

func collectQueue(ctx context.Context, tx neo4j.ManagedTransaction, params map[string]any, first int) (rodedraad.PageOf[rodedraad.ReviewItem], error) {
	return collectRows(ctx, tx, reviewQueueStatement, params, first, func(rec *neo4j.Record) (rodedraad.ReviewItem, rodedraad.Cursor, error) {
		it := queueItem(rec)
		return it, rodedraad.Cursor{Key: "", ID: it.Key}, nil
	})
}

// queueItem maps one row of reviewQueueStatement.
func queueItem(rec *neo4j.Record) rodedraad.ReviewItem {
	key, _, _ := neo4j.GetRecordValue[string](rec, "key")
	it := rodedraad.ReviewItem{Key: key}
	if n, isNil, _ := neo4j.GetRecordValue[dbtype.Node](rec, "node"); !isNil {
		it.Node = nodeFrom(n)
		it.Votes = votesFrom(n.Props)
	}
	if r, isNil, _ := neo4j.GetRecordValue[dbtype.Relationship](rec, "r"); !isNil {
		from, _, _ := neo4j.GetRecordValue[string](rec, "from")
		to, _, _ := neo4j.GetRecordValue[string](rec, "to")
		e := edgeFrom(r, from, to)
		it.Edge = &e
		it.Votes = votesFrom(r.Props)
	}
	if p, isNil, _ := neo4j.GetRecordValue[dbtype.Node](rec, "p"); !isNil {
		ps := passageFrom(p)
		it.Context = &ps
	}
	return it
}

func isKind(k string) bool {
	return slices.Contains(rodedraad.Labels, rodedraad.Label(k)) || slices.Contains(rodedraad.RelTypes, rodedraad.RelType(k))
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Review sets the status of every item in refs in one transaction, with
// reviewer and time. Deciding a node decides its PROPOSED membership edges
// (its document, themes, addressees, scenarios) with it. NOT_FOUND, naming
// them, when any item does not exist; nothing is written then.
func (s *Store) Review(ctx context.Context, refs []rodedraad.ReviewRef, status rodedraad.Status, reviewer, note string) error {
	params := map[string]any{"status": string(status), "reviewer": reviewer, "note": note}
	_, err := write(ctx, s, audit{op: "review", targets: reviewTargets(refs)}, func(tx neo4j.ManagedTransaction) (any, error) {
		var missing []string
		for _, group := range reviewGroups(refs) {
			miss, err := group.run(ctx, tx, params)
			if err != nil {
				return nil, err
			}
			missing = append(missing, miss...)
		}
		if len(missing) > 0 {
			return nil, rodedraad.Errorf(rodedraad.ENOTFOUND, "nothing was reviewed: no such item: %s", strings.Join(missing, ", "))
		}
		return nil, nil
	})
	return err
}

// reviewGroup is one statement of a batch review: the nodes, or the edges
// of one type.
type reviewGroup struct {
	stmt string
	rows []any
	keys []string
}

// reviewSet decides the item bound to v.
func reviewSet(v string) string { return reviewSetTo(v, "$status") }

// reviewSetTo decides the item bound to v with the status that the
// Cypher expression status gives.
func reviewSetTo(v, status string) string {
	return strings.ReplaceAll(`SET v.status = `+status+`, v.reviewedBy = $reviewer, v.reviewedAt = datetime(),
	v.reviewNote = CASE WHEN $note = '' THEN v.reviewNote ELSE $note END`, "v.", v+".")
}

// reviewNodes decides nodes and the PROPOSED membership edges that attach
// them (the CONTAINS and INCLUDES into them, the ADDRESSES and ASSIGNED_TO
// out of them), and returns the keys it found.
var reviewNodes = `UNWIND $rows AS row
	MATCH (x:Entity {id: row.id}) ` + reviewSet("x") + `
	WITH x, row
	` + pendingMemberships + `
	FOREACH (m IN ms | ` + reviewSet("m") + `)
	RETURN collect(row.key) AS found`

// pendingMemberships collects, as ms per row, the PROPOSED membership edges
// that attach node x: the CONTAINS and INCLUDES into it, the ADDRESSES and
// ASSIGNED_TO out of it. Deciding a node decides them with it.
const pendingMemberships = `OPTIONAL CALL (x) {
		MATCH (x)-[m:ADDRESSES|ASSIGNED_TO]->() WHERE m.status = 'PROPOSED' RETURN m
		UNION
		MATCH ()-[m:CONTAINS|INCLUDES]->(x) WHERE m.status = 'PROPOSED' RETURN m
	}
	WITH row, collect(m) AS ms`

func reviewGroups(refs []rodedraad.ReviewRef) []reviewGroup {
	nodes := reviewGroup{stmt: reviewNodes}
	edges := map[rodedraad.RelType]*reviewGroup{}
	for _, r := range refs {
		if !r.IsEdge() {
			nodes.rows = append(nodes.rows, map[string]any{"id": r.ID, "key": r.ID})
			nodes.keys = append(nodes.keys, r.ID)
			continue
		}
		e := rodedraad.Edge{Type: r.Type, From: r.From, To: r.To}
		e.Normalize()
		g := edges[e.Type]
		if g == nil {
			g = &reviewGroup{stmt: `UNWIND $rows AS row ` + edgeOfRow(string(e.Type)) + ` ` + reviewSet("x") + `
				RETURN collect(row.key) AS found`}
			edges[e.Type] = g
		}
		key := fmt.Sprintf("%s:%s->%s", e.Type, e.From, e.To)
		g.rows = append(g.rows, map[string]any{"from": e.From, "to": e.To, "key": key})
		g.keys = append(g.keys, key)
	}
	out := []reviewGroup{nodes}
	for _, t := range rodedraad.RelTypes {
		if g := edges[t]; g != nil {
			out = append(out, *g)
		}
	}
	return out
}

// run applies the group and returns the keys it did not find.
func (g reviewGroup) run(ctx context.Context, tx neo4j.ManagedTransaction, params map[string]any) ([]string, error) {
	if len(g.rows) == 0 {
		return nil, nil
	}
	p := map[string]any{"rows": g.rows}
	for k, v := range params {
		p[k] = v
	}
	res, err := tx.Run(ctx, g.stmt, p)
	if err != nil {
		return nil, err
	}
	rec, err := res.Single(ctx)
	if err != nil {
		return nil, err
	}
	found, _, _ := neo4j.GetRecordValue[[]any](rec, "found")
	var missing []string
	for _, k := range g.keys {
		if !slices.Contains(found, any(k)) {
			missing = append(missing, k)
		}
	}
	return missing, nil
}

// reviewTargets lists the items a batch review decides, for the audit
// trail. The membership edges decided with a node are not listed: the
// node's own entry stands for them.
func reviewTargets(refs []rodedraad.ReviewRef) []target {
	out := make([]target, 0, len(refs))
	for _, r := range refs {
		if r.IsEdge() {
			out = append(out, edgeTarget(r.Type, r.From, r.To))
		} else {
			out = append(out, nodeTarget(r.ID))
		}
	}
	return out
}
