package neo4jstore

import (
	"context"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// The store keeps API tokens.
var _ rodedraad.TokenStore = (*Store)(nil)

// CreateToken stores t (its hash, never its secret). CONFLICT when its id or
// name is taken.
func (s *Store) CreateToken(ctx context.Context, t rodedraad.Token) error {
	_, err := run(ctx, s, neo4j.AccessModeWrite, func(tx neo4j.ManagedTransaction) (any, error) {
		n, err := singleInt(ctx, tx, `MATCH (t:ApiToken {name: $name}) WHERE t.revokedAt IS NULL RETURN count(t) AS v`,
			map[string]any{"name": t.Name})
		if err == nil && n > 0 {
			err = rodedraad.Errorf(rodedraad.ECONFLICT, "a valid token named %q exists already: revoke it first or pick another name", t.Name)
		}
		if err != nil {
			return nil, err
		}
		_, err = tx.Run(ctx, `CREATE (:ApiToken {id: $id, name: $name, role: $role, hash: $hash, createdAt: datetime()})`,
			map[string]any{"id": t.ID, "name": t.Name, "role": t.Role.String(), "hash": t.Hash})
		return nil, err
	})
	return err
}

// Tokens lists every token, revoked ones too, oldest first; without hashes.
func (s *Store) Tokens(ctx context.Context) ([]rodedraad.Token, error) {
	return readOnce(ctx, s, func(tx neo4j.ManagedTransaction) ([]rodedraad.Token, error) {
		return queryTokens(ctx, tx, `MATCH (t:ApiToken) RETURN t ORDER BY t.createdAt, t.id`, nil)
	})
}

// RevokeToken marks the valid token with that id or name revoked. NOT_FOUND
// when there is none.
func (s *Store) RevokeToken(ctx context.Context, idOrName string) (rodedraad.Token, error) {
	return run(ctx, s, neo4j.AccessModeWrite, func(tx neo4j.ManagedTransaction) (rodedraad.Token, error) {
		ts, err := queryTokens(ctx, tx, `MATCH (t:ApiToken) WHERE (t.id = $k OR t.name = $k) AND t.revokedAt IS NULL
			SET t.revokedAt = datetime() RETURN t`, map[string]any{"k": idOrName})
		if err == nil && len(ts) == 0 {
			err = rodedraad.Errorf(rodedraad.ENOTFOUND, "no valid token with id or name %q", idOrName)
		}
		if err != nil {
			return rodedraad.Token{}, err
		}
		return ts[0], nil
	})
}

// TokenByHash returns the valid token with that hash, or NOT_FOUND.
func (s *Store) TokenByHash(ctx context.Context, hash string) (rodedraad.Token, error) {
	ts, err := readOnce(ctx, s, func(tx neo4j.ManagedTransaction) ([]rodedraad.Token, error) {
		return queryTokens(ctx, tx, `MATCH (t:ApiToken {hash: $hash}) WHERE t.revokedAt IS NULL RETURN t`, map[string]any{"hash": hash})
	})
	if err == nil && len(ts) == 0 {
		err = rodedraad.Errorf(rodedraad.ENOTFOUND, "no such token")
	}
	if err != nil {
		return rodedraad.Token{}, err
	}
	return ts[0], nil
}

// HasTokens reports whether any token was ever created, revoked ones
// included: once a team uses tokens, anonymous callers stay readers.
func (s *Store) HasTokens(ctx context.Context) (bool, error) {
	n, err := readOnce(ctx, s, func(tx neo4j.ManagedTransaction) (int, error) {
		return singleInt(ctx, tx, `MATCH (t:ApiToken) RETURN count(t) AS v`, nil)
	})
	return n > 0, err
}

func queryTokens(ctx context.Context, tx neo4j.ManagedTransaction, q string, params map[string]any) ([]rodedraad.Token, error) {
	res, err := tx.Run(ctx, q, params)
	if err != nil {
		return nil, err
	}
	var out []rodedraad.Token
	for res.Next(ctx) {
		n, _, err := neo4j.GetRecordValue[dbtype.Node](res.Record(), "t")
		if err != nil {
			return nil, err
		}
		role, _ := rodedraad.ParseRole(str(n.Props["role"]))
		t := rodedraad.Token{ID: str(n.Props["id"]), Name: str(n.Props["name"]), Role: role}
		t.CreatedAt, _ = n.Props["createdAt"].(time.Time)
		t.RevokedAt, _ = n.Props["revokedAt"].(time.Time)
		out = append(out, t)
	}
	return out, res.Err()
}
