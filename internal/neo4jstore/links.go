package neo4jstore

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Links follows q from every id in one query and returns the links grouped
// by id, ordered by the other node's id. This is what request-scoped loaders
// call, so a nested list costs one round trip per field, not per item.
func (s *Store) Links(ctx context.Context, ids []string, q rodedraad.LinkQuery) (map[string][]rodedraad.Link, error) {
	stmt, err := linkStatement(q)
	if err != nil {
		return nil, err
	}
	return readOnce(ctx, s, func(tx neo4j.ManagedTransaction) (map[string][]rodedraad.Link, error) {
		return collectLinks(ctx, tx, stmt, ids)
	})
}

func linkStatement(q rodedraad.LinkQuery) (string, error) {
	t, err := relType(q.Type)
	if err != nil {
		return "", err
	}
	other := "Entity"
	if q.OtherKind != "" {
		other = string(q.OtherKind)
	}
	pattern := map[rodedraad.Direction]string{
		rodedraad.Out:  "(n)-[r:%s]->(m:%s)",
		rodedraad.In:   "(n)<-[r:%s]-(m:%s)",
		rodedraad.Both: "(n)-[r:%s]-(m:%s)",
	}[q.Dir]
	return fmt.Sprintf(`UNWIND $ids AS id MATCH (n:Entity {id: id}) MATCH `+pattern+`
		RETURN id, r, m, startNode(r).id AS from, endNode(r).id AS to, '' AS via
		ORDER BY id, m.id`, t, other), nil
}

// Endorsers returns, for each recommendation or scenario id, the actors that
// endorse it: a SUPPORTS stance, or authorship (rodedraad.EndorsingRoles) of a
// document that contains it, unless it is a CONCLUSION that the document only
// reports (rodedraad.AuthorsEndorse).
func (s *Store) Endorsers(ctx context.Context, ids []string) (map[string][]rodedraad.Link, error) {
	return readOnce(ctx, s, func(tx neo4j.ManagedTransaction) (map[string][]rodedraad.Link, error) {
		return collectLinks(ctx, tx, `UNWIND $ids AS id MATCH (n:Entity {id: id})
			CALL (n) {
				MATCH (m:Actor)-[r:SUPPORTS]->(n) RETURN m, r, 'STANCE' AS via
				UNION
				MATCH (m:Actor)-[r:AUTHORED]->(:Document)-[:CONTAINS]->(n)
				WHERE r.role IN $endorsingRoles AND NOT coalesce(n.kind, '') IN $reportedKinds
				RETURN m, r, 'AUTHORED' AS via
			}
			RETURN id, r, m, startNode(r).id AS from, endNode(r).id AS to, via
			ORDER BY id, m.id, via`, ids)
	})
}

func collectLinks(ctx context.Context, tx neo4j.ManagedTransaction, stmt string, ids []string) (map[string][]rodedraad.Link, error) {
	res, err := tx.Run(ctx, stmt, map[string]any{"ids": ids, "endorsingRoles": rodedraad.EndorsingRoles, "reportedKinds": rodedraad.ReportedKinds})
	if err != nil {
		return nil, err
	}
	out := make(map[string][]rodedraad.Link, len(ids))
	for res.Next(ctx) {
		rec := res.Record()
		id, _, _ := neo4j.GetRecordValue[string](rec, "id")
		r, _, err := neo4j.GetRecordValue[dbtype.Relationship](rec, "r")
		if err != nil {
			return nil, err
		}
		m, _, err := neo4j.GetRecordValue[dbtype.Node](rec, "m")
		if err != nil {
			return nil, err
		}
		from, _, _ := neo4j.GetRecordValue[string](rec, "from")
		to, _, _ := neo4j.GetRecordValue[string](rec, "to")
		via, _, _ := neo4j.GetRecordValue[string](rec, "via")
		out[id] = append(out[id], rodedraad.Link{Edge: edgeFrom(r, from, to), Other: nodeFrom(m), Via: via})
	}
	return out, res.Err()
}

// Endorsements returns, for each actor id, the recommendations and
// scenarios it endorses, the other way round from Endorsers: its SUPPORTS
// stances, and by authorship (rodedraad.EndorsingRoles) the recommendations
// its documents contain, except the CONCLUSIONs they report, and the
// scenarios they describe. Each link's Other is the endorsed item; for
// AUTHORED its edge runs from the actor to the document.
func (s *Store) Endorsements(ctx context.Context, ids []string) (map[string][]rodedraad.Link, error) {
	return readOnce(ctx, s, func(tx neo4j.ManagedTransaction) (map[string][]rodedraad.Link, error) {
		return collectLinks(ctx, tx, `UNWIND $ids AS id MATCH (a:Actor {id: id})
			CALL (a) {
				MATCH (a)-[r:SUPPORTS]->(m) WHERE m:Recommendation OR m:Scenario RETURN m, r, 'STANCE' AS via
				UNION
				MATCH (a)-[r:AUTHORED]->(:Document)-[:CONTAINS]->(m:Recommendation)
				WHERE r.role IN $endorsingRoles AND NOT coalesce(m.kind, '') IN $reportedKinds
				RETURN m, r, 'AUTHORED' AS via
				UNION
				MATCH (a)-[r:AUTHORED]->(:Document)-[:DESCRIBES]->(m:Scenario)
				WHERE r.role IN $endorsingRoles RETURN m, r, 'AUTHORED' AS via
			}
			RETURN id, r, m, startNode(r).id AS from, endNode(r).id AS to, via
			ORDER BY id, m.id, via`, ids)
	})
}
