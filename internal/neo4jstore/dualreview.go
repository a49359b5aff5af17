package neo4jstore

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// In dual review mode an item keeps its votes in three parallel lists, as
// Neo4j keeps no list of maps: who decided, what, and with which note.
// Being properties of the item, every vote shows in the audit trail's
// before and after of its review.
const (
	propVoters    = "reviewVoters"
	propVotes     = "reviewVotes"
	propVoteNotes = "reviewVoteNotes"
)

// votesFrom reads the votes kept in an item's properties.
func votesFrom(p map[string]any) rodedraad.Votes {
	voters, _ := p[propVoters].([]any)
	votes, _ := p[propVotes].([]any)
	notes, _ := p[propVoteNotes].([]any)
	var out rodedraad.Votes
	for i := range min(len(voters), len(votes)) {
		v := rodedraad.ReviewVote{Reviewer: str(voters[i]), Status: rodedraad.Status(str(votes[i]))}
		if i < len(notes) {
			v.Note = str(notes[i])
		}
		out = append(out, v)
	}
	return out
}

// voteRow is what the write statements set on one item.
func voteRow(v rodedraad.Votes, status rodedraad.Status) map[string]any {
	row := map[string]any{"status": nil}
	voters, votes, notes := make([]string, len(v)), make([]string, len(v)), make([]string, len(v))
	for i, x := range v {
		voters[i], votes[i], notes[i] = x.Reviewer, string(x.Status), x.Note
	}
	row[propVoters], row[propVotes], row[propVoteNotes] = voters, votes, notes
	if status != "" {
		row["status"] = string(status)
	}
	return row
}

// ReviewVotes records reviewer's decision on every item in refs in dual
// review mode, in one transaction, and returns how many items it settled.
// An item's status changes only when a second, different reviewer agrees
// with the first, or when a third settles their disagreement; a settled
// node's PROPOSED membership edges follow it. Nothing is written on any
// error: NOT_FOUND naming the missing items; FORBIDDEN when the reviewer is
// one of two who disagree on an item; CONFLICT when an item is settled
// already.
func (s *Store) ReviewVotes(ctx context.Context, refs []rodedraad.ReviewRef, status rodedraad.Status, reviewer, note string) (int, error) {
	items := voteItems(refs)
	params := map[string]any{"reviewer": reviewer, "note": note}
	return write(ctx, s, audit{op: "review", targets: reviewTargets(refs)}, func(tx neo4j.ManagedTransaction) (int, error) {
		current, err := lockVotes(ctx, tx, items)
		if err != nil {
			return 0, err
		}
		rows, settled, err := castVotes(items, current, rodedraad.ReviewVote{Reviewer: reviewer, Status: status, Note: note})
		if err != nil {
			return 0, err
		}
		return settled, writeVotes(ctx, tx, rows, params)
	})
}

// voteItem is one item of a dual review: its queue key and the row that
// finds it.
type voteItem struct {
	key  string
	edge bool
	find map[string]any
}

// voteItems lists the distinct items of refs in order, edges normalised.
func voteItems(refs []rodedraad.ReviewRef) []voteItem {
	var out []voteItem
	seen := map[string]bool{}
	for _, r := range refs {
		it := voteItem{key: r.ID, find: map[string]any{"id": r.ID}}
		if r.IsEdge() {
			e := rodedraad.Edge{Type: r.Type, From: r.From, To: r.To}
			e.Normalize()
			it = voteItem{key: fmt.Sprintf("%s:%s->%s", e.Type, e.From, e.To), edge: true,
				find: map[string]any{"type": string(e.Type), "from": e.From, "to": e.To}}
		}
		if !seen[it.key] {
			seen[it.key] = true
			it.find["key"] = it.key
			out = append(out, it)
		}
	}
	return out
}

// The statements that lock the items (setting and removing a property
// takes the write lock, so two reviewers deciding the same item at once
// are serialised and neither vote is lost) and read their properties:
// nodes, and edges of one type.
const lockNodeVotes = `UNWIND $rows AS row MATCH (x:Entity {id: row.id})
	SET x.reviewLock = true REMOVE x.reviewLock RETURN row.key AS key, properties(x) AS p`

func lockEdgeVotes(t string) string {
	return `UNWIND $rows AS row ` + edgeOfRow(t) + `
	SET x.reviewLock = true REMOVE x.reviewLock RETURN row.key AS key, properties(x) AS p`
}

// lockVotes locks the items and returns their votes by key. NOT_FOUND
// names the items that do not exist.
func lockVotes(ctx context.Context, tx neo4j.ManagedTransaction, items []voteItem) (map[string]rodedraad.Votes, error) {
	out := map[string]rodedraad.Votes{}
	for _, g := range findGroups(items) {
		stmt := lockNodeVotes
		if g.edgeType != "" {
			stmt = lockEdgeVotes(g.edgeType)
		}
		res, err := tx.Run(ctx, stmt, map[string]any{"rows": g.rows})
		if err != nil {
			return nil, err
		}
		for res.Next(ctx) {
			key, _, _ := neo4j.GetRecordValue[string](res.Record(), "key")
			p, _, _ := neo4j.GetRecordValue[map[string]any](res.Record(), "p")
			out[key] = votesFrom(p)
		}
		if err := res.Err(); err != nil {
			return nil, err
		}
	}
	return out, missingVotes(items, out)
}

// findGroup is the rows that find items of one kind: nodes (edgeType
// empty) or edges of one type.
type findGroup struct {
	edgeType string
	rows     []any
}

// findGroups groups the items' rows by kind, nodes first, then edges by
// type in order, so that two reviews lock in the same order.
func findGroups(items []voteItem) []findGroup {
	byType := map[string][]any{}
	for _, it := range items {
		t := ""
		if it.edge {
			t, _ = it.find["type"].(string)
		}
		byType[t] = append(byType[t], it.find)
	}
	out := make([]findGroup, 0, len(byType))
	for _, t := range slices.Sorted(maps.Keys(byType)) {
		out = append(out, findGroup{edgeType: t, rows: byType[t]})
	}
	return out
}

func missingVotes(items []voteItem, found map[string]rodedraad.Votes) error {
	var missing []string
	for _, it := range items {
		if _, ok := found[it.key]; !ok {
			missing = append(missing, it.key)
		}
	}
	if len(missing) > 0 {
		return rodedraad.Errorf(rodedraad.ENOTFOUND, "nothing was reviewed: no such item: %s", strings.Join(missing, ", "))
	}
	return nil
}

// castVotes adds vote to every item and returns the rows to write and how
// many items it settles. When the vote is refused on any item the error
// names each such item, FORBIDDEN before CONFLICT.
func castVotes(items []voteItem, current map[string]rodedraad.Votes, vote rodedraad.ReviewVote) ([]voteItem, int, error) {
	var refused []string
	code, settled := "", 0
	out := make([]voteItem, 0, len(items))
	for _, it := range items {
		votes, status, err := current[it.key].Cast(vote)
		if err != nil {
			refused = append(refused, it.key+": "+rodedraad.ErrorMessage(err))
			if code != rodedraad.EFORBIDDEN {
				code = rodedraad.ErrorCode(err)
			}
			continue
		}
		if status != "" {
			settled++
		}
		row := voteRow(votes, status)
		for k, v := range it.find {
			row[k] = v
		}
		out = append(out, voteItem{key: it.key, edge: it.edge, find: row})
	}
	if len(refused) > 0 {
		return nil, 0, rodedraad.Errorf(code, "nothing was reviewed: %s", strings.Join(refused, "; "))
	}
	return out, settled, nil
}

// The statements that write the votes and, where they settle the item,
// its status with the settling reviewer, like a review in single mode:
// for nodes, and for edges of one type.
var writeNodeVotes = `UNWIND $rows AS row MATCH (x:Entity {id: row.id})
	SET x.reviewVoters = row.reviewVoters, x.reviewVotes = row.reviewVotes, x.reviewVoteNotes = row.reviewVoteNotes
	WITH x, row WHERE row.status IS NOT NULL
	` + reviewSetTo("x", "row.status") + `
	WITH x, row
	` + pendingMemberships + `
	FOREACH (m IN ms | ` + reviewSetTo("m", "row.status") + `)`

func writeEdgeVotes(t string) string {
	return `UNWIND $rows AS row ` + edgeOfRow(t) + `
	SET x.reviewVoters = row.reviewVoters, x.reviewVotes = row.reviewVotes, x.reviewVoteNotes = row.reviewVoteNotes
	WITH x, row WHERE row.status IS NOT NULL
	` + reviewSetTo("x", "row.status")
}

func writeVotes(ctx context.Context, tx neo4j.ManagedTransaction, items []voteItem, params map[string]any) error {
	for _, g := range findGroups(items) {
		stmt := writeNodeVotes
		if g.edgeType != "" {
			stmt = writeEdgeVotes(g.edgeType)
		}
		p := map[string]any{"rows": g.rows}
		for k, v := range params {
			p[k] = v
		}
		if _, err := tx.Run(ctx, stmt, p); err != nil {
			return err
		}
	}
	return nil
}
