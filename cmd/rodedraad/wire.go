package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"time"

	"github.com/rs/zerolog"

	"github.com/rodedraad/rodedraad/internal/bundle"
	"github.com/rodedraad/rodedraad/internal/config"
	"github.com/rodedraad/rodedraad/internal/devneo4j"
	"github.com/rodedraad/rodedraad/internal/neo4jstore"
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
	uri, err := devneo4j.EnsureRunning(ctx, devneo4j.Options{Dir: cfg.Neo4jDir, Addr: cfg.Neo4jAddr, Progress: progress})
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
		Database: cfg.Neo4jDatabase, Timeout: cfg.QueryTimeout,
	})
}

// seedsKey is where the store keeps the digest of the seeds it loaded last.
const seedsKey = "seeds"

// seedsDigest identifies this binary's seeds: a SHA-256 over their files.
func seedsDigest() (string, error) {
	names, err := bundle.Files(seeds.FS)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, name := range names {
		data, err := fs.ReadFile(seeds.FS, name)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(data))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// seedIfChanged loads the seeds unless the graph already holds these very
// seeds. serve runs it at every start: reloading unchanged seeds would undo
// what the study team edited or reviewed on seeded items since, while a new
// release of the seeds still gets loaded.
func seedIfChanged(ctx context.Context, store *neo4jstore.Store, log zerolog.Logger) error {
	digest, err := seedsDigest()
	if err != nil {
		return fmt.Errorf("read seeds: %w", err)
	}
	loaded, err := store.MetaValue(ctx, seedsKey)
	if err != nil {
		return err
	}
	if loaded == digest {
		log.Info().Msg("seed: these seeds are loaded already; edits made since are kept (run `rodedraad seed` to reload them)")
		return nil
	}
	return loadSeeds(ctx, store, log, digest)
}

// seedStore loads the embedded seeds, logging progress, and records which
// seeds the graph holds.
func seedStore(ctx context.Context, store *neo4jstore.Store, log zerolog.Logger) error {
	digest, err := seedsDigest()
	if err != nil {
		return fmt.Errorf("read seeds: %w", err)
	}
	return loadSeeds(ctx, store, log, digest)
}

// loadSeeds loads the embedded seeds and records their digest.
func loadSeeds(ctx context.Context, store *neo4jstore.Store, log zerolog.Logger, digest string) error {
	b, err := bundle.Load(seeds.FS, bundle.Options{Defaults: bundle.SeedDefaults})
	if err != nil {
		return fmt.Errorf("seeds are invalid (run `rodedraad seed --check`): %w", err)
	}
	start := time.Now()
	last := time.Time{}
	_, err = store.Import(ctx, b, neo4jstore.ImportOptions{Progress: func(done, total int) {
		if time.Since(last) > time.Second || done == total {
			log.Info().Int("done", done).Int("total", total).Msg("seed: writing")
			last = time.Now()
		}
	}})
	if err != nil {
		return fmt.Errorf("load seeds: %w", err)
	}
	c := b.Count()
	log.Info().Int("documents", c.Documents).Int("recommendations", c.Recommendations).
		Int("actors", c.Actors).Dur("took", time.Since(start)).Msg("seed: loaded")
	return store.SetMetaValue(ctx, seedsKey, digest)
}

func closeStore(store *neo4jstore.Store) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = store.Close(ctx)
}
