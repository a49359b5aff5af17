package main

import (
	"bytes"
	"context"
	"flag"
	"io"
	"os"
	"regexp"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"

	"github.com/rs/zerolog"

	"github.com/rodedraad/rodedraad/graph"
	"github.com/rodedraad/rodedraad/internal/auth"
	"github.com/rodedraad/rodedraad/internal/config"
	"github.com/rodedraad/rodedraad/internal/export"
	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/server"
	"github.com/rodedraad/rodedraad/internal/service"
	"github.com/rodedraad/rodedraad/internal/web"
)

// setupServe is `rodedraad serve`; it takes every setting and no flags of
// its own.
func setupServe(*flag.FlagSet) runFunc {
	return func(ctx context.Context, in invocation) error { return runServe(ctx, in.cfg, in.stderr) }
}

// runServe starts the project's Neo4j when NEO4J_URI is unset, then serves
// GraphQL at once. Migrating and seeding run in the background and retry
// until Neo4j answers: the server stays up and reports not ready meanwhile.
func runServe(ctx context.Context, cfg config.Config, stderr io.Writer) error {
	log := newLogger(cfg, stderr)
	log.Info().Object("config", cfg).Msg("serve: starting")
	tuneGC(log)
	store, err := openStore(ctx, cfg, progressLog(log))
	if err != nil {
		return err
	}
	defer closeStore(store)
	// Stop prepare and wait for it before the store closes, also when
	// serving fails (a busy port), so nothing runs or logs after run returns.
	prepCtx, cancel := context.WithCancel(ctx)
	ready := &prepared{store: store, lost: make(chan struct{}, 1)}
	prepDone := make(chan struct{})
	defer func() { <-prepDone }()
	defer cancel()
	go func() {
		defer close(prepDone)
		ready.keep(prepCtx, cfg, log)
	}()

	if cfg.PprofAddr != "" {
		go servePprof(prepCtx, cfg.PprofAddr, log)
	}
	svc := service.New(store)
	svc.ReviewMode = rodedraad.ReviewMode(cfg.ReviewMode) // validated by config
	authn := newAuthenticator(ctx, cfg, store, log)
	ready.auth = authn
	gql := graph.NewHandler(svc, graph.Limits{Complexity: cfg.ComplexityLimit, Depth: cfg.DepthLimit, Timeout: cfg.QueryTimeout,
		MaxResponseBytes: cfg.MaxResponseBytes},
		graph.WithAuthorizer(authn), graph.WithIdempotency(store))
	h := server.New(server.Deps{
		GraphQL: gql, Readiness: ready, Logger: log, Registry: server.NewRegistry(), Pages: web.Handler(), Export: export.Handler(svc),
		MaxBodyBytes: cfg.MaxBodyBytes, ReadyTimeout: cfg.ReadyTimeout, CORSOrigins: cfg.CORSOrigins,
		Auth: authn, MetricsRole: metricsRole(cfg),
	})
	return server.Run(ctx, server.NewHTTPServer(cfg.Addr, h), cfg.ShutdownTimeout, log)
}

// prepared is serve's readiness: Neo4j answers and is migrated (the store's
// check), and the background prepare has finished. Without the second part
// /readyz said ready as soon as the schema existed, while the seeds were
// still being written in one transaction, and traffic met an empty graph.
type prepared struct {
	store   *neo4jstore.Store
	auth    *auth.Authenticator // told at start-up who may edit
	done    atomic.Bool
	version atomic.Int64  // schema version once prepared
	lost    chan struct{} // Ready found the schema gone; buffered 1
}

func (p *prepared) Ready(ctx context.Context) error {
	if err := p.store.Ready(ctx); err != nil {
		p.checkLost(ctx)
		return err
	}
	if !p.done.Load() {
		return rodedraad.Errorf(rodedraad.EUNAVAILABLE, "migrating and loading the seeds")
	}
	return nil
}

// checkLost tells keep when Neo4j answers but its schema is behind the one
// prepared: the database came back empty, e.g. a container without a volume.
func (p *prepared) checkLost(ctx context.Context) {
	if !p.done.Load() {
		return
	}
	if v, err := p.store.SchemaVersion(ctx); err == nil && int64(v) < p.version.Load() {
		select {
		case p.lost <- struct{}{}:
		default:
		}
	}
}

// keep prepares the database, and prepares it again each time it is found
// empty, until ctx ends.
func (p *prepared) keep(ctx context.Context, cfg config.Config, log zerolog.Logger) {
	for prepare(ctx, p.store, cfg, log) {
		if p.auth != nil {
			logAccessMode(ctx, p.auth, cfg, log)
		}
		if v, err := p.store.SchemaVersion(ctx); err == nil {
			p.version.Store(int64(v))
		}
		p.done.Store(true)
		select {
		case <-ctx.Done():
			return
		case <-p.lost:
		}
		p.done.Store(false)
		log.Warn().Msg("serve: neo4j came back without the schema; migrating and seeding again")
	}
}

// maxPrepareWait caps prepare's back-off. An attempt against a database that
// is down is cheap, and with a 30 s cap the server stayed not ready for up to
// half a minute after Neo4j came back.
const maxPrepareWait = 5 * time.Second

// prepare migrates and, when configured, seeds, retrying with back-off while
// Neo4j is unreachable. It reports whether it succeeded before ctx ended.
func prepare(ctx context.Context, store *neo4jstore.Store, cfg config.Config, log zerolog.Logger) bool {
	wait := time.Second
	for {
		err := store.Migrate(ctx)
		if err == nil && cfg.Seed {
			err = seed(ctx, store, log, seedRun{timeout: cfg.BulkTimeout})
		}
		if err == nil {
			log.Info().Msg("serve: ready")
			return true
		}
		log.Warn().Err(err).Dur("retry_in", wait).Msg("serve: neo4j not ready; retrying")
		select {
		case <-ctx.Done():
			return false
		case <-time.After(wait):
		}
		wait = min(2*wait, maxPrepareWait)
	}
}

// progressLog turns download and start-up progress into log lines: one per
// line of output, without terminal colour codes or blank lines.
func progressLog(log zerolog.Logger) io.Writer {
	return &logWriter{log: log}
}

type logWriter struct {
	log     zerolog.Logger
	partial []byte
}

// ansi matches terminal colour codes, which Maven prints even with -B.
var ansi = regexp.MustCompile(`\x1b\[[0-9;]*m`)

func (w *logWriter) Write(p []byte) (int, error) {
	w.partial = append(w.partial, p...)
	for {
		i := bytes.IndexByte(w.partial, '\n')
		if i < 0 {
			return len(p), nil
		}
		line := strings.TrimSpace(ansi.ReplaceAllString(string(w.partial[:i]), ""))
		w.partial = w.partial[i+1:]
		if line != "" && line != "[INFO]" {
			w.log.Info().Msg("neo4j: " + line)
		}
	}
}

// serveGCPercent is the garbage collector's target while serving, unless
// GOGC says otherwise. The server's live heap is small (about 100 MB under
// make load) while every request allocates its whole answer as objects;
// collecting at three times the live heap instead of twice takes a sixth
// to a tenth off a dashboard page's CPU (docs/benchmarks.md).
const serveGCPercent = 200

func tuneGC(log zerolog.Logger) {
	if os.Getenv("GOGC") != "" {
		return
	}
	debug.SetGCPercent(serveGCPercent)
	log.Debug().Int("gogc", serveGCPercent).Msg("serve: garbage collector target")
}
