package graph

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/complexity"
	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// The complexity of an operation is the number of rows (nodes, edges,
// list items) it can return: a paged list costs its page size times its
// items, an unpaged list its size cap times its items, an object one row
// plus its children, a scalar nothing. Connection wrappers (the connection,
// its edges, pageInfo) are no rows of their own: their node is.
//
// Unpaged relationship lists have no page; they are priced at a size that
// covers nearly all real items (the 99th percentile of the seeds and of the
// 10,000-recommendation synthetic graph), and their real size is enforced as
// they resolve by the result-items budget (RODEDRAAD_MAX_RESULT_ITEMS).
const (
	// fewRows prices the short side of a relation: a recommendation's
	// themes, endorsers, conflicts (p99 4–15, median 1–4).
	fewRows = 10
	// manyRows prices the long side: a theme's or a document's
	// recommendations, an actor's assignments (median 40–1,500 at 10k; the
	// item budget stops the real size).
	manyRows = 100
)

// manyLists are the unpaged lists on the long side of a relation.
var manyLists = map[string]bool{
	"Theme.recommendations": true, "Document.recommendations": true, "Actor.assignments": true,
	"Actor.documents": true, "Actor.supports": true, "Actor.opposes": true,
	"Scenario.includes": true, "Scenario.documents": true,
}

// costOptions make scalars and the paging info of connections cost
// nothing: only rows count. (gqlgen prices an object at least 1, even one
// whose own function says 0, so pageInfo is left out instead.)
func costOptions(schema *ast.Schema) []complexity.Option {
	ignore := map[string]struct{}{}
	for name, def := range schema.Types {
		if strings.HasSuffix(name, "Connection") && def.Fields.ForName("pageInfo") != nil {
			ignore[name+".pageInfo"] = struct{}{}
		}
	}
	return []complexity.Option{complexity.WithFixedScalarValue(0), complexity.WithIgnoreFields(ignore)}
}

// rowCost prices the fields that have no complexity function of their own
// by the rows they return (see fewRows). Fields with a function (the paged
// ones, see pageCost) keep it.
type rowCost struct{ graphql.ExecutableSchema }

func (s rowCost) Complexity(ctx context.Context, typeName, field string, child int, args map[string]any) (int, bool) {
	if c, ok := s.ExecutableSchema.Complexity(ctx, typeName, field, child, args); ok {
		return c, true
	}
	schema := s.Schema()
	parent := schema.Types[typeName]
	if parent == nil {
		return 0, false
	}
	def := parent.Fields.ForName(field)
	if def == nil {
		return 0, false
	}
	item := schema.Types[def.Type.Name()]
	if item == nil || item.Kind == ast.Scalar || item.Kind == ast.Enum {
		return 0, false // gqlgen's default: the fixed scalar value, 0
	}
	rows := child
	if !isWrapper(typeName, item.Name) {
		rows = satAdd(child, 1)
	}
	if def.Type.Elem == nil || isWrapper(typeName, "") {
		return rows, true // an object, or a connection's edges: paged at the connection
	}
	return satMul(listSize(typeName, field, args), rows), true
}

// isWrapper says whether typ (or, with typ "", the parent's list field) is
// part of a connection rather than a row: the connection, its edges,
// pageInfo.
func isWrapper(parent, typ string) bool {
	if typ == "" {
		return strings.HasSuffix(parent, "Connection")
	}
	return strings.HasSuffix(typ, "Connection") || typ == "PageInfo" ||
		(strings.HasSuffix(parent, "Connection") && strings.HasSuffix(typ, "Edge"))
}

// listSize is a list's page size when it has one (a first argument), or
// its size cap.
func listSize(typeName, field string, args map[string]any) int {
	switch first := args["first"].(type) {
	case int:
		return max(first, 1)
	case int64:
		return int(max(min(first, saturate), 1))
	}
	if manyLists[typeName+"."+field] {
		return manyRows
	}
	return fewRows
}

// pageCost prices a paged list: its page size times the rows of one item,
// at least one.
func pageCost(child, first int) int { return satMul(max(first, 1), max(child, 1)) }

func satAdd(a, b int) int { return min(a+b, saturate) }

func satMul(a, b int) int {
	if a != 0 && b > saturate/a {
		return saturate
	}
	return a * b
}
