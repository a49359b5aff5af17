package neo4jstore

import (
	"context"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// snapshotQuery streams every node, then every relationship, as flat rows:
// only the properties the analyses read, no node or relationship objects,
// so the driver decodes little.
const snapshotQuery = `
MATCH (n:Entity)
RETURN 0 AS k, n.id AS a, null AS b, head([l IN labels(n) WHERE l <> 'Entity']) AS t,
       coalesce(n.title, n.name) AS name, n.kind AS kind, n.sector AS sector,
       n.inStudyScope AS scope, n.family AS family, n.status AS status,
       null AS score, null AS sim, null AS role, null AS src, null AS cid, null AS topic
UNION ALL
MATCH (x:Entity)-[r]->(y:Entity)
RETURN 1 AS k, x.id AS a, y.id AS b, type(r) AS t,
       null AS name, null AS kind, null AS sector, null AS scope, null AS family, r.status AS status,
       r.score AS score, r.similarity AS sim, r.role AS role, r.sourceDocument AS src,
       r.conflictId AS cid, r.topic AS topic`

// SnapshotStats says how big a snapshot was and how long reading it took.
type SnapshotStats struct {
	Nodes, Edges int
	Took         time.Duration
}

// Snapshot reads the whole graph in one streaming query into the value the
// analyses run on. Memberships (CONTAINS, ADDRESSES, ASSIGNED_TO, INCLUDES)
// come as edges with their status, so a scope can filter them. progress, when
// set, is told every 100,000 rows how far the read is.
func (s *Store) Snapshot(ctx context.Context, progress func(rows int)) (*analysis.Graph, SnapshotStats, error) {
	start := time.Now()
	type parts struct {
		nodes []analysis.Node
		edges []analysis.Edge
	}
	p, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (parts, error) {
		res, err := tx.Run(ctx, snapshotQuery, nil)
		if err != nil {
			return parts{}, err
		}
		var r snapshotReader
		for res.Next(ctx) {
			r.add(res.Record())
			if progress != nil && r.rows%100_000 == 0 {
				progress(r.rows)
			}
		}
		return parts{r.nodes, r.edges}, res.Err()
	})
	if err != nil {
		return nil, SnapshotStats{}, err
	}
	g, err := analysis.NewGraph(p.nodes, p.edges)
	if err != nil {
		return nil, SnapshotStats{}, err
	}
	return g, SnapshotStats{Nodes: len(p.nodes), Edges: len(p.edges), Took: time.Since(start)}, nil
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
	if v[0].(int64) == 0 {
		r.nodes = append(r.nodes, analysis.Node{
			ID: r.intern(str(v[1])), Label: rodedraad.Label(str(v[3])), Name: str(v[4]),
			Kind: str(v[5]), Sector: str(v[6]), InStudyScope: v[7] == true, Family: str(v[8]),
			Status: rodedraad.Status(str(v[9])),
		})
		return
	}
	e := analysis.Edge{
		Type: rodedraad.RelType(str(v[3])), From: r.intern(str(v[1])), To: r.intern(str(v[2])),
		Status: rodedraad.Status(str(v[9])), Role: str(v[12]), Source: str(v[13]),
	}
	if score, ok := v[10].(int64); ok {
		e.Score = int16(score)
	}
	if sim, ok := v[11].(float64); ok {
		e.Similarity = float32(sim)
	}
	if id := str(v[14]); id != "" {
		e.Conflict = r.conflict(id, str(v[15]))
	}
	r.edges = append(r.edges, e)
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
