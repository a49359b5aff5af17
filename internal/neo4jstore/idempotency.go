package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// RememberResponse keeps the answer of a mutation sent with an idempotency
// key, for whoever sent it and the request's hash. A key kept already
// stays as it was: the first answer wins.
func (s *Store) RememberResponse(ctx context.Context, key, actor, hash string, response []byte) error {
	_, err := run(ctx, s, neo4j.AccessModeWrite, func(tx neo4j.ManagedTransaction) (any, error) {
		_, err := tx.Run(ctx, `MERGE (k:IdempotencyKey {key: $key})
			ON CREATE SET k.actor = $actor, k.hash = $hash, k.response = $response, k.at = datetime()`,
			map[string]any{"key": key, "actor": actor, "hash": hash, "response": string(response)})
		return nil, err
	})
	return err
}

// RecallResponse returns what RememberResponse kept under key; found is
// false when nothing is kept.
func (s *Store) RecallResponse(ctx context.Context, key string) (actor, hash string, response []byte, found bool, err error) {
	rows, err := read(ctx, s, func(tx neo4j.ManagedTransaction) ([]map[string]any, error) {
		res, err := tx.Run(ctx, `MATCH (k:IdempotencyKey {key: $key}) RETURN k.actor AS actor, k.hash AS hash, k.response AS response`,
			map[string]any{"key": key})
		if err != nil {
			return nil, err
		}
		var out []map[string]any
		for res.Next(ctx) {
			out = append(out, res.Record().AsMap())
		}
		return out, res.Err()
	})
	if err != nil || len(rows) == 0 {
		return "", "", nil, false, err
	}
	return str(rows[0]["actor"]), str(rows[0]["hash"]), []byte(str(rows[0]["response"])), true, nil
}
