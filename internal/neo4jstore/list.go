package neo4jstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// condition is one filter as a fixed Cypher predicate over n, with the
// parameter it reads. Predicates are constants; only values vary.
type condition struct {
	param     string
	predicate string
}

// actorLinked matches recommendations an actor must act on, takes a stance
// on, or published or wrote (as endorsement counts authorship: a document's
// COMMISSIONER does not own its recommendations).
const actorLinked = `(EXISTS { (n)-[:ASSIGNED_TO]->(a:Actor) WHERE a.%[1]s IN $%[2]s }
	OR EXISTS { (a:Actor)-[:SUPPORTS|CONFLICTS_WITH]->(n) WHERE a.%[1]s IN $%[2]s }
	OR EXISTS { (a:Actor)-[w:AUTHORED]->(:Document)-[:CONTAINS]->(n)
		WHERE a.%[1]s IN $%[2]s AND w.role IN $endorsingRoles })`

// recommendationThemes matches recommendations that address one of the
// themes. It reads the ids of n's few themes from a pattern comprehension:
// the EXISTS form made the planner seek the theme again for every node of
// the id-ordered walk and expand into it from there, 1.3x the time of a
// theme-first statement on a page of 20 at 10k recommendations, against
// 1.1x this way (a page of 20 from the id walk reads about 200 nodes).
const recommendationThemes = `any(x IN [(n)-[:ADDRESSES]->(t:Theme) | t.id] WHERE x IN $themes)`

// conditions lists, per kind, the filters it supports.
var conditions = map[rodedraad.Label]map[string]condition{
	rodedraad.LabelRecommendation: {
		"themes":    {"themes", recommendationThemes},
		"actors":    {"actors", fmt.Sprintf(actorLinked, "id", "actors")},
		"sectors":   {"sectors", fmt.Sprintf(actorLinked, "sector", "sectors")},
		"documents": {"documents", `EXISTS { (d:Document)-[:CONTAINS]->(n) WHERE d.id IN $documents }`},
		"scenarios": {"scenarios", `EXISTS { (s:Scenario)-[:INCLUDES]->(n) WHERE s.id IN $scenarios }`},
		"kinds":     {"kinds", `n.kind IN $kinds`},
		"conflicts": {"conflicts", `EXISTS { (n)-[c:CONFLICTS_WITH]-() WHERE c.conflictId IN $conflicts }`},
		"text":      {"text", `toLower(coalesce(n.title, '') + ' ' + n.text) CONTAINS toLower($text)`},
	},
	rodedraad.LabelDocument: {
		"themes":    {"themes", `EXISTS { (n)-[:CONTAINS]->(:Recommendation)-[:ADDRESSES]->(t:Theme) WHERE t.id IN $themes }`},
		"actors":    {"actors", `EXISTS { (a:Actor)-[:AUTHORED]->(n) WHERE a.id IN $actors }`},
		"sectors":   {"sectors", `EXISTS { (a:Actor)-[:AUTHORED]->(n) WHERE a.sector IN $sectors }`},
		"scenarios": {"scenarios", `EXISTS { (n)-[:DESCRIBES]->(s:Scenario) WHERE s.id IN $scenarios }`},
		"kinds":     {"kinds", `n.kind IN $kinds`},
		"text":      {"text", `toLower(n.title + ' ' + coalesce(n.summary, '')) CONTAINS toLower($text)`},
	},
	rodedraad.LabelActor: {
		"sectors":   {"sectors", `n.sector IN $sectors`},
		"kinds":     {"kinds", `n.kind IN $kinds`},
		"documents": {"documents", `EXISTS { (n)-[:AUTHORED]->(d:Document) WHERE d.id IN $documents }`},
		"themes":    {"themes", `EXISTS { (n)-[:SUPPORTS]->(:Recommendation)-[:ADDRESSES]->(t:Theme) WHERE t.id IN $themes }`},
		"text":      {"text", `toLower(n.name + ' ' + coalesce(n.aliasesText, '')) CONTAINS toLower($text)`},
	},
	rodedraad.LabelTheme: {
		"text": {"text", `toLower(n.name + ' ' + coalesce(n.description, '')) CONTAINS toLower($text)`},
	},
	rodedraad.LabelScenario: {
		"documents": {"documents", `EXISTS { (d:Document)-[:DESCRIBES]->(n) WHERE d.id IN $documents }`},
		"themes":    {"themes", `EXISTS { (n)-[:INCLUDES]->(:Recommendation)-[:ADDRESSES]->(t:Theme) WHERE t.id IN $themes }`},
		"kinds":     {"kinds", `n.family IN $kinds`},
		"text":      {"text", `toLower(n.name + ' ' + coalesce(n.description, '') + ' ' + coalesce(n.finding, '')) CONTAINS toLower($text)`},
	},
}

// common filters apply to every kind.
var common = map[string]condition{
	"ids":      {"ids", `n.id IN $ids`},
	"statuses": {"statuses", `coalesce(n.status, 'ACCEPTED') IN $statuses`},
}

// where builds the WHERE clause and parameters of a filter for a kind.
// A filter the kind does not support is BAD_USER_INPUT.
func where(label rodedraad.Label, f rodedraad.Filter) (string, map[string]any, error) {
	// In a fixed order, so that equal filters give equal statements.
	values := []struct {
		name  string
		value any
	}{
		{"ids", f.IDs}, {"themes", f.Themes}, {"actors", f.Actors}, {"sectors", f.Sectors},
		{"documents", f.Documents}, {"scenarios", f.Scenarios}, {"kinds", f.Kinds},
		{"conflicts", f.Conflicts}, {"statuses", f.Statuses}, {"text", f.Text},
	}
	var preds []string
	params := map[string]any{}
	for _, v := range values {
		name := v.name
		if isEmpty(v.value) {
			continue
		}
		c, ok := common[name]
		if !ok {
			c, ok = conditions[label][name]
		}
		if !ok {
			return "", nil, rodedraad.Errorf(rodedraad.EINVALID, "filter %s does not apply to %s", name, label)
		}
		preds = append(preds, c.predicate)
		params[c.param] = v.value
		if name == "actors" || name == "sectors" {
			params["endorsingRoles"] = rodedraad.EndorsingRoles
		}
	}
	if len(preds) == 0 {
		return "", params, nil
	}
	return "WHERE " + strings.Join(preds, "\n  AND "), params, nil
}

func isEmpty(v any) bool {
	switch x := v.(type) {
	case []string:
		return len(x) == 0
	case string:
		return x == ""
	}
	return v == nil
}

// sortKey is the Cypher expression a list is ordered by.
func sortKey(label rodedraad.Label, o rodedraad.OrderField) (string, error) {
	switch {
	case o == "" || o == rodedraad.OrderByID:
		return "n.id", nil
	case o == rodedraad.OrderByTitle:
		return "toLower(coalesce(n.title, n.name, ''))", nil
	case o == rodedraad.OrderByYear && label == rodedraad.LabelDocument:
		return "coalesce(n.year, 0)", nil
	}
	return "", rodedraad.Errorf(rodedraad.EINVALID, "%s cannot be ordered by %s", label, o)
}

// direction is the comparison that walks past a cursor and the sort order
// of o.
func direction(o rodedraad.Order) (cmp, dir string) {
	if o.Desc {
		return "<", "DESC"
	}
	return ">", "ASC"
}

// keysetAfter is the WHERE clause that starts a page strictly after its
// cursor, over the sort key k and the id that breaks ties, with its
// parameters put into params; "" on the first page.
func keysetAfter(o rodedraad.Order, p rodedraad.Page, params map[string]any) string {
	if p.After == nil {
		return ""
	}
	cmp, _ := direction(o)
	params["afterKey"], params["afterId"] = p.After.Key, p.After.ID
	return fmt.Sprintf("WHERE k %[1]s $afterKey OR (k = $afterKey AND n.id %[1]s $afterId)", cmp)
}

// List returns one page of nodes of a kind, filtered and ordered, with keyset
// paging: the page starts strictly after the cursor.
func (s *Store) List(ctx context.Context, label rodedraad.Label, f rodedraad.Filter, o rodedraad.Order, p rodedraad.Page) (rodedraad.PageOf[rodedraad.Node], error) {
	var out rodedraad.PageOf[rodedraad.Node]
	if err := p.Validate(); err != nil {
		return out, err
	}
	if err := checkLabel(label); err != nil {
		return out, err
	}
	stmt, params, err := listStatement(label, f, o, p)
	if err != nil {
		return out, err
	}
	return readOnce(ctx, s, func(tx neo4j.ManagedTransaction) (rodedraad.PageOf[rodedraad.Node], error) {
		return collectPage(ctx, tx, stmt, params, p.First)
	})
}

func listStatement(label rodedraad.Label, f rodedraad.Filter, o rodedraad.Order, p rodedraad.Page) (string, map[string]any, error) {
	cond, params, err := where(label, f)
	if err != nil {
		return "", nil, err
	}
	key, err := sortKey(label, o.Field)
	if err != nil {
		return "", nil, err
	}
	_, dir := direction(o)
	after := keysetAfter(o, p, params)
	params["limit"] = p.First + 1
	stmt := fmt.Sprintf(`MATCH (n:%s) %s
		WITH n, %s AS k %s
		RETURN n, k ORDER BY k %s, n.id %s LIMIT $limit`, label, cond, key, after, dir, dir)
	return stmt, params, nil
}

func collectPage(ctx context.Context, tx neo4j.ManagedTransaction, stmt string, params map[string]any, first int) (rodedraad.PageOf[rodedraad.Node], error) {
	return collectRows(ctx, tx, stmt, params, first, func(rec *neo4j.Record) (rodedraad.Node, rodedraad.Cursor, error) {
		n, _, err := neo4j.GetRecordValue[dbtype.Node](rec, "n")
		if err != nil {
			return nil, rodedraad.Cursor{}, err
		}
		k, _ := rec.Get("k")
		node := nodeFrom(n)
		return node, rodedraad.Cursor{Key: k, ID: node.NodeID()}, nil
	})
}

// collectRows reads one keyset page: up to first items, each with its
// cursor, and whether the statement's look-ahead row (LIMIT first + 1)
// says there is a next page.
func collectRows[T any](ctx context.Context, tx neo4j.ManagedTransaction, stmt string, params map[string]any, first int,
	item func(*neo4j.Record) (T, rodedraad.Cursor, error)) (rodedraad.PageOf[T], error) {
	var out rodedraad.PageOf[T]
	res, err := tx.Run(ctx, stmt, params)
	if err != nil {
		return out, err
	}
	for res.Next(ctx) {
		if len(out.Items) == first {
			out.HasNextPage = true
			break
		}
		it, c, err := item(res.Record())
		if err != nil {
			return out, err
		}
		out.Items = append(out.Items, it)
		out.Cursors = append(out.Cursors, c)
	}
	return out, res.Err()
}

// Count returns how many nodes of a kind match the filter.
func (s *Store) Count(ctx context.Context, label rodedraad.Label, f rodedraad.Filter) (int, error) {
	if err := checkLabel(label); err != nil {
		return 0, err
	}
	cond, params, err := where(label, f)
	if err != nil {
		return 0, err
	}
	stmt := fmt.Sprintf(`MATCH (n:%s) %s RETURN count(n) AS v`, label, cond)
	return readOnce(ctx, s, func(tx neo4j.ManagedTransaction) (int, error) {
		return singleInt(ctx, tx, stmt, params)
	})
}
