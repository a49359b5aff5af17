package graph

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/rs/zerolog"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/rodedraad/rodedraad/graph/generated"
	"github.com/rodedraad/rodedraad/graph/model"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/service"
)

// Limits protect the server from expensive requests.
type Limits struct {
	// Complexity caps the rows one operation can return: paged lists
	// count their page size, unpaged lists their size cap (see rowCost).
	Complexity int
	// Depth caps how deeply selections nest.
	Depth int
	// Timeout bounds one operation; the store also passes it to Neo4j as the
	// transaction timeout.
	Timeout time.Duration
	// MaxResponseBytes caps one answer (RESPONSE_TOO_LARGE); 0: no cap.
	MaxResponseBytes int64
	// MaxResultItems caps the list items one request resolves
	// (QUERY_TOO_EXPENSIVE); 0: 20,000.
	MaxResultItems int
}

// NewHandler returns the /graphql handler: gqlgen's server built with
// handler.New and explicit transports, the limits, an error presenter that
// maps domain codes to extensions.code, a recover func, and per-request
// loaders.
func NewHandler(svc Service, limits Limits, opts ...Option) http.Handler {
	cfg := generated.Config{Resolvers: NewResolver(svc)}
	setComplexity(&cfg.Complexity)
	es := rowCost{generated.NewExecutableSchema(cfg)}
	srv := handler.New(es)
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	// First, so that it sees every operation that begins to run.
	srv.Use(executionMark{})
	srv.Use(extension.Introspection{})
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](100)})
	srv.Use(newQueryBudget(limits.MaxResultItems))
	srv.Use(newBatchTracking(es.Schema()))
	// Depth first: a deep query is refused for its depth, which says more
	// than the complexity its nesting multiplies up to.
	srv.Use(DepthLimit(limits.Depth))
	srv.Use(extension.FixedComplexityLimit(limits.Complexity, costOptions(es.Schema())...))
	srv.SetErrorPresenter(presentError)
	srv.SetRecoverFunc(recoverPanic)
	for _, o := range opts {
		o(srv)
	}
	// Last, so that it runs inside every other interceptor (roles, budget).
	srv.Use(directWrites{})
	return withEnvelope(limits.MaxResponseBytes, withTimeout(limits.Timeout, WithLoaders(svc, srv)))
}

// withTimeout ends a request's context after d, with the cause
// context.DeadlineExceeded. It cancels rather than setting a deadline: while
// its context has a deadline, the Neo4j driver reads every chunk of an answer
// in a goroutine of its own (about fifty for a page of twenty), a quarter of
// a small read's time. Neo4j itself stops a transaction at the same timeout
// (neo4jstore sets it), and the store returns when the context ends.
func withTimeout(d time.Duration, next http.Handler) http.Handler {
	if d <= 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithCancelCause(r.Context())
		timer := time.AfterFunc(d, func() { cancel(context.DeadlineExceeded) })
		defer func() {
			timer.Stop()
			cancel(nil)
		}()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func setComplexity(c *generated.ComplexityRoot) {
	c.Query.Recommendations = func(child, first int, _ *string, _ *model.RecommendationFilter, _ *model.Order) int {
		return pageCost(child, first)
	}
	c.Query.Documents = func(child, first int, _ *string, _ *model.DocumentFilter, _ *model.Order) int {
		return pageCost(child, first)
	}
	c.Query.Actors = func(child, first int, _ *string, _ *model.ActorFilter, _ *model.Order) int {
		return pageCost(child, first)
	}
	c.Query.Themes = func(child, first int, _ *string, _ *model.ThemeFilter, _ *model.Order) int {
		return pageCost(child, first)
	}
	c.Query.Scenarios = func(child, first int, _ *string, _ *model.ScenarioFilter, _ *model.Order) int {
		return pageCost(child, first)
	}
	c.Query.Search = func(child int, _ string, _ []model.NodeKind, first int) int { return pageCost(child, first) }
	c.Query.ReviewQueue = func(child int, _ *model.ReviewQueueFilter, first int, _ *string) int {
		return pageCost(child, first)
	}
	c.Query.SearchPassages = func(child int, _ string, first int) int { return pageCost(child, first) }
	c.Document.Passages = func(child int, _ *int, first int) int { return pageCost(child, first) }
	c.SuggestLinksPayload.Proposals = func(child, first int) int { return pageCost(child, first) }
	setTrustComplexity(c)
	conflictComplexity(c)
}

// conflictComplexity prices the conflict lists and the endorsements beside
// them by page size, like the other paged lists.
func conflictComplexity(c *generated.ComplexityRoot) {
	c.Query.Conflicts = func(child int, _ *model.ConflictFilter, _ *service.ConflictOrder, first int, _ *string) int {
		return pageCost(child, first)
	}
	c.Query.ContradictionsBetween = func(child int, _, _ string, _ *model.ScopeInput, first int) int {
		return pageCost(child, first)
	}
	c.Actor.Endorses = func(child, first int) int { return pageCost(child, first) }
}

// presentError turns a resolver error into a GraphQL error with
// extensions.code. Domain errors keep their message and code; gqlgen's own
// (parse, validation, limits) keep theirs; anything else is logged and shown
// as INTERNAL without details.
func presentError(ctx context.Context, err error) *gqlerror.Error {
	gerr := graphql.DefaultErrorPresenter(ctx, err)
	var de *rodedraad.Error
	if errors.As(err, &de) {
		gerr.Message = de.Message
		setCode(gerr, de.Code)
		return gerr
	}
	if gerr.Extensions["code"] != nil {
		return gerr
	}
	if gerr.Err == nil && gerr.Rule != "" {
		return gerr
	}
	if msg, ok := requestFault(ctx, err, gerr); ok {
		gerr.Message = msg
		setCode(gerr, rodedraad.EINVALID)
		return gerr
	}
	zerolog.Ctx(ctx).Error().Err(err).Msg("graphql: internal error")
	gerr.Message = "internal error: see the server log for details"
	setCode(gerr, rodedraad.EINTERNAL)
	return gerr
}

func setCode(e *gqlerror.Error, code string) {
	if e.Extensions == nil {
		e.Extensions = map[string]any{}
	}
	e.Extensions["code"] = code
}

// recoverPanic keeps the server up when a resolver panics.
func recoverPanic(ctx context.Context, p any) error {
	zerolog.Ctx(ctx).Error().Str("panic", fmt.Sprint(p)).Bytes("stack", debug.Stack()).Msg("graphql: resolver panicked")
	return rodedraad.Errorf(rodedraad.EINTERNAL, "internal error: see the server log for details")
}
