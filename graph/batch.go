package graph

import (
	"context"
	"sync"
	"time"
)

// batcher is a per-request data loader: it collects the keys that the
// resolvers of one field level ask for and fetches them in one call, then
// caches the answers for the rest of the request.
//
// When the keys' siblings are known in advance — the items of a page, the
// ends of a relationship list — siblings returns them, and the first key
// of such a group fetches the whole group at once: no waiting, and exactly
// one fetch per field and level whatever the scheduler does.
//
// Other keys (a single item, the same field of two root fields) wait in an
// open batch. In a query the request's tracker says when to fetch it: once
// no field of the request is running or about to run, nothing can add a key,
// so every open batch is fetched at once — a single-item query does not wait
// at all. Without a tracker (mutations, a shape it cannot count) the batch
// is fetched once no new key has come for idle (at most maxWait after the
// first); a fixed window shorter than that would race the scheduler, which
// on a busy machine takes longer to start 400 resolvers.
type batcher[K comparable, V any] struct {
	fetch    func(ctx context.Context, keys []K) (map[K]V, error)
	siblings func(K) []K // nil, or the group a key was listed with
	idle     time.Duration
	maxWait  time.Duration

	mu    sync.Mutex
	cache map[K]*batch[K, V] // the batch each key was (or is being) fetched in
	open  *batch[K, V]       // the batch still collecting keys, if any
}

type batch[K comparable, V any] struct {
	keys  []K
	last  time.Time // when the latest key came
	res   map[K]V
	err   error
	ready chan struct{} // closed once res and err are set

	tr      *tracker      // the request's tracker, nil without one
	now     chan struct{} // closed when the tracker says fetch now
	flushed bool          // now is closed
	done    bool          // res and err are set
	waiters int           // tracked loads blocked on it
}

// Defaults for newBatcher: how long a level must be quiet before its batch
// is fetched, and how long a batch may collect keys at most.
const (
	batchIdle    = 3 * time.Millisecond
	batchMaxWait = 100 * time.Millisecond
)

func newBatcher[K comparable, V any](fetch func(ctx context.Context, keys []K) (map[K]V, error)) *batcher[K, V] {
	return &batcher[K, V]{fetch: fetch, idle: batchIdle, maxWait: batchMaxWait, cache: map[K]*batch[K, V]{}}
}

// Load returns the value of key: the zero value when the fetch returned
// none for it (a node without links, an id that does not exist), or the
// fetch's error.
func (b *batcher[K, V]) Load(ctx context.Context, key K) (V, error) {
	bt, waits := b.enqueue(ctx, key)
	if waits {
		bt.tr.wait() // may fetch bt at once: nothing else is running
	}
	<-bt.ready
	return bt.res[key], bt.err
}

// enqueue returns the batch that answers key, adding key to the open batch
// (and opening one) when no batch has it yet, and whether the caller is a
// tracked load that must wait for it.
func (b *batcher[K, V]) enqueue(ctx context.Context, key K) (*batch[K, V], bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	bt, ok := b.cache[key]
	if !ok {
		bt = b.add(ctx, key)
	}
	if bt.done || bt.tr == nil {
		return bt, false
	}
	bt.waiters++
	return bt, true
}

// add puts key in a batch (the caller holds b.mu).
func (b *batcher[K, V]) add(ctx context.Context, key K) *batch[K, V] {
	if group := b.group(key); len(group) > 0 {
		return b.fetchGroup(ctx, group)
	}
	if b.open == nil {
		b.open = b.newBatch(ctx)
		if bt := b.open; bt.tr != nil {
			bt.tr.onIdle(func() { b.flush(bt) })
		}
		go b.collect(ctx, b.open)
	}
	bt := b.open
	bt.keys = append(bt.keys, key)
	bt.last = time.Now()
	b.cache[key] = bt
	return bt
}

// newBatch returns an empty batch, tracked when the request's tracker can
// count its fields.
func (b *batcher[K, V]) newBatch(ctx context.Context) *batch[K, V] {
	bt := &batch[K, V]{ready: make(chan struct{}), now: make(chan struct{})}
	if tr := trackerFrom(ctx); tr.counting() {
		bt.tr = tr
	}
	return bt
}

func (b *batcher[K, V]) group(key K) []K {
	if b.siblings == nil {
		return nil
	}
	return b.siblings(key)
}

// fetchGroup starts one fetch for the keys of group that no batch has yet
// (the caller holds b.mu) and returns its batch.
func (b *batcher[K, V]) fetchGroup(ctx context.Context, group []K) *batch[K, V] {
	bt := b.newBatch(ctx)
	for _, k := range group {
		if _, ok := b.cache[k]; !ok {
			bt.keys = append(bt.keys, k)
			b.cache[k] = bt
		}
	}
	go b.run(ctx, bt)
	return bt
}

// flush closes bt to new keys and has it fetched now.
func (b *batcher[K, V]) flush(bt *batch[K, V]) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.open == bt {
		b.open = nil
	}
	if !bt.flushed {
		bt.flushed = true
		close(bt.now)
	}
}

// collect fetches bt when its tracker says nothing else runs (at most
// maxWait after it opened), or untracked once it has been quiet for idle
// (at most maxWait). ctx is the first key's, which in a per-request loader
// has the request's deadline like all the others.
func (b *batcher[K, V]) collect(ctx context.Context, bt *batch[K, V]) {
	deadline := time.Now().Add(b.maxWait)
	wait := b.idle
	if bt.tr != nil {
		wait = b.maxWait // a safety net: the tracker flushes long before
	}
	for {
		select {
		case <-bt.now:
		case <-time.After(wait):
		}
		b.mu.Lock()
		now := time.Now()
		quiet := now.Sub(bt.last)
		if bt.flushed || quiet >= b.idle && bt.tr == nil || !now.Before(deadline) {
			if b.open == bt {
				b.open = nil
			}
			b.mu.Unlock()
			b.run(ctx, bt)
			return
		}
		b.mu.Unlock()
		wait = min(b.idle-quiet, deadline.Sub(now))
	}
}

// run fetches bt's keys. Its tracked waiters count as running again before
// they are woken, so that the tracker never sees a moment with nothing to
// run between the answer and their going on.
func (b *batcher[K, V]) run(ctx context.Context, bt *batch[K, V]) {
	res, err := b.fetch(ctx, bt.keys)
	b.mu.Lock()
	bt.res, bt.err, bt.done = res, err, true
	waiters := bt.waiters
	b.mu.Unlock()
	if bt.tr != nil {
		bt.tr.resume(waiters)
	}
	close(bt.ready)
}
