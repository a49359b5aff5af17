package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// claimStatement claims an idempotency key for one request, or adds to
// its claim the items another write of the same request changed. It
// returns the request that holds the key.
const claimStatement = `MERGE (k:IdempotencyKey {key: $key})
	ON CREATE SET k.actor = $actor, k.hash = $hash, k.request = $request, k.at = datetime(),
		k.version = $version, k.targets = []
	WITH k
	FOREACH (_ IN CASE WHEN k.request = $request THEN [1] ELSE [] END |
		SET k.version = $version, k.targets = k.targets + [t IN $targets WHERE NOT t IN k.targets])
	RETURN k.request AS request`

// claimKey claims the idempotency key of ctx, if it carries one, inside
// the write's transaction tx: the write commits with its key or not at
// all. CONFLICT, which rolls the write back, when another request holds
// the key: that request's write committed already.
func claimKey(ctx context.Context, tx neo4j.ManagedTransaction, version int64, changes []rodedraad.Change) error {
	c, ok := rodedraad.IdempotencyClaimFrom(ctx)
	if !ok {
		return nil
	}
	targets := make([]string, len(changes))
	for i, ch := range changes {
		targets[i] = ch.Target
	}
	res, err := tx.Run(ctx, claimStatement, map[string]any{"key": c.Key, "actor": c.Actor, "hash": c.Hash,
		"request": c.Request, "version": version, "targets": targets})
	if err != nil {
		return err
	}
	rec, err := res.Single(ctx)
	if err != nil {
		return err
	}
	if holder, _, _ := neo4j.GetRecordValue[string](rec, "request"); holder != c.Request {
		return rodedraad.Errorf(rodedraad.ECONFLICT, "Idempotency-Key %q was used by another request, which wrote already: nothing was written", c.Key)
	}
	return nil
}

// RememberResponse keeps the answer of a mutation sent with an idempotency
// key, for whoever sent it and the request's hash: on the key its writes
// claimed, or on a new one when it wrote nothing. An answer kept already
// stays as it was: the first answer wins.
func (s *Store) RememberResponse(ctx context.Context, key, actor, hash string, response []byte) error {
	_, err := run(ctx, s, neo4j.AccessModeWrite, func(tx neo4j.ManagedTransaction) (any, error) {
		_, err := tx.Run(ctx, `MERGE (k:IdempotencyKey {key: $key})
			ON CREATE SET k.actor = $actor, k.hash = $hash, k.at = datetime()
			SET k.response = coalesce(k.response, $response)`,
			map[string]any{"key": key, "actor": actor, "hash": hash, "response": string(response)})
		return nil, err
	})
	return err
}

// RecallResponse returns what is kept under key: the claim of its writes
// and the answer RememberResponse kept (empty when none is). found is
// false when the key was never used.
func (s *Store) RecallResponse(ctx context.Context, key string) (rodedraad.KeptResponse, bool, error) {
	rows, err := readOnce(ctx, s, func(tx neo4j.ManagedTransaction) ([]map[string]any, error) {
		res, err := tx.Run(ctx, `MATCH (k:IdempotencyKey {key: $key})
			RETURN k.actor AS actor, k.hash AS hash, k.response AS response, k.version AS version, k.targets AS targets`,
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
		return rodedraad.KeptResponse{}, false, err
	}
	r := rows[0]
	kept := rodedraad.KeptResponse{Actor: str(r["actor"]), Hash: str(r["hash"]), Response: []byte(str(r["response"]))}
	kept.Version, _ = r["version"].(int64)
	targets, _ := r["targets"].([]any)
	for _, t := range targets {
		kept.Targets = append(kept.Targets, str(t))
	}
	return kept, true, nil
}
