package graph

import (
	"context"
	"errors"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// The batcher's tests run in synctest bubbles: time is virtual and moves only
// when every goroutine of the test waits, so the idle and maxWait windows are
// exact and no outcome depends on how busy the machine is.

// fetchLog records the keys of every fetch.
type fetchLog struct {
	mu    sync.Mutex
	calls [][]int
}

func (l *fetchLog) fetches() [][]int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.calls)
}

// newCounting returns a batcher whose fetch logs its keys into log, gives
// even keys the value "v" and odd keys none, and returns err.
func newCounting(log *fetchLog, err error) *batcher[int, string] {
	return newBatcher(func(_ context.Context, keys []int) (map[int]string, error) {
		log.mu.Lock()
		log.calls = append(log.calls, slices.Clone(keys))
		log.mu.Unlock()
		out := map[int]string{}
		for _, k := range keys {
			if k%2 == 0 {
				out[k] = "v"
			}
		}
		return out, err
	})
}

// inBubble runs f as subtest name inside a synctest bubble.
func inBubble(t *testing.T, name string, f func(t *testing.T)) {
	t.Run(name, func(t *testing.T) { synctest.Test(t, f) })
}

func TestBatcher_Load(t *testing.T) {
	ctx := context.Background()

	inBubble(t, "OK one fetch for keys that trickle in", func(t *testing.T) {
		var log fetchLog
		b := newCounting(&log, nil)
		b.idle = 20 * time.Millisecond
		var wg sync.WaitGroup
		var wrong atomic.Int32
		// Keys arrive over 40 ms, longer than idle, but never idle apart.
		for k := range 40 {
			wg.Go(func() {
				v, err := b.Load(ctx, k)
				if err != nil || (k%2 == 0) != (v == "v") {
					wrong.Add(1)
				}
			})
			time.Sleep(time.Millisecond)
		}
		wg.Wait()
		if calls := log.fetches(); len(calls) != 1 || len(calls[0]) != 40 {
			t.Errorf("fetches = %v, want one with all 40 keys", calls)
		}
		if wrong.Load() > 0 {
			t.Errorf("%d loads returned the wrong value", wrong.Load())
		}
	})

	inBubble(t, "OK keys more than idle apart are two fetches", func(t *testing.T) {
		var log fetchLog
		b := newCounting(&log, nil)
		b.idle = 20 * time.Millisecond
		var wg sync.WaitGroup
		for _, k := range []int{2, 4} {
			wg.Go(func() { _, _ = b.Load(ctx, k) })
			time.Sleep(2 * b.idle)
		}
		wg.Wait()
		if calls := log.fetches(); !slices.EqualFunc(calls, [][]int{{2}, {4}}, slices.Equal) {
			t.Errorf("fetches = %v, want [2] then [4]", calls)
		}
	})

	inBubble(t, "OK fetched once idle has passed", func(t *testing.T) {
		var log fetchLog
		b := newCounting(&log, nil)
		start := time.Now()
		_, _ = b.Load(ctx, 2)
		if d := time.Since(start); d != b.idle {
			t.Errorf("a lone key was fetched after %v, want idle %v", d, b.idle)
		}
	})

	inBubble(t, "OK cached", func(t *testing.T) {
		var log fetchLog
		b := newCounting(&log, nil)
		for range 3 {
			if v, err := b.Load(ctx, 2); v != "v" || err != nil {
				t.Fatalf("Load(2) = %q, %v", v, err)
			}
		}
		if calls := log.fetches(); len(calls) != 1 {
			t.Errorf("fetches = %v, want one", calls)
		}
	})

	inBubble(t, "OK missing value is the zero value", func(t *testing.T) {
		var log fetchLog
		if v, err := newCounting(&log, nil).Load(ctx, 3); v != "" || err != nil {
			t.Errorf("Load(3) = %q, %v, want the zero value and no error", v, err)
		}
	})

	inBubble(t, "ErrFetch", func(t *testing.T) {
		var log fetchLog
		want := errors.New("down")
		if _, err := newCounting(&log, want).Load(ctx, 2); !errors.Is(err, want) {
			t.Errorf("Load error = %v, want %v", err, want)
		}
	})

	inBubble(t, "OK maxWait bounds a batch that never goes quiet", func(t *testing.T) {
		var log fetchLog
		b := newCounting(&log, nil)
		b.idle, b.maxWait = 20*time.Millisecond, 50*time.Millisecond
		start := time.Now()
		stop := make(chan struct{})
		var producer sync.WaitGroup
		producer.Go(func() { // a key every millisecond keeps the batch from going quiet
			for k := 1000; ; k++ {
				select {
				case <-stop:
					return
				default:
				}
				b.enqueue(ctx, k)
				time.Sleep(time.Millisecond)
			}
		})
		_, _ = b.Load(ctx, 2)
		fetched := time.Since(start)
		close(stop)
		producer.Wait()
		_, _ = b.Load(ctx, 0) // lets the batch still open finish
		if fetched != b.maxWait {
			t.Errorf("first batch was fetched after %v, want exactly maxWait %v", fetched, b.maxWait)
		}
	})
}

func TestBatcher_Siblings(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var calls [][]string
		var mu sync.Mutex
		b := newBatcher(func(_ context.Context, keys []string) (map[string]int, error) {
			mu.Lock()
			calls = append(calls, slices.Clone(keys))
			mu.Unlock()
			out := map[string]int{}
			for i, k := range keys {
				out[k] = i
			}
			return out, nil
		})
		page := []string{"a", "b", "c"}
		b.siblings = func(k string) []string {
			if slices.Contains(page, k) {
				return page
			}
			return nil
		}
		// A long idle window: a grouped key must not wait for it.
		b.idle, b.maxWait = time.Hour, time.Hour
		start := time.Now()
		for _, k := range append([]string{"b"}, page...) {
			if _, err := b.Load(context.Background(), k); err != nil {
				t.Fatal(err)
			}
		}
		if d := time.Since(start); d != 0 {
			t.Errorf("grouped loads waited %s, want no wait at all", d)
		}
		mu.Lock()
		defer mu.Unlock()
		if len(calls) != 1 || !slices.Equal(calls[0], page) {
			t.Fatalf("fetches = %v, want one of %v", calls, page)
		}
	})
}

// tracked returns a context whose query has pending fields running.
func tracked(pending int) (context.Context, *tracker) {
	t := &tracker{}
	t.pending.Store(int64(pending))
	t.exact.Store(true)
	return context.WithValue(context.Background(), trackerKey{}, t), t
}

func TestBatcher_Tracked(t *testing.T) {
	inBubble(t, "OK a lone key is fetched at once", func(t *testing.T) {
		var log fetchLog
		b := newCounting(&log, nil)
		b.idle, b.maxWait = time.Hour, time.Hour // a window would be seen
		ctx, _ := tracked(1)
		start := time.Now()
		if v, err := b.Load(ctx, 2); v != "v" || err != nil {
			t.Fatalf("Load(2) = %q, %v", v, err)
		}
		if d := time.Since(start); d != 0 {
			t.Errorf("a single-item fetch waited %v, want no wait at all", d)
		}
		if calls := log.fetches(); !slices.EqualFunc(calls, [][]int{{2}}, slices.Equal) {
			t.Errorf("fetches = %v, want one of [2]", calls)
		}
	})

	inBubble(t, "OK fields waiting together are one fetch at once", func(t *testing.T) {
		var log fetchLog
		b := newCounting(&log, nil)
		b.idle, b.maxWait = time.Hour, time.Hour
		const fields = 40
		ctx, tr := tracked(fields)
		start := time.Now()
		var wg sync.WaitGroup
		for k := range fields {
			wg.Go(func() {
				_, _ = b.Load(ctx, k)
				tr.add(-1) // the field returns, with no fields below it
			})
		}
		wg.Wait()
		if d := time.Since(start); d != 0 {
			t.Errorf("the fetch waited %v, want no wait at all", d)
		}
		if calls := log.fetches(); len(calls) != 1 || len(calls[0]) != fields {
			t.Errorf("fetches = %v, want one with all %d keys", calls, fields)
		}
	})

	inBubble(t, "OK a running field holds the batch open", func(t *testing.T) {
		var log fetchLog
		b := newCounting(&log, nil)
		b.idle, b.maxWait = time.Millisecond, time.Hour // a window alone would fetch [2] by itself
		ctx, tr := tracked(2)
		start := time.Now()
		var wg sync.WaitGroup
		wg.Go(func() { _, _ = b.Load(ctx, 2); tr.add(-1) })
		wg.Go(func() {
			time.Sleep(50 * time.Millisecond) // a slow resolver, then its key
			_, _ = b.Load(ctx, 4)
			tr.add(-1)
		})
		wg.Wait()
		if calls := log.fetches(); len(calls) != 1 || !sameInts(calls[0], []int{2, 4}) {
			t.Errorf("fetches = %v, want one of [2 4]", calls)
		}
		if d := time.Since(start); d != 50*time.Millisecond {
			t.Errorf("fetched after %v, want when the slow field asked, 50ms", d)
		}
	})

	inBubble(t, "OK a miscount falls back to the window", func(t *testing.T) {
		var log fetchLog
		b := newCounting(&log, nil)
		ctx, tr := tracked(1)
		tr.add(-2) // more fields returned than were counted
		if tr.counting() {
			t.Fatal("a tracker whose count went below zero still counts")
		}
		start := time.Now()
		_, _ = b.Load(ctx, 2)
		if d := time.Since(start); d != b.idle {
			t.Errorf("fetched after %v, want the idle window %v", d, b.idle)
		}
	})
}

func sameInts(a, b []int) bool {
	return slices.Equal(slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b)))
}
