package service

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"time"

	"github.com/rodedraad/rodedraad/internal/bundle"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// SeedOptions steer Seed.
type SeedOptions struct {
	// Force loads the seeds even when the graph holds these very seeds
	// already, as `rodedraad seed` does on purpose.
	Force bool
	// Progress, when set, is told how many items are written so far.
	Progress func(done, total int)
	// Timeout, when set, bounds the load instead of the query timeout.
	Timeout time.Duration
	// Overwrite replaces seeded items a person changed since; without it
	// such a load is a CONFLICT naming them.
	Overwrite bool
}

// SeedResult says what Seed did.
type SeedResult struct {
	Loaded bool // false when the seeds were in the graph already
	Counts rodedraad.Counts
	Took   time.Duration
	// Kinds counts created, updated and unchanged items per kind.
	Kinds map[string]rodedraad.KindCounts
}

// Seed loads the bundle files of fsys (the embedded seeds) unless the graph
// already holds these very seeds, which it recognises by their digest.
// serve seeds at every start: reloading unchanged seeds would undo what the
// study team edited or reviewed on seeded items since, while a new release
// of the seeds still gets loaded. BAD_USER_INPUT when the seeds are invalid;
// nothing is written then.
func (s *Service) Seed(ctx context.Context, fsys fs.FS, opts SeedOptions) (SeedResult, error) {
	digest, err := SeedsDigest(fsys)
	if err != nil {
		return SeedResult{}, fmt.Errorf("read seeds: %w", err)
	}
	if !opts.Force {
		loaded, err := s.store.MetaValue(ctx, rodedraad.SeedsMetaKey)
		if err != nil || loaded == digest {
			return SeedResult{}, err
		}
	}
	start := time.Now()
	b, err := bundle.Load(fsys, bundle.Options{Defaults: bundle.SeedDefaults})
	if err != nil {
		return SeedResult{}, fmt.Errorf("seeds are invalid (run `rodedraad seed --check`): %w", err)
	}
	res, err := s.store.Import(ctx, b, rodedraad.ImportOptions{Progress: opts.Progress, Timeout: opts.Timeout, Overwrite: opts.Overwrite})
	if err != nil {
		return SeedResult{}, fmt.Errorf("load seeds: %w", err)
	}
	if err := s.store.SetMetaValue(ctx, rodedraad.SeedsMetaKey, digest); err != nil {
		return SeedResult{}, err
	}
	return SeedResult{Loaded: true, Counts: b.Count(), Took: time.Since(start), Kinds: res.Kinds}, nil
}

// SeedsDigest identifies a set of seeds: a SHA-256 over the names and
// contents of its bundle files.
func SeedsDigest(fsys fs.FS) (string, error) {
	names, err := bundle.Files(fsys)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(data))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
