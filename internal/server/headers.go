package server

import "net/http"

// apiCSP is the Content-Security-Policy of every response that sets none
// of its own: JSON answers load nothing and may not be framed. The web
// pages set their own, stricter for what they need.
const apiCSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

// securityHeaders sets the usual protective headers on every response.
// Handlers may override them (the dashboard sets its own CSP). HSTS is left
// to the TLS-terminating reverse proxy: this server speaks plain HTTP.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", apiCSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		next.ServeHTTP(w, r)
	})
}
