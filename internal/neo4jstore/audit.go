package neo4jstore

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// target is an item a write may change: a node (rel empty) or the edge
// id -rel-> to.
type target struct {
	id, rel, to string
}

func nodeTarget(id string) target { return target{id: id} }

func edgeTarget(t rodedraad.RelType, from, to string) target {
	e := rodedraad.Edge{Type: t, From: from, To: to}
	e.Normalize()
	return target{id: e.From, rel: string(e.Type), to: e.To}
}

// key names the target in the audit trail: the node's id, or
// "FROM -TYPE-> TO" for an edge.
func (t target) key() string {
	if t.rel == "" {
		return t.id
	}
	return fmt.Sprintf("%s -%s-> %s", t.id, t.rel, t.to)
}

// audit describes a write for the audit trail: the store operation and the
// items it may change. check, when set, sees the changes before they are
// recorded and may refuse them, which rolls the whole write back.
type audit struct {
	op      string
	targets []target
	check   func(ctx context.Context, tx neo4j.ManagedTransaction, changes []rodedraad.Change) error
	// changes receives what the write changed, once it committed.
	changes *[]rodedraad.Change
}

// audited runs fn in a write transaction with the given timeout, reads the
// properties of a's targets before and after it, and records one :Change
// per target whose properties differ, with the actor of ctx, in the same
// transaction. It bumps the graph version; the changes carry the new one.
// It claims the idempotency key of ctx, if any, in that transaction too
// (see claimKey).
func audited[T any](ctx context.Context, s *Store, timeout time.Duration, a audit, fn func(tx neo4j.ManagedTransaction) (T, error)) (T, error) {
	var committed []rodedraad.Change
	v, err := runFor(ctx, s, neo4j.AccessModeWrite, timeout, func(tx neo4j.ManagedTransaction) (T, error) {
		committed = nil
		before, err := propsOf(ctx, tx, a.targets)
		if err != nil {
			var zero T
			return zero, err
		}
		v, err := fn(tx)
		if err != nil {
			return v, err
		}
		after, err := propsOf(ctx, tx, a.targets)
		if err != nil {
			return v, err
		}
		changes := diff(a.op, a.targets, before, after)
		if a.check != nil {
			if err := a.check(ctx, tx, changes); err != nil {
				return v, err
			}
		}
		committed = changes
		version, err := record(ctx, tx, changes)
		if err == nil {
			// Claimed after the version: only a mutation sent with an
			// Idempotency-Key pays this statement under the version's lock.
			err = claimKey(ctx, tx, version, changes)
		}
		return v, err
	})
	if err == nil && a.changes != nil {
		*a.changes = committed
	}
	return v, err
}

// edgeOfRow matches, for each row of an UNWIND, the relationship x of type
// t from the node with id row.from to the node with id row.to. It finds both
// ends in the id index first and then looks for x between them, from the
// end with fewer relationships of type t. Matched as one pattern, or with
// the type compared at run time, the planner walked every relationship of
// one end (or of the graph): auditing an ingest of 5,000 candidates walked
// the document's 5,000 CONTAINS for each of them. Callers group their rows
// by type.
func edgeOfRow(t string) string {
	return fmt.Sprintf(`MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to})
	CALL (a, b) { MATCH (a)-[x:%s]->(b) RETURN x }`, t)
}

// propsOf reads the properties of the targets that exist, keyed by target
// key, in a query for the nodes and one per relationship type.
func propsOf(ctx context.Context, tx neo4j.ManagedTransaction, targets []target) (map[string]map[string]any, error) {
	out := make(map[string]map[string]any, len(targets))
	var ids []any
	rels := map[string][]any{} // by relationship type
	for _, t := range targets {
		if t.rel == "" {
			ids = append(ids, t.id)
		} else {
			rels[t.rel] = append(rels[t.rel], map[string]any{"from": t.id, "to": t.to, "key": t.key()})
		}
	}
	if len(ids) > 0 {
		if err := collectProps(ctx, tx, `UNWIND $rows AS id MATCH (n:Entity {id: id}) RETURN id AS k, properties(n) AS p`, ids, out); err != nil {
			return nil, err
		}
	}
	for t, rows := range rels {
		q := `UNWIND $rows AS row ` + edgeOfRow(t) + ` RETURN row.key AS k, properties(x) AS p`
		if err := collectProps(ctx, tx, q, rows, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// collectProps reads the properties of rows with q, in batches: a bulk
// load audits thousands of items.
func collectProps(ctx context.Context, tx neo4j.ManagedTransaction, q string, rows []any, out map[string]map[string]any) error {
	return chunks(rows, func(part []any) error {
		res, err := tx.Run(ctx, q, map[string]any{"rows": part})
		if err != nil {
			return err
		}
		for res.Next(ctx) {
			k, _, _ := neo4j.GetRecordValue[string](res.Record(), "k")
			p, _, _ := neo4j.GetRecordValue[map[string]any](res.Record(), "p")
			out[k] = plainProps(p)
		}
		return res.Err()
	})
}

// plainProps turns Neo4j values into ones that JSON keeps as they read:
// temporal values as ISO 8601 text.
func plainProps(p map[string]any) map[string]any {
	out := make(map[string]any, len(p))
	for k, v := range p {
		out[k] = plainValue(v)
	}
	return out
}

func plainValue(v any) any {
	switch x := v.(type) {
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano)
	case dbtype.Date:
		return x.String()
	case dbtype.LocalDateTime, dbtype.LocalTime, dbtype.Time, dbtype.Duration:
		return fmt.Sprint(x)
	case []any:
		out := make([]any, len(x))
		for i := range x {
			out[i] = plainValue(x[i])
		}
		return out
	}
	return v
}

// diff lists the targets whose properties differ, in target order.
func diff(op string, targets []target, before, after map[string]map[string]any) []rodedraad.Change {
	var out []rodedraad.Change
	seen := make(map[string]bool, len(targets))
	for _, t := range targets {
		k := t.key()
		if seen[k] {
			continue
		}
		seen[k] = true
		b, hadB := before[k]
		a, hasA := after[k]
		action := ""
		switch {
		case !hadB && hasA:
			action = "created"
		case hadB && !hasA:
			action = "deleted"
		case hadB && hasA && !sameProps(b, a):
			action = "updated"
		}
		if action != "" {
			out = append(out, rodedraad.Change{Op: op, Target: k, Action: action, Before: b, After: a})
		}
	}
	return out
}

func sameProps(a, b map[string]any) bool {
	ja, _ := json.Marshal(a) // maps marshal with sorted keys
	jb, _ := json.Marshal(b)
	return string(ja) == string(jb)
}

// recordQuery bumps the graph version and writes the changes as :Change
// nodes carrying the new version, in one statement. Every write takes the
// version node's lock here and keeps it until commit, so this is the last
// statement of the transaction: under load, when the lock was taken one
// round trip earlier, writes queued on it for seconds (docs/reliability.md).
const recordQuery = `MERGE (m:RodedraadMeta {key: 'graph'})
	SET m.version = coalesce(m.version, 0) + 1
	WITH m.version AS version
	FOREACH (row IN $rows |
		CREATE (:Change {version: version, seq: row.seq, at: datetime(), actor: $actor, role: $role, via: $via,
			request: $request, op: row.op, target: row.target, action: row.action, before: row.before, after: row.after}))
	RETURN version AS v`

// nextVersion bumps the graph version and returns it.
func nextVersion(ctx context.Context, tx neo4j.ManagedTransaction) (int64, error) {
	v, err := singleInt(ctx, tx, `MERGE (m:RodedraadMeta {key: 'graph'}) SET m.version = coalesce(m.version, 0) + 1 RETURN m.version AS v`, nil)
	return int64(v), err
}

// changesQuery writes one batch of a bulk load's changes with the version
// the load took first.
const changesQuery = `UNWIND $rows AS row
	CREATE (:Change {version: $version, seq: row.seq, at: datetime(), actor: $actor, role: $role, via: $via,
		request: $request, op: row.op, target: row.target, action: row.action, before: row.before, after: row.after})`

// record bumps the graph version and writes the changes with the actor of
// ctx, and returns the new version. A write whose changes fit one batch does
// both in one statement (recordQuery); a bulk load takes the version first
// and writes its changes in batches, each statement's parameters bounded.
func record(ctx context.Context, tx neo4j.ManagedTransaction, changes []rodedraad.Change) (int64, error) {
	actor := rodedraad.PrincipalFrom(ctx)
	rows := make([]any, len(changes))
	for i, c := range changes {
		rows[i] = map[string]any{"seq": int64(i), "op": c.Op, "target": c.Target, "action": c.Action,
			"before": jsonOrEmpty(c.Before), "after": jsonOrEmpty(c.After)}
	}
	params := map[string]any{"rows": rows, "actor": actor.Name, "role": actor.Role.String(), "via": actor.Via, "request": actor.Request}
	if len(rows) <= importBatch {
		v, err := singleInt(ctx, tx, recordQuery, params)
		return int64(v), err
	}
	version, err := nextVersion(ctx, tx)
	if err != nil {
		return 0, err
	}
	params["version"] = version
	return version, chunks(rows, func(part []any) error {
		params["rows"] = part
		_, err := tx.Run(ctx, changesQuery, params)
		return err
	})
}

func jsonOrEmpty(m map[string]any) string {
	if m == nil {
		return ""
	}
	b, _ := json.Marshal(m)
	return string(b)
}

// personOps are the store operations a person makes, as opposed to loads
// (import, seed, ingest): an item whose last change was one of them was
// edited by hand.
var personOps = map[string]bool{"create": true, "replace": true, "review": true, "link": true, "unlink": true}

// editedByHand returns, of the given target keys, those whose last recorded
// change was made by a person, sorted. A load that created the item again
// later (after a person removed it) is its last change.
func editedByHand(ctx context.Context, tx neo4j.ManagedTransaction, keys []string) ([]string, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	byHand := map[string]int64{} // key → version of the person's change
	err := chunks(keys, func(part []string) error {
		recs, err := records(ctx, tx, `UNWIND $keys AS k
			MATCH (c:Change {target: k})
			WITH k, c ORDER BY c.version DESC, c.seq DESC
			WITH k, collect(c)[0] AS last
			RETURN k, last.op AS op, last.version AS v`, map[string]any{"keys": part})
		for _, r := range recs {
			k, _, _ := neo4j.GetRecordValue[string](r, "k")
			op, _, _ := neo4j.GetRecordValue[string](r, "op")
			v, _, _ := neo4j.GetRecordValue[int64](r, "v")
			if personOps[op] {
				byHand[k] = v
			}
		}
		return err
	})
	if err == nil && len(byHand) > 0 {
		err = dropReloaded(ctx, tx, byHand)
	}
	out := slices.Sorted(maps.Keys(byHand))
	return out, err
}

// dropReloaded removes from byHand the keys a load created after the
// person's change.
func dropReloaded(ctx context.Context, tx neo4j.ManagedTransaction, byHand map[string]int64) error {
	var ids []string
	since := int64(math.MaxInt64)
	for k, v := range byHand {
		ids = append(ids, targetIDs(k)...)
		since = min(since, v)
	}
	recs, err := records(ctx, tx, `MATCH (l:Load) WHERE l.version > $since AND any(id IN l.ids WHERE id IN $ids) RETURN l`,
		map[string]any{"since": since, "ids": ids})
	if err != nil {
		return err
	}
	for _, r := range recs {
		l, _, _ := neo4j.GetRecordValue[dbtype.Node](r, "l")
		entries, err := unpack(l.Props)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if v, ok := byHand[e.Target]; ok && e.Version > v {
				delete(byHand, e.Target)
			}
		}
	}
	return nil
}

// History returns the changes of one item, a node id or an edge key
// "FROM -TYPE-> TO", oldest first, and of the edges at a node when id is a
// node's (up to limit). The loads that touched the item's node, few for
// any node, are unpacked whole (load.go) and their entries filtered.
func (s *Store) History(ctx context.Context, id string, limit int) ([]rodedraad.Change, error) {
	node := id
	if from, _, ok := edgeEnds(id); ok {
		node = from
	}
	changes, err := readOnce(ctx, s, func(tx neo4j.ManagedTransaction) ([]rodedraad.Change, error) {
		return queryChanges(ctx, tx, `CALL () {
				MATCH (c:Change) WHERE c.target = $id
				  OR c.target STARTS WITH $id + ' -' OR c.target ENDS WITH '-> ' + $id
				RETURN c ORDER BY c.version, c.seq LIMIT $limit
				UNION
				MATCH (c:Load) WHERE $node IN c.ids
				RETURN c
			}
			RETURN c`, map[string]any{"id": id, "node": node, "limit": int64(limit)})
	})
	changes = slices.DeleteFunc(changes, func(c rodedraad.Change) bool { return !concerns(c.Target, id) })
	slices.SortFunc(changes, trailOrder)
	return changes[:min(max(limit, 0), len(changes))], err
}

// Changes returns audit entries newest first after the cursor in f, at or
// after f.Since, by f.Actor when set. A load's entries share its version
// and follow its seq: the query finds the load when its first entry is
// before the cursor, and the entries after the cursor are cut here.
func (s *Store) Changes(ctx context.Context, f rodedraad.ChangeFilter) ([]rodedraad.Change, error) {
	params := map[string]any{"actor": f.Actor, "limit": int64(f.Limit), "av": f.AfterVersion, "as": f.AfterSeq,
		"cursor": f.AfterVersion > 0, "since": nil}
	if !f.Since.IsZero() {
		params["since"] = f.Since.UTC()
	}
	changes, err := readOnce(ctx, s, func(tx neo4j.ManagedTransaction) ([]rodedraad.Change, error) {
		return queryChanges(ctx, tx, `MATCH (c:Change)
			WHERE ($actor = '' OR c.actor = $actor) AND ($since IS NULL OR c.at >= $since)
			  AND (NOT $cursor OR c.version < $av OR (c.version = $av AND c.seq < $as))
			RETURN c ORDER BY c.version DESC, c.seq DESC LIMIT $limit`, params)
	})
	changes = slices.DeleteFunc(changes, func(c rodedraad.Change) bool {
		return f.AfterVersion > 0 && c.Version == f.AfterVersion && c.Seq >= f.AfterSeq
	})
	slices.SortFunc(changes, func(a, b rodedraad.Change) int { return trailOrder(b, a) })
	return changes[:min(max(f.Limit, 0), len(changes))], err
}

// trailOrder orders changes as the audit trail keeps them: by graph
// version, then by position within the write.
func trailOrder(a, b rodedraad.Change) int {
	return cmp.Or(cmp.Compare(a.Version, b.Version), cmp.Compare(a.Seq, b.Seq))
}

// queryChanges runs q and returns its changes, each :Change:Load unpacked
// into its entries.
func queryChanges(ctx context.Context, tx neo4j.ManagedTransaction, q string, params map[string]any) ([]rodedraad.Change, error) {
	res, err := tx.Run(ctx, q, params)
	if err != nil {
		return nil, err
	}
	var out []rodedraad.Change
	for res.Next(ctx) {
		n, _, err := neo4j.GetRecordValue[dbtype.Node](res.Record(), "c")
		if err != nil {
			return nil, err
		}
		if !slices.Contains(n.Labels, "Load") {
			out = append(out, changeFrom(n.Props))
			continue
		}
		entries, err := unpack(n.Props)
		if err != nil {
			return nil, err
		}
		out = append(out, entries...)
	}
	return out, res.Err()
}

func changeFrom(p map[string]any) rodedraad.Change {
	c := rodedraad.Change{Actor: str(p["actor"]), Role: str(p["role"]), Via: str(p["via"]), Request: str(p["request"]),
		Op: str(p["op"]), Target: str(p["target"]), Action: str(p["action"])}
	c.Version, _ = p["version"].(int64)
	c.Seq, _ = p["seq"].(int64)
	c.At, _ = p["at"].(time.Time)
	c.Before = unjson(str(p["before"]))
	c.After = unjson(str(p["after"]))
	return c
}

func unjson(s string) map[string]any {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	var m map[string]any
	if json.Unmarshal([]byte(s), &m) != nil {
		return nil
	}
	return m
}
