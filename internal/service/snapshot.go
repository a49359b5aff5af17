package service

import (
	"context"
	"time"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// snapshotAttempts bounds how often a snapshot is read again because the
// graph changed while it was being read.
const snapshotAttempts = 3

// Snapshot returns the graph the analyses run on, as of now: read from the
// store only when the graph changed since the last read. At most one read
// runs at a time; callers wait for it, each until its own deadline.
// UNAVAILABLE when the graph keeps changing or the deadline passes.
func (s *Service) Snapshot(ctx context.Context) (*analysis.Graph, error) {
	return s.snapshot(ctx, false)
}

// snapshot is Snapshot; with allowStale a caller that finds a newer graph
// version while another caller's read is in flight gets the last snapshot at
// once (SnapshotInfo says it is stale) instead of queueing behind the read,
// and gets it too when the read fails because the graph keeps changing. A
// caller that starts the read waits for it up to freshWait, so a lone user
// reads their own writes, and then gets the last snapshot too.
func (s *Service) snapshot(ctx context.Context, allowStale bool) (*analysis.Graph, error) {
	v, err := s.snap.GraphVersion(ctx)
	if err != nil {
		return nil, err
	}
	c := &s.cache
	for {
		c.mu.Lock()
		c.latest = max(c.latest, v)
		if c.graph != nil && (c.version >= v || allowStale && c.reading != nil) {
			g := c.graph
			c.mu.Unlock()
			return g, nil
		}
		done, last := s.startRead(ctx), c.graph
		c.mu.Unlock()
		select {
		case <-done:
		case <-staleAfter(allowStale && last != nil):
			return last, nil
		case <-ctx.Done():
			return nil, rodedraad.Errorf(rodedraad.EUNAVAILABLE, "the analyses' snapshot is still being read: try again in a moment or raise RODEDRAAD_QUERY_TIMEOUT")
		}
		c.mu.Lock()
		g, rerr, ver := c.graph, c.readErr, c.version
		c.mu.Unlock()
		switch {
		case g != nil && (ver >= v || allowStale):
			return g, nil
		case rerr != nil:
			return nil, rerr
		}
		// The read finished on an older version than we need: go again.
	}
}

// freshWait is how long a caller that may have the last snapshot waits for
// the read it started. A read on an idle server ends well within it, so a
// lone user still sees their own writes; under writes a read and the
// analyses on it took up to a second, which was the whole tail of coherence
// under writes (docs/reliability.md).
const freshWait = 250 * time.Millisecond

// staleAfter returns a channel that fires after freshWait when ok, and nil
// (never fires) otherwise.
func staleAfter(ok bool) <-chan time.Time {
	if !ok {
		return nil
	}
	return time.After(freshWait)
}

// startRead starts the one snapshot read unless it runs already, and
// returns the channel closed when it ends. Call with c.mu held. The read
// outlives the request that started it (others wait for it too), bounded
// by the store's transaction timeout.
func (s *Service) startRead(ctx context.Context) chan struct{} {
	c := &s.cache
	if c.reading != nil {
		return c.reading
	}
	done := make(chan struct{})
	c.reading = done
	go func() {
		g, v, err := s.readConsistent(context.WithoutCancel(ctx))
		c.mu.Lock()
		defer c.mu.Unlock()
		c.readErr = err
		if err == nil && (c.graph == nil || v >= c.version) {
			c.version, c.graph, c.reports = v, g, map[string]*analysis.Report{}
		}
		c.reading = nil
		close(done)
	}()
	return done
}

// readConsistent reads a snapshot that counts only when the graph version
// is the same before and after it: Neo4j reads are not isolated from
// concurrent writes. UNAVAILABLE when the graph keeps changing.
func (s *Service) readConsistent(ctx context.Context) (*analysis.Graph, int64, error) {
	v, err := s.snap.GraphVersion(ctx)
	if err != nil {
		return nil, 0, err
	}
	for range snapshotAttempts {
		g, err := s.readSnapshot(ctx, v)
		after, verr := s.snap.GraphVersion(ctx)
		if verr != nil {
			return nil, 0, verr
		}
		if after == v {
			return g, v, err
		}
		v = after // written to meanwhile: what was read may be torn
	}
	return nil, 0, rodedraad.Errorf(rodedraad.EUNAVAILABLE, "the graph kept changing while it was read for the analyses; try again")
}

// SnapshotInfo says on which graph version report r was computed and
// whether the graph has changed since (a fresh snapshot is being read).
// A report no longer cached counts as stale, version 0.
func (s *Service) SnapshotInfo(r *analysis.Report) (version int64, stale bool) {
	c := &s.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, kept := range c.reports {
		if kept == r {
			return c.version, c.version < c.latest
		}
	}
	return 0, true
}
