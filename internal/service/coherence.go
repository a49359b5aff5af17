package service

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/rs/zerolog"
	"golang.org/x/sync/singleflight"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Snapshotter reads the whole graph for the analyses, and the version that
// every write bumps.
type Snapshotter interface {
	GraphVersion(ctx context.Context) (int64, error)
	Snapshot(ctx context.Context, progress func(rows int)) (*analysis.Graph, rodedraad.SnapshotStats, error)
}

// reportsKept bounds the reports cached for the current graph version: one
// per scope a dashboard asks for.
const reportsKept = 16

// snapshotCache keeps the last snapshot and the reports computed on it,
// until the graph version changes.
type snapshotCache struct {
	mu      sync.Mutex
	version int64
	graph   *analysis.Graph
	reports map[string]*analysis.Report
	// latest is the newest graph version seen; reading is closed when the
	// read in flight (at most one) ends, nil when none runs.
	latest  int64
	reading chan struct{}
	readErr error
	// computing runs each report once while callers wait for it.
	computing singleflight.Group
}

func (s *Service) readSnapshot(ctx context.Context, version int64) (*analysis.Graph, error) {
	log := zerolog.Ctx(ctx)
	g, stats, err := s.snap.Snapshot(ctx, func(rows int) {
		log.Info().Int("rows", rows).Msg("snapshot: reading")
	})
	if err != nil {
		return nil, err
	}
	log.Info().Int("nodes", stats.Nodes).Int("edges", stats.Edges).Dur("took", stats.Took).
		Int64("graph_version", version).Msg("snapshot: read")
	return g, nil
}

// Coherence runs every analysis over the scope on the current snapshot. A
// report is computed once per graph version and scope. Errors: NOT_FOUND for
// an unknown id in the scope, BAD_USER_INPUT for an unknown status,
// UNAVAILABLE when Neo4j is.
func (s *Service) Coherence(ctx context.Context, sc analysis.Scope, opt analysis.Options) (*analysis.Report, error) {
	g, err := s.snapshot(ctx, true)
	if err != nil {
		return nil, err
	}
	key := reportKey(sc, opt)
	if r := s.cachedReport(g, key); r != nil {
		return r, nil
	}
	return s.computeReport(ctx, g, key, sc, opt)
}

// computeReport runs the analyses on g once for all callers that ask for the
// same report meanwhile; each waits until its own deadline (UNAVAILABLE).
// Under writes every new snapshot drops the cached reports, and the dozen
// coherence requests that then arrived each ran the same analyses at once
// on two cores: the tail of coherence under writes (docs/reliability.md).
func (s *Service) computeReport(ctx context.Context, g *analysis.Graph, key string, sc analysis.Scope, opt analysis.Options) (*analysis.Report, error) {
	ch := s.cache.computing.DoChan(fmt.Sprintf("%p %s", g, key), func() (_ any, err error) {
		defer func() { // singleflight re-panics where no handler recovers
			if p := recover(); p != nil {
				err = fmt.Errorf("the analyses failed: %v", p)
			}
		}()
		run := analysis.Run
		if s.analyse != nil {
			run = s.analyse
		}
		r, err := run(g, sc, opt)
		if err == nil {
			s.keepReport(g, key, r)
		}
		return r, err
	})
	select {
	case res := <-ch:
		if res.Err != nil {
			return nil, res.Err
		}
		return res.Val.(*analysis.Report), nil
	case <-ctx.Done():
		return nil, rodedraad.Errorf(rodedraad.EUNAVAILABLE, "the analyses are still running: try again in a moment or raise RODEDRAAD_QUERY_TIMEOUT")
	}
}

func reportKey(sc analysis.Scope, opt analysis.Options) string {
	b, _ := json.Marshal(struct {
		S analysis.Scope
		O analysis.Options
	}{sc, opt})
	return string(b)
}

func (s *Service) cachedReport(g *analysis.Graph, key string) *analysis.Report {
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	if s.cache.graph != g {
		return nil
	}
	return s.cache.reports[key]
}

func (s *Service) keepReport(g *analysis.Graph, key string, r *analysis.Report) {
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	if s.cache.graph != g {
		return // the graph changed while we computed; this report is stale
	}
	if len(s.cache.reports) >= reportsKept {
		clear(s.cache.reports)
	}
	s.cache.reports[key] = r
}

// Matrix builds one dashboard matrix over the scope.
func (s *Service) Matrix(ctx context.Context, rows, cols analysis.Dimension, sc analysis.Scope) (analysis.Matrix, error) {
	g, err := s.snapshot(ctx, true)
	if err != nil {
		return analysis.Matrix{}, err
	}
	scoped, err := g.Restrict(sc)
	if err != nil {
		return analysis.Matrix{}, err
	}
	return analysis.BuildMatrix(scoped, rows, cols)
}
