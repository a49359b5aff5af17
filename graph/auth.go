package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Authorizer checks a principal's role; package auth implements it. It may
// return the principal with more rights (the local single-user mode).
type Authorizer interface {
	Authorize(ctx context.Context, p rodedraad.Principal, need rodedraad.Role) (rodedraad.Principal, error)
}

// Option configures the handler NewHandler builds.
type Option func(*handler.Server)

// WithAuthorizer makes every operation check the caller's role: READER
// for queries, EDITOR for mutations, ADMIN for the root fields in
// adminFields. Without it nothing is checked.
func WithAuthorizer(a Authorizer) Option {
	return func(srv *handler.Server) { srv.Use(roleCheck{a}) }
}

// adminFields are the mutations only an ADMIN may run.
var adminFields = map[string]bool{"deleteDocument": true}

type roleCheck struct{ a Authorizer }

var (
	_ graphql.HandlerExtension     = roleCheck{}
	_ graphql.OperationInterceptor = roleCheck{}
	_ graphql.FieldInterceptor     = roleCheck{}
)

func (roleCheck) ExtensionName() string                   { return "RoleCheck" }
func (roleCheck) Validate(graphql.ExecutableSchema) error { return nil }
func (roleCheck) InterceptField(ctx context.Context, next graphql.Resolver) (any, error) {
	return next(ctx)
}

// InterceptOperation refuses the whole operation when the caller's role is
// below what its type needs, and passes the authorised principal on (the
// audit trail records it).
func (c roleCheck) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	need := rodedraad.RoleReader
	if oc.Operation != nil && oc.Operation.Operation == ast.Mutation {
		need = rodedraad.RoleEditor
		if needsAdmin(oc.Operation.SelectionSet) {
			need = rodedraad.RoleAdmin
		}
	}
	p := rodedraad.PrincipalFrom(ctx)
	if p.Via == "system" { // no server middleware in front: a caller without credentials
		p = rodedraad.Principal{Name: "anonymous", Via: "anonymous"}
	}
	p, err := c.a.Authorize(ctx, p, need)
	if err != nil {
		return refuse(err)
	}
	return next(rodedraad.WithPrincipal(ctx, p))
}

func needsAdmin(set ast.SelectionSet) bool {
	for _, s := range set {
		switch x := s.(type) {
		case *ast.Field:
			if adminFields[x.Name] {
				return true
			}
		case *ast.InlineFragment: // mutation { ... on Mutation { deleteDocument } }
			if needsAdmin(x.SelectionSet) {
				return true
			}
		case *ast.FragmentSpread:
			if x.Definition != nil && needsAdmin(x.Definition.SelectionSet) {
				return true
			}
		}
	}
	return false
}

// refuse answers an operation with one error carrying its code.
func refuse(err error) graphql.ResponseHandler {
	e := &gqlerror.Error{Message: rodedraad.ErrorMessage(err), Extensions: map[string]any{"code": rodedraad.ErrorCode(err)}}
	return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{e}})
}
