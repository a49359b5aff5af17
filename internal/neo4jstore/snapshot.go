package neo4jstore

import (
	"context"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// snapshotQuery streams one row per node with its outgoing relationships
// as a list: only the properties the analyses read, no node or relationship
// objects. Rows cost far more than values on the Bolt path (about four times
// slower when every relationship is a row of its own), so relationships ride
// along with their start node.
const snapshotQuery = `
MATCH (n:Entity)
RETURN n.id AS id, head([l IN labels(n) WHERE l <> 'Entity']) AS label,
       coalesce(n.title, n.name, n.topic) AS name, n.kind AS kind, n.sector AS sector,
       n.inStudyScope AS scope, n.family AS family, n.status AS status, n.state AS state,
       [(n)-[r]->(m:Entity) | [type(r), m.id, r.status, r.score, r.similarity,
                               r.role, r.sourceDocument, r.conflictId, r.topic]] AS out`

// snapshotFetchSize is how many rows one PULL asks for: larger than the
// driver's default, since the snapshot always reads everything.
const snapshotFetchSize = 5000

// snapshotTimeout is the server-side bound of a snapshot read: a whole-graph
// read of a large graph may take longer than an ordinary query. The caller's
// context still cancels it.
const snapshotTimeout = 5 * time.Minute

// Snapshot reads the whole graph in one streaming query into the value the
// analyses run on. Memberships (CONTAINS, ADDRESSES, ASSIGNED_TO, INCLUDES)
// come as edges with their status, so a scope can filter them. progress, when
// set, is told every 10,000 nodes how far the read is.
func (s *Store) Snapshot(ctx context.Context, progress func(rows int)) (*analysis.Graph, rodedraad.SnapshotStats, error) {
	start := time.Now()
	type parts struct {
		nodes []analysis.Node
		edges []analysis.Edge
	}
	// No admission turn: the service runs at most one snapshot read at a
	// time, and the caller that started it waits for all of it, so a turn
	// taken here added its queueing to the coherence tail and kept one of
	// the few turns for seconds.
	s.roundTrips.Add(1)
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{
		DatabaseName: s.database, AccessMode: neo4j.AccessModeRead, FetchSize: snapshotFetchSize,
	})
	defer session.Close(ctx)
	p, err := neo4j.ExecuteRead(ctx, session, func(tx neo4j.ManagedTransaction) (parts, error) {
		res, err := tx.Run(ctx, snapshotQuery, nil)
		if err != nil {
			return parts{}, err
		}
		var r snapshotReader
		for res.Next(ctx) {
			r.add(res.Record())
			if progress != nil && r.rows%10_000 == 0 {
				progress(r.rows)
			}
		}
		r.foldMemberships()
		return parts{r.nodes, r.edges}, res.Err()
	}, neo4j.WithTxTimeout(max(s.timeout, snapshotTimeout)))
	if err != nil {
		return nil, rodedraad.SnapshotStats{}, mapError(err)
	}
	g, err := analysis.NewGraph(p.nodes, p.edges)
	if err != nil {
		return nil, rodedraad.SnapshotStats{}, err
	}
	return g, rodedraad.SnapshotStats{Nodes: len(p.nodes), Edges: len(p.edges), Took: time.Since(start)}, nil
}

// snapshotReader turns rows into nodes and edges. It interns ids so that
// edges share their strings with the nodes, and shares one *Conflict per
// conflict id.
type snapshotReader struct {
	nodes     []analysis.Node
	edges     []analysis.Edge
	ids       map[string]string
	conflicts map[string]*analysis.Conflict
	rows      int
}

func (r *snapshotReader) add(rec *neo4j.Record) {
	r.rows++
	v := rec.Values // columns in the order of snapshotQuery
	if rodedraad.Label(str(v[1])) == rodedraad.LabelConflict {
		// A conflict is not a node of the analyses: its topic and state ride
		// on the CONFLICTS_WITH pairs expanded from it; its SIDE_A and SIDE_B
		// edges repeat those pairs' ends.
		c := r.conflict(str(v[0]), str(v[2]))
		c.Topic, c.State = str(v[2]), rodedraad.ConflictState(str(v[8]))
		return
	}
	from := r.intern(str(v[0]))
	r.nodes = append(r.nodes, analysis.Node{
		ID: from, Label: rodedraad.Label(str(v[1])), Name: str(v[2]),
		Kind: str(v[3]), Sector: str(v[4]), InStudyScope: v[5] == true, Family: str(v[6]),
		Status: rodedraad.Status(str(v[7])),
	})
	out, _ := v[9].([]any)
	for _, x := range out {
		r.edges = append(r.edges, r.edge(from, x.([]any)))
	}
}

// edge reads one relationship: type, end id, status, score, similarity,
// role, source document, conflict id and topic.
func (r *snapshotReader) edge(from string, f []any) analysis.Edge {
	e := analysis.Edge{
		Type: rodedraad.RelType(str(f[0])), From: from, To: r.intern(str(f[1])),
		Status: rodedraad.Status(str(f[2])), Role: str(f[5]), Source: str(f[6]),
	}
	if score, ok := f[3].(int64); ok {
		e.Score = int16(score)
	}
	if sim, ok := f[4].(float64); ok {
		e.Similarity = float32(sim)
	}
	if id := str(f[7]); id != "" {
		e.Conflict = r.conflict(id, str(f[8]))
	}
	return e
}

// foldMemberships moves accepted CONTAINS, ADDRESSES, ASSIGNED_TO and
// INCLUDES edges into the recommendations' membership lists, the form the
// analyses index directly; memberships with another status stay edges, so
// that a scope can still count or drop them. With the common all-accepted
// graph this halves the edges and lets an unfiltered scope reuse the
// snapshot's index instead of rebuilding it.
func (r *snapshotReader) foldMemberships() {
	pos := make(map[string]int, len(r.nodes))
	for i, n := range r.nodes {
		pos[n.ID] = i
	}
	kept := r.edges[:0]
	for _, e := range r.edges {
		rec, member, list := r.membership(e, pos)
		if list == nil || (e.Status != "" && e.Status != rodedraad.StatusAccepted) {
			kept = append(kept, e)
			continue
		}
		*list(&r.nodes[rec]) = append(*list(&r.nodes[rec]), member)
	}
	r.edges = kept
}

// membership returns, for a membership edge between known nodes, the
// recommendation's position, the member's id and the list it belongs in.
func (r *snapshotReader) membership(e analysis.Edge, pos map[string]int) (int, string, func(*analysis.Node) *[]string) {
	rec, member := e.From, e.To
	var list func(*analysis.Node) *[]string
	switch e.Type {
	case rodedraad.RelContains:
		rec, member = e.To, e.From
		list = func(n *analysis.Node) *[]string { return &n.Documents }
	case rodedraad.RelIncludes:
		rec, member = e.To, e.From
		list = func(n *analysis.Node) *[]string { return &n.Scenarios }
	case rodedraad.RelAddresses:
		list = func(n *analysis.Node) *[]string { return &n.Themes }
	case rodedraad.RelAssignedTo:
		list = func(n *analysis.Node) *[]string { return &n.Assigned }
	default:
		return 0, "", nil
	}
	i, ok := pos[rec]
	if !ok || r.nodes[i].Label != rodedraad.LabelRecommendation {
		return 0, "", nil // leave it to NewGraph to report
	}
	return i, member, list
}

func (r *snapshotReader) intern(id string) string {
	if r.ids == nil {
		r.ids = map[string]string{}
	}
	if s, ok := r.ids[id]; ok {
		return s
	}
	r.ids[id] = id
	return id
}

func (r *snapshotReader) conflict(id, topic string) *analysis.Conflict {
	if r.conflicts == nil {
		r.conflicts = map[string]*analysis.Conflict{}
	}
	c, ok := r.conflicts[id]
	if !ok {
		c = &analysis.Conflict{ID: id, Topic: topic}
		r.conflicts[id] = c
	}
	return c
}

func str(v any) string {
	s, _ := v.(string)
	return s
}
