package main

import (
	"context"
	"io"
	"time"

	"github.com/rs/zerolog"

	"github.com/rodedraad/rodedraad/graph"
	"github.com/rodedraad/rodedraad/internal/config"
	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/server"
	"github.com/rodedraad/rodedraad/internal/service"
)

// runServe starts the project's Neo4j when NEO4J_URI is unset, then serves
// GraphQL at once. Migrating and seeding run in the background and retry
// until Neo4j answers: the server stays up and reports not ready meanwhile.
func runServe(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) error {
	cfg, err := loadConfig(args, getenv, stderr)
	if err != nil {
		return err
	}
	log := newLogger(cfg, stderr)
	log.Info().Object("config", cfg).Msg("serve: starting")
	store, err := openStore(ctx, cfg, progressLog(log))
	if err != nil {
		return err
	}
	defer closeStore(store)
	go prepare(ctx, store, cfg, log)

	svc := service.New(store)
	gql := graph.NewHandler(svc, graph.Limits{Complexity: cfg.ComplexityLimit, Depth: cfg.DepthLimit, Timeout: cfg.QueryTimeout})
	h := server.New(server.Deps{
		GraphQL: gql, Readiness: store, Logger: log, Registry: server.NewRegistry(),
		MaxBodyBytes: cfg.MaxBodyBytes, ReadyTimeout: cfg.ReadyTimeout,
	})
	return server.Run(ctx, server.NewHTTPServer(cfg.Addr, h), cfg.ShutdownTimeout, log)
}

// prepare migrates and, when configured, seeds, retrying with back-off while
// Neo4j is unreachable, until it succeeds or ctx ends.
func prepare(ctx context.Context, store *neo4jstore.Store, cfg config.Config, log zerolog.Logger) {
	wait := time.Second
	for {
		err := store.Migrate(ctx)
		if err == nil && cfg.Seed {
			err = seedStore(ctx, store, log)
		}
		if err == nil {
			log.Info().Msg("serve: ready")
			return
		}
		log.Warn().Err(err).Dur("retry_in", wait).Msg("serve: neo4j not ready; retrying")
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		wait = min(2*wait, 30*time.Second)
	}
}

// progressLog turns download and start-up progress lines into log lines.
func progressLog(log zerolog.Logger) io.Writer {
	return logWriter{log}
}

type logWriter struct{ log zerolog.Logger }

func (w logWriter) Write(p []byte) (int, error) {
	w.log.Info().Msg("neo4j: " + trimNewline(string(p)))
	return len(p), nil
}

func trimNewline(s string) string {
	for len(s) > 0 && (s[len(s)-1] == '\n' || s[len(s)-1] == '\r') {
		s = s[:len(s)-1]
	}
	return s
}
