package service_test

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/service"
)

// gatedSnapshots hands out snapshots only when the test opens the gate,
// so a read can be held in flight.
type gatedSnapshots struct {
	version atomic.Int64
	reads   atomic.Int64
	gate    chan struct{}
}

func (g *gatedSnapshots) GraphVersion(context.Context) (int64, error) { return g.version.Load(), nil }

func (g *gatedSnapshots) Snapshot(ctx context.Context, _ func(int)) (*analysis.Graph, rodedraad.SnapshotStats, error) {
	g.reads.Add(1)
	<-g.gate
	gr := analysis.MustGraph([]analysis.Node{{ID: "T1", Label: rodedraad.LabelTheme}}, nil)
	return gr, rodedraad.SnapshotStats{}, nil
}

func TestService_Snapshot_StaleUnderWrites(t *testing.T) {
	snaps := &gatedSnapshots{gate: make(chan struct{})}
	snaps.version.Store(1)
	svc := service.NewForSnapshots(snaps)
	ctx := t.Context()

	close(snaps.gate) // the first read may finish
	first, err := svc.Coherence(ctx, analysis.Scope{}, analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if v, stale := svc.SnapshotInfo(first); v != 1 || stale {
		t.Fatalf("first report: version %d, stale %v; want 1, fresh", v, stale)
	}

	snaps.gate = make(chan struct{}) // the next read hangs until opened
	snaps.version.Store(2)           // a write
	// A lone caller after the write starts the read and waits for it, a
	// short while: this read hangs, so it gets the last report.
	reader := make(chan error, 1)
	go func() {
		r, err := svc.Coherence(ctx, analysis.Scope{}, analysis.Options{})
		if v, stale := svc.SnapshotInfo(r); err == nil && (v != 1 || !stale) {
			err = fmt.Errorf("version %d, stale %v; want the last report (1), stale", v, stale)
		}
		reader <- err
	}()
	for snaps.reads.Load() < 2 {
		runtime.Gosched() // until that read is in flight
	}
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			r, err := svc.Coherence(ctx, analysis.Scope{}, analysis.Options{})
			if err != nil {
				t.Errorf("coherence during a read: %v", err)
				return
			}
			if v, stale := svc.SnapshotInfo(r); v != 1 || !stale {
				t.Errorf("during a read: version %d, stale %v; want the last report (1), stale", v, stale)
			}
		})
	}
	wg.Wait()
	if n := snaps.reads.Load(); n != 2 {
		t.Errorf("20 callers during a read started %d reads in all, want 2 (never more than one at a time)", n)
	}
	// A caller that needs the fresh graph waits, until its deadline.

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := svc.Snapshot(cancelled); rodedraad.ErrorCode(err) != rodedraad.EUNAVAILABLE {
		t.Errorf("a waiter whose deadline passed: %v, want UNAVAILABLE", err)
	}

	if err := <-reader; err != nil {
		t.Fatalf("the caller that started a read that hangs: %v", err)
	}
	close(snaps.gate)
	if _, err := svc.Snapshot(ctx); err != nil { // waits for the read
		t.Fatal(err)
	}
	fresh, err := svc.Coherence(ctx, analysis.Scope{}, analysis.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if v, stale := svc.SnapshotInfo(fresh); v != 2 || stale {
		t.Errorf("after the read: version %d, stale %v; want 2, fresh", v, stale)
	}
}

func TestService_Coherence_OnceForConcurrentCallers(t *testing.T) {
	snaps := &gatedSnapshots{gate: make(chan struct{})}
	close(snaps.gate)
	svc := service.NewForSnapshots(snaps)
	var runs atomic.Int64
	started, release := make(chan struct{}, 8), make(chan struct{})
	svc.HoldAnalyses(func(g *analysis.Graph, sc analysis.Scope, opt analysis.Options) (*analysis.Report, error) {
		runs.Add(1)
		started <- struct{}{}
		<-release
		return analysis.Run(g, sc, opt)
	})
	reports := make(chan *analysis.Report, 2)
	ask := func() {
		r, err := svc.Coherence(t.Context(), analysis.Scope{}, analysis.Options{})
		if err != nil {
			t.Errorf("coherence: %v", err)
		}
		reports <- r
	}
	go ask()
	<-started // the first caller computes
	go ask()
	cancelled, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := svc.Coherence(cancelled, analysis.Scope{}, analysis.Options{}); rodedraad.ErrorCode(err) != rodedraad.EUNAVAILABLE {
		t.Errorf("a caller whose deadline passed while the report was computed: %v, want UNAVAILABLE", err)
	}
	close(release)
	if a, b := <-reports, <-reports; a == nil || a != b {
		t.Errorf("two callers got reports %p and %p, want the same one", a, b)
	}
	if n := runs.Load(); n != 1 {
		t.Errorf("the analyses ran %d times for callers of one graph, want once", n)
	}
}
