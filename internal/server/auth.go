package server

import (
	"context"
	"net/http"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Authenticator turns a request's Authorization header into a principal
// and checks roles; package auth implements it.
type Authenticator interface {
	// Authenticate returns the principal of an Authorization header value
	// ("" for none): UNAUTHENTICATED for a bad or revoked token.
	Authenticate(ctx context.Context, header string) (rodedraad.Principal, error)
	// Authorize checks that p holds need: UNAUTHENTICATED for an anonymous
	// caller, FORBIDDEN for a known one.
	Authorize(ctx context.Context, p rodedraad.Principal, need rodedraad.Role) (rodedraad.Principal, error)
}

// authenticate puts the caller's principal, with the request id, into the
// context, or answers 401 when the credentials are bad. Without an
// Authenticator every request passes as is (tests, embedding).
func authenticate(a Authenticator, next http.Handler) http.Handler {
	if a == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, err := a.Authenticate(r.Context(), r.Header.Get("Authorization"))
		if err != nil {
			writeAuthError(w, err)
			return
		}
		p.Request = RequestID(r.Context())
		next.ServeHTTP(w, r.WithContext(rodedraad.WithPrincipal(r.Context(), p)))
	})
}

// requireRole lets only callers with need through (for /metrics); RoleNone
// means anyone.
func requireRole(a Authenticator, need rodedraad.Role, next http.Handler) http.Handler {
	if a == nil || need == rodedraad.RoleNone {
		return next
	}
	return authenticate(a, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := a.Authorize(r.Context(), rodedraad.PrincipalFrom(r.Context()), need); err != nil {
			writeAuthError(w, err)
			return
		}
		next.ServeHTTP(w, r)
	}))
}

// writeAuthError answers 401 (with the Bearer challenge), 403 or 503 in
// the error envelope.
func writeAuthError(w http.ResponseWriter, err error) {
	code := rodedraad.ErrorCode(err)
	status := http.StatusServiceUnavailable
	switch code {
	case rodedraad.EUNAUTHENTICATED:
		status = http.StatusUnauthorized
		w.Header().Set("WWW-Authenticate", `Bearer realm="rodedraad"`)
	case rodedraad.EFORBIDDEN:
		status = http.StatusForbidden
	case rodedraad.EUNAVAILABLE:
	default:
		code, status = rodedraad.EINTERNAL, http.StatusInternalServerError
	}
	writeError(w, status, code, rodedraad.ErrorMessage(err))
}
