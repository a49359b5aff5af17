package graph_test

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rs/zerolog"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/rodedraad/rodedraad/graph"
	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/server"
	"github.com/rodedraad/rodedraad/internal/service"
)

// compiledShapes are selection shapes the compiler must get right beyond
// the docs' and the dashboard's: every relationship field of every kind,
// link items from both ends, unions, interfaces, aliases, fragments,
// languages, three levels, counts, orders and filters.
var compiledShapes = []string{
	// The recommendation page of the dashboard.
	`query { recommendation(id: "R41.2") { id title text kind level horizon status uncertainty translation { language title method }
	  provenance { status method confidence rationale createdBy createdAt reviewedBy reviewedAt source { document { id title } page quote urls } }
	  document { id title year urls } themes { id name } assignedTo { id name sector }
	  endorsedBy { actor { id name sector } via role } opposedBy { actor { id name sector } }
	  supports { type score status conflict { id topic } other { ... on Recommendation { id title } ... on Scenario { id name } } }
	  conflictsWith { type score status conflict { id topic } other { ... on Recommendation { id title } ... on Scenario { id name } } }
	  supportedBy { type fromId toId score status other { __typename ... on Recommendation { id } ... on Scenario { id } } }
	  conflictedBy { type fromId toId score status conflict { id topic summary evidence } other { ... on Recommendation { id } } }
	  overlaps { other { id title } similarity status } scenarios { id name } } }`,
	// The dashboard's list and network pages.
	`query { recommendations(first: 100, filter: { statuses: [ACCEPTED, PROPOSED] }) {
	  edges { node { id title status document { id title } themes { id } } } pageInfo { hasNextPage endCursor } } }`,
	`query { recommendations(first: 60) { edges { node { id title status document { id } themes { id }
	  supports { toId score status } conflictsWith { toId score status } overlaps { other { id } status } } }
	  pageInfo { hasNextPage endCursor } } }`,
	`query { themes(first: 100) { edges { node { id name } } } documents(first: 100, orderBy: {field: ID}) { edges { node { id title } } } }`,
	// Every kind with every relationship, three levels, in both languages.
	`query { documents(first: 10, orderBy: {field: YEAR, desc: true}) { totalCount edges { cursor node { id title kind year date urls
	  language evidenceLevel summary note status ingest { fileName } authors { role status actor { id name } document { id } }
	  scenarios { id name family } recommendations { id t1: title(lang: NL) t2: title(lang: EN) text(lang: EN)
	    themes { id recommendations { id } } } } } pageInfo { hasNextPage endCursor } } }`,
	`query { actors(first: 30, filter: { sectors: [PUBLIC, CIVIL] }, orderBy: {field: TITLE}) { totalCount edges { node { id name aliases kind sector level note
	  documents { role document { id title } actor { id } } supports { rationale source { quote } target { ... on Recommendation { id title } ... on Scenario { id } } actor { id } }
	  opposes { target { ... on Recommendation { id } ... on Scenario { id } } } assignments { id kind document { id } } endorses(first: 3) { via node { ... on Recommendation { id } } } } } } }`,
	`query { themes(first: 10) { edges { node { id name description inStudyScope provenance { method }
	  recommendations { id endorsedBy { via actor { id sector } } } } } } }`,
	`query { scenarios(first: 30, filter: { families: ["SC1"] }) { totalCount edges { node { id name description finding horizon family familyName
	  documents { id title } includes { id title } supports { score other { ... on Recommendation { id } ... on Scenario { id } } } conflictsWith { score }
	  supportedBy { other { ... on Scenario { name } } } conflictedBy { score } endorsedBy { via role actor { name } } opposedBy { actor { name } } } } } }`,
	// Interfaces, aliases, fragments and ids of every kind.
	`query { a: node(id: "R41.2") { id ... on Recommendation { title themes { id } } ... R }
	  b: node(id: "D01") { id ... on Document { title recommendations { id } } }
	  c: node(id: "T3") { ... on Theme { name } } d: node(id: "C01") { id ... on Conflict { topic } } e: node(id: "none") { id }
	  f: actor(id: "A-VELSEN") { name } g: theme(id: "T3") { name } h: scenario(id: "SC1.1") { name } i: document(id: "R41.2") { id } }
	  fragment R on Recommendation { t: themes { name } conflictsWith { score } c: conflictsWith { other { ... on Recommendation { id } } } }`,
	`query { nodes(ids: ["R41.2", "none", "T3", "D01", "R41.2", "C01", "A-VELSEN"]) { id ... on Recommendation { title themes { name }
	  endorsedBy { via actor { id } } } ... on Theme { name recommendations { id } } ... on Document { title authors { role actor { name } } }
	  ... on Conflict { topic } ... on Actor { sector supports { target { ... on Recommendation { id } } } } } }`,
	`query { recommendations(first: 20, filter: { conflicts: ["C01"] }) { totalCount edges { node { id
	  document { id title urls } conflictsWith { score other { ... on Recommendation { id document { id } } } } } } } }`,
	`query { recommendations(first: 20, filter: { themes: ["T3"] }, after: "eyJrIjoiUjEwIiwiaSI6IlIxMCJ9") { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
}

// TestCompiledReads_SameAnswers asks every query of the docs, the
// playground's examples, the dashboard's pages and compiledShapes of two
// servers over the seeds, one reading through compiled statements and one
// through the loaders only, and requires the same answers, byte for byte.
func TestCompiledReads_SameAnswers(t *testing.T) {
	store := neo4jtest.Seeded(t)
	compiled := newServerWithLimits(t, store)
	loaders := newServerWithLimits(t, store, graph.WithLoaderReads())
	queries := append(docQueries(t), compiledShapes...)
	if len(queries) < len(compiledShapes)+10 {
		t.Fatalf("only %d queries found in the docs", len(queries)-len(compiledShapes))
	}
	for i, q := range queries {
		a, b := rawAnswer(t, compiled, q), rawAnswer(t, loaders, q)
		if !bytes.Equal(a, b) {
			t.Errorf("query %d answers differ\n%s\ncompiled: %.2000s\nloaders:  %.2000s", i, q, a, b)
		}
		if bytes.Contains(a, []byte(`"errors"`)) && i >= len(queries)-len(compiledShapes) {
			t.Errorf("query %d failed: %.500s\n%s", i, a, q)
		}
	}
}

// TestCompiledReads_OneRoundTrip proves that a root field costs one round
// trip to Neo4j however many nested lists it asks for, and however many
// items they hold.
func TestCompiledReads_OneRoundTrip(t *testing.T) {
	store := neo4jtest.Seeded(t)
	srv := newServerWithLimits(t, store)
	for _, tc := range []struct {
		name  string
		query string
		trips int64
	}{
		{"NestedPage", strings.Replace(nestedListQuery, "query ($first: Int!)", "query", 1), 1},
		{"PageWithCount", `{ documents(first: 10) { totalCount edges { node { id authors { role actor { id } }
			recommendations { id themes { id } } } } } }`, 1},
		{"RecommendationPage", compiledShapes[0], 2}, // Source.document is loaded by id
		{"TwoRootFields", compiledShapes[3], 2},
		{"NodesByID", compiledShapes[9], 1},
		{"ThreeLevels", compiledShapes[6], 1},
		// The fourth level hangs from 20,000 parents at most: its lists are
		// cut at 8 items, and the longer ones are loaded in one batched call.
		{"CutAtTheCap", `{ themes(first: 2) { edges { node { recommendations { themes { recommendations { id } } } } } } }`, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := strings.ReplaceAll(tc.query, "$first", "100")
			before := store.RoundTrips()
			if a := rawAnswer(t, srv, q); bytes.Contains(a, []byte(`"errors"`)) {
				t.Fatalf("%.500s", a)
			}
			if n := store.RoundTrips() - before; n != tc.trips {
				t.Errorf("%d round trips, want %d", n, tc.trips)
			}
		})
	}
}

// newServerWithLimits is newServer with room for the heavy shapes above:
// these tests are about what is read, not about limits.
func newServerWithLimits(tb testing.TB, store *neo4jstore.Store, opts ...graph.Option) *httptest.Server {
	tb.Helper()
	limits := testLimits
	limits.Complexity = 100_000_000
	h := server.New(server.Deps{GraphQL: graph.NewHandler(service.New(store), limits, opts...), Readiness: store, Logger: zerolog.Nop()})
	srv := httptest.NewServer(h)
	tb.Cleanup(srv.Close)
	return srv
}

func rawAnswer(tb testing.TB, srv *httptest.Server, query string) []byte {
	tb.Helper()
	body, _ := json.Marshal(map[string]any{"query": query})
	_, out := postGraphQL(tb, srv, body)
	return out
}

var graphqlFence = regexp.MustCompile("(?s)```graphql\n(.*?)```")

// docQueries returns every query operation of the README, docs/ and the
// playground's examples, each as a document of its own.
func docQueries(tb testing.TB) []string {
	tb.Helper()
	files, _ := filepath.Glob("../docs/*.md")
	var texts []string
	for _, f := range append(files, "../README.md") {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for _, m := range graphqlFence.FindAllStringSubmatch(string(b), -1) {
			texts = append(texts, m[1])
		}
	}
	ex, err := os.ReadFile("../internal/web/static/examples.graphql")
	if err != nil {
		tb.Fatal(err)
	}
	texts = append(texts, strings.Split(string(ex), "# ---")...)
	var out []string
	for _, text := range texts {
		out = append(out, queriesOf(text)...)
	}
	return out
}

// queriesOf splits a GraphQL document into its query operations, each
// with the fragments of the document.
func queriesOf(text string) []string {
	doc, err := parser.ParseQuery(&ast.Source{Input: text})
	if err != nil {
		return nil
	}
	var frags string
	for _, f := range doc.Fragments {
		frags += "\n" + text[f.Position.Start:fragmentEnd(text, f.Position.Start)]
	}
	var out []string
	for i, op := range doc.Operations {
		if op.Operation != ast.Query || len(op.VariableDefinitions) > 0 {
			continue
		}
		end := len(text)
		if i+1 < len(doc.Operations) {
			end = doc.Operations[i+1].Position.Start
		}
		out = append(out, text[op.Position.Start:end]+frags)
	}
	return out
}

// fragmentEnd finds the closing brace of the fragment starting at start.
func fragmentEnd(text string, start int) int {
	depth := 0
	for i := start; i < len(text); i++ {
		switch text[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return len(text)
}
