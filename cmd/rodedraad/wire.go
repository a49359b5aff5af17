package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/rs/zerolog"

	"github.com/rodedraad/rodedraad/internal/config"
	"github.com/rodedraad/rodedraad/internal/devneo4j"
	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/service"
	"github.com/rodedraad/rodedraad/seeds"
)

// newLogger builds the process logger: JSON by default, console when asked.
func newLogger(cfg config.Config, w io.Writer) zerolog.Logger {
	if cfg.LogFormat == config.LogConsole {
		w = zerolog.ConsoleWriter{Out: w, TimeFormat: time.TimeOnly}
	}
	return zerolog.New(w).Level(cfg.LogLevel).With().Timestamp().Logger()
}

// neo4jURI returns the URI to connect to: NEO4J_URI when set, else that of
// the project's own Neo4j, which it starts when needed (downloading it on
// first use, with progress on progress).
func neo4jURI(ctx context.Context, cfg config.Config, progress io.Writer) (string, error) {
	if !cfg.LocalNeo4j() {
		return cfg.Neo4jURI, nil
	}
	uri, err := devneo4j.EnsureRunning(ctx, devneo4j.Options{Dir: cfg.Neo4jDir, Addr: cfg.Neo4jAddr, Heap: cfg.Neo4jHeap, Progress: progress})
	if err != nil {
		return "", fmt.Errorf("start the project's own Neo4j (or set NEO4J_URI to use another): %w", err)
	}
	return uri, nil
}

// openStore connects to Neo4j as configured. The driver connects lazily, so
// this succeeds even while the database is down.
func openStore(ctx context.Context, cfg config.Config, progress io.Writer) (*neo4jstore.Store, error) {
	uri, err := neo4jURI(ctx, cfg, progress)
	if err != nil {
		return nil, err
	}
	user := cfg.Neo4jUser
	if cfg.LocalNeo4j() {
		user = "" // the project's own Neo4j runs without authentication
	}
	return neo4jstore.Open(neo4jstore.Options{
		URI: uri, User: user, Password: cfg.Neo4jPassword,
		Database: cfg.Neo4jDatabase, Timeout: cfg.QueryTimeout, MaxActive: cfg.Neo4jConcurrency,
	})
}

// seed loads the embedded seeds through the service, unless the graph holds
// them already (force loads them anyway), and logs where it is.
func seed(ctx context.Context, store *neo4jstore.Store, log zerolog.Logger, sr seedRun) error {
	last := time.Time{}
	ctx = log.WithContext(ctx) // the store logs each batch of a bulk load
	res, err := service.New(store).Seed(ctx, seeds.FS, service.SeedOptions{Force: sr.force, Overwrite: sr.overwrite,
		Timeout: sr.timeout, Progress: func(done, total int) {
			if time.Since(last) > time.Second || done == total {
				log.Info().Int("done", done).Int("total", total).Msg("seed: writing")
				last = time.Now()
			}
		}})
	switch {
	case err != nil && !sr.force && rodedraad.ErrorCode(err) == rodedraad.ECONFLICT:
		// serve keeps what the team edited and goes on serving.
		log.Warn().Str("reason", rodedraad.ErrorMessage(err)).
			Msg("seed: new seeds NOT loaded, they would overwrite edits; load them with `rodedraad seed --overwrite`")
		return nil
	case err != nil:
		return err
	case !res.Loaded:
		log.Info().Msg("seed: these seeds are loaded already; edits made since are kept (run `rodedraad seed` to reload them)")
	default:
		c := res.Counts
		log.Info().Int("documents", c.Documents).Int("recommendations", c.Recommendations).
			Int("actors", c.Actors).Dur("took", res.Took).Interface("changes", res.Kinds).Msg("seed: loaded")
	}
	return nil
}

// seedRun says how one seed load runs.
type seedRun struct {
	force, overwrite bool
	timeout          time.Duration // of the load's transaction (bulk-timeout)
}

// The Neo4j store is what the service runs on.
var _ service.Store = (*neo4jstore.Store)(nil)

func closeStore(store *neo4jstore.Store) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = store.Close(ctx)
}
