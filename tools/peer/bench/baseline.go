package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
)

// The hand-written baseline: one Cypher statement per query shape, each
// returning the JSON that rodedraad returns for the same GraphQL query, behind
// a trivial HTTP handler. It is the floor a GraphQL server over the same
// database can approach. This tool is the one place outside the store that
// writes Cypher, because measuring the store against hand-written Cypher is
// its purpose; nothing in the application imports it.

// endorsersCypher is rodedraad's endorsement: a SUPPORTS stance, or
// authorship (PUBLISHER, AUTHOR) of the containing document, unless the item
// is a CONCLUSION the document only reports.
const endorsersCypher = `COLLECT {
	MATCH (a:Actor)-[:SUPPORTS]->(n) RETURN {via: 'STANCE', actor: a {.id, .name}} AS e
	UNION
	MATCH (a:Actor)-[r:AUTHORED]->(:Document)-[:CONTAINS]->(n)
	WHERE r.role IN ['PUBLISHER', 'AUTHOR'] AND NOT coalesce(n.kind, '') IN ['CONCLUSION']
	RETURN {via: 'AUTHORED', actor: a {.id, .name}} AS e
}`

// listFields are the fields of shapes 1 and 2 for the recommendation n.
const listFields = `n {.id, .title, .kind,
	themes: [(n)-[:ADDRESSES]->(t:Theme) | t {.id, .name}],
	document: head([(d:Document)-[:CONTAINS]->(n) | d {.id, .title}]),
	endorsedBy: ` + endorsersCypher + `,
	conflictsWith: [(n)-[r:CONFLICTS_WITH]->(m) WHERE m:Recommendation OR m:Scenario |
		{score: r.score, other: m {.id, .title, .name}}]
}`

var baselineStatements = map[string]string{
	"list": `MATCH (n:Recommendation) WITH n ORDER BY n.id LIMIT $first
		RETURN collect({node: ` + listFields + `}) AS edges`,
	"theme": `MATCH (n:Recommendation)-[:ADDRESSES]->(:Entity:Theme {id: $theme})
		WITH n ORDER BY n.id LIMIT $first
		RETURN collect({node: ` + listFields + `}) AS edges`,
	"one": `MATCH (n:Entity:Recommendation {id: $id})
		RETURN n {.id, .title, .kind, .text,
			document: head([(d:Document)-[:CONTAINS]->(n) | d {.id, .title, .year}]),
			themes: [(n)-[:ADDRESSES]->(t:Theme) | t {.id, .name}],
			assignedTo: [(n)-[:ASSIGNED_TO]->(a:Actor) | a {.id, .name, .sector}],
			endorsedBy: ` + endorsersCypher + `,
			opposedBy: [(a:Actor)-[:CONFLICTS_WITH]->(n) | {actor: a {.id, .name}}],
			supports: [(n)-[r:SUPPORTS]->(m) WHERE m:Recommendation OR m:Scenario | {score: r.score, other: m {.id, .title, .name}}],
			conflictsWith: [(n)-[r:CONFLICTS_WITH]->(m) WHERE m:Recommendation OR m:Scenario | {score: r.score, other: m {.id, .title, .name}}],
			supportedBy: [(m)-[r:SUPPORTS]->(n) WHERE m:Recommendation OR m:Scenario | {score: r.score, other: m {.id, .title, .name}}],
			conflictedBy: [(m)-[r:CONFLICTS_WITH]->(n) WHERE m:Recommendation OR m:Scenario | {score: r.score, other: m {.id, .title, .name}}],
			overlaps: [(n)-[r:OVERLAPS]-(m:Recommendation) | {similarity: r.similarity, other: m {.id, .title}}],
			scenarios: [(s:Scenario)-[:INCLUDES]->(n) | s {.id, .name}]
		} AS recommendation`,
}

// runBaseline serves the baseline on addr against the Neo4j at uri until the
// process is killed: GET /list?first=N, /theme?theme=T&first=N and /one?id=ID.
func runBaseline(uri, addr string) error {
	driver, err := neo4j.NewDriverWithContext(uri, neo4j.NoAuth(), func(c *config.Config) { c.MaxConnectionPoolSize = 50 })
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	for name := range baselineStatements {
		mux.HandleFunc("/"+name, func(w http.ResponseWriter, r *http.Request) { serveShape(w, r, driver, name) })
	}
	return http.Serve(ln, mux)
}

func serveShape(w http.ResponseWriter, r *http.Request, driver neo4j.DriverWithContext, name string) {
	ctx, cancel := context.WithTimeout(r.Context(), 30*time.Second)
	defer cancel()
	first, _ := strconv.Atoi(r.URL.Query().Get("first"))
	params := map[string]any{"first": first, "theme": r.URL.Query().Get("theme"), "id": r.URL.Query().Get("id")}
	res, err := neo4j.ExecuteQuery(ctx, driver, baselineStatements[name], params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase("neo4j"), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil || len(res.Records) != 1 {
		http.Error(w, fmt.Sprintf(`{"errors":[{"message":%q}]}`, fmt.Sprint(err)), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{"data": baselineData(name, res.Records[0])})
}

// baselineData wraps the statement's one row as rodedraad's data object.
func baselineData(name string, rec *neo4j.Record) map[string]any {
	if name == "one" {
		v, _ := rec.Get("recommendation")
		return map[string]any{"recommendation": v}
	}
	v, _ := rec.Get("edges")
	return map[string]any{"recommendations": map[string]any{"edges": v}}
}
