package graph_test

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

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

// TestDirectWrites_SameAnswers asks the same queries of a server that
// writes compiled answers directly and of one where gqlgen marshals them
// field by field, and requires the same answers, byte for byte, and that
// the compiled shapes (but for the ones that ask what a read does not
// bring) were written directly.
func TestDirectWrites_SameAnswers(t *testing.T) {
	store := neo4jtest.Seeded(t)
	var written atomic.Int64
	direct := newServerWithLimits(t, store, graph.CountDirectWrites(&written))
	marshalled := newServerWithLimits(t, store, graph.WithoutDirectWrites())
	queries := append(append(docQueries(t), compiledShapes...), everyField...)
	for i, q := range queries {
		a, b := rawAnswer(t, direct, q), rawAnswer(t, marshalled, q)
		if !bytes.Equal(a, b) {
			t.Errorf("query %d answers differ\n%s\ndirect:     %.2000s\nmarshalled: %.2000s", i, q, a, b)
		}
	}
	written.Store(0)
	for _, q := range compiledShapes {
		rawAnswer(t, direct, q)
	}
	if got, want := written.Load(), int64(directShapes); got != want {
		t.Errorf("%d root fields of the compiled shapes written directly, want %d", got, want)
	}
	for i, q := range everyField {
		written.Store(0)
		if a := rawAnswer(t, direct, q); bytes.Contains(a, []byte(`"errors"`)) {
			t.Errorf("everyField %d failed: %.500s", i, a)
		}
		if written.Load() != 1 {
			t.Errorf("everyField %d was not written directly", i)
		}
	}
}

// everyField asks every field the direct writer writes, of every kind,
// link item and nested object.
var everyField = []string{
	`{ recommendation(id: "R41.2") { __typename id title text t: title(lang: EN) x: text(lang: NL) translation { __typename language title text method }
	  kind level horizon language uncertainty status provenance { __typename status method confidence rationale createdBy model createdAt reviewedBy reviewedAt
	    source { __typename documentId page quote urls start end } }
	  document { id title kind year date urls language evidenceLevel summary note status }
	  themes { id name description inStudyScope status provenance { method } } assignedTo { id name aliases kind sector level note status }
	  endorsedBy { __typename actor { id } via role status source { quote } provenance { method createdBy } }
	  opposedBy { __typename actor { id } rationale source { page } status provenance { status } }
	  supports { __typename type fromId toId score rationale status source { urls } conflict { __typename id topic summary evidence }
	    provenance { createdBy } other { __typename ... on Recommendation { id kind } ... on Scenario { id family } } }
	  conflictsWith { type fromId toId score rationale status conflict { id topic summary evidence } other { ... on Node { id status } } }
	  supportedBy { type score other { __typename } } conflictedBy { score conflict { topic } }
	  overlaps { __typename other { id title } similarity status provenance { method confidence } }
	  scenarios { id name description finding horizon family familyName status } } }`,
	`{ documents(first: 40, orderBy: {field: YEAR}) { __typename totalCount pageInfo { __typename hasNextPage endCursor }
	  edges { __typename cursor node { id title kind year date urls language evidenceLevel summary note status
	    provenance { method source { documentId urls } } recommendations { id kind level horizon }
	    authors { __typename role status actor { id name aliases kind sector level note } } scenarios { id name } } } } }`,
	`{ actors(first: 90) { edges { node { __typename id name aliases kind sector level note status provenance { method createdAt }
	  documents { __typename role status document { id title year } } assignments { id title }
	  supports { __typename rationale status source { quote page } provenance { method } target { __typename ... on Recommendation { id } ... on Scenario { id } } }
	  opposes { target { ... on Node { id } } rationale } } } } }`,
	`{ themes(first: 20) { edges { node { __typename id name description inStudyScope status provenance { status method createdBy }
	  recommendations { id themes { id } } } } } }`,
	`{ scenarios(first: 40) { totalCount edges { node { __typename id name description finding horizon family familyName status provenance { method }
	  documents { id } includes { id } supports { score other { __typename } } conflictsWith { score rationale } supportedBy { fromId }
	  conflictedBy { toId } endorsedBy { via role actor { name } } opposedBy { actor { name } rationale } } } } }`,
	`{ nodes(ids: ["R41.2", "none", "T3", "D01", "A-VELSEN", "SC1.1"]) { __typename id status ... on Recommendation { title }
	  ... on Theme { name } ... on Document { year } ... on Actor { sector } ... on Scenario { family } } }`,
}

// directShapes is how many of the compiled shapes' 20 root fields are
// written directly. The others are left to gqlgen: one asks for
// Source.document (loaded by id), two for Document.ingest, Actor.endorses
// and a link's end the list hangs from, two hold a conflict (node and
// nodes), and two read nothing (a missing node, a document asked by a
// recommendation's id).
const directShapes = 14

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

// BenchmarkDirectWrites_Page times the dashboard's page of 100
// recommendations with themes, document, endorsers and conflicts through
// the whole handler on the seeded graph, answered directly and marshalled
// by gqlgen field by field, alternating; marshalled/direct is the latency
// ratio (above 1: writing directly is faster).
func BenchmarkDirectWrites_Page(b *testing.B) {
	store := neo4jtest.Seeded(b)
	direct := newServerWithLimits(b, store)
	marshalled := newServerWithLimits(b, store, graph.WithoutDirectWrites())
	q := `{ recommendations(first: 100) { edges { node { id title themes { id name } document { id title }
	  endorsedBy { via actor { id name sector } } conflictsWith { score other { ... on Recommendation { id title } } } } } } }`
	timed := func(srv *httptest.Server) time.Duration {
		start := time.Now()
		if a := rawAnswer(b, srv, q); bytes.Contains(a, []byte(`"errors"`)) {
			b.Fatalf("%.300s", a)
		}
		return time.Since(start)
	}
	timed(direct) // warm both up
	timed(marshalled)
	var d, m time.Duration
	for b.Loop() {
		d += timed(direct)
		m += timed(marshalled)
	}
	b.ReportMetric(d.Seconds()*1000/float64(b.N), "direct-ms/op")
	b.ReportMetric(m.Seconds()*1000/float64(b.N), "marshalled-ms/op")
	b.ReportMetric(m.Seconds()/d.Seconds(), "marshalled/direct")
}
