package server

import (
	"net/http"

	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// addRoutes maps the entire API surface in one place.
func addRoutes(mux *http.ServeMux, deps Deps) {
	gql := withCORS(deps.CORSOrigins, authenticate(deps.Auth, deps.GraphQL))
	mux.Handle("GET /graphql", gql)
	mux.Handle("POST /graphql", gql)
	mux.Handle("OPTIONS /graphql", withCORS(deps.CORSOrigins, http.NotFoundHandler()))
	// Other methods too: the GraphQL handler answers them 405 in its JSON
	// envelope, with a code, where the mux would answer in plain text.
	mux.Handle("/graphql", gql)
	addPages(mux, deps)
	mux.Handle("GET /healthz", handleHealthz())
	mux.Handle("GET /readyz", handleReadyz(deps.Readiness, deps.ReadyTimeout))
	mux.Handle("GET /metrics", requireRole(deps.Auth, deps.MetricsRole, promhttp.HandlerFor(deps.Registry, promhttp.HandlerOpts{
		Registry:          deps.Registry, // counts its own scrape errors
		EnableOpenMetrics: true,
	})))
}

// isProbe reports whether route is polled by orchestrators or scrapers every
// few seconds; their access lines go to debug so they do not drown the log.
func isProbe(route string) bool {
	switch route {
	case "GET /healthz", "GET /readyz", "GET /metrics":
		return true
	}
	return false
}

// addPages serves the dashboard, the playground and their assets when the
// binary brings them (Deps.Pages), else gqlgen's playground at /; and the
// exports at /export when given.
func addPages(mux *http.ServeMux, deps Deps) {
	if deps.Export != nil {
		mux.Handle("GET /export", deps.Export)
	}
	if deps.Pages == nil {
		mux.Handle("GET /{$}", playground.Handler("rodedraad", "/graphql"))
		return
	}
	mux.Handle("GET /{$}", deps.Pages)
	mux.Handle("GET /playground", deps.Pages)
	mux.Handle("GET /assets/", deps.Pages)
}
