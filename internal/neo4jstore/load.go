package neo4jstore

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/rs/zerolog"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// A load that keeps existing items (an ingest, suggested links) can only
// create: what exists stays as it is. So its audit needs no reads around
// the write. Which items are new follows from the ids checkBundle looks up
// anyway (and, for edges between two existing nodes, one more lookup); the
// after-state of each is exactly the properties it writes. The load records
// every created item with its after-state, like any write, but packed into
// one :Change:Load node rather than one :Change each: an ingest of 5,000
// candidates wrote 15,000 audit nodes, half the cost of the load
// (docs/benchmarks.md). History and Changes unpack it into the same entries.
//
// Neo4j's counters check the assumption: when the write created other
// items than the load found new, a concurrent write created (or removed)
// some of them in between, and the load runs again with the item-by-item
// audit.

// errRaced says a concurrent write changed which of a load's items exist.
var errRaced = errors.New("a concurrent write changed which of the load's items exist")

// loadNew writes a keep-existing bundle with the packed audit, falling
// back to the item-by-item audit when it raced another write.
func (s *Store) loadNew(ctx context.Context, b *rodedraad.Bundle, opts rodedraad.ImportOptions) (rodedraad.ImportResult, error) {
	nodes := b.Nodes()
	steps := importBatches(b, nodes, opts)
	timeout := s.bulkTimeout(opts.Timeout, rowsIn(steps))
	var made []rodedraad.Change
	_, err := runFor(ctx, s, neo4j.AccessModeWrite, timeout, func(tx neo4j.ManagedTransaction) (any, error) {
		var err error
		made, err = writeNew(ctx, tx, b, nodes, steps, opts.Progress)
		return nil, err
	})
	if errors.Is(err, errRaced) {
		zerolog.Ctx(ctx).Info().Msg("load raced a concurrent write; loading again with the item-by-item audit")
		return s.importAudited(ctx, b, opts)
	}
	if err != nil {
		return rodedraad.ImportResult{}, tooBig(err)
	}
	return importResult(b, nodes, importTargets(b, nodes), made), nil
}

// writeNew checks and writes the load in tx and records what it created;
// errRaced when Neo4j created other than the new items it found. The
// audit entries are built and packed while Neo4j writes.
func writeNew(ctx context.Context, tx neo4j.ManagedTransaction, b *rodedraad.Bundle, nodes []rodedraad.Node, steps []batch, progress func(done, total int)) ([]rodedraad.Change, error) {
	stored, err := checkBundle(ctx, tx, nodes, b.Edges)
	if err != nil {
		return nil, err
	}
	existing, err := storedEdges(ctx, tx, b.Edges, stored)
	if err != nil {
		return nil, err
	}
	now := time.Now().UTC()
	entries := make(chan loadEntries, 1)
	go func() { entries <- newEntries(steps, stored, existing, now) }()
	got, err := writeBatches(ctx, tx, "import", steps, progress, now)
	e := <-entries
	if err != nil {
		return nil, err
	}
	if e.err != nil {
		return nil, e.err
	}
	if got != e.want {
		return nil, fmt.Errorf("%w: created %d nodes and %d edges, expected %d and %d", errRaced, got.nodes, got.edges, e.want.nodes, e.want.edges)
	}
	version, err := recordLoad(ctx, tx, "import", e.made, e.packed)
	if err == nil {
		err = claimKey(ctx, tx, version, e.made)
	}
	return e.made, err
}

// loadEntries are the audit entries of a load: the items it will create,
// how many of each, and the entries packed.
type loadEntries struct {
	made   []rodedraad.Change
	want   created
	packed []byte
	err    error
}

// newEntries lists and packs the items a load creates (newItems, pack).
func newEntries(steps []batch, stored map[string]rodedraad.Label, existing map[string]bool, now time.Time) loadEntries {
	items, want := newItems(steps, stored, existing)
	packed, err := pack(items, now)
	return loadEntries{made: changes(items), want: want, packed: packed, err: err}
}

// importTargets lists a bundle's items as audit targets, nodes first.
func importTargets(b *rodedraad.Bundle, nodes []rodedraad.Node) []target {
	targets := make([]target, 0, len(nodes)+len(b.Edges))
	for _, n := range nodes {
		targets = append(targets, nodeTarget(n.NodeID()))
	}
	for _, e := range b.Edges {
		targets = append(targets, edgeTarget(e.Type, e.From, e.To))
	}
	return targets
}

// storedEdges returns the keys of the edges that exist already. Only an
// edge between two nodes that existed before the load can; propsOf looks
// those up.
func storedEdges(ctx context.Context, tx neo4j.ManagedTransaction, edges []rodedraad.Edge, stored map[string]rodedraad.Label) (map[string]bool, error) {
	var between []target
	for _, e := range edges {
		if t := edgeTarget(e.Type, e.From, e.To); stored[t.id] != "" && stored[t.to] != "" {
			between = append(between, t)
		}
	}
	found, err := propsOf(ctx, tx, between)
	out := make(map[string]bool, len(found))
	for k := range found {
		out[k] = true
	}
	return out, err
}

// newItem is an item a load creates: its audit key, the row that writes
// it, and whether it is a node.
type newItem struct {
	key  string
	row  map[string]any
	node bool
}

// newItems lists, in write order, the nodes and edges steps create and
// counts them. An item listed twice is created by its first row; the others
// find it and leave it be.
func newItems(steps []batch, stored map[string]rodedraad.Label, existing map[string]bool) ([]newItem, created) {
	var out []newItem
	var n created
	seen := map[string]bool{}
	for _, bt := range steps {
		for _, r := range bt.rows {
			row := r.(map[string]any)
			it := newItem{row: row, node: bt.creates == nodeRows}
			switch bt.creates {
			case nodeRows:
				it.key = row["id"].(string)
				if stored[it.key] != "" {
					continue
				}
			case edgeRows:
				it.key = target{id: row["from"].(string), rel: bt.of, to: row["to"].(string)}.key()
				if existing[it.key] {
					continue
				}
			default:
				continue
			}
			if seen[it.key] {
				continue
			}
			seen[it.key] = true
			out = append(out, it)
			if it.node {
				n.nodes++
			} else {
				n.edges++
			}
		}
	}
	return out, n
}

// changes lists items as the created entries of an import's result; their
// after-states are in the audit trail.
func changes(items []newItem) []rodedraad.Change {
	out := make([]rodedraad.Change, len(items))
	for i, it := range items {
		out[i] = rodedraad.Change{Op: "import", Target: it.key, Action: "created"}
	}
	return out
}

// recordLoadQuery bumps the graph version and writes one :Change:Load with
// the load's entries, under the version lock like recordQuery. ids lists
// every node id the entries touch, for History.
const recordLoadQuery = `MERGE (m:RodedraadMeta {key: 'graph'})
	SET m.version = coalesce(m.version, 0) + 1
	WITH m.version AS version
	FOREACH (_ IN CASE WHEN $count > 0 THEN [1] ELSE [] END |
		CREATE (:Change:Load {version: version, seq: 0, at: datetime(), actor: $actor, role: $role, via: $via,
			request: $request, op: $op, action: 'created', count: $count, ids: $ids, entries: $entries}))
	RETURN version AS v`

// recordLoad records a load's created items, made and packed, as one
// :Change:Load (none when it created nothing) and returns the new graph
// version.
func recordLoad(ctx context.Context, tx neo4j.ManagedTransaction, op string, made []rodedraad.Change, packed []byte) (int64, error) {
	actor := rodedraad.PrincipalFrom(ctx)
	v, err := singleInt(ctx, tx, recordLoadQuery, map[string]any{"op": op, "count": int64(len(made)), "ids": touched(made),
		"entries": packed, "actor": actor.Name, "role": actor.Role.String(), "via": actor.Via, "request": actor.Request})
	return int64(v), err
}

// touched lists the node ids of changes' targets, an edge's two ends
// included, each once.
func touched(changes []rodedraad.Change) []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range changes {
		for _, id := range targetIDs(c.Target) {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	return out
}

// targetIDs is the node id of a node target, or the two ends of an edge
// key "FROM -TYPE-> TO" (target.key).
func targetIDs(key string) []string {
	if from, to, ok := edgeEnds(key); ok {
		return []string{from, to}
	}
	return []string{key}
}

// edgeEnds splits an edge key "FROM -TYPE-> TO"; ok is false for a node's.
func edgeEnds(key string) (from, to string, ok bool) {
	i, j := strings.Index(key, " -"), strings.LastIndex(key, "-> ")
	if i < 0 || j <= i {
		return "", "", false
	}
	return key[:i], key[j+3:], true
}

// entry is one packed change: its target and after-state.
type entry struct {
	Target string         `json:"t"`
	After  map[string]any `json:"a"`
}

// pack encodes each item and its after-state, the properties its row
// writes (createdAt now unless the node brings its own), as gzipped JSON
// entries in order (appendEntry).
func pack(items []newItem, now time.Time) ([]byte, error) {
	var out bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&out, gzip.BestSpeed)
	buf := []byte{'['}
	for i, it := range items {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = appendEntry(buf, it, now)
		if len(buf) >= 64<<10 {
			if _, err := zw.Write(buf); err != nil {
				return nil, err
			}
			buf = buf[:0]
		}
	}
	buf = append(buf, ']')
	if _, err := zw.Write(buf); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// unpack turns a :Change:Load's properties into its entries, seq in order.
func unpack(p map[string]any) ([]rodedraad.Change, error) {
	raw, _ := p["entries"].([]byte)
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("audit load %v: %w", p["version"], err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("audit load %v: %w", p["version"], err)
	}
	var entries []entry
	if err := json.Unmarshal(data, &entries); err != nil {
		return nil, fmt.Errorf("audit load %v: %w", p["version"], err)
	}
	head := changeFrom(p)
	out := make([]rodedraad.Change, len(entries))
	for i, e := range entries {
		c := head
		c.Seq, c.Target, c.After = head.Seq+int64(i), e.Target, e.After
		out[i] = c
	}
	return out, nil
}

// concerns says whether a change's target is the item id, or an edge at the
// node id.
func concerns(target, id string) bool {
	from, to, edge := edgeEnds(target)
	return target == id || edge && (from == id || to == id)
}
