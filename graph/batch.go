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
// A fixed collection window (as in dataloadgen) is a race against the
// scheduler: gqlgen starts one goroutine per item and field, and on a busy
// machine, or under -race, starting 400 of them takes longer than any
// window short enough not to slow every request down, so a page of 100 split
// into a dozen fetches. batcher instead waits until no new key has come for
// idle (at most maxWait after the first key), which follows the resolvers
// however fast they start, and adds only idle to a request's latency per
// level.
//
// When the keys' siblings are known in advance — the items of a page, the
// ends of a relationship list — siblings returns them, and the first key
// of such a group fetches the whole group at once: no waiting, and exactly
// one fetch per field and level whatever the scheduler does.
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
	bt := b.enqueue(ctx, key)
	<-bt.ready
	return bt.res[key], bt.err
}

// enqueue returns the batch that answers key, adding key to the open batch
// (and opening one) when no batch has it yet.
func (b *batcher[K, V]) enqueue(ctx context.Context, key K) *batch[K, V] {
	b.mu.Lock()
	defer b.mu.Unlock()
	if bt, ok := b.cache[key]; ok {
		return bt
	}
	if group := b.group(key); len(group) > 0 {
		return b.fetchGroup(ctx, group)
	}
	if b.open == nil {
		b.open = &batch[K, V]{ready: make(chan struct{})}
		go b.collect(ctx, b.open)
	}
	bt := b.open
	bt.keys = append(bt.keys, key)
	bt.last = time.Now()
	b.cache[key] = bt
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
	bt := &batch[K, V]{ready: make(chan struct{})}
	for _, k := range group {
		if _, ok := b.cache[k]; !ok {
			bt.keys = append(bt.keys, k)
			b.cache[k] = bt
		}
	}
	go func() {
		bt.res, bt.err = b.fetch(ctx, bt.keys)
		close(bt.ready)
	}()
	return bt
}

// collect waits until bt has been quiet for idle, or maxWait has passed,
// then closes it to new keys and fetches. ctx is the first key's, which in a
// per-request loader has the request's deadline like all the others.
func (b *batcher[K, V]) collect(ctx context.Context, bt *batch[K, V]) {
	deadline := time.Now().Add(b.maxWait)
	wait := b.idle
	for {
		time.Sleep(wait)
		b.mu.Lock()
		now := time.Now()
		quiet := now.Sub(bt.last)
		if quiet >= b.idle || !now.Before(deadline) {
			b.open = nil
			keys := bt.keys
			b.mu.Unlock()
			bt.res, bt.err = b.fetch(ctx, keys)
			close(bt.ready)
			return
		}
		b.mu.Unlock()
		wait = min(b.idle-quiet, deadline.Sub(now))
	}
}
