package graph

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// depthLimit rejects operations whose selections nest deeper than a limit,
// before anything runs. Fragments count at the depth where they are spread.
type depthLimit struct{ max int }

// DepthLimit returns the gqlgen extension that enforces max.
func DepthLimit(limit int) graphql.HandlerExtension { return depthLimit{max: limit} }

func (depthLimit) ExtensionName() string                   { return "DepthLimit" }
func (depthLimit) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext measures the operation and refuses it when too deep.
func (d depthLimit) MutateOperationContext(_ context.Context, op *graphql.OperationContext) *gqlerror.Error {
	if d.max <= 0 || op.Operation == nil {
		return nil
	}
	if depth := selectionDepth(op.Operation.SelectionSet, 0, d.max); depth > d.max {
		e := gqlerror.Errorf("the query nests %d levels deep or more; at most %d are allowed: split it into smaller queries", depth, d.max)
		setCode(e, rodedraad.EINVALID)
		return e
	}
	return nil
}

// selectionDepth returns the depth of set, stopping early once past limit so
// that a recursive fragment cannot loop.
func selectionDepth(set ast.SelectionSet, depth, limit int) int {
	if depth > limit {
		return depth
	}
	deepest := depth
	for _, sel := range set {
		var d int
		switch s := sel.(type) {
		case *ast.Field:
			if len(s.SelectionSet) == 0 {
				d = depth + 1
			} else {
				d = selectionDepth(s.SelectionSet, depth+1, limit)
			}
		case *ast.InlineFragment:
			d = selectionDepth(s.SelectionSet, depth, limit)
		case *ast.FragmentSpread:
			if s.Definition != nil {
				d = selectionDepth(s.Definition.SelectionSet, depth, limit)
			}
		default:
			panic(fmt.Sprintf("unknown selection %T", sel))
		}
		deepest = max(deepest, d)
	}
	return deepest
}
