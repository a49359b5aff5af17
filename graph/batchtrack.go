package graph

import (
	"context"
	"reflect"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// tracker counts the fields of one query that are running or about to
// run, so that the batchers know the moment nothing can add a key any more:
// then every open batch is fetched at once, without waiting out a window.
//
// gqlgen resolves each field through the field middleware, and resolves the
// fields of a field's result only after that field returned. So when a
// field returns, the fields of its result (one per selected field and
// object) are counted as pending before the field itself stops counting;
// each then counts as running from its start until it returns, except while
// it waits on a batch. When the count reaches zero, every field is waiting
// on a batch and the open ones are complete.
type tracker struct {
	schema *ast.Schema
	sat    map[string][]string // per object type, the type conditions it meets

	// Every field of a query changes the count twice, from many goroutines
	// at once, so the count and the flag are atomics; the lock guards only
	// the open batches.
	pending atomic.Int64 // fields running or about to run, not waiting on a batch
	exact   atomic.Bool  // false once a shape could not be counted: batchers fall back to their window
	mu      sync.Mutex
	open    []func() // flushes the batches still collecting keys

	counts sync.Map // fieldCountKey → fieldCount
}

type trackerKey struct{}

func trackerFrom(ctx context.Context) *tracker {
	t, _ := ctx.Value(trackerKey{}).(*tracker)
	return t
}

// counting says whether batches may rely on t.
func (t *tracker) counting() bool {
	return t != nil && t.exact.Load()
}

// onIdle registers flush to be called once nothing runs.
func (t *tracker) onIdle(flush func()) {
	t.mu.Lock()
	t.open = append(t.open, flush)
	t.mu.Unlock()
	t.add(0) // the batch may open while nothing else runs
}

// wait counts a field as waiting on a batch; resume counts n waiting fields
// as running again.
func (t *tracker) wait()        { t.add(-1) }
func (t *tracker) resume(n int) { t.add(n) }

// add changes the count by n and flushes the open batches when it reaches
// zero. A count below zero means a shape was miscounted: t stops counting
// and flushes, and the batchers go back to their window.
func (t *tracker) add(n int) {
	p := t.pending.Add(int64(n))
	if p > 0 && t.exact.Load() {
		return
	}
	if p < 0 {
		t.exact.Store(false)
	}
	t.mu.Lock()
	open := t.open
	t.open = nil
	t.mu.Unlock()
	for _, flush := range open {
		flush()
	}
}

// giveUp stops counting and flushes what is open.
func (t *tracker) giveUp() {
	t.exact.Store(false)
	t.add(0)
}

// batchTracking is the gqlgen extension that gives each query a tracker and
// counts its fields.
type batchTracking struct {
	schema *ast.Schema
	sat    map[string][]string
}

func newBatchTracking(schema *ast.Schema) batchTracking {
	sat := map[string][]string{}
	for name, def := range schema.Types {
		if def.Kind == ast.Object {
			sat[name] = satisfies(schema, name)
		}
	}
	return batchTracking{schema: schema, sat: sat}
}

var (
	_ graphql.HandlerExtension     = batchTracking{}
	_ graphql.OperationInterceptor = batchTracking{}
	_ graphql.FieldInterceptor     = batchTracking{}
)

func (batchTracking) ExtensionName() string                   { return "BatchTracking" }
func (batchTracking) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptOperation counts a query's root fields as pending. Mutations run
// their root fields one after the other, so they are not tracked: their
// batches wait out the window.
func (e batchTracking) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	if oc == nil || oc.Operation == nil || oc.Operation.Operation != ast.Query {
		return next(ctx)
	}
	t := &tracker{schema: e.schema, sat: e.sat}
	n, exact := countFields(oc, oc.Operation.SelectionSet, []string{"Query"})
	t.pending.Store(int64(n))
	t.exact.Store(exact)
	return next(context.WithValue(ctx, trackerKey{}, t))
}

// InterceptField counts the field's result's fields as pending once it
// returns, then stops counting the field.
func (batchTracking) InterceptField(ctx context.Context, next graphql.Resolver) (res any, err error) {
	t := trackerFrom(ctx)
	if !t.counting() {
		return next(ctx)
	}
	defer func() {
		n, ok := 0, true
		if err == nil {
			n, ok = t.children(ctx, res)
		}
		if !ok {
			t.giveUp()
		}
		t.add(n - 1)
	}()
	return next(ctx)
}

// children counts the fields gqlgen will resolve on res: the selected
// fields of every object in it. false when it cannot tell (an abstract type
// whose Go value it cannot name, a deferred fragment, introspection).
func (t *tracker) children(ctx context.Context, res any) (int, bool) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || res == nil || len(fc.Field.Selections) == 0 {
		return 0, true
	}
	def := t.schema.Types[fc.Field.Definition.Type.Name()]
	if def == nil || def.BuiltIn {
		return 0, false
	}
	c := childCounter{t: t, oc: graphql.GetOperationContext(ctx), field: fc.Field.Field, sel: fc.Field.Selections, def: def}
	n := c.walk(reflect.ValueOf(res))
	return n, c.ok
}

type childCounter struct {
	t     *tracker
	oc    *graphql.OperationContext
	field *ast.Field // the field of the query whose result is counted
	sel   ast.SelectionSet
	def   *ast.Definition // the field's named type
	ok    bool
}

// fieldCount is what a field of the query selects on one object type:
// memoised per operation, as every item of every list asks it again.
type fieldCount struct {
	n  int
	ok bool
}

type fieldCountKey struct {
	field *ast.Field
	obj   string
}

// walk counts the fields of the objects in v, through pointers, interfaces
// and lists.
func (c *childCounter) walk(v reflect.Value) int {
	c.ok = true
	return c.walkValue(v)
}

func (c *childCounter) walkValue(v reflect.Value) int {
	switch v.Kind() {
	case reflect.Invalid:
		return 0
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return 0
		}
		return c.walkValue(v.Elem())
	case reflect.Slice, reflect.Array:
		n := 0
		for i := range v.Len() {
			n += c.walkValue(v.Index(i))
		}
		return n
	}
	return c.fieldsOf(c.objectName(v))
}

// objectName is the GraphQL object type of v: the field's type, or for an
// interface or union the object named like v's Go type.
func (c *childCounter) objectName(v reflect.Value) string {
	if c.def.Kind == ast.Object {
		return c.def.Name
	}
	name := v.Type().Name()
	if slices.ContainsFunc(c.t.schema.GetPossibleTypes(c.def), func(d *ast.Definition) bool { return d.Name == name }) {
		return name
	}
	c.ok = false
	return ""
}

func (c *childCounter) fieldsOf(obj string) int {
	if obj == "" {
		return 0
	}
	key := fieldCountKey{c.field, obj}
	v, seen := c.t.counts.Load(key)
	if !seen {
		n, ok := countFields(c.oc, c.sel, c.t.sat[obj])
		v = fieldCount{n, ok}
		c.t.counts.Store(key, v)
	}
	fc := v.(fieldCount)
	c.ok = c.ok && fc.ok
	return fc.n
}

// countFields counts the fields gqlgen resolves through the middleware for
// sel on an object that satisfies these types: all but __typename. false
// when a fragment is deferred.
func countFields(oc *graphql.OperationContext, sel ast.SelectionSet, satisfies []string) (int, bool) {
	n := 0
	for _, f := range graphql.CollectFields(oc, sel, satisfies) {
		switch {
		case f.IsDeferred():
			return 0, false
		case f.Name == "__typename":
		default:
			n++
		}
	}
	return n, true
}

// satisfies lists the type conditions an object meets: its name, its
// interfaces and the unions it is in.
func satisfies(schema *ast.Schema, obj string) []string {
	out := []string{obj}
	if def := schema.Types[obj]; def != nil {
		out = append(out, def.Interfaces...)
	}
	for name, def := range schema.Types {
		if def.Kind == ast.Union && slices.Contains(def.Types, obj) {
			out = append(out, name)
		}
	}
	return out
}
