package graph

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Budgets that hold for every query shape, checked before gqlgen validates
// (which with nested fragments can itself cost seconds) and while it runs.
const (
	// maxExpandedFields caps the fields of a query with every fragment
	// spread expanded: a chain of fragments that each spread the next twice
	// doubles per link.
	maxExpandedFields = 5000
	// maxExpensive caps how often the expensive fields appear in one query,
	// aliases included.
	maxExpensive = 4
	// maxResultItems is the default cap on the list items one request may
	// resolve, counted as they arrive: the real size of lists without a page.
	maxResultItems = 20000
	// expensiveSlots bounds how many expensive fields run at once in the
	// whole server; the others wait, until their deadline.
	expensiveSlots = 4
)

// expensiveFields read much of the graph or run analyses.
var expensiveFields = map[string]bool{
	"neighbourhood": true, "coherence": true, "search": true, "searchPassages": true, "matrix": true,
	"coherences": true, "suggestLinks": true, "suggestOverlaps": true,
}

// slotFields run through the server's few slots: each does its expensive
// work in Neo4j per call. coherence and matrix are not among them: their
// snapshot is read once for all callers, and a cached answer must not queue
// behind another caller's search.
var slotFields = map[string]bool{
	"neighbourhood": true, "search": true, "searchPassages": true, "suggestLinks": true, "suggestOverlaps": true,
}

// queryBudget is the gqlgen extension that enforces the budgets.
type queryBudget struct {
	slots    chan struct{}
	maxItems int64
}

// newQueryBudget returns the budgets with at most maxItems list items per
// request (0: maxResultItems).
func newQueryBudget(maxItems int) *queryBudget {
	if maxItems <= 0 {
		maxItems = maxResultItems
	}
	return &queryBudget{slots: make(chan struct{}, expensiveSlots), maxItems: int64(maxItems)}
}

var (
	_ graphql.HandlerExtension          = (*queryBudget)(nil)
	_ graphql.OperationParameterMutator = (*queryBudget)(nil)
	_ graphql.OperationInterceptor      = (*queryBudget)(nil)
	_ graphql.FieldInterceptor          = (*queryBudget)(nil)
)

func (*queryBudget) ExtensionName() string                   { return "QueryBudget" }
func (*queryBudget) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters measures the query before gqlgen parses and
// validates it: QUERY_TOO_EXPENSIVE when its expanded size or its count of
// expensive fields is over budget. A query that does not parse is left to
// gqlgen, which reports it.
func (*queryBudget) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	doc, err := parser.ParseQuery(&ast.Source{Input: p.Query})
	if err != nil {
		return nil
	}
	m := measurer{frags: map[string]*ast.FragmentDefinition{}, memo: map[string]cost{}, busy: map[string]bool{}}
	for _, f := range doc.Fragments {
		m.frags[f.Name] = f
	}
	var total cost
	for _, op := range doc.Operations {
		total = total.add(m.set(op.SelectionSet))
	}
	switch {
	case m.badValue != "":
		return &gqlerror.Error{Message: m.badValue, Extensions: map[string]any{"code": rodedraad.EINVALID}}
	case total.fields > maxExpandedFields:
		return tooExpensive(fmt.Sprintf("de query is te groot / the query expands to more than %d fields (fragments spread out)", maxExpandedFields))
	case total.expensive > maxExpensive:
		return tooExpensive(fmt.Sprintf("de query vraagt %d dure velden / the query asks %d expensive fields (neighbourhood, coherence, search, matrix, ...): at most %d per request", total.expensive, total.expensive, maxExpensive))
	}
	return nil
}

func tooExpensive(msg string) *gqlerror.Error {
	return &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": CodeTooExpensive}}
}

// cost is a query's size with fragments expanded, saturating so that a
// fragment bomb cannot overflow.
type cost struct{ fields, expensive int }

const saturate = 1 << 30

func (c cost) add(d cost) cost {
	return cost{min(c.fields+d.fields, saturate), min(c.expensive+d.expensive, saturate)}
}

type measurer struct {
	// badValue names the first literal no scalar can hold (an integer
	// beyond 64 bits panics deep in gqlgen's coercion of custom scalars).
	badValue string
	frags    map[string]*ast.FragmentDefinition
	memo     map[string]cost
	busy     map[string]bool // fragments being measured: a cycle counts nothing (validation refuses it)
}

func (m *measurer) set(ss ast.SelectionSet) cost {
	var c cost
	for _, s := range ss {
		switch x := s.(type) {
		case *ast.Field:
			c = c.add(cost{fields: 1})
			if expensiveFields[x.Name] {
				c = c.add(cost{expensive: 1})
			}
			for _, a := range x.Arguments {
				m.checkValue(x.Name+"."+a.Name, a.Value)
			}
			c = c.add(m.set(x.SelectionSet))
		case *ast.InlineFragment:
			c = c.add(m.set(x.SelectionSet))
		case *ast.FragmentSpread:
			c = c.add(m.fragment(x.Name))
		}
	}
	return c
}

func (m *measurer) fragment(name string) cost {
	if c, ok := m.memo[name]; ok {
		return c
	}
	f := m.frags[name]
	if f == nil || m.busy[name] {
		return cost{}
	}
	m.busy[name] = true
	c := m.set(f.SelectionSet)
	m.busy[name] = false
	m.memo[name] = c
	return c
}

// requestItems counts the list items one operation resolved.
type requestItems struct {
	n, max int64
	mu     sync.Mutex
	cancel context.CancelCauseFunc
}

type itemsKey struct{}

// errTooManyItems stops an operation whose lists grew over budget.
var errTooManyItems = rodedraad.Errorf(CodeTooExpensive,
	"het antwoord bevat te veel items / the answer holds too many list items (RODEDRAAD_MAX_RESULT_ITEMS): ask for fewer or smaller pages")

// InterceptOperation gives the operation a context of its own, cancelled
// when it ends or goes over budget, so that no resolver of it keeps running
// after the answer or after the client left.
func (q *queryBudget) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	ctx, cancel := context.WithCancelCause(ctx)
	items := &requestItems{cancel: cancel, max: q.maxItems}
	rh := next(context.WithValue(ctx, itemsKey{}, items))
	return func(ctx context.Context) *graphql.Response {
		resp := rh(ctx)
		if resp == nil {
			cancel(nil)
		}
		return resp
	}
}

// InterceptField stops resolving once the operation's context is done (the
// deadline passed, the client left, the budget ran out), runs expensive root
// fields through the server's few slots, and counts list items.
func (q *queryBudget) InterceptField(ctx context.Context, next graphql.Resolver) (any, error) {
	if err := context.Cause(ctx); err != nil {
		return nil, stopped(ctx)
	}
	fc := graphql.GetFieldContext(ctx)
	if fc != nil && (fc.Object == "Query" || fc.Object == "Mutation") && slotFields[fc.Field.Name] {
		select {
		case q.slots <- struct{}{}:
			defer func() { <-q.slots }()
		case <-ctx.Done():
			return nil, stopped(ctx)
		}
	}
	res, err := next(ctx)
	if err == nil && fc != nil && fc.IsResolver {
		countItems(ctx, res)
	}
	return res, err
}

// stopped says why an operation's context ended.
func stopped(ctx context.Context) error {
	if cause := context.Cause(ctx); cause == errTooManyItems {
		return errTooManyItems
	}
	if errors.Is(context.Cause(ctx), context.DeadlineExceeded) {
		return rodedraad.Errorf(rodedraad.EUNAVAILABLE, "the query took too long and was stopped: narrow it or raise RODEDRAAD_QUERY_TIMEOUT")
	}
	return rodedraad.Errorf(rodedraad.EUNAVAILABLE, "the request was cancelled")
}

// countItems adds the length of a resolved list to the operation's count
// and stops the operation when it passes the budget.
func countItems(ctx context.Context, res any) {
	items, _ := ctx.Value(itemsKey{}).(*requestItems)
	if items == nil || res == nil {
		return
	}
	v := reflect.ValueOf(res)
	if v.Kind() != reflect.Slice {
		return
	}
	if !items.add(int64(v.Len()), true) {
		items.cancel(errTooManyItems)
	}
}

// add counts n more items and reports whether the count stays within the
// budget. Past the budget it counts them only when always is set: a
// resolved list has arrived, a list not yet written need not be.
func (r *requestItems) add(n int64, always bool) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	within := r.n+n <= r.max
	if within || always {
		r.n += n
	}
	return within
}

// checkValue records the first integer literal in v that does not fit 64
// bits.
func (m *measurer) checkValue(where string, v *ast.Value) {
	if v == nil || m.badValue != "" {
		return
	}
	if v.Kind == ast.IntValue {
		if _, err := strconv.ParseInt(v.Raw, 10, 64); err != nil {
			m.badValue = fmt.Sprintf("argument %s: %s is not a number this API can hold", where, prefixOf(v.Raw, 30))
		}
	}
	for _, child := range v.Children {
		m.checkValue(where, child.Value)
	}
}

func prefixOf(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
