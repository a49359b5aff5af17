package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// ReviewDecisions returns each reviewer's last decision per item, read
// from the audit trail: a review overwrites the item's status, but its
// Change keeps who decided what, and in dual review mode every vote.
func (s *Store) ReviewDecisions(ctx context.Context) ([]rodedraad.ReviewDecision, error) {
	changes, err := readOnce(ctx, s, func(tx neo4j.ManagedTransaction) ([]rodedraad.Change, error) {
		return queryChanges(ctx, tx, `MATCH (c:Change {op: 'review'}) RETURN c ORDER BY c.version, c.seq`, nil)
	})
	if err != nil {
		return nil, err
	}
	last := map[[2]string]rodedraad.Status{}
	var order [][2]string
	keep := func(target, reviewer string, status rodedraad.Status) {
		if reviewer == "" || (status != rodedraad.StatusAccepted && status != rodedraad.StatusRejected) {
			return
		}
		k := [2]string{target, reviewer}
		if _, seen := last[k]; !seen {
			order = append(order, k)
		}
		last[k] = status
	}
	for _, c := range changes {
		// Dual review mode keeps every vote on the item, the first one
		// before the status changes.
		for _, v := range votesFrom(c.After) {
			keep(c.Target, v.Reviewer, v.Status)
		}
		reviewer, _ := c.After["reviewedBy"].(string)
		status, _ := c.After["status"].(string)
		keep(c.Target, reviewer, rodedraad.Status(status))
	}
	out := make([]rodedraad.ReviewDecision, 0, len(order))
	for _, k := range order {
		out = append(out, rodedraad.ReviewDecision{Target: k[0], Reviewer: k[1], Status: last[k]})
	}
	return out, nil
}
