package neo4jstore

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Dump returns every node and relationship of the graph (the schema's meta
// nodes aside) as canonical text: nodes keyed by id, relationships by
// "from|TYPE|to", a repeated relationship under "from|TYPE|to#2". Tests compare
// dumps to prove that a failed write left nothing behind and that an import
// run twice gives the same graph.
func Dump(ctx context.Context, s *Store) (map[string]string, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) (map[string]string, error) {
		out := map[string]string{}
		for _, q := range []string{
			`MATCH (n:Entity) RETURN n.id AS k, [labels(n), properties(n)] AS v`,
			`MATCH (a)-[r]->(b) RETURN a.id + '|' + type(r) + '|' + b.id AS k, properties(r) AS v`,
		} {
			res, err := tx.Run(ctx, q, nil)
			if err != nil {
				return nil, err
			}
			for res.Next(ctx) {
				k, _ := res.Record().Get("k")
				v, _ := res.Record().Get("v")
				key := fmt.Sprint(k)
				for i := 2; out[key] != ""; i++ {
					key = fmt.Sprintf("%v#%d", k, i)
				}
				out[key] = fmt.Sprint(v) // fmt prints maps sorted by key
			}
			if err := res.Err(); err != nil {
				return nil, err
			}
		}
		return out, nil
	})
}

// BareRows returns a bundle's recommendations, passages and CONTAINS and
// ADDRESSES edges as the property rows Import writes, for the benchmark's
// bare UNWIND ... MERGE baseline.
func BareRows(b *rodedraad.Bundle) map[string][]any {
	rows := map[string][]any{}
	for i := range b.Recommendations {
		r := &b.Recommendations[i]
		rows["nodes"] = append(rows["nodes"], map[string]any{"id": r.ID, "props": map[string]any(nodeProps(r))})
	}
	for i := range b.Passages {
		rows["passages"] = append(rows["passages"], map[string]any(passageProps(&b.Passages[i])))
	}
	for i := range b.Edges {
		e := &b.Edges[i]
		row := map[string]any{"from": e.From, "to": e.To, "props": map[string]any(edgeProps(e))}
		key := strings.ToLower(string(e.Type))
		rows[key] = append(rows[key], row)
	}
	return rows
}

// ExplainSelect returns the operators of the plans Neo4j makes for the
// compiled reads of q (under "page" and "count") and, when id is set, of the
// node with id with sels (under "id"): tests check that none scans a whole
// label where an index serves.
func ExplainSelect(ctx context.Context, s *Store, q rodedraad.SelectQuery, id string, sels map[rodedraad.Label]rodedraad.Selection) (map[string][]string, error) {
	st, err := selectPageStatement(q)
	if err != nil {
		return nil, err
	}
	stmts := map[string]string{"page": st.page, "count": st.count}
	params := map[string]map[string]any{"page": st.params, "count": st.params}
	if id != "" {
		stmts["id"], params["id"] = selectByIDStatement([]string{id}, "", sels, 0)
	}
	out := map[string][]string{}
	for k, stmt := range stmts {
		ops, err := explain(ctx, s, stmt, params[k])
		if err != nil {
			return nil, fmt.Errorf("%w\n%s", err, stmt)
		}
		out[k] = ops
	}
	return out, nil
}

func explain(ctx context.Context, s *Store, stmt string, params map[string]any) ([]string, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]string, error) {
		res, err := tx.Run(ctx, "EXPLAIN "+stmt, params)
		if err != nil {
			return nil, err
		}
		sum, err := res.Consume(ctx)
		if err != nil {
			return nil, err
		}
		return planOperators(reflect.ValueOf(sum.Plan())), nil
	})
}

// planOperators lists the operators of a plan tree. It reads the driver's
// plan by reflection: the driver's Plan.Children (v5.28, built with Go 1.18
// loop semantics) returns its last child in place of every child, which
// would hide a scan on the left of an Apply.
func planOperators(v reflect.Value) []string {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	if v.Kind() == reflect.Struct && v.FieldByName("Operator").Kind() != reflect.String {
		return planOperators(v.Field(0)) // the driver's wrapper around its plan
	}
	ops := []string{v.FieldByName("Operator").String()}
	children := v.FieldByName("Children")
	for i := range children.Len() {
		ops = append(ops, planOperators(children.Index(i))...)
	}
	return ops
}

// countTo is a read that takes as long as n asks.
const countTo = `UNWIND range(1, $n) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS v`

// CountTo counts to n in Cypher in a transaction function (read): tests end
// its context while Neo4j still works on it.
func CountTo(ctx context.Context, s *Store, n int) (int, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) (int, error) {
		return singleInt(ctx, tx, countTo, map[string]any{"n": n})
	})
}

// CountToAutoCommit is CountTo as the compiled reads run: one auto-commit
// statement (readQuery).
func CountToAutoCommit(ctx context.Context, s *Store, n int) (int, error) {
	recs, err := readQuery(ctx, s, countTo, map[string]any{"n": n})
	if err != nil {
		return 0, err
	}
	v, _, err := neo4j.GetRecordValue[int64](recs[0], "v")
	return int(v), err
}

// ExplainEdgeOfRow returns the operators of the plan Neo4j makes for
// finding the edges of rows of type t.
func ExplainEdgeOfRow(ctx context.Context, s *Store, t string) ([]string, error) {
	rows := []any{map[string]any{"from": "D01", "to": "R01.1", "type": "CONTAINS"}}
	return explain(ctx, s, `UNWIND $rows AS row `+edgeOfRow(t)+` RETURN properties(x) AS p`, map[string]any{"rows": rows})
}

// TwoStatementsOnce runs two statements in a one-statement read: the second
// must fail.
func TwoStatementsOnce(ctx context.Context, s *Store) error {
	_, err := readOnce(ctx, s, func(tx neo4j.ManagedTransaction) (int, error) {
		if _, err := singleInt(ctx, tx, `RETURN 1 AS v`, nil); err != nil {
			return 0, err
		}
		return singleInt(ctx, tx, `RETURN 2 AS v`, nil)
	})
	return err
}

// StoredProps returns the properties of the items with the given audit keys
// (node ids, "FROM -TYPE-> TO" edges) as the audit trail shows them, as
// JSON: tests compare a load's recorded after-states with what Neo4j holds.
func StoredProps(ctx context.Context, s *Store, keys []string) (map[string]string, error) {
	targets := make([]target, len(keys))
	for i, k := range keys {
		targets[i] = nodeTarget(k)
		if from, to, ok := edgeEnds(k); ok {
			targets[i] = target{id: from, rel: k[len(from)+2 : len(k)-len(to)-3], to: to}
		}
	}
	props, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (map[string]map[string]any, error) {
		return propsOf(ctx, tx, targets)
	})
	out := make(map[string]string, len(props))
	for k, p := range props {
		b, _ := json.Marshal(p)
		out[k] = string(b)
	}
	return out, err
}

// LoadNodes counts the :Change:Load nodes, the packed audit of loads.
func LoadNodes(ctx context.Context, s *Store) (int, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) (int, error) {
		return singleInt(ctx, tx, `MATCH (l:Load) RETURN count(l) AS v`, nil)
	})
}
