package neo4jstore

import (
	"context"
	"encoding/json"
	"slices"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// conflictProps stores a conflict's own fields. Its history is a list of
// JSON strings, one per decision, since Neo4j properties cannot hold maps.
// State and history are left out when the conflict has no decision, so that
// reloading the seeds never wipes what the study team decided since.
func conflictProps(c *rodedraad.Conflict, p props) {
	p.set("topic", c.Topic)
	p.set("summary", c.Summary)
	p.set("strength", c.Strength)
	p.set("score", c.Score)
	p.set("evidence", c.Evidence)
	p.set("language", c.Language)
	translationProps(c.Translation, p)
	if len(c.History) == 0 {
		return
	}
	history := make([]string, len(c.History))
	for i, d := range c.History {
		b, _ := json.Marshal(d) // plain strings and a time: cannot fail
		history[i] = string(b)
	}
	p["history"] = history
	p["state"] = string(c.Latest().State)
}

func conflictFrom(id string, p props, prov rodedraad.Provenance) *rodedraad.Conflict {
	c := &rodedraad.Conflict{ID: id, Topic: p.str("topic"), Summary: p.str("summary"), Strength: p.str("strength"),
		Score: p.intPtr("score"), Evidence: p.strings("evidence"), State: rodedraad.ConflictOpen,
		Language: p.str("language"), Translation: translationFrom(p), Provenance: prov}
	for _, h := range p.strings("history") {
		var d rodedraad.ConflictDecision
		if json.Unmarshal([]byte(h), &d) == nil {
			c.History = append(c.History, d)
		}
	}
	if d := c.Latest(); d != nil {
		c.State = d.State
	}
	return c
}

// conflictsQuery reads conflicts ($ids, or all when null) with their sides,
// in id order.
const conflictsQuery = `MATCH (c:Conflict) WHERE $ids IS NULL OR c.id IN $ids
	RETURN c, COLLECT { MATCH (c)-[:SIDE_A]->(m) RETURN m.id ORDER BY m.id } AS a,
	          COLLECT { MATCH (c)-[:SIDE_B]->(m) RETURN m.id ORDER BY m.id } AS b
	ORDER BY c.id`

// Conflicts returns the conflicts with the given ids (all conflicts when ids
// is nil) with their sides, in id order. Unknown ids are left out.
func (s *Store) Conflicts(ctx context.Context, ids []string) ([]*rodedraad.Conflict, error) {
	return readOnce(ctx, s, func(tx neo4j.ManagedTransaction) ([]*rodedraad.Conflict, error) {
		return readConflicts(ctx, tx, ids)
	})
}

func readConflicts(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) ([]*rodedraad.Conflict, error) {
	var param any // a nil slice must reach Cypher as null, not as an empty list
	if ids != nil {
		param = ids
	}
	res, err := tx.Run(ctx, conflictsQuery, map[string]any{"ids": param})
	if err != nil {
		return nil, err
	}
	var out []*rodedraad.Conflict
	for res.Next(ctx) {
		n, _, err := neo4j.GetRecordValue[dbtype.Node](res.Record(), "c")
		if err != nil {
			return nil, err
		}
		c, _ := nodeFrom(n).(*rodedraad.Conflict)
		if c == nil {
			continue
		}
		a, _, _ := neo4j.GetRecordValue[[]any](res.Record(), "a")
		b, _, _ := neo4j.GetRecordValue[[]any](res.Record(), "b")
		c.SideA, c.SideB = strs(a), strs(b)
		out = append(out, c)
	}
	return out, res.Err()
}

func strs(list []any) []string {
	out := make([]string, 0, len(list))
	for _, v := range list {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// oneConflict reads one conflict inside tx, or NOT_FOUND.
func oneConflict(ctx context.Context, tx neo4j.ManagedTransaction, id string) (*rodedraad.Conflict, error) {
	cs, err := readConflicts(ctx, tx, []string{id})
	if err != nil {
		return nil, err
	}
	if len(cs) == 0 {
		return nil, rodedraad.Errorf(rodedraad.ENOTFOUND, "no conflict with id %q", id)
	}
	return cs[0], nil
}

// SetConflictSides replaces a conflict's sides and, in the same
// transaction, its pairwise CONFLICTS_WITH edges: the old pairs carrying its
// id go, one pair per new side A × side B item comes, so the analysed layer
// stays in step with the conflict. Errors: NOT_FOUND for an unknown
// conflict or side, BAD_USER_INPUT for a side that is not a recommendation
// or scenario, or for sides that are empty or overlap.
func (s *Store) SetConflictSides(ctx context.Context, id string, sideA, sideB []string, by string) (*rodedraad.Conflict, error) {
	return write(ctx, s, audit{op: "set-sides", targets: []target{nodeTarget(id)}}, func(tx neo4j.ManagedTransaction) (*rodedraad.Conflict, error) {
		c, err := oneConflict(ctx, tx, id)
		if err != nil {
			return nil, err
		}
		c.SideA, c.SideB = slices.Clone(sideA), slices.Clone(sideB)
		if err := c.Validate(); err != nil {
			return nil, err
		}
		if err := checkSides(ctx, tx, c); err != nil {
			return nil, err
		}
		if _, err := tx.Run(ctx, `MATCH (c:Conflict {id: $id})-[r:SIDE_A|SIDE_B]->() DELETE r
			WITH DISTINCT c MATCH ()-[p:CONFLICTS_WITH {conflictId: $id}]->() DELETE p`, map[string]any{"id": id}); err != nil {
			return nil, err
		}
		c.Provenance = rodedraad.Provenance{Status: rodedraad.StatusAccepted, Method: rodedraad.MethodManual, CreatedBy: by}
		for _, bt := range batches(nil, append(c.SideEdges(), c.Pairs()...), upsert, importBatch) {
			if _, err := bt.run(ctx, tx, time.Now().UTC()); err != nil {
				return nil, err
			}
		}
		return oneConflict(ctx, tx, id)
	})
}

// checkSides checks that every side exists (NOT_FOUND) and is a
// recommendation or scenario (BAD_USER_INPUT).
func checkSides(ctx context.Context, tx neo4j.ManagedTransaction, c *rodedraad.Conflict) error {
	ids := append(slices.Clone(c.SideA), c.SideB...)
	labels, err := labelsOf(ctx, tx, ids)
	if err != nil {
		return err
	}
	for _, id := range ids {
		switch l := labels[id]; {
		case l == "":
			return rodedraad.Errorf(rodedraad.ENOTFOUND, "conflict %s: side %q does not exist", c.ID, id)
		case l != rodedraad.LabelRecommendation && l != rodedraad.LabelScenario:
			return rodedraad.Errorf(rodedraad.EINVALID, "conflict %s: side %q is a %s, not a recommendation or scenario", c.ID, id, l)
		}
	}
	return nil
}

// DecideConflict appends a decision to a conflict's history and makes its
// state the conflict's state. Errors: NOT_FOUND for an unknown conflict,
// BAD_USER_INPUT for an invalid decision.
func (s *Store) DecideConflict(ctx context.Context, id string, d rodedraad.ConflictDecision) (*rodedraad.Conflict, error) {
	if err := d.Validate(); err != nil {
		return nil, err
	}
	return write(ctx, s, audit{op: "decide", targets: []target{nodeTarget(id)}}, func(tx neo4j.ManagedTransaction) (*rodedraad.Conflict, error) {
		c, err := oneConflict(ctx, tx, id)
		if err != nil {
			return nil, err
		}
		c.History = append(c.History, d)
		p := props{}
		conflictProps(c, p)
		if _, err := tx.Run(ctx, `MATCH (c:Conflict {id: $id}) SET c.history = $history, c.state = $state`,
			map[string]any{"id": id, "history": p["history"], "state": p["state"]}); err != nil {
			return nil, err
		}
		return c, nil
	})
}
