package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/rs/zerolog"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/rodedraad/rodedraad/internal/jsontext"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Direct answers. gqlgen resolves a selection field by field, with a
// goroutine for every field that has a resolver and for every item of a
// list of objects: about a thousand for a dashboard page of 100
// recommendations, costing more CPU than the read itself. A compiled read
// (compiled.go) already holds everything its root field asks for, so that
// field's answer is written straight from the read (write.go):
//
//   - gqlgen still parses, validates, limits and authorises the operation
//     and runs the root resolver, with its arguments, errors and middleware;
//   - the resolver writes its value's JSON into the operation's sink and
//     hands gqlgen a stand-in that costs nothing to marshal (an empty page,
//     a null, an empty list);
//   - directWrites, the interceptor below, puts the written values in place
//     of the stand-ins in gqlgen's answer.
//
// What the writer cannot express (a field the planner leaves to the
// loaders, a list cut at the store's cap, a value that breaks a non-null
// field) leaves the whole root field to gqlgen, so the answer is the same
// either way; TestDirectWrites_SameAnswers holds them to that, byte for byte.

// directSink collects the root fields written directly, by response key.
type directSink struct {
	mu     sync.Mutex
	values map[string][]byte
}

type sinkKey struct{}

func sinkFrom(ctx context.Context) *directSink {
	s, _ := ctx.Value(sinkKey{}).(*directSink)
	return s
}

func (s *directSink) put(key string, value []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.values[key] = value
}

// directWrites is the extension that lets the root resolvers of a query
// write their answers directly, and puts those answers in place.
type directWrites struct{}

var _ graphql.OperationInterceptor = directWrites{}

func (directWrites) ExtensionName() string                   { return "DirectWrites" }
func (directWrites) Validate(graphql.ExecutableSchema) error { return nil }

func (directWrites) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	if off, _ := ctx.Value(noDirectKey{}).(bool); off || !directable(graphql.GetOperationContext(ctx)) {
		return next(ctx)
	}
	sink := &directSink{values: map[string][]byte{}}
	rh := next(context.WithValue(ctx, sinkKey{}, sink))
	return func(ctx context.Context) *graphql.Response {
		resp := rh(ctx)
		if resp == nil || len(sink.values) == 0 {
			return resp
		}
		data, err := splice(resp.Data, sink.values)
		if err != nil {
			zerolog.Ctx(ctx).Error().Err(err).Msg("graphql: putting direct answers in place")
			return &graphql.Response{Errors: gqlerror.List{{Message: "internal error: see the server log for details",
				Extensions: map[string]any{"code": rodedraad.EINTERNAL}}}}
		}
		resp.Data = data
		return resp
	}
}

// directable reports whether an operation's root fields may write their
// answers directly: a query whose only directives are @skip and @include,
// which field collection applies (@defer and @stream change the shape of
// the response).
func directable(oc *graphql.OperationContext) bool {
	if oc == nil || oc.Operation == nil || oc.Operation.Operation != ast.Query {
		return false
	}
	return plainSelections(oc.Operation.SelectionSet, map[string]bool{})
}

func plainSelections(set ast.SelectionSet, seen map[string]bool) bool {
	for _, s := range set {
		var dirs ast.DirectiveList
		var inner ast.SelectionSet
		switch x := s.(type) {
		case *ast.Field:
			dirs, inner = x.Directives, x.SelectionSet
		case *ast.InlineFragment:
			dirs, inner = x.Directives, x.SelectionSet
		case *ast.FragmentSpread:
			dirs = x.Directives
			if x.Definition != nil && !seen[x.Name] {
				seen[x.Name] = true
				inner = x.Definition.SelectionSet
			}
		}
		for _, d := range dirs {
			if d.Name != "skip" && d.Name != "include" {
				return false
			}
		}
		if !plainSelections(inner, seen) {
			return false
		}
	}
	return true
}

// splice returns gqlgen's data object with the values of the keys in
// written replaced, keeping the order of its keys.
func splice(data json.RawMessage, written map[string][]byte) (json.RawMessage, error) {
	if len(bytes.TrimSpace(data)) == 0 || bytes.Equal(data, []byte("null")) {
		return data, nil // a non-null root field failed: data is null
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, errors.New("the answer's data is not an object")
	}
	out := append(make([]byte, 0, len(data)+totalLen(written)), '{')
	for dec.More() {
		tok, err := dec.Token()
		key, isKey := tok.(string)
		var raw json.RawMessage
		if err != nil || !isKey || dec.Decode(&raw) != nil {
			return nil, errors.New("the answer's data does not decode")
		}
		if len(out) > 1 {
			out = append(out, ',')
		}
		out = jsontext.AppendString(out, key)
		out = append(out, ':')
		if v, ok := written[key]; ok {
			raw = v
		}
		out = append(out, raw...)
	}
	return append(out, '}'), nil
}

func totalLen(m map[string][]byte) int {
	n := 0
	for _, v := range m {
		n += len(v)
	}
	return n
}

// writeRoot writes the current root field's answer with write, when the
// operation lets it and the answer fits the request's item budget, and
// reports whether it did: the resolver then returns its stand-in.
func writeRoot(ctx context.Context, write func(w *writer, sel ast.SelectionSet) bool) bool {
	sink := sinkFrom(ctx)
	fc := graphql.GetFieldContext(ctx)
	if sink == nil || fc == nil {
		return false
	}
	w := newWriter(graphql.GetOperationContext(ctx))
	if !write(w, fc.Field.Selections) || !takeItems(ctx, w.items) {
		return false
	}
	sink.put(fc.Field.Alias, w.buf)
	if n, ok := ctx.Value(directCountKey{}).(interface{ Add(int64) int64 }); ok {
		n.Add(1)
	}
	return true
}

// takeItems adds n list items to the request's count when they fit its
// budget (queryBudget), as the resolvers of the lists would have.
func takeItems(ctx context.Context, n int) bool {
	items, _ := ctx.Value(itemsKey{}).(*requestItems)
	if items == nil {
		return true
	}
	return items.add(int64(n), false) // over it, gqlgen's way counts them and stops the request
}

// noDirectKey marks an operation whose answers gqlgen marshals field by
// field; directCountKey holds a counter of root fields written directly.
type (
	noDirectKey    struct{}
	directCountKey struct{}
)

// WithoutDirectWrites makes gqlgen marshal every answer field by field, as
// before direct answers existed. Tests compare the two ways.
func WithoutDirectWrites() Option {
	return func(srv *handler.Server) {
		srv.Use(contextFlag{name: "NoDirectWrites", key: noDirectKey{}, value: true})
	}
}

// contextFlag is an extension that puts one value in every operation's
// context.
type contextFlag struct {
	name       string
	key, value any
}

var _ graphql.OperationInterceptor = contextFlag{}

func (f contextFlag) ExtensionName() string                 { return f.name }
func (contextFlag) Validate(graphql.ExecutableSchema) error { return nil }

func (f contextFlag) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	return next(context.WithValue(ctx, f.key, f.value))
}
