package neo4jstore

import (
	"context"
	"fmt"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// relType returns t when it is a known relationship type, so that it can be
// written into a statement; anything else is BAD_USER_INPUT.
func relType(t rodedraad.RelType) (string, error) {
	if !slices.Contains(rodedraad.RelTypes, t) {
		return "", rodedraad.Errorf(rodedraad.EINVALID, "type %q is not a relationship type", t)
	}
	return string(t), nil
}

// checkLabel returns BAD_USER_INPUT unless label is a known node label, so
// that it can be written into a statement.
func checkLabel(label rodedraad.Label) error {
	if !slices.Contains(rodedraad.Labels, label) {
		return rodedraad.Errorf(rodedraad.EINVALID, "%q is not a kind of node", label)
	}
	return nil
}

// Link creates or updates the edge e after checking that both ends exist
// (NOT_FOUND) and that the edge fits the schema (BAD_USER_INPUT). It returns
// the stored edge.
func (s *Store) Link(ctx context.Context, e rodedraad.Edge) (rodedraad.Edge, error) {
	t, err := relType(e.Type)
	if err != nil {
		return rodedraad.Edge{}, err
	}
	e.Normalize()
	q := fmt.Sprintf(`MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
		MERGE (a)-[r:%s]->(b)
		ON CREATE SET r.createdAt = datetime()
		SET r += $props
		RETURN r`, t)
	return write(ctx, s, audit{op: "link", targets: []target{edgeTarget(e.Type, e.From, e.To)}}, func(tx neo4j.ManagedTransaction) (rodedraad.Edge, error) {
		if err := checkEdge(ctx, tx, &e); err != nil {
			return rodedraad.Edge{}, err
		}
		res, err := tx.Run(ctx, q, map[string]any{"from": e.From, "to": e.To, "props": map[string]any(edgeProps(&e))})
		if err != nil {
			return rodedraad.Edge{}, err
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return rodedraad.Edge{}, err
		}
		r, _, err := neo4j.GetRecordValue[dbtype.Relationship](rec, "r")
		return edgeFrom(r, e.From, e.To), err
	})
}

// checkEdge looks up the labels of e's ends and validates e against them.
func checkEdge(ctx context.Context, tx neo4j.ManagedTransaction, e *rodedraad.Edge) error {
	labels, err := labelsOf(ctx, tx, []string{e.From, e.To})
	if err != nil {
		return err
	}
	for _, id := range []string{e.From, e.To} {
		if labels[id] == "" {
			return rodedraad.Errorf(rodedraad.ENOTFOUND, "no node with id %q", id)
		}
	}
	return e.Validate(labels[e.From], labels[e.To])
}

// labelsOf returns the domain label of each existing id.
func labelsOf(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) (map[string]rodedraad.Label, error) {
	res, err := tx.Run(ctx, `UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN id, labels(n) AS labels`, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	out := make(map[string]rodedraad.Label, len(ids))
	for res.Next(ctx) {
		id, _, _ := neo4j.GetRecordValue[string](res.Record(), "id")
		raw, _, _ := neo4j.GetRecordValue[[]any](res.Record(), "labels")
		labels := make([]string, 0, len(raw))
		for _, l := range raw {
			labels = append(labels, l.(string))
		}
		out[id] = labelOf(labels)
	}
	return out, res.Err()
}

// Labels returns the domain label of each id that exists, in one query.
func (s *Store) Labels(ctx context.Context, ids []string) (map[string]rodedraad.Label, error) {
	return readOnce(ctx, s, func(tx neo4j.ManagedTransaction) (map[string]rodedraad.Label, error) {
		return labelsOf(ctx, tx, ids)
	})
}

// Unlink removes the edge of type t from→to. NOT_FOUND when there is none.
func (s *Store) Unlink(ctx context.Context, t rodedraad.RelType, from, to string) error {
	e := rodedraad.Edge{Type: t, From: from, To: to}
	e.Normalize()
	rt, err := relType(t)
	if err != nil {
		return err
	}
	q := fmt.Sprintf(`OPTIONAL MATCH (:Entity {id: $from})-[r:%s]->(:Entity {id: $to})
		WITH r, count(r) AS v DELETE r RETURN v`, rt)
	_, err = write(ctx, s, audit{op: "unlink", targets: []target{edgeTarget(e.Type, e.From, e.To)}}, func(tx neo4j.ManagedTransaction) (any, error) {
		n, err := singleInt(ctx, tx, q, map[string]any{"from": e.From, "to": e.To})
		if err == nil && n == 0 {
			err = rodedraad.Errorf(rodedraad.ENOTFOUND, "no %s edge from %q to %q", t, e.From, e.To)
		}
		return nil, err
	})
	return err
}

// ReviewEdge sets the status of one edge with reviewer and time, and returns
// it. NOT_FOUND when there is no such edge.
func (s *Store) ReviewEdge(ctx context.Context, t rodedraad.RelType, from, to string, status rodedraad.Status, reviewer, note string) (rodedraad.Edge, error) {
	e := rodedraad.Edge{Type: t, From: from, To: to}
	e.Normalize()
	rt, err := relType(t)
	if err != nil {
		return e, err
	}
	q := fmt.Sprintf(`MATCH (:Entity {id: $from})-[r:%s]->(:Entity {id: $to})
		SET r.status = $status, r.reviewedBy = $reviewer, r.reviewedAt = datetime(),
		    r.reviewNote = CASE WHEN $note = '' THEN r.reviewNote ELSE $note END
		RETURN r`, rt)
	return write(ctx, s, audit{op: "review", targets: []target{edgeTarget(e.Type, e.From, e.To)}}, func(tx neo4j.ManagedTransaction) (rodedraad.Edge, error) {
		res, err := tx.Run(ctx, q, map[string]any{"from": e.From, "to": e.To, "status": string(status), "reviewer": reviewer, "note": note})
		if err != nil {
			return e, err
		}
		if !res.Next(ctx) {
			if err := res.Err(); err != nil {
				return e, err
			}
			return e, rodedraad.Errorf(rodedraad.ENOTFOUND, "no %s edge from %q to %q", t, e.From, e.To)
		}
		r, _, err := neo4j.GetRecordValue[dbtype.Relationship](res.Record(), "r")
		return edgeFrom(r, e.From, e.To), err
	})
}
