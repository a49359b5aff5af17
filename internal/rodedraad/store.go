package rodedraad

import (
	"context"
	"time"
)

// Store is the graph of record, as the service needs it. The Neo4j adapter
// implements it; the service depends on this interface only.
type Store interface {
	Reader
	CreateNode(ctx context.Context, n Node) error
	ReplaceNode(ctx context.Context, n Node) error
	DeleteNode(ctx context.Context, label Label, id string) error
	ReviewNode(ctx context.Context, id string, status Status, reviewer, note string) (Node, error)
	Link(ctx context.Context, e Edge) (Edge, error)
	Unlink(ctx context.Context, t RelType, from, to string) error
	ReviewEdge(ctx context.Context, t RelType, from, to string, status Status, reviewer, note string) (Edge, error)
	Import(ctx context.Context, b *Bundle, opts ImportOptions) (ImportResult, error)
	Labels(ctx context.Context, ids []string) (map[string]Label, error)
	RecommendationTexts(ctx context.Context, ids []string) ([]RecText, error)
	DocumentVersions(ctx context.Context, sha256, path, id string) ([]*Document, error)
	Quotes(ctx context.Context, document string) (map[string]string, error)
	Review(ctx context.Context, refs []ReviewRef, status Status, reviewer, note string) error
	// ReviewVotes records a reviewer's decision on items in dual review
	// mode and returns how many it settled (see Votes.Cast).
	ReviewVotes(ctx context.Context, refs []ReviewRef, status Status, reviewer, note string) (int, error)
	SetConflictSides(ctx context.Context, id string, sideA, sideB []string, by string) (*Conflict, error)
	DecideConflict(ctx context.Context, id string, d ConflictDecision) (*Conflict, error)
	MetaValue(ctx context.Context, key string) (string, error)
	SetMetaValue(ctx context.Context, key, value string) error
}

// Reader is the read side of the store, which the service passes through
// unchanged.
type Reader interface {
	Node(ctx context.Context, id string) (Node, error)
	Nodes(ctx context.Context, ids []string) (map[string]Node, error)
	List(ctx context.Context, label Label, f Filter, o Order, p Page) (PageOf[Node], error)
	// SelectPage reads a page as List does, each node with what the query's
	// selection asks, in one round trip (with the count, when asked).
	SelectPage(ctx context.Context, q SelectQuery) (PageOf[*Fetched], int, error)
	// SelectByID reads one node with what sels asks of its kind ("" for any
	// other kind), in one round trip; nil when there is none (of label).
	SelectByID(ctx context.Context, id string, label Label, sels map[Label]Selection, maxRows int) (*Fetched, error)
	// SelectByIDs reads several nodes so, in one round trip; an id without
	// a node is absent from the map.
	SelectByIDs(ctx context.Context, ids []string, sels map[Label]Selection, maxRows int) (map[string]*Fetched, error)
	Count(ctx context.Context, label Label, f Filter) (int, error)
	Links(ctx context.Context, ids []string, q LinkQuery) (map[string][]Link, error)
	Endorsers(ctx context.Context, ids []string) (map[string][]Link, error)
	Search(ctx context.Context, text string, kinds []Label, limit int) ([]Hit, error)
	Neighbourhood(ctx context.Context, id string, depth int, types []RelType) (Subgraph, error)
	ReviewQueue(ctx context.Context, f ReviewFilter, p Page) (PageOf[ReviewItem], error)
	SearchPassages(ctx context.Context, text string, limit int) ([]PassageHit, error)
	// Passages returns each document's passages in text order (of one page
	// when page > 0), at most limit per document.
	Passages(ctx context.Context, documents []string, page, limit int) (map[string][]Passage, error)
	// Conflicts returns the conflicts with the given ids, all when ids is
	// nil, with their sides, in id order.
	Conflicts(ctx context.Context, ids []string) ([]*Conflict, error)
	// Endorsements returns, per actor id, the items it endorses.
	Endorsements(ctx context.Context, actorIDs []string) (map[string][]Link, error)
}

// ImportOptions tune Store.Import.
type ImportOptions struct {
	// CreateOnly makes an id that already exists a CONFLICT instead of an
	// update: what the create mutations need.
	CreateOnly bool
	// Progress, when set, is told how many items are written so far.
	Progress func(done, total int)
	// KeepExisting leaves nodes and edges that exist already as they are
	// and writes only new ones: re-ingesting a file must not undo what a
	// person reviewed since.
	KeepExisting bool
	// Timeout, when set, replaces the store's query timeout: bulk loads
	// from the command line need longer than a GraphQL request.
	Timeout time.Duration
	// DryRun computes what the import would change and writes nothing.
	DryRun bool
	// Overwrite lets an import replace items a person changed since they
	// were loaded; without it such an import is a CONFLICT naming them.
	Overwrite bool
	// BatchRows is how many rows one write statement carries (0: the
	// store's default of a few thousand; below 0: all rows of a kind in
	// one statement, for benchmarks). All batches share one transaction.
	BatchRows int
}

// ImportResult says what an import wrote.
type ImportResult struct {
	Nodes, Edges int
	// Kinds counts created, updated and unchanged items per node label and
	// relationship type.
	Kinds map[string]KindCounts
	// Changes lists every item created, updated or deleted, with its
	// properties before and after: the diff of a dry run. A keep-existing
	// load lists the items it created without their after-states, which
	// the audit trail keeps (history).
	Changes []Change
}

// RecText is what overlap detection needs of a recommendation: its text,
// language and (first) document.
type RecText struct {
	ID, Document, Language, Title, Text string
}

// SnapshotStats says how large a snapshot read was and how long it took.
type SnapshotStats struct {
	Nodes, Edges int
	Took         time.Duration
}

// SeedsMetaKey is the meta key under which the store keeps the digest of the
// seeds it loaded last.
const SeedsMetaKey = "seeds"
