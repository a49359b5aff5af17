package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/rs/zerolog"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Codes of the limits, beside the domain's codes.
const (
	// CodeResponseTooLarge: the answer would pass Limits.MaxResponseBytes.
	CodeResponseTooLarge = "RESPONSE_TOO_LARGE"
	// CodeTooExpensive: the query passes a budget checked before it runs
	// (fragment spreads, aliases of expensive fields, result items).
	CodeTooExpensive = "QUERY_TOO_EXPENSIVE"
)

// bodyPrefix is how much of a bad request body a log line quotes.
const bodyPrefix = 64

// requestFault recognises errors gqlgen makes of a bad request rather than a
// failure of ours: a body that is not a GraphQL request (its own errors,
// without a cause), and an argument value of the wrong shape (node(id: {})).
// It returns the message to show.
func requestFault(ctx context.Context, err error, gerr *gqlerror.Error) (string, bool) {
	var own *gqlerror.Error
	if ge, ok := err.(*gqlerror.Error); ok && ge.Err == nil {
		own = ge
	}
	if own != nil {
		msg, body, _ := strings.Cut(own.Message, " body:")
		zerolog.Ctx(ctx).Info().Str("body_prefix", prefix(body, bodyPrefix)).Str("error", msg).Msg("graphql: bad request")
		return msg, true
	}
	if isArgumentPath(ctx, gerr.Path) {
		zerolog.Ctx(ctx).Info().Err(err).Msg("graphql: bad argument")
		return "argument " + gerr.Path.String() + ": " + gerr.Message, true
	}
	return "", false
}

// isArgumentPath reports whether path goes from the current field into one
// of its arguments: where gqlgen reports a value it could not coerce.
func isArgumentPath(ctx context.Context, path ast.Path) bool {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Definition == nil {
		return false
	}
	n := len(fc.Path())
	if len(path) <= n {
		return false
	}
	name, ok := path[n].(ast.PathName)
	return ok && fc.Field.Definition.Arguments.ForName(string(name)) != nil
}

func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// withEnvelope makes every /graphql answer one envelope: a batched (array)
// body is refused with BAD_USER_INPUT before gqlgen sees it; an answer that
// never ran gets the status and shape GraphQL over HTTP asks for
// (exchange.settle); an error response without extensions.code (gqlgen's
// transport errors) gets one; an answer larger than max bytes is replaced by
// RESPONSE_TOO_LARGE (max 0: no cap).
func withEnvelope(max int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if refuseTransport(w, r) {
			return
		}
		x := &exchange{request: r}
		if r.Method == http.MethodPost && r.Body != nil {
			x.body = peekBody(r)
			if strings.HasPrefix(strings.TrimSpace(string(x.body)), "[") {
				writeGraphQLError(w, http.StatusBadRequest, rodedraad.EINVALID,
					"batched requests (a JSON array) are not supported: send one operation per request")
				return
			}
		}
		rec := &capWriter{header: http.Header{}, max: max}
		next.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), exchangeKey{}, x)))
		rec.flush(w, x)
	})
}

// refuseTransport answers a request no transport of ours takes, which
// gqlgen would answer with 200 and an error without a code: a POST whose
// body is not declared JSON (415), a method other than GET and POST (405;
// OPTIONS is the CORS preflight's). It reports whether it answered.
func refuseTransport(w http.ResponseWriter, r *http.Request) bool {
	switch r.Method {
	case http.MethodGet, http.MethodOptions:
		return false
	case http.MethodPost:
		if media, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); media == mediaJSON {
			return false
		}
		writeGraphQLError(w, http.StatusUnsupportedMediaType, rodedraad.EINVALID,
			"send the request as JSON, with Content-Type: application/json")
		return true
	}
	w.Header().Set("Allow", "GET, POST, OPTIONS")
	writeGraphQLError(w, http.StatusMethodNotAllowed, rodedraad.EINVALID,
		"use POST with a JSON body, or GET for a query")
	return true
}

// peekBody reads the body and puts it back for gqlgen. The body is already
// read into memory by the server's body limit, so reading it is cheap.
func peekBody(r *http.Request) []byte {
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(r.Body); err != nil {
		return nil
	}
	r.Body = readCloser{bytes.NewReader(buf.Bytes())}
	return buf.Bytes()
}

type readCloser struct{ *bytes.Reader }

func (readCloser) Close() error { return nil }

// capWriter buffers a response up to max bytes.
type capWriter struct {
	header   http.Header
	status   int
	buf      bytes.Buffer
	max      int64
	overflow bool
}

func (c *capWriter) Header() http.Header { return c.header }
func (c *capWriter) WriteHeader(status int) {
	if c.status == 0 {
		c.status = status
	}
}
func (c *capWriter) Write(p []byte) (int, error) {
	if c.status == 0 {
		c.status = http.StatusOK
	}
	if c.overflow {
		return len(p), nil
	}
	if c.max > 0 && int64(c.buf.Len()+len(p)) > c.max {
		c.overflow = true
		c.buf = bytes.Buffer{}
		return len(p), nil
	}
	return c.buf.Write(p)
}

// flush sends the buffered response, settled for its exchange, or the error
// that replaces it.
func (c *capWriter) flush(w http.ResponseWriter, x *exchange) {
	if c.overflow {
		writeGraphQLError(w, http.StatusUnprocessableEntity, CodeResponseTooLarge,
			"het antwoord is te groot / the answer is larger than "+strconv.FormatInt(c.max, 10)+
				" bytes (RODEDRAAD_MAX_RESPONSE_BYTES): ask for fewer items or fewer nested lists")
		return
	}
	if c.status == 0 {
		c.status = http.StatusOK
	}
	var body []byte
	c.status, body = x.settle(c.status, c.header, c.buf.Bytes())
	if c.status >= 400 {
		body = withCodes(body, c.status)
	}
	for k, v := range c.header {
		w.Header()[k] = v
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(c.status)
	_, _ = w.Write(body)
}

// withCodes gives every error of a GraphQL error body that lacks one an
// extensions.code: BAD_USER_INPUT below 500, INTERNAL from 500.
func withCodes(body []byte, status int) []byte {
	var resp map[string]any
	if json.Unmarshal(body, &resp) != nil {
		return body
	}
	errs, _ := resp["errors"].([]any)
	code := rodedraad.EINVALID
	if status >= 500 {
		code = rodedraad.EINTERNAL
	}
	changed := false
	for _, e := range errs {
		m, ok := e.(map[string]any)
		if !ok {
			continue
		}
		ext, _ := m["extensions"].(map[string]any)
		if ext == nil {
			ext = map[string]any{}
			m["extensions"] = ext
		}
		if ext["code"] == nil {
			ext["code"] = code
			changed = true
		}
	}
	if !changed {
		return body
	}
	out, err := json.Marshal(resp)
	if err != nil {
		return body
	}
	return out
}

// writeGraphQLError answers with one error in the GraphQL envelope.
func writeGraphQLError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"errors": []any{map[string]any{"message": msg, "extensions": map[string]any{"code": code}}}})
}
