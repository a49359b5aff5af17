package neo4jstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// MaxNeighbourhoodDepth and MaxNeighbourhoodNodes bound a neighbourhood so
// that one request cannot pull the whole graph.
const (
	MaxNeighbourhoodDepth = 3
	MaxNeighbourhoodNodes = 500
)

// Neighbourhood returns the nodes within depth hops of id over the given
// relationship types (all when empty), and every edge of those types among
// them. NOT_FOUND when id does not exist.
func (s *Store) Neighbourhood(ctx context.Context, id string, depth int, types []rodedraad.RelType) (rodedraad.Subgraph, error) {
	if depth < 1 || depth > MaxNeighbourhoodDepth {
		return rodedraad.Subgraph{}, rodedraad.Errorf(rodedraad.EINVALID, "depth %d is outside 1..%d", depth, MaxNeighbourhoodDepth)
	}
	if len(types) == 0 {
		types = rodedraad.RelTypes
	}
	names := make([]string, 0, len(types))
	for _, t := range types {
		rt, err := relType(t)
		if err != nil {
			return rodedraad.Subgraph{}, err
		}
		names = append(names, rt)
	}
	rels := strings.Join(names, "|")
	// m <> c: a path can come back to the centre over a second edge, which
	// would list the centre twice and double its edges.
	stmt := fmt.Sprintf(`MATCH (c:Entity {id: $id})
		OPTIONAL MATCH (c)-[:%[1]s*1..%[2]d]-(m:Entity) WHERE m <> c
		WITH c, collect(DISTINCT m) AS found
		WITH [c] + found[..$limit] AS ns, size(found) > $limit AS truncated
		CALL (ns) {
			UNWIND ns AS a MATCH (a)-[r:%[1]s]->(b) WHERE b IN ns
			RETURN collect({r: r, from: a.id, to: b.id}) AS rs
		}
		RETURN ns, rs, truncated`, rels, depth)
	return readOnce(ctx, s, func(tx neo4j.ManagedTransaction) (rodedraad.Subgraph, error) {
		res, err := tx.Run(ctx, stmt, map[string]any{"id": id, "limit": MaxNeighbourhoodNodes - 1})
		if err != nil {
			return rodedraad.Subgraph{}, err
		}
		if !res.Next(ctx) {
			if err := res.Err(); err != nil {
				return rodedraad.Subgraph{}, err
			}
			return rodedraad.Subgraph{}, rodedraad.Errorf(rodedraad.ENOTFOUND, "no node with id %q", id)
		}
		return subgraphFrom(res.Record())
	})
}

func subgraphFrom(rec *neo4j.Record) (rodedraad.Subgraph, error) {
	var g rodedraad.Subgraph
	ns, _, err := neo4j.GetRecordValue[[]any](rec, "ns")
	if err != nil {
		return g, err
	}
	for _, n := range ns {
		g.Nodes = append(g.Nodes, nodeFrom(n.(dbtype.Node)))
	}
	rs, _, err := neo4j.GetRecordValue[[]any](rec, "rs")
	if err != nil {
		return g, err
	}
	for _, x := range rs {
		m := x.(map[string]any)
		g.Edges = append(g.Edges, edgeFrom(m["r"].(dbtype.Relationship), m["from"].(string), m["to"].(string)))
	}
	g.Truncated, _, _ = neo4j.GetRecordValue[bool](rec, "truncated")
	return g, nil
}
