package rodedraad

// A Selection says what a query asks of the nodes it reads: which of their
// fields, and which relationships to follow with what it asks of the nodes
// at their other end. The API layer builds one from a GraphQL selection set;
// the store compiles it into one statement, so that a root field of the API
// costs one round trip and reads only what is asked for.
type Selection struct {
	// Fields are field groups of the node, by the names the domain types
	// use: title, text, kind, status, provenance, translation, ingest, ...
	// The id is always read. A field the store does not know makes it read
	// every property: asking too much is safe, too little is not.
	Fields []string
	// Rels are the relationships to follow, each once.
	Rels []RelSelection
}

// Rel names one relationship field of a node: a link query, or the
// endorsers of an item (a SUPPORTS stance or authorship of its document),
// which no single link query expresses. It is comparable, so it keys the
// relationships a read brought along.
type Rel struct {
	Query     LinkQuery
	Endorsers bool
}

// RelSelection is one relationship to follow: which fields of the edges to
// read and what to ask of the nodes at their other end.
type RelSelection struct {
	Rel Rel
	// EdgeFields are field groups of the edge: score, similarity, role,
	// conflict, provenance (status, source and rationale are provenance);
	// an unknown one reads every property.
	EdgeFields []string
	Other      Selection
}

// Fetched is one node as a selection read it, with the relationships the
// selection asked for. Only the asked fields of Node are filled.
type Fetched struct {
	Node Node
	// Links holds, per relationship asked, the node's links in the order
	// the loaders give them (by the other node's id). A relationship is
	// absent when it held more items than the read's cap: its reader must
	// then load it whole.
	Links map[Rel][]FetchedLink
}

// FetchedLink is one link of a fetched node, with what was read of its
// other end (Next.Node is Link.Other). The edge's ends are its node's and
// the other's ids, except for an endorsement by authorship, whose edge ends
// at a document the read does not name: its To is empty.
type FetchedLink struct {
	Link
	Next *Fetched
}

// Has reports whether the selection asks for a field group.
func (s Selection) Has(field string) bool {
	for _, f := range s.Fields {
		if f == field {
			return true
		}
	}
	return false
}

// SelectQuery is a page read by selection: a list query (as Reader.List
// takes it) and what to read of each node.
type SelectQuery struct {
	Label  Label
	Filter Filter
	Order  Order
	Page   Page
	Select Selection
	// Count asks for the number of nodes the filter matches too.
	Count bool
	// MaxRows bounds the rows nested lists may bring back over all levels;
	// 0 is the store's default.
	MaxRows int
}
