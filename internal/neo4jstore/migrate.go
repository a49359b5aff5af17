package neo4jstore

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

//go:embed migrations/*.cypher
var migrationFS embed.FS

// migration is one embedded .cypher file: statements separated by ';'.
type migration struct {
	name       string
	statements []string
}

// migrations are applied in file-name order; all statements are idempotent
// (IF NOT EXISTS), so applying them again is harmless.
var migrations = mustLoadMigrations()

func mustLoadMigrations() []migration {
	names, err := fs.Glob(migrationFS, "migrations/*.cypher")
	if err != nil {
		panic(err)
	}
	sort.Strings(names)
	out := make([]migration, 0, len(names))
	for _, name := range names {
		data, err := migrationFS.ReadFile(name)
		if err != nil {
			panic(err)
		}
		out = append(out, migration{name: name, statements: splitStatements(string(data))})
	}
	return out
}

// splitStatements drops // comments and splits on ';' at line ends.
func splitStatements(src string) []string {
	var b strings.Builder
	for _, line := range strings.Split(src, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "//") {
			continue
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	var out []string
	for _, st := range strings.Split(b.String(), ";\n") {
		if st = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(st), ";")); st != "" {
			out = append(out, st)
		}
	}
	return out
}

// Migrate creates the constraints and indexes the store needs and records
// the schema version. Schema statements cannot share a transaction with
// writes, so each runs in its own.
func (s *Store) Migrate(ctx context.Context) error {
	for _, m := range migrations {
		for _, st := range m.statements {
			if _, err := run(ctx, s, neo4j.AccessModeWrite, func(tx neo4j.ManagedTransaction) (any, error) {
				_, err := tx.Run(ctx, st, nil)
				return nil, err
			}); err != nil {
				return fmt.Errorf("migrate %s: %w", m.name, err)
			}
		}
	}
	if _, err := run(ctx, s, neo4j.AccessModeWrite, func(tx neo4j.ManagedTransaction) (any, error) {
		_, err := tx.Run(ctx, `MERGE (m:RodedraadMeta {key: 'schema'}) SET m.version = $v`, map[string]any{"v": len(migrations)})
		return nil, err
	}); err != nil {
		return fmt.Errorf("migrate: record version: %w", err)
	}
	// Full-text indexes populate in the background; wait so search works
	// right after start-up.
	_, err := run(ctx, s, neo4j.AccessModeRead, func(tx neo4j.ManagedTransaction) (any, error) {
		_, err := tx.Run(ctx, `CALL db.awaitIndexes(300)`, nil)
		return nil, err
	})
	if err != nil {
		return fmt.Errorf("migrate: wait for indexes: %w", err)
	}
	return nil
}

// SchemaVersion returns the number of migrations applied, 0 on a new database.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) (int, error) {
		return singleInt(ctx, tx, `OPTIONAL MATCH (m:RodedraadMeta {key: 'schema'}) RETURN coalesce(m.version, 0) AS v`, nil)
	})
}

// GraphVersion returns a number that every write increments. Caches of
// whole-graph analyses are keyed on it. It takes no admission turn: it reads
// one node by key and takes no lock, and it brackets every snapshot read;
// queued behind the nested reads, it stretched that window until nearly
// every snapshot read under writes was torn and read again.
func (s *Store) GraphVersion(ctx context.Context) (int64, error) {
	v, err := runNow(ctx, s, neo4j.AccessModeRead, s.timeout, func(tx neo4j.ManagedTransaction) (int, error) {
		return singleInt(ctx, tx, `OPTIONAL MATCH (m:RodedraadMeta {key: 'graph'}) RETURN coalesce(m.version, 0) AS v`, nil)
	})
	return int64(v), err
}

// singleInt runs a query that returns one row with an integer column v.
func singleInt(ctx context.Context, tx neo4j.ManagedTransaction, q string, params map[string]any) (int, error) {
	res, err := tx.Run(ctx, q, params)
	if err != nil {
		return 0, err
	}
	rec, err := res.Single(ctx)
	if err != nil {
		return 0, err
	}
	v, _, err := neo4j.GetRecordValue[int64](rec, "v")
	return int(v), err
}

// DeleteAll removes every node and relationship of the graph, keeping the
// schema and its recorded version, so that Ready still holds. It is for tests
// and benchmarks that need an empty graph; it deletes in batches so that large
// graphs do not need one huge transaction. It bumps the graph version rather
// than resetting it, so that no cache takes a refilled graph for an old one.
func (s *Store) DeleteAll(ctx context.Context) error {
	// CALL ... IN TRANSACTIONS needs an auto-commit transaction.
	s.roundTrips.Add(1)
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.database})
	defer session.Close(ctx)
	// The seeds marker goes too: the graph no longer holds what it says.
	if _, err := run(ctx, s, neo4j.AccessModeWrite, func(tx neo4j.ManagedTransaction) (any, error) {
		_, err := tx.Run(ctx, `MATCH (m:RodedraadMeta {key: $key}) DELETE m`, map[string]any{"key": rodedraad.SeedsMetaKey})
		return nil, err
	}); err != nil {
		return err
	}
	// Relationships first: a hub node (a theme of 100k recommendations) would
	// otherwise take all its relationships into one inner transaction.
	for _, q := range []string{
		`MATCH (:Entity)-[r]->(:Entity) CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS`,
		`MATCH (n:Entity) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`,
		`MATCH (p:Passage) CALL (p) { DETACH DELETE p } IN TRANSACTIONS OF 10000 ROWS`,
		`MATCH (c:Change) CALL (c) { DELETE c } IN TRANSACTIONS OF 10000 ROWS`,
		`MATCH (t:ApiToken) DETACH DELETE t`,
		`MATCH (k:IdempotencyKey) DETACH DELETE k`,
	} {
		res, err := session.Run(ctx, q, nil)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			return mapError(err)
		}
	}
	_, err := write(ctx, s, audit{op: "touch"}, func(neo4j.ManagedTransaction) (any, error) { return nil, nil })
	return err
}

// MetaValue returns a bookkeeping value stored under key, "" when unset.
func (s *Store) MetaValue(ctx context.Context, key string) (string, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) (string, error) {
		res, err := tx.Run(ctx, `OPTIONAL MATCH (m:RodedraadMeta {key: $key}) RETURN coalesce(m.value, '') AS v`, map[string]any{"key": key})
		if err != nil {
			return "", err
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return "", err
		}
		v, _, err := neo4j.GetRecordValue[string](rec, "v")
		return v, err
	})
}

// SetMetaValue stores a bookkeeping value under key.
func (s *Store) SetMetaValue(ctx context.Context, key, value string) error {
	_, err := run(ctx, s, neo4j.AccessModeWrite, func(tx neo4j.ManagedTransaction) (any, error) {
		_, err := tx.Run(ctx, `MERGE (m:RodedraadMeta {key: $key}) SET m.value = $value`, map[string]any{"key": key, "value": value})
		return nil, err
	})
	return err
}
