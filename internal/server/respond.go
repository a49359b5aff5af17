package server

import (
	"encoding/json"
	"net/http"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// writeJSON writes v as the JSON body with status. Probes and error bodies
// must never be cached by a proxy, so it forbids caching.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v) // the client is gone if this fails; nothing to do
}

// gqlError is one entry of a GraphQL-shaped error response.
type gqlError struct {
	Message    string            `json:"message"`
	Extensions map[string]string `json:"extensions"`
}

// writeError answers in the shape GraphQL clients already parse,
// {"errors":[{"message", "extensions":{"code"}}]}, with a code from the
// domain's error codes, so that a 413 or 500 from the middleware reads like
// any other error of the API.
func writeError(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, struct {
		Errors []gqlError `json:"errors"`
	}{[]gqlError{{Message: msg, Extensions: map[string]string{"code": code}}}})
}

// Codes used by the middleware, named here so the link to the domain is plain.
const (
	codeBadInput = rodedraad.EINVALID
	codeInternal = rodedraad.EINTERNAL
)
