// De peer van `make bench-peer`: de officiële Neo4j GraphQL-bibliotheek op Apollo Server, over
// dezelfde Neo4j en dezelfde labels als rodedraad. The peer of `make bench-peer`: the official
// Neo4j GraphQL library on Apollo Server, over the same Neo4j and the same labels as rodedraad.
//
// Environment: NEO4J_URI (bolt://…, no authentication), PORT (loopback port to listen on).
// Every node type carries the Entity label beside its own, so that id lookups can use the
// Entity(id) uniqueness constraint, as rodedraad's do.
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

// Endorsement as rodedraad defines it: a SUPPORTS stance, or authorship (PUBLISHER or AUTHOR) of
// the document that contains the item, unless the item is a CONCLUSION the document only reports.
const endorsers = `
  MATCH (a:Actor)-[:SUPPORTS]->(this) RETURN a
  UNION
  MATCH (a:Actor)-[r:AUTHORED]->(:Document)-[:CONTAINS]->(this)
  WHERE r.role IN ['PUBLISHER', 'AUTHOR'] AND NOT coalesce(this.kind, '') IN ['CONCLUSION']
  RETURN a`;

const typeDefs = `#graphql
  type Interaction @relationshipProperties {
    score: Int
  }
  type Similarity @relationshipProperties {
    similarity: Float
  }

  union Interactor = Recommendation | Scenario

  type Recommendation @node(labels: ["Recommendation", "Entity"]) {
    id: ID!
    title: String!
    text: String
    kind: String
    status: String
    documents: [Document!]! @relationship(type: "CONTAINS", direction: IN)
    themes: [Theme!]! @relationship(type: "ADDRESSES", direction: OUT)
    assignedTo: [Actor!]! @relationship(type: "ASSIGNED_TO", direction: OUT)
    endorsedBy: [Actor!]! @cypher(statement: """${endorsers}""", columnName: "a")
    opposedBy: [Actor!]! @relationship(type: "CONFLICTS_WITH", direction: IN)
    supports: [Interactor!]! @relationship(type: "SUPPORTS", direction: OUT, properties: "Interaction")
    conflictsWith: [Interactor!]! @relationship(type: "CONFLICTS_WITH", direction: OUT, properties: "Interaction")
    supportedBy: [Interactor!]! @relationship(type: "SUPPORTS", direction: IN, properties: "Interaction")
    conflictedBy: [Interactor!]! @relationship(type: "CONFLICTS_WITH", direction: IN, properties: "Interaction")
    overlaps: [Recommendation!]! @relationship(type: "OVERLAPS", direction: OUT, queryDirection: UNDIRECTED, properties: "Similarity")
    scenarios: [Scenario!]! @relationship(type: "INCLUDES", direction: IN)
  }

  type Document @node(labels: ["Document", "Entity"]) {
    id: ID!
    title: String!
    kind: String
    year: Int
  }

  type Actor @node(labels: ["Actor", "Entity"]) {
    id: ID!
    name: String!
    sector: String
  }

  type Theme @node(labels: ["Theme", "Entity"]) {
    id: ID!
    name: String!
  }

  type Scenario @node(labels: ["Scenario", "Entity"]) {
    id: ID!
    name: String!
  }
`;

const uri = process.env.NEO4J_URI || "bolt://127.0.0.1:7687";
const port = Number(process.env.PORT || 4000);
const driver = neo4j.driver(uri, neo4j.auth.none(), { maxConnectionPoolSize: 50 });
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const server = new ApolloServer({ schema, introspection: true });
const { url } = await startStandaloneServer(server, {
  listen: { host: "127.0.0.1", port },
  context: async () => ({ sessionConfig: { database: "neo4j" } }),
});
console.log(`peer listening on ${url}`);
