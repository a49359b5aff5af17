package neo4jstore

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// importBatch is how many rows one UNWIND statement carries.
const importBatch = 2000

// ImportOptions tune an import.
type ImportOptions struct {
	// CreateOnly makes an id that already exists a CONFLICT instead of an
	// update: what the create mutations need.
	CreateOnly bool
	// Progress, when set, is told how many items are written so far.
	Progress func(done, total int)
}

// ImportResult says what an import wrote.
type ImportResult struct {
	Nodes, Edges int
}

// Import upserts a bundle in one transaction: nodes by id (MERGE, so loading
// twice gives the same graph; createdAt is kept from the first load), then
// edges by (from, type, to). Before writing it checks that no id exists with
// another kind (CONFLICT) and that every edge fits the schema, resolving ends
// that are not in the bundle against the database (BAD_USER_INPUT or
// NOT_FOUND). On any error nothing is written.
func (s *Store) Import(ctx context.Context, b *rodedraad.Bundle, opts ImportOptions) (ImportResult, error) {
	nodes := b.Nodes()
	total := len(nodes) + len(b.Edges)
	return write(ctx, s, func(tx neo4j.ManagedTransaction) (ImportResult, error) {
		if err := checkBundle(ctx, tx, nodes, b.Edges, opts.CreateOnly); err != nil {
			return ImportResult{}, err
		}
		done := 0
		tick := func(n int) {
			done += n
			if opts.Progress != nil {
				opts.Progress(done, total)
			}
		}
		if err := upsertNodes(ctx, tx, nodes, tick); err != nil {
			return ImportResult{}, err
		}
		if err := upsertEdges(ctx, tx, b.Edges, tick); err != nil {
			return ImportResult{}, err
		}
		return ImportResult{Nodes: len(nodes), Edges: len(b.Edges)}, nil
	})
}

// checkBundle validates kinds and edges against the bundle and the database.
func checkBundle(ctx context.Context, tx neo4j.ManagedTransaction, nodes []rodedraad.Node, edges []rodedraad.Edge, createOnly bool) error {
	labels := make(map[string]rodedraad.Label, len(nodes))
	for _, n := range nodes {
		// One id under two kinds would MERGE into one node with both labels.
		if l, dup := labels[n.NodeID()]; dup && l != n.NodeLabel() {
			return rodedraad.Errorf(rodedraad.EINVALID, "id %q is both a %s and a %s in the bundle", n.NodeID(), l, n.NodeLabel())
		}
		labels[n.NodeID()] = n.NodeLabel()
	}
	ids := make([]string, 0, len(labels))
	for id := range labels {
		ids = append(ids, id)
	}
	for _, e := range edges {
		ids = append(ids, e.From, e.To)
	}
	stored, err := labelsOf(ctx, tx, ids)
	if err != nil {
		return err
	}
	for id, l := range stored {
		want, inBundle := labels[id]
		if inBundle && createOnly {
			return rodedraad.Errorf(rodedraad.ECONFLICT, "a %s with id %q already exists", l, id)
		}
		if inBundle && want != l {
			return rodedraad.Errorf(rodedraad.ECONFLICT, "id %q is a %s in the bundle but a %s in the graph", id, want, l)
		}
		labels[id] = l
	}
	for i := range edges {
		e := &edges[i]
		for _, id := range []string{e.From, e.To} {
			if labels[id] == "" {
				return rodedraad.Errorf(rodedraad.EINVALID, "%s edge %s → %s: %q is neither in the bundle nor in the graph", e.Type, e.From, e.To, id)
			}
		}
		if err := e.Validate(labels[e.From], labels[e.To]); err != nil {
			return rodedraad.Errorf(rodedraad.EINVALID, "%s edge %s → %s: %s", e.Type, e.From, e.To, rodedraad.ErrorMessage(err))
		}
	}
	return nil
}

func upsertNodes(ctx context.Context, tx neo4j.ManagedTransaction, nodes []rodedraad.Node, tick func(int)) error {
	byLabel := map[rodedraad.Label][]any{}
	for _, n := range nodes {
		row := map[string]any{"id": n.NodeID(), "props": map[string]any(nodeProps(n)), "createdAt": createdAt(n.Prov())}
		byLabel[n.NodeLabel()] = append(byLabel[n.NodeLabel()], row)
	}
	for _, label := range rodedraad.Labels {
		stmt := fmt.Sprintf(`UNWIND $rows AS row
			MERGE (n:Entity {id: row.id})
			ON CREATE SET n.createdAt = coalesce(row.createdAt, datetime())
			SET n:%s, n += row.props`, label)
		if err := inBatches(ctx, tx, stmt, byLabel[label], tick); err != nil {
			return fmt.Errorf("import %s nodes: %w", label, err)
		}
	}
	return nil
}

func upsertEdges(ctx context.Context, tx neo4j.ManagedTransaction, edges []rodedraad.Edge, tick func(int)) error {
	byType := map[rodedraad.RelType][]any{}
	for i := range edges {
		e := edges[i]
		e.Normalize()
		row := map[string]any{"from": e.From, "to": e.To, "props": map[string]any(edgeProps(&e))}
		byType[e.Type] = append(byType[e.Type], row)
	}
	for _, t := range rodedraad.RelTypes {
		stmt := fmt.Sprintf(`UNWIND $rows AS row
			MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to})
			MERGE (a)-[r:%s]->(b)
			ON CREATE SET r.createdAt = datetime()
			SET r += row.props`, t)
		if err := inBatches(ctx, tx, stmt, byType[t], tick); err != nil {
			return fmt.Errorf("import %s edges: %w", t, err)
		}
	}
	return nil
}

func inBatches(ctx context.Context, tx neo4j.ManagedTransaction, stmt string, rows []any, tick func(int)) error {
	for start := 0; start < len(rows); start += importBatch {
		end := min(start+importBatch, len(rows))
		res, err := tx.Run(ctx, stmt, map[string]any{"rows": rows[start:end]})
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			return err
		}
		tick(end - start)
	}
	return nil
}
