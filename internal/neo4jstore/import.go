package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/rs/zerolog"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// importBatch is how many rows one UNWIND statement carries by default: a
// few thousand keeps each statement's parameter list and plan small, and a
// bundle of 10,000 recommendations still takes only a few dozen statements.
const importBatch = 2000

// DefaultBulkTimeout bounds the transaction of a bulk load whose caller set
// no timeout: the store's query timeout is sized for one GraphQL request,
// not for a bundle of many thousand rows.
const DefaultBulkTimeout = 10 * time.Minute

// Import upserts a bundle in one transaction: nodes by id (MERGE, so loading
// twice gives the same graph; createdAt is kept from the first load), then
// edges by (from, type, to), each kind in UNWIND batches of
// opts.BatchRows rows. Before writing it checks that no id exists with
// another kind (CONFLICT) and that every edge fits the schema, resolving ends
// that are not in the bundle against the database (BAD_USER_INPUT or
// NOT_FOUND). On any error, in any batch, nothing is written. A bundle of
// more than one batch runs under opts.Timeout or DefaultBulkTimeout rather
// than the query timeout; each batch is logged and reported to
// opts.Progress.
//
// A load that keeps existing items records its audit packed (loadNew).
func (s *Store) Import(ctx context.Context, b *rodedraad.Bundle, opts rodedraad.ImportOptions) (rodedraad.ImportResult, error) {
	if opts.KeepExisting && !opts.CreateOnly && !opts.DryRun {
		return s.loadNew(ctx, b, opts)
	}
	return s.importAudited(ctx, b, opts)
}

// importAudited is Import with the item-by-item audit: the properties of
// every item read before and after the write, one :Change per item changed.
func (s *Store) importAudited(ctx context.Context, b *rodedraad.Bundle, opts rodedraad.ImportOptions) (rodedraad.ImportResult, error) {
	nodes := b.Nodes()
	steps := importBatches(b, nodes, opts)
	a := importAudit(b, nodes, opts)
	timeout := s.bulkTimeout(opts.Timeout, rowsIn(steps))
	res, err := audited(ctx, s, timeout, a, func(tx neo4j.ManagedTransaction) (rodedraad.ImportResult, error) {
		if _, err := checkBundle(ctx, tx, nodes, b.Edges); err != nil {
			return rodedraad.ImportResult{}, err
		}
		if _, err := writeBatches(ctx, tx, "import", steps, opts.Progress, time.Now().UTC()); err != nil {
			return rodedraad.ImportResult{}, err
		}
		return rodedraad.ImportResult{Nodes: len(nodes), Edges: len(b.Edges)}, nil
	})
	var dry *dryRun
	if errors.As(err, &dry) {
		return importResult(b, nodes, a.targets, dry.changes), nil
	}
	if err != nil {
		return res, tooBig(err)
	}
	return importResult(b, nodes, a.targets, *a.changes), nil
}

// tooBig explains a load that did not fit Neo4j's transaction memory: the
// driver reports it as a transient error it gave up retrying.
func tooBig(err error) error {
	if err == nil || !strings.Contains(err.Error(), "MemoryPoolOutOfMemoryError") {
		return err
	}
	return rodedraad.Errorf(rodedraad.EUNAVAILABLE,
		"de lading past niet in het transactiegeheugen van Neo4j / the load does not fit Neo4j's transaction memory (dbms.memory.transaction.total.max): "+
			"give Neo4j more heap (RODEDRAAD_NEO4J_HEAP=4g for the project's own Neo4j) or load the bundle in parts; nothing was written")
}

// bulkTimeout is the transaction timeout of a write of rows rows: the
// caller's, else the query timeout for a write of one batch and
// DefaultBulkTimeout for a larger one.
func (s *Store) bulkTimeout(set time.Duration, rows int) time.Duration {
	switch {
	case set > 0:
		return set
	case rows > importBatch:
		return max(DefaultBulkTimeout, s.timeout)
	}
	return s.timeout
}

func rowsIn(steps []batch) int {
	n := 0
	for _, bt := range steps {
		n += len(bt.rows)
	}
	return n
}

// created counts the nodes and edges a write created, by Neo4j's own
// counters: what a load thought new and what it really created must agree.
type created struct{ nodes, edges int }

// writeBatches runs steps in tx in order, reporting each to progress and to
// the context's logger: at info level for a bulk load, debug for a small
// write. op names the load in the log ("import", "bulk"); now is the
// createdAt of what it creates. It returns what the node and edge batches
// created.
func writeBatches(ctx context.Context, tx neo4j.ManagedTransaction, op string, steps []batch, progress func(done, total int), now time.Time) (created, error) {
	var made created
	total, done := rowsIn(steps), 0
	level := zerolog.DebugLevel
	if total > importBatch {
		level = zerolog.InfoLevel
	}
	log := zerolog.Ctx(ctx)
	for i, bt := range steps {
		start := time.Now()
		counters, err := bt.run(ctx, tx, now)
		if err != nil {
			return made, fmt.Errorf("batch %d of %d: %w", i+1, len(steps), err)
		}
		switch bt.creates {
		case nodeRows:
			made.nodes += counters.NodesCreated()
		case edgeRows:
			made.edges += counters.RelationshipsCreated()
		}
		done += len(bt.rows)
		if progress != nil {
			progress(done, total)
		}
		log.WithLevel(level).Str("op", op).Str("what", bt.what()).Int("batch", i+1).Int("batches", len(steps)).
			Int("rows", len(bt.rows)).Int("done", done).Int("total", total).Dur("took", time.Since(start)).
			Msg("bulk write: batch written")
	}
	return made, nil
}

// batchRows is the rows per statement that opts.BatchRows asks for.
func batchRows(n int) int {
	switch {
	case n == 0:
		return importBatch
	case n < 0:
		return int(^uint(0) >> 1) // one statement per kind
	}
	return n
}

// chunks calls fn with consecutive pieces of rows of at most importBatch:
// the reads and audit writes around a bulk load batch like its writes.
func chunks[T any](rows []T, fn func([]T) error) error {
	for start := 0; start < len(rows); start += importBatch {
		if err := fn(rows[start:min(start+importBatch, len(rows))]); err != nil {
			return err
		}
	}
	return nil
}

// importBatches lists the statements of an import: nodes, then passages
// (which hang off their documents), then edges.
func importBatches(b *rodedraad.Bundle, nodes []rodedraad.Node, opts rodedraad.ImportOptions) []batch {
	mode := upsert
	switch {
	case opts.CreateOnly:
		mode = create
	case opts.KeepExisting:
		mode = keep
	}
	size := batchRows(opts.BatchRows)
	all := batches(nodes, b.Edges, mode, size)
	rows := make([]any, len(b.Passages))
	for i := range b.Passages {
		rows[i] = map[string]any(passageProps(&b.Passages[i]))
	}
	// Passages go in after the nodes (their documents) and before the edges.
	edgesAt := len(all)
	for i, bt := range all {
		if bt.creates == edgeRows {
			edgesAt = i
			break
		}
	}
	passages := appendBatches(nil, "passages", passageStatement, rows, size, otherRows)
	return append(all[:edgesAt:edgesAt], append(passages, all[edgesAt:]...)...)
}

// passageStatement writes passages and hangs each off its document. A
// passage's id derives from the file's content, so writing it again changes
// nothing.
const passageStatement = `UNWIND $rows AS row
	MATCH (d:Document {id: row.document})
	MERGE (p:Passage {id: row.id})
	ON CREATE SET p += row
	MERGE (d)-[:HAS_PASSAGE]->(p)`

// checkBundle validates kinds and edges against the bundle and the database.
// It returns the label of each id of the bundle that exists already.
func checkBundle(ctx context.Context, tx neo4j.ManagedTransaction, nodes []rodedraad.Node, edges []rodedraad.Edge) (map[string]rodedraad.Label, error) {
	labels := make(map[string]rodedraad.Label, len(nodes))
	for _, n := range nodes {
		// One id under two kinds would MERGE into one node with both labels.
		if l, dup := labels[n.NodeID()]; dup && l != n.NodeLabel() {
			return nil, rodedraad.Errorf(rodedraad.EINVALID, "id %q is both a %s and a %s in the bundle", n.NodeID(), l, n.NodeLabel())
		}
		labels[n.NodeID()] = n.NodeLabel()
	}
	// Each id once: an ingested document's id stands at one end of every
	// CONTAINS edge, and looking it up thousands of times slowed writes.
	seen := make(map[string]bool, len(labels))
	ids := make([]string, 0, len(labels))
	for id := range labels {
		seen[id] = true
		ids = append(ids, id)
	}
	for _, e := range edges {
		for _, id := range []string{e.From, e.To} {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	stored := map[string]rodedraad.Label{}
	err := chunks(ids, func(part []string) error {
		found, err := labelsOf(ctx, tx, part)
		maps.Copy(stored, found)
		return err
	})
	if err != nil {
		return nil, err
	}
	for id, l := range stored {
		want, inBundle := labels[id]
		if inBundle && want != l {
			return nil, rodedraad.Errorf(rodedraad.ECONFLICT, "id %q is a %s in the bundle but a %s in the graph", id, want, l)
		}
		labels[id] = l
	}
	for i := range edges {
		e := &edges[i]
		for _, id := range []string{e.From, e.To} {
			if labels[id] == "" {
				return nil, rodedraad.Errorf(rodedraad.EINVALID, "%s edge %s → %s: %q is neither in the bundle nor in the graph", e.Type, e.From, e.To, id)
			}
		}
		if err := e.Validate(labels[e.From], labels[e.To]); err != nil {
			return nil, rodedraad.Errorf(rodedraad.EINVALID, "%s edge %s → %s: %s", e.Type, e.From, e.To, rodedraad.ErrorMessage(err))
		}
	}
	return stored, nil
}

// batch is one UNWIND statement with at most a batch of rows.
type batch struct {
	stmt    string
	rows    []any
	creates rowKind // what its rows are: nodes, edges or neither (passages)
	of      string  // their label or relationship type; "passages"
}

// what names the batch's rows for logs and errors: "Recommendation nodes",
// "SUPPORTS edges", "passages".
func (b batch) what() string {
	switch b.creates {
	case nodeRows:
		return b.of + " nodes"
	case edgeRows:
		return b.of + " edges"
	}
	return b.of
}

// rowKind says whether a batch writes nodes, edges or neither.
type rowKind int

const (
	otherRows rowKind = iota
	nodeRows
	edgeRows
)

// writeMode says what a batch does with items that exist already.
type writeMode int

const (
	upsert writeMode = iota // MERGE and overwrite their properties
	create                  // CREATE: an existing id fails on the constraint
	keep                    // MERGE and leave existing items as they are
)

// batches turns nodes and edges into write statements: nodes first, kind by
// kind, then edges, type by type, so that every edge finds its ends. In
// create mode the uniqueness constraint on Entity.id, not an earlier read,
// decides whether an id is taken: two concurrent creates of one id cannot
// both succeed.
func batches(nodes []rodedraad.Node, edges []rodedraad.Edge, mode writeMode, size int) []batch {
	byLabel := map[rodedraad.Label][]any{}
	for _, n := range nodes {
		row := map[string]any{"id": n.NodeID(), "props": map[string]any(nodeProps(n)), "createdAt": createdAt(n.Prov())}
		byLabel[n.NodeLabel()] = append(byLabel[n.NodeLabel()], row)
	}
	byType := map[rodedraad.RelType][]any{}
	for i := range edges {
		e := edges[i]
		e.Normalize()
		row := map[string]any{"from": e.From, "to": e.To, "props": map[string]any(edgeProps(&e))}
		byType[e.Type] = append(byType[e.Type], row)
	}
	var out []batch
	for _, label := range rodedraad.Labels {
		out = appendBatches(out, string(label), nodeStatement(label, mode), byLabel[label], size, nodeRows)
	}
	for _, t := range rodedraad.RelTypes {
		out = appendBatches(out, string(t), edgeStatement(t, mode), byType[t], size, edgeRows)
	}
	return out
}

// nodeStatement writes a batch of nodes of one label; createdAt is kept from
// the first load.
func nodeStatement(label rodedraad.Label, mode writeMode) string {
	switch mode {
	case create:
		return fmt.Sprintf(`UNWIND $rows AS row
			CREATE (n:Entity:%s {id: row.id})
			SET n += row.props, n.createdAt = coalesce(row.createdAt, $now)`, label)
	case keep:
		return fmt.Sprintf(`UNWIND $rows AS row
			MERGE (n:Entity {id: row.id})
			ON CREATE SET n:%s, n += row.props, n.createdAt = coalesce(row.createdAt, $now)`, label)
	}
	return fmt.Sprintf(`UNWIND $rows AS row
		MERGE (n:Entity {id: row.id})
		ON CREATE SET n.createdAt = coalesce(row.createdAt, $now)
		SET n:%s, n += row.props`, label)
}

// edgeStatement writes a batch of edges of one type between existing nodes.
func edgeStatement(t rodedraad.RelType, mode writeMode) string {
	set := "SET r += row.props"
	if mode == keep {
		set = "ON CREATE SET r += row.props"
	}
	return fmt.Sprintf(`UNWIND $rows AS row
		MATCH (a:Entity {id: row.from}) MATCH (b:Entity {id: row.to})
		MERGE (a)-[r:%s]->(b)
		ON CREATE SET r.createdAt = $now
		%s`, t, set)
}

// appendBatches appends batches of stmt for rows of kind of (a label or
// relationship type; "passages"), size rows each.
func appendBatches(out []batch, of, stmt string, rows []any, size int, kind rowKind) []batch {
	for start := 0; start < len(rows); start += size {
		out = append(out, batch{of: of, stmt: stmt, rows: rows[start : start+min(size, len(rows)-start)], creates: kind})
	}
	return out
}

// run writes the batch, with now as the createdAt of what it creates, and
// returns Neo4j's counters of what it did.
func (b batch) run(ctx context.Context, tx neo4j.ManagedTransaction, now time.Time) (neo4j.Counters, error) {
	res, err := tx.Run(ctx, b.stmt, map[string]any{"rows": b.rows, "now": now})
	var sum neo4j.ResultSummary
	if err == nil {
		sum, err = res.Consume(ctx)
	}
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", b.what(), err)
	}
	return sum.Counters(), nil
}

// BulkLoad writes a large bundle such as a benchmark's synthetic graph in
// one transaction of UNWIND batches (all or nothing), logging each batch
// and reporting it to progress. The transaction runs until ctx's deadline,
// or DefaultBulkTimeout without one. Unlike Import it checks nothing and
// records no changes: the bundle must be valid and its ids new or of the
// same kind.
func (s *Store) BulkLoad(ctx context.Context, b *rodedraad.Bundle, progress func(done, total int)) error {
	return s.bulkLoad(ctx, b, progress, importBatch)
}

// partRows is how many rows one transaction of BulkLoadParts writes.
const partRows = 50 * importBatch

// BulkLoadParts is BulkLoad for a graph too large for one transaction (the
// benchmarks' synthetic 100,000 recommendations, 950,000 rows, need more
// than 2.8 GiB of transaction memory): it commits every partRows rows,
// nodes before edges so that every edge finds its ends. It is not all or
// nothing: a failure leaves the parts before it written.
func (s *Store) BulkLoadParts(ctx context.Context, b *rodedraad.Bundle, progress func(done, total int)) error {
	return s.bulkLoadParts(ctx, b, progress, importBatch, partRows)
}

// bulkLoadParts is BulkLoadParts with size rows per statement and at most
// part rows per transaction (at least one statement).
func (s *Store) bulkLoadParts(ctx context.Context, b *rodedraad.Bundle, progress func(done, total int), size, part int) error {
	steps := batches(b.Nodes(), b.Edges, upsert, size)
	total, done := rowsIn(steps), 0
	for start := 0; start < len(steps); {
		end, rows := start, 0
		for end < len(steps) && (end == start || rows+len(steps[end].rows) <= part) {
			rows += len(steps[end].rows)
			end++
		}
		_, err := audited(ctx, s, DefaultBulkTimeout, audit{op: "bulk"}, func(tx neo4j.ManagedTransaction) (any, error) {
			_, err := writeBatches(ctx, tx, "bulk", steps[start:end], nil, time.Now().UTC())
			return nil, err
		})
		if err != nil {
			return fmt.Errorf("bulk load, rows %d to %d of %d: %w", done+1, done+rows, total, tooBig(err))
		}
		done += rows
		if progress != nil {
			progress(done, total)
		}
		start = end
	}
	return nil
}

// bulkLoad is BulkLoad with size rows per statement.
func (s *Store) bulkLoad(ctx context.Context, b *rodedraad.Bundle, progress func(done, total int), size int) error {
	steps := batches(b.Nodes(), b.Edges, upsert, size)
	timeout := DefaultBulkTimeout
	if deadline, ok := ctx.Deadline(); ok {
		timeout = time.Until(deadline)
	}
	_, err := audited(ctx, s, timeout, audit{op: "bulk"}, func(tx neo4j.ManagedTransaction) (any, error) {
		_, err := writeBatches(ctx, tx, "bulk", steps, progress, time.Now().UTC())
		return nil, err
	})
	return tooBig(err)
}
