package server

import (
	"net/http"

	"github.com/rs/cors"
)

// withCORS lets browser pages of the allowed origins call next: a dashboard served elsewhere can
// query /graphql. "*" allows any origin. CORS is opt-in: with no origins next is returned as it
// is. Requests without an Origin header, or from other origins, get no grant, and the browser
// keeps other origins out. Preflight requests are answered by rs/cors with 204.
func withCORS(origins []string, next http.Handler) http.Handler {
	if len(origins) == 0 {
		return next
	}
	return cors.New(cors.Options{
		AllowedOrigins: origins,
		AllowedMethods: []string{http.MethodGet, http.MethodPost},
		AllowedHeaders: []string{"Content-Type", "Authorization", RequestIDHeader},
		ExposedHeaders: []string{RequestIDHeader},
		MaxAge:         600, // seconds a browser may reuse a preflight answer
	}).Handler(next)
}
