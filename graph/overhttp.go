package graph

import (
	"context"
	"encoding/json"
	"mime"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// GraphQL over HTTP (the GraphQL Foundation's draft, checked with the npm
// package graphql-http's server audit) asks of an answer that never ran,
// because the request failed to parse, validate or fit a limit first:
//
//   - no data entry: the request never got to execution;
//   - as application/graphql-response+json: status 400 (401 or 403 for a
//     caller without the rights);
//   - as application/json, the media type of clients that predate it:
//     status 200, as they expect of every well-formed request;
//   - for a request that is not a GraphQL request at all (a body that is
//     not JSON, no query, variables that are not a map): 400 either way.
//
// gqlgen answers 422 or 400 with "data": null for the first kind and 200
// for its limits; exchange and settle put that right on the buffered
// answer.

// exchange is what the envelope learns of one request while gqlgen answers it.
type exchange struct {
	request *http.Request
	body    []byte // a POST's body, read before gqlgen got it
	// executed: the operation began to run (executionMark), so its answer
	// is an execution result, whatever its errors.
	executed bool
}

type exchangeKey struct{}

// executionMark records on the request's exchange that its operation began
// to execute. It is the first extension, so it runs before any interceptor
// that may refuse the operation.
type executionMark struct{}

var (
	_ graphql.HandlerExtension     = executionMark{}
	_ graphql.OperationInterceptor = executionMark{}
)

func (executionMark) ExtensionName() string                   { return "ExecutionMark" }
func (executionMark) Validate(graphql.ExecutableSchema) error { return nil }

func (executionMark) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	if x, ok := ctx.Value(exchangeKey{}).(*exchange); ok {
		x.executed = true
	}
	return next(ctx)
}

// Media types of a GraphQL answer.
const (
	mediaJSON            = "application/json"
	mediaGraphQLResponse = "application/graphql-response+json"
)

// settle returns the status and body of an answer as GraphQL over HTTP
// wants them, given gqlgen's (see the top of this file). Answers of other
// statuses (a refused token, a body too large) are left as they are.
func (x *exchange) settle(status int, header http.Header, body []byte) (int, []byte) {
	if status != http.StatusOK && status != http.StatusBadRequest && status != http.StatusUnprocessableEntity {
		return status, body
	}
	media, _, _ := mime.ParseMediaType(header.Get("Content-Type"))
	if x.executed && media != mediaGraphQLResponse {
		return status, body
	}
	var resp map[string]json.RawMessage
	if json.Unmarshal(body, &resp) != nil || len(resp["errors"]) == 0 {
		return status, body
	}
	if x.executed {
		if _, hasData := resp["data"]; hasData {
			return status, body
		}
		return refusedStatus(resp["errors"]), body // refused before it ran (roles)
	}
	delete(resp, "data")
	if out, err := json.Marshal(resp); err == nil {
		body = out
	}
	switch {
	case !x.wellFormed():
		return http.StatusBadRequest, body
	case media == mediaGraphQLResponse:
		return refusedStatus(resp["errors"]), body
	}
	return http.StatusOK, body
}

// refusedStatus is the status of a graphql-response+json answer without
// data: 401 or 403 when its first error says the caller may not, else 400.
func refusedStatus(errs json.RawMessage) int {
	var list []struct {
		Extensions struct{ Code string } `json:"extensions"`
	}
	if json.Unmarshal(errs, &list) == nil && len(list) > 0 {
		switch list[0].Extensions.Code {
		case rodedraad.EUNAUTHENTICATED:
			return http.StatusUnauthorized
		case rodedraad.EFORBIDDEN:
			return http.StatusForbidden
		}
	}
	return http.StatusBadRequest
}

// wellFormed reports whether the request is a GraphQL request at all: a
// query (or a persisted query's hash), variables and extensions that are
// maps, an operation name that is a string. A POST's body must be a JSON
// object with those.
func (x *exchange) wellFormed() bool {
	var p struct {
		Query, OperationName, Variables, Extensions json.RawMessage
	}
	if x.request.Method == http.MethodGet {
		q := x.request.URL.Query()
		for key, field := range map[string]*json.RawMessage{"variables": &p.Variables, "extensions": &p.Extensions} {
			if v := q.Get(key); v != "" {
				*field = json.RawMessage(v)
			}
		}
		if q.Has("query") {
			p.Query, _ = json.Marshal(q.Get("query"))
		}
	} else if json.Unmarshal(x.body, &p) != nil {
		return false
	}
	return (isKind(p.Query, '"') || hasPersistedQuery(p.Extensions)) &&
		orNull(p.OperationName, '"') && orNull(p.Variables, '{') && orNull(p.Extensions, '{')
}

// isKind says whether raw JSON is a value that starts with first: '"' a
// string, '{' an object.
func isKind(raw json.RawMessage, first byte) bool {
	s := strings.TrimSpace(string(raw))
	return s != "" && s[0] == first && json.Valid(raw)
}

// orNull says whether raw JSON is absent, null or of the kind first gives.
func orNull(raw json.RawMessage, first byte) bool {
	s := strings.TrimSpace(string(raw))
	return s == "" || s == "null" || isKind(raw, first)
}

// hasPersistedQuery says whether extensions name a persisted query, which
// stands in for the query.
func hasPersistedQuery(ext json.RawMessage) bool {
	var e struct{ PersistedQuery json.RawMessage }
	return json.Unmarshal(ext, &e) == nil && isKind(e.PersistedQuery, '{')
}
