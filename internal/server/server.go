// Package server is rodedraad's HTTP edge: it routes /graphql, the GraphQL
// playground at /, /healthz, /readyz and /metrics, and wraps them in the
// middleware every request gets (request id, access log, metrics, panic
// recovery, body limit). It knows nothing of Neo4j or GraphQL resolvers: both
// arrive as dependencies.
package server

import (
	"context"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/rs/zerolog"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Readiness reports whether the server can do useful work: for rodedraad,
// Neo4j is reachable and migrated. Ready must respect ctx's deadline and
// return an error that says why it is not ready.
type Readiness interface {
	Ready(ctx context.Context) error
}

// ReadinessFunc lets a plain function serve as a Readiness.
type ReadinessFunc func(ctx context.Context) error

// Ready calls f.
func (f ReadinessFunc) Ready(ctx context.Context) error { return f(ctx) }

// Defaults for the optional fields of Deps.
const (
	DefaultMaxBodyBytes = 1 << 20
	DefaultReadyTimeout = 2 * time.Second
)

// Deps is everything the HTTP server needs. GraphQL and Readiness are
// required; the others have defaults.
type Deps struct {
	// GraphQL serves GET and POST /graphql: the gqlgen handler built with
	// handler.New elsewhere.
	GraphQL http.Handler
	// Readiness is asked on every /readyz; nothing is cached.
	Readiness Readiness
	// Logger is the base logger; each request gets a child with request_id.
	Logger zerolog.Logger
	// Registry receives the HTTP metrics and is what /metrics exposes. Nil
	// means a fresh registry of the server's own (never the global one).
	Registry *prometheus.Registry
	// MaxBodyBytes bounds every request body; 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// ReadyTimeout bounds one readiness check; 0 means DefaultReadyTimeout.
	ReadyTimeout time.Duration
	// Pages serves GET /, /playground and /assets/ (the dashboard and the
	// playground, from internal/web). Nil: gqlgen's playground at /.
	Pages http.Handler
	// Export serves GET /export (downloads for Gephi, yEd and spreadsheets).
	// Nil: no /export.
	Export http.Handler
	// CORSOrigins may call /graphql from their browser pages; "*" is any.
	// Empty: same origin only.
	CORSOrigins []string
	// Auth, when set, authenticates /graphql and /metrics callers; nil lets
	// everyone in as they are.
	Auth Authenticator
	// MetricsRole is the role /metrics needs; RoleNone leaves it open.
	MetricsRole rodedraad.Role
}

// New returns the handler for the whole HTTP API, middleware included. It
// panics when GraphQL or Readiness is nil: that is a wiring mistake, not a
// condition to handle at run time.
func New(deps Deps) http.Handler {
	deps = withDefaults(deps)
	mux := http.NewServeMux()
	addRoutes(mux, deps)
	m := newMetrics(deps.Registry)

	// Outermost first: the request id must exist before anything logs, and
	// instrument must sit outside recoverPanic to see the 500 it writes.
	var h http.Handler = mux
	h = limitBody(deps.MaxBodyBytes, h)
	h = recoverPanic(h)
	h = instrument(mux, m, h)
	h = requestID(deps.Logger, h)
	h = securityHeaders(h)
	return h
}

func withDefaults(deps Deps) Deps {
	if deps.GraphQL == nil {
		panic("server.New: Deps.GraphQL is nil")
	}
	if deps.Readiness == nil {
		panic("server.New: Deps.Readiness is nil")
	}
	if deps.Registry == nil {
		deps.Registry = prometheus.NewRegistry()
	}
	if deps.MaxBodyBytes <= 0 {
		deps.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if deps.ReadyTimeout <= 0 {
		deps.ReadyTimeout = DefaultReadyTimeout
	}
	return deps
}
