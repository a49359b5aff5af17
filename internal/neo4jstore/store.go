// Package neo4jstore is the only package that speaks Cypher. It keeps the
// graph of record in Neo4j: migrations, reads, writes, bulk import and the
// snapshot the analyses run on. Every value travels as a $parameter; labels
// and relationship types come only from the allow-lists in package rodedraad.
package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
	"github.com/rs/zerolog"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Store implements the domain's port.
var _ rodedraad.Store = (*Store)(nil)

// Store reads and writes the knowledge graph in one Neo4j database.
type Store struct {
	driver   neo4j.DriverWithContext
	database string
	timeout  time.Duration
	admit    admission

	// roundTrips counts the transactions sent to Neo4j, so that a test can
	// prove nested queries are batched (no N+1).
	roundTrips atomic.Int64
}

// Options configure a Store.
type Options struct {
	URI, User, Password, Database string
	// Timeout bounds every transaction, on the server too.
	Timeout time.Duration
	// MaxActive bounds the transactions run in Neo4j at once; the others
	// wait their turn in arrival order until their context ends. 0: no bound.
	MaxActive int
}

// maxRetryTime bounds how long a managed transaction is retried.
const maxRetryTime = 5 * time.Second

// Open creates the driver. It does not connect: a database that is down at
// start-up makes queries fail with UNAVAILABLE until it comes back.
func Open(opts Options) (*Store, error) {
	auth := neo4j.NoAuth()
	if opts.User != "" {
		auth = neo4j.BasicAuth(opts.User, opts.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(opts.URI, auth, func(c *config.Config) {
		c.MaxConnectionPoolSize = 50
		c.ConnectionAcquisitionTimeout = 5 * time.Second
		c.SocketConnectTimeout = 3 * time.Second
		// Managed transactions retry transient errors (deadlocks, leader
		// switches) and connection failures. The default 30 s of retries
		// made every query on a database that is down hang for ~50 s before
		// UNAVAILABLE; a few seconds still ride out a deadlock.
		c.MaxTransactionRetryTime = maxRetryTime
	})
	if err != nil {
		return nil, rodedraad.Errorf(rodedraad.EINVALID, "NEO4J_URI %q: %v", opts.URI, err)
	}
	s := New(driver, opts.Database, opts.Timeout)
	s.admit = newAdmission(opts.MaxActive)
	return s, nil
}

// New wraps an existing driver. The store owns it from then on.
func New(driver neo4j.DriverWithContext, database string, timeout time.Duration) *Store {
	if database == "" {
		database = "neo4j"
	}
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	return &Store{driver: driver, database: database, timeout: timeout}
}

// Close closes the driver.
func (s *Store) Close(ctx context.Context) error { return s.driver.Close(ctx) }

// RoundTrips returns how many transactions this store has sent so far.
func (s *Store) RoundTrips() int64 { return s.roundTrips.Load() }

// Ready returns nil when Neo4j answers and the schema is migrated, and an
// UNAVAILABLE error saying which is not the case otherwise.
func (s *Store) Ready(ctx context.Context) error {
	if err := s.driver.VerifyConnectivity(ctx); err != nil {
		// The driver's error names the database's address: logs only.
		zerolog.Ctx(ctx).Warn().Err(err).Msg("neo4j: not reachable")
		return rodedraad.Errorf(rodedraad.EUNAVAILABLE, "neo4j is not reachable")
	}
	v, err := s.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	if v < len(migrations) {
		return rodedraad.Errorf(rodedraad.EUNAVAILABLE, "schema is at version %d of %d: run `rodedraad migrate`", v, len(migrations))
	}
	return nil
}

// read runs fn in a managed read transaction with the store's timeout.
// Managed transactions retry, so fn must be idempotent.
func read[T any](ctx context.Context, s *Store, fn func(tx neo4j.ManagedTransaction) (T, error)) (T, error) {
	return run(ctx, s, neo4j.AccessModeRead, fn)
}

// write runs fn in a managed write transaction that also bumps the graph
// version, so caches keyed on it see the change, and records in the audit
// trail, in the same transaction, how fn changed a's targets and who did it
// (the actor of ctx).
func write[T any](ctx context.Context, s *Store, a audit, fn func(tx neo4j.ManagedTransaction) (T, error)) (T, error) {
	return audited(ctx, s, s.timeout, a, fn)
}

func run[T any](ctx context.Context, s *Store, mode neo4j.AccessMode, fn func(tx neo4j.ManagedTransaction) (T, error)) (T, error) {
	return runFor(ctx, s, mode, s.timeout, fn)
}

// runFor is run with a transaction timeout of its own, for bulk loads. It
// waits for an admission turn first.
func runFor[T any](ctx context.Context, s *Store, mode neo4j.AccessMode, timeout time.Duration, fn func(tx neo4j.ManagedTransaction) (T, error)) (T, error) {
	release, err := s.admit.admit(ctx)
	if err != nil {
		var zero T
		return zero, err
	}
	defer release()
	return runNow(ctx, s, mode, timeout, fn)
}

// runNow is runFor without waiting for a turn, for lookups so small that
// queueing them costs more than running them.
func runNow[T any](ctx context.Context, s *Store, mode neo4j.AccessMode, timeout time.Duration, fn func(tx neo4j.ManagedTransaction) (T, error)) (T, error) {
	return untilDone(ctx, func() (T, error) { return runTx(ctx, s, mode, timeout, fn) })
}

// readQuery runs one read statement and returns its records (readOnce).
func readQuery(ctx context.Context, s *Store, stmt string, params map[string]any) ([]*neo4j.Record, error) {
	return readOnce(ctx, s, func(tx neo4j.ManagedTransaction) ([]*neo4j.Record, error) {
		return records(ctx, tx, stmt, params)
	})
}

// records runs stmt in tx and returns all its records.
func records(ctx context.Context, tx neo4j.ManagedTransaction, stmt string, params map[string]any) ([]*neo4j.Record, error) {
	res, err := tx.Run(ctx, stmt, params)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

// readOnce is read for a function that runs a single statement: after an
// admission turn, the statement runs as an auto-commit transaction, one
// round trip, where a transaction function first waits for BEGIN's answer
// and last for COMMIT's. The driver retries only transaction functions, so
// readOnce runs fn once more when it fails with a retryable error (a
// transient fault, a lost connection); fn must be idempotent, as for read.
func readOnce[T any](ctx context.Context, s *Store, fn func(tx neo4j.ManagedTransaction) (T, error)) (T, error) {
	release, err := s.admit.admit(ctx)
	if err != nil {
		var zero T
		return zero, err
	}
	defer release()
	return untilDone(ctx, func() (T, error) {
		v, err := autoCommit(ctx, s, fn)
		if err != nil && neo4j.IsRetryable(err) && ctx.Err() == nil {
			v, err = autoCommit(ctx, s, fn)
		}
		if err != nil {
			var zero T
			return zero, driverError(ctx, err)
		}
		return v, nil
	})
}

// autoCommit runs fn with a transaction whose one statement runs as an
// auto-commit transaction with the store's timeout.
func autoCommit[T any](ctx context.Context, s *Store, fn func(tx neo4j.ManagedTransaction) (T, error)) (T, error) {
	s.roundTrips.Add(1)
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.database, AccessMode: neo4j.AccessModeRead})
	defer session.Close(ctx)
	return fn(&oneStatement{session: session, timeout: s.timeout})
}

// oneStatement is the transaction readOnce hands its function: Run runs
// the statement in an auto-commit transaction. A second statement is an
// error, since it would not read the same state as the first; such reads
// use read. The embedded interface is nil: only Run is used.
type oneStatement struct {
	neo4j.ManagedTransaction
	session neo4j.SessionWithContext
	timeout time.Duration
	ran     bool
}

// errSecondStatement is a programming error: a read run with readOnce ran
// more than one statement.
var errSecondStatement = errors.New("neo4jstore: a one-statement read ran a second statement; run it with read")

func (t *oneStatement) Run(ctx context.Context, cypher string, params map[string]any) (neo4j.ResultWithContext, error) {
	if t.ran {
		return nil, errSecondStatement
	}
	t.ran = true
	return t.session.Run(ctx, cypher, params, neo4j.WithTxTimeout(t.timeout))
}

// untilDone runs f and returns its result. With a context that can end, f
// runs in a goroutine of its own and untilDone returns when the context
// ends, with its cause (a timeout or a cancelled request), even if Neo4j
// does not answer; the transaction then ends at its own timeout.
func untilDone[T any](ctx context.Context, f func() (T, error)) (T, error) {
	if ctx.Done() == nil {
		return f()
	}
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := f()
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		return zero, mapError(context.Cause(ctx))
	}
}

// runTx runs fn in one transaction with the given timeout, and maps the
// driver's errors to domain errors.
func runTx[T any](ctx context.Context, s *Store, mode neo4j.AccessMode, timeout time.Duration, fn func(tx neo4j.ManagedTransaction) (T, error)) (T, error) {
	var err error
	s.roundTrips.Add(1)
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.database, AccessMode: mode})
	defer session.Close(ctx)
	work := func(tx neo4j.ManagedTransaction) (any, error) { return fn(tx) }
	cfg := neo4j.WithTxTimeout(timeout)
	var res any
	if mode == neo4j.AccessModeRead {
		res, err = session.ExecuteRead(ctx, work, cfg)
	} else {
		res, err = session.ExecuteWrite(ctx, work, cfg)
	}
	if err != nil {
		var zero T
		return zero, driverError(ctx, err)
	}
	v, _ := res.(T) // nil when fn returned a nil T
	return v, nil
}

// driverError maps an error of a transaction to a domain error, the cause of
// ctx when ctx has ended, and logs one that makes the store unavailable.
func driverError(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		err = context.Cause(ctx)
	}
	mapped := mapError(err)
	if rodedraad.ErrorCode(mapped) == rodedraad.EUNAVAILABLE {
		zerolog.Ctx(ctx).Warn().Err(err).Msg("neo4j: transaction failed")
	}
	return mapped
}

// mapError turns driver errors into domain errors: an unreachable database
// becomes UNAVAILABLE, a uniqueness violation CONFLICT, a timeout UNAVAILABLE
// with advice. Domain errors pass through unchanged.
func mapError(err error) error {
	var de *rodedraad.Error
	if errors.As(err, &de) {
		return err
	}
	var ne *neo4j.Neo4jError
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return rodedraad.Errorf(rodedraad.EUNAVAILABLE, "the query took too long and was cancelled: narrow it or raise RODEDRAAD_QUERY_TIMEOUT")
	case errors.Is(err, context.Canceled):
		return rodedraad.Errorf(rodedraad.EUNAVAILABLE, "the request was cancelled")
	case neo4j.IsConnectivityError(err), isPoolError(err):
		return rodedraad.Errorf(rodedraad.EUNAVAILABLE, "neo4j is not reachable; check that it runs (make neo4j) or NEO4J_URI (the server log has the details)")
	case errors.As(err, &ne) && ne.Code == "Neo.ClientError.Schema.ConstraintValidationFailed":
		return rodedraad.Errorf(rodedraad.ECONFLICT, "%s already exists", takenID(ne.Msg))
	case errors.As(err, &ne) && isFulltextFault(ne):
		return rodedraad.Errorf(rodedraad.EINVALID, "the search text is too complex: use at most %d words of at most %d letters", maxSearchWords, maxSearchWordLen)
	case errors.As(err, &ne) && strings.Contains(ne.Code, "TransactionTimedOut"):
		return rodedraad.Errorf(rodedraad.EUNAVAILABLE, "the query took too long and was stopped by neo4j: narrow it or raise RODEDRAAD_QUERY_TIMEOUT")
	}
	return fmt.Errorf("neo4j: %w", err)
}

// takenIDPattern finds the id in Neo4j's message about a uniqueness
// violation: "... with label `Entity` and property `id` = 'R01.1'".
var takenIDPattern = regexp.MustCompile("property `id` = '((?:[^'\\\\]|\\\\.)*)'")

// takenID names the item whose id a uniqueness violation is about.
func takenID(msg string) string {
	if m := takenIDPattern.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("an item with id %q", m[1])
	}
	return "an item with that id"
}

func isPoolError(err error) bool {
	var pe *neo4j.ConnectivityError
	if errors.As(err, &pe) {
		return true
	}
	msg := err.Error()
	return strings.Contains(msg, "connection refused") || strings.Contains(msg, "ConnectivityError") ||
		strings.Contains(msg, "no such host") || strings.Contains(msg, "i/o timeout")
}
