package graph_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
)

// TestHTTP_GraphQLOverHTTP holds the answers GraphQL over HTTP asks for: a
// request that never ran has no data entry, 200 as application/json, 400
// as application/graphql-response+json; a request that is not a GraphQL
// request is 400; a body not declared JSON 415; another method 405; an
// answer that ran keeps its data and 200.
func TestHTTP_GraphQLOverHTTP(t *testing.T) {
	srv := newServer(t, neo4jtest.Open(t))
	const (
		json_    = "application/json"
		response = "application/graphql-response+json"
	)
	tooComplex := `{ recommendations(first: 100) { edges { node { themes { recommendations { themes { recommendations { id } } } } } } } }`
	for _, tc := range []struct {
		name, method, contentType, accept, body string
		status                                  int
		data                                    bool // the answer has a data entry
		code                                    string
	}{
		{"Runs", "POST", json_, response, `{"query":"{ __typename }"}`, 200, true, ""},
		{"RunsWithAnError", "POST", json_, response, `{"query":"{ coherence(scope: {themes: [\"NOPE\"]}) { graphVersion } }"}`, 200, true, "NOT_FOUND"},
		{"ParseJSON", "POST", json_, json_, `{"query":"{"}`, 200, false, "GRAPHQL_PARSE_FAILED"},
		{"ParseResponse", "POST", json_, response, `{"query":"{"}`, 400, false, "GRAPHQL_PARSE_FAILED"},
		{"ValidationJSON", "POST", json_, json_, `{"query":"{ nope }"}`, 200, false, "GRAPHQL_VALIDATION_FAILED"},
		{"ValidationResponse", "POST", json_, response, `{"query":"{ nope }"}`, 400, false, "GRAPHQL_VALIDATION_FAILED"},
		{"CoercionResponse", "POST", json_, response, `{"query":"query Q($id: ID!) { node(id: $id) { id } }","variables":{"id":null}}`, 400, false, "GRAPHQL_VALIDATION_FAILED"},
		{"ComplexityJSON", "POST", json_, json_, `{"query":"` + tooComplex + `"}`, 200, false, "COMPLEXITY_LIMIT_EXCEEDED"},
		{"ComplexityResponse", "POST", json_, response, `{"query":"` + tooComplex + `"}`, 400, false, "COMPLEXITY_LIMIT_EXCEEDED"},
		{"NoQuery", "POST", json_, "", `{"qeury":"{ __typename }"}`, 400, false, "GRAPHQL_VALIDATION_FAILED"},
		{"VariablesNotAMap", "POST", json_, json_, `{"query":"{ __typename }","variables":[1]}`, 400, false, "BAD_USER_INPUT"},
		{"NotJSON", "POST", json_, "", `{bad`, 400, false, "BAD_USER_INPUT"},
		{"NoContentType", "POST", "", "", `{"query":"{ __typename }"}`, 415, false, "BAD_USER_INPUT"},
		{"Put", "PUT", json_, "", `{"query":"{ __typename }"}`, 405, false, "BAD_USER_INPUT"},
		{"GetParseJSON", "GET", "", json_, "{", 200, false, "GRAPHQL_PARSE_FAILED"},
		{"GetRuns", "GET", "", response, "{ __typename }", 200, true, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			target, body := srv.URL+"/graphql", io.Reader(strings.NewReader(tc.body))
			if tc.method == "GET" {
				target, body = target+"?query="+url.QueryEscape(tc.body), nil
			}
			req, _ := http.NewRequest(tc.method, target, body)
			if tc.contentType != "" {
				req.Header.Set("Content-Type", tc.contentType)
			}
			if tc.accept != "" {
				req.Header.Set("Accept", tc.accept)
			}
			resp, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var got map[string]json.RawMessage
			raw, _ := io.ReadAll(resp.Body)
			if err := json.Unmarshal(raw, &got); err != nil {
				t.Fatalf("status %d, not JSON: %s", resp.StatusCode, raw)
			}
			_, hasData := got["data"]
			var errs []gqlError
			_ = json.Unmarshal(got["errors"], &errs)
			code := ""
			if len(errs) > 0 {
				code = errs[0].Code()
			}
			if resp.StatusCode != tc.status || hasData != tc.data || code != tc.code {
				t.Errorf("status %d, data entry %v, code %q; want %d, %v, %q\n%s", resp.StatusCode, hasData, code, tc.status, tc.data, tc.code, raw)
			}
		})
	}
}

// auditTool is graphql-http's server audit, installed by make test.
const auditTool = "../tools/httpaudit"

// TestHTTP_GraphQLHTTPAudit runs graphql-http's server audit, the reference
// check of GraphQL over HTTP, against the server: no error, no warning.
func TestHTTP_GraphQLHTTPAudit(t *testing.T) {
	if _, err := os.Stat(auditTool + "/node_modules/graphql-http"); err != nil {
		t.Skip("graphql-http is not installed: make test installs it (npm ci in tools/httpaudit)")
	}
	srv := newServer(t, neo4jtest.Open(t))
	out, err := exec.Command("node", auditTool+"/audit.mjs", srv.URL+"/graphql").CombinedOutput()
	t.Logf("%s", out)
	if err != nil {
		t.Fatalf("the audit found errors or warnings: %v", err)
	}
	if !strings.Contains(string(out), "warnings 0, errors 0") {
		t.Fatalf("the audit did not finish: %s", out)
	}
}
