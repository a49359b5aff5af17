package graph

import (
	"context"
	"errors"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestBatcher_Load(t *testing.T) {
	type fetchLog struct {
		mu    sync.Mutex
		calls [][]int
	}
	newCounting := func(log *fetchLog, err error) *batcher[int, string] {
		return newBatcher(func(_ context.Context, keys []int) (map[int]string, error) {
			log.mu.Lock()
			log.calls = append(log.calls, slices.Clone(keys))
			log.mu.Unlock()
			out := map[int]string{}
			for _, k := range keys {
				if k%2 == 0 { // odd keys have no value
					out[k] = "v"
				}
			}
			return out, err
		})
	}
	ctx := context.Background()

	t.Run("OK one fetch for keys that trickle in", func(t *testing.T) {
		var log fetchLog
		b := newCounting(&log, nil)
		b.idle = 20 * time.Millisecond
		var wg sync.WaitGroup
		var wrong atomic.Int32
		// Keys arrive over 40 ms, longer than idle, but never idle apart.
		for k := range 40 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				v, err := b.Load(ctx, k)
				if err != nil || (k%2 == 0) != (v == "v") {
					wrong.Add(1)
				}
			}()
			time.Sleep(time.Millisecond)
		}
		wg.Wait()
		if len(log.calls) != 1 || len(log.calls[0]) != 40 {
			t.Errorf("fetches = %v, want one with all 40 keys", log.calls)
		}
		if wrong.Load() > 0 {
			t.Errorf("%d loads returned the wrong value", wrong.Load())
		}
	})

	t.Run("OK cached", func(t *testing.T) {
		var log fetchLog
		b := newCounting(&log, nil)
		for range 3 {
			if v, err := b.Load(ctx, 2); v != "v" || err != nil {
				t.Fatalf("Load(2) = %q, %v", v, err)
			}
		}
		if len(log.calls) != 1 {
			t.Errorf("fetches = %v, want one", log.calls)
		}
	})

	t.Run("OK next level is a new batch", func(t *testing.T) {
		var log fetchLog
		b := newCounting(&log, nil)
		_, _ = b.Load(ctx, 2)
		_, _ = b.Load(ctx, 4)
		if len(log.calls) != 2 {
			t.Errorf("fetches = %v, want two", log.calls)
		}
	})

	t.Run("ErrFetch", func(t *testing.T) {
		var log fetchLog
		want := errors.New("down")
		b := newCounting(&log, want)
		if _, err := b.Load(ctx, 2); !errors.Is(err, want) {
			t.Errorf("Load error = %v, want %v", err, want)
		}
	})

	t.Run("OK maxWait bounds a batch that never goes quiet", func(t *testing.T) {
		var log fetchLog
		b := newCounting(&log, nil)
		b.idle, b.maxWait = 20*time.Millisecond, 50*time.Millisecond
		start := time.Now()
		stop := make(chan struct{})
		go func() { // a key every millisecond keeps the batch from going quiet
			for k := 1000; ; k++ {
				select {
				case <-stop:
					return
				default:
				}
				b.enqueue(ctx, k)
				time.Sleep(time.Millisecond)
			}
		}()
		_, _ = b.Load(ctx, 2)
		close(stop)
		if d := time.Since(start); d > 10*b.maxWait {
			t.Errorf("first batch took %v, want about maxWait %v", d, b.maxWait)
		}
	})
}

func TestBatcher_Siblings(t *testing.T) {
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
	if _, err := b.Load(context.Background(), "b"); err != nil {
		t.Fatal(err)
	}
	for _, k := range page {
		if _, err := b.Load(context.Background(), k); err != nil {
			t.Fatal(err)
		}
	}
	if time.Since(start) > time.Second {
		t.Fatalf("grouped loads waited %s", time.Since(start))
	}
	if len(calls) != 1 || !slices.Equal(calls[0], page) {
		t.Fatalf("fetches = %v, want one of %v", calls, page)
	}
}
