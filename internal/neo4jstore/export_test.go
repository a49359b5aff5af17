package neo4jstore

import (
	"context"
	"fmt"
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
