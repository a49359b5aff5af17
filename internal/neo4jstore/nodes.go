package neo4jstore

import (
	"context"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Nodes returns the nodes with the given ids, keyed by id, in one query.
// Ids that do not exist are absent from the map.
func (s *Store) Nodes(ctx context.Context, ids []string) (map[string]rodedraad.Node, error) {
	return readOnce(ctx, s, func(tx neo4j.ManagedTransaction) (map[string]rodedraad.Node, error) {
		res, err := tx.Run(ctx, `UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n`, map[string]any{"ids": ids})
		if err != nil {
			return nil, err
		}
		out := make(map[string]rodedraad.Node, len(ids))
		for res.Next(ctx) {
			n, _, err := neo4j.GetRecordValue[dbtype.Node](res.Record(), "n")
			if err != nil {
				return nil, err
			}
			if node := nodeFrom(n); node != nil {
				out[node.NodeID()] = node
			}
		}
		return out, res.Err()
	})
}

// Node returns one node, or NOT_FOUND.
func (s *Store) Node(ctx context.Context, id string) (rodedraad.Node, error) {
	nodes, err := s.Nodes(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	n, ok := nodes[id]
	if !ok {
		return nil, rodedraad.Errorf(rodedraad.ENOTFOUND, "no node with id %q", id)
	}
	return n, nil
}

// CreateNode creates n with its label and :Entity. An existing id is a
// CONFLICT. createdAt is set by the database clock when n has none.
func (s *Store) CreateNode(ctx context.Context, n rodedraad.Node) error {
	q := fmt.Sprintf(`CREATE (n:Entity:%s {id: $id}) SET n += $props, n.createdAt = coalesce($createdAt, datetime())`, n.NodeLabel())
	_, err := write(ctx, s, audit{op: "create", targets: []target{nodeTarget(n.NodeID())}}, func(tx neo4j.ManagedTransaction) (any, error) {
		_, err := tx.Run(ctx, q, map[string]any{"id": n.NodeID(), "props": map[string]any(nodeProps(n)), "createdAt": createdAt(n.Prov())})
		return nil, err
	})
	return err
}

// ReplaceNode overwrites the properties of an existing node of the same
// kind with those of n, keeping its id and createdAt. NOT_FOUND when absent.
func (s *Store) ReplaceNode(ctx context.Context, n rodedraad.Node) error {
	q := fmt.Sprintf(`MATCH (n:%s {id: $id}) WITH n, n.createdAt AS created
		SET n = $props, n.id = $id, n.createdAt = created RETURN count(n) AS v`, n.NodeLabel())
	_, err := write(ctx, s, audit{op: "replace", targets: []target{nodeTarget(n.NodeID())}}, func(tx neo4j.ManagedTransaction) (any, error) {
		found, err := singleInt(ctx, tx, q, map[string]any{"id": n.NodeID(), "props": map[string]any(nodeProps(n))})
		if err == nil && found == 0 {
			err = rodedraad.Errorf(rodedraad.ENOTFOUND, "no %s with id %q", n.NodeLabel(), n.NodeID())
		}
		return nil, err
	})
	return err
}

// DeleteNode removes a node of the given kind with all its relationships,
// and a document's passages with it. NOT_FOUND when absent.
func (s *Store) DeleteNode(ctx context.Context, label rodedraad.Label, id string) error {
	if err := checkLabel(label); err != nil {
		return err
	}
	q := fmt.Sprintf(`OPTIONAL MATCH (n:%s {id: $id})
		OPTIONAL MATCH (n)-[:HAS_PASSAGE]->(p:Passage)
		WITH n, collect(p) AS ps
		FOREACH (p IN ps | DETACH DELETE p)
		WITH n, count(n) AS v DETACH DELETE n RETURN v`, label)
	_, err := write(ctx, s, audit{op: "delete", targets: []target{nodeTarget(id)}}, func(tx neo4j.ManagedTransaction) (any, error) {
		found, err := singleInt(ctx, tx, q, map[string]any{"id": id})
		if err == nil && found == 0 {
			err = rodedraad.Errorf(rodedraad.ENOTFOUND, "no %s with id %q", label, id)
		}
		return nil, err
	})
	return err
}

// ReviewNode sets the status of a node with reviewer and time.
func (s *Store) ReviewNode(ctx context.Context, id string, status rodedraad.Status, reviewer, note string) (rodedraad.Node, error) {
	_, err := write(ctx, s, audit{op: "review", targets: []target{nodeTarget(id)}}, func(tx neo4j.ManagedTransaction) (any, error) {
		found, err := singleInt(ctx, tx, `OPTIONAL MATCH (n:Entity {id: $id})
			SET n.status = $status, n.reviewedBy = $reviewer, n.reviewedAt = datetime(),
			    n.reviewNote = CASE WHEN $note = '' THEN n.reviewNote ELSE $note END
			RETURN count(n) AS v`,
			map[string]any{"id": id, "status": string(status), "reviewer": reviewer, "note": note})
		if err == nil && found == 0 {
			err = rodedraad.Errorf(rodedraad.ENOTFOUND, "no node with id %q", id)
		}
		return nil, err
	})
	if err != nil {
		return nil, err
	}
	return s.Node(ctx, id)
}

func createdAt(p *rodedraad.Provenance) any {
	if p.CreatedAt.IsZero() {
		return nil
	}
	return p.CreatedAt.UTC().Truncate(time.Millisecond)
}

// RecommendationTexts returns the title, text, language and (first)
// document of the given recommendations, in one query.
func (s *Store) RecommendationTexts(ctx context.Context, ids []string) ([]rodedraad.RecText, error) {
	return readOnce(ctx, s, func(tx neo4j.ManagedTransaction) ([]rodedraad.RecText, error) {
		res, err := tx.Run(ctx, `UNWIND $ids AS id MATCH (r:Recommendation {id: id})
			OPTIONAL MATCH (d:Document)-[:CONTAINS]->(r)
			WITH r, min(d.id) AS doc
			RETURN r.id AS id, doc, coalesce(r.language, '') AS lang, coalesce(r.title, '') AS title, r.text AS text
			ORDER BY id`, map[string]any{"ids": ids})
		if err != nil {
			return nil, err
		}
		var out []rodedraad.RecText
		for res.Next(ctx) {
			v := res.Record().Values
			out = append(out, rodedraad.RecText{ID: str(v[0]), Document: str(v[1]), Language: str(v[2]), Title: str(v[3]), Text: str(v[4])})
		}
		return out, res.Err()
	})
}
