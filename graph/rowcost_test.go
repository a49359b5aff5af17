package graph

import (
	"os"
	"testing"

	"github.com/99designs/gqlgen/complexity"
	"github.com/vektah/gqlparser/v2"

	"github.com/rodedraad/rodedraad/graph/generated"
)

// defaultComplexity is the default of --complexity-limit
// (internal/config); the dashboard's queries must pass it.
const defaultComplexity = 10000

// MustScore returns the complexity the handler computes for query.
func MustScore(tb testing.TB, query string, vars map[string]any) int {
	tb.Helper()
	cfg := generated.Config{Resolvers: NewResolver(nil)}
	setComplexity(&cfg.Complexity)
	es := rowCost{generated.NewExecutableSchema(cfg)}
	doc, errs := gqlparser.LoadQueryWithRules(es.Schema(), query, nil)
	if len(errs) > 0 {
		tb.Fatalf("query does not validate: %v", errs)
	}
	return complexity.Calculate(tb.Context(), es, doc.Operations[0], vars, costOptions(es.Schema())...)
}

func TestRowCost_Complexity(t *testing.T) {
	// One dashboard list item: the node, its themes, its document, its
	// endorsers with their actor, its conflicts with the other end.
	item := 1 + fewRows + 1 + fewRows*(1+1) + fewRows*(1+1)
	tests := []struct {
		name  string
		query string
		want  int
	}{
		{"ScalarsCostNothing", `{ recommendation(id: "R01.1") { id title text } }`, 1},
		{"ObjectIsARow", `{ recommendation(id: "R01.1") { id document { id title } } }`, 2},
		{"UnpagedFewList", `{ recommendation(id: "R01.1") { themes { id name } } }`, 1 + fewRows},
		{"UnpagedManyList", `{ theme(id: "T1") { recommendations { id } } }`, 1 + manyRows},
		{"PageSizeTimesItem", `{ recommendations(first: 30) { edges { node { id } } } }`, 30},
		{"DefaultPageSize", `{ recommendations { edges { node { id } } } }`, 20},
		{"WrappersAreNoRows", `{ recommendations(first: 30) { totalCount pageInfo { hasNextPage } edges { cursor node { id } } } }`, 30},
		{"DashboardPage", `{ recommendations(first: 100) { edges { node { id title themes { id name } document { id title }
			endorsedBy { actor { id name sector } via } conflictsWith { other { ... on Recommendation { id title } } score } } } } }`, 100 * item},
		{"NestedUnpagedLists", `{ recommendations(first: 100) { edges { node { themes { recommendations { themes { recommendations { id } } } } } } } }`,
			100 * (1 + fewRows*(1+manyRows*(1+fewRows*(1+manyRows)))),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MustScore(t, tt.query, nil); got != tt.want {
				t.Errorf("complexity = %d, want %d", got, tt.want)
			}
		})
	}
}

// The dashboard's own queries (internal/web/static) pass the default limit;
// the issue-11 reproducers do not.
func TestRowCost_Limit(t *testing.T) {
	overview, err := os.ReadFile("../internal/web/static/overview.graphql")
	if err != nil {
		t.Fatal(err)
	}
	const iq = `type score status conflict { id topic } other { ... on Recommendation { id title } ... on Scenario { id name } }`
	const prov = `status method confidence rationale createdBy createdAt reviewedBy reviewedAt source { document { id title } page quote urls }`
	const rprov = `method confidence rationale source { page quote document { id title } }`
	const item = `... on Recommendation { id title(lang: $lang) status document { id title year urls } endorsedBy { actor { id name sector } } } ... on Scenario { id name status }`
	pass := map[string]string{
		"overview": string(overview),
		"list": `query($f: RecommendationFilter, $after: String) { recommendations(first: 100, after: $after, filter: $f) {
			edges { node { id title status document { id title } themes { id } } } pageInfo { hasNextPage endCursor } } }`,
		"networkFilters": `{ themes(first: 100) { edges { node { id name } } } documents(first: 100, orderBy: {field: ID}) { edges { node { id title } } } }`,
		"network": `query($f: RecommendationFilter, $after: String) { recommendations(first: 60, after: $after, filter: $f) {
			edges { node { id title status document { id } themes { id }
			supports { toId score status } conflictsWith { toId score status } overlaps { other { id } status } } }
			pageInfo { hasNextPage endCursor } } }`,
		"communities": `{ coherence(scope: {statuses: [ACCEPTED, PROPOSED]}) { communities { communities(first: 1000) { id members } } } }`,
		"heatmap": `query($r: MatrixDimension!, $c: MatrixDimension!) { matrix(rows: $r, columns: $c) {
			rows { id name } columns { id name } cells { row column count ids supports conflicts overlaps pairs { from to } disputed } } }`,
		"recommendation": `query($id: ID!) { recommendation(id: $id) { id title text kind level horizon status uncertainty
			provenance { ` + prov + ` } document { id title year urls } themes { id name } assignedTo { id name sector }
			endorsedBy { actor { id name sector } via role } opposedBy { actor { id name sector } }
			supports { ` + iq + ` } conflictsWith { ` + iq + ` } supportedBy { ` + iq + ` } conflictedBy { ` + iq + ` }
			overlaps { other { id title } similarity status } scenarios { id name } } }`,
		"history": `query($id: ID!) { history(id: $id, first: 50) { at actor role via op action } }`,
		"review": `query($after: String, $f: ReviewQueueFilter) { reviewQueue(first: 25, after: $after, filter: $f) {
			edges { node { key
			node { __typename id status provenance { ` + rprov + ` }
			... on Recommendation { title text document { id title } } ... on Document { title } ... on Actor { name }
			... on Theme { name } ... on Scenario { name } }
			edge { type fromId toId score similarity status provenance { ` + rprov + ` }
			from { id ... on Recommendation { title } ... on Scenario { name } } to { id ... on Recommendation { title } ... on Scenario { name } ... on Theme { name } ... on Actor { name } } }
			context { page text document { id title } } } }
			pageInfo { hasNextPage endCursor } } }`,
		"conflicts": `query($after: String, $lang: Lang) { conflicts(first: 20, after: $after) {
			edges { node { id topic(lang: $lang) summary(lang: $lang) state severity maxSeverity insideDocument
			decision { decision rationale by }
			sideA { items { ` + item + ` } } sideB { items { ` + item + ` } } } }
			pageInfo { hasNextPage endCursor } } }`,
		"dashboardPage": `{ recommendations(first: 100) { edges { node { id title themes { id name } document { id title }
			endorsedBy { actor { id name sector } via } conflictsWith { other { ... on Recommendation { id title } } score } } } } }`,
	}
	for name, q := range pass {
		t.Run("OK/"+name, func(t *testing.T) {
			got := MustScore(t, q, nil)
			t.Logf("complexity %d", got)
			if got > defaultComplexity {
				t.Errorf("complexity %d is over the default limit %d", got, defaultComplexity)
			}
		})
	}
	refuse := map[string]string{
		"NestedUnpagedLists":        `{ recommendations(first: 100) { edges { node { themes { recommendations { themes { recommendations { id } } } } } } } }`,
		"PageOfThemesWithTheirRecs": `{ themes(first: 100) { edges { node { recommendations { id themes { id } } } } } }`,
		"TwoFullPagesDeep":          `{ recommendations(first: 100) { edges { node { document { recommendations { id title } } } } } }`,
	}
	for name, q := range refuse {
		t.Run("Err/"+name, func(t *testing.T) {
			got := MustScore(t, q, nil)
			t.Logf("complexity %d", got)
			if got <= defaultComplexity {
				t.Errorf("complexity %d is within the default limit %d", got, defaultComplexity)
			}
		})
	}
}
