package neo4jstore

import (
	"fmt"
	"slices"
	"strings"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// The selection compiler turns a rodedraad.Selection into one Cypher map
// projection: the node's asked properties, and per relationship a COLLECT
// subquery that projects the other ends the same way, ordered and capped
// inside its level. A root field of the API thus costs one statement that
// returns what it asks for and nothing more.

const (
	// DefaultMaxRows bounds the rows the nested lists of one compiled
	// statement may bring back, over all levels: caps shrink as the number
	// of parents grows, so a deep query cannot make Neo4j expand the
	// product of its lists. (The API counts the items it resolves too;
	// this keeps the database's work bounded before that count runs.)
	DefaultMaxRows = 160_000
	// manyParentsCap caps a nested list that hangs from many parents (a
	// page, another list); oneParentCap one that hangs from a single node.
	// A list that holds more is not cut: the read leaves it out and its
	// reader loads it whole (rodedraad.Fetched).
	manyParentsCap = 100
	oneParentCap   = 1000
)

// provenanceKeys are the stored properties of a Provenance.
var provenanceKeys = []string{"status", "method", "confidence", "sourceDocument", "sourcePage", "sourceQuote",
	"sourceUrls", "sourceStart", "sourceEnd", "model", "rationale", "createdBy", "createdAt", "reviewedBy", "reviewedAt"}

// fieldKeys maps the field groups a selection names to stored properties,
// where they differ from the field's own name. Every other known field is
// stored under its own name (knownFields).
var fieldKeys = map[string][]string{
	"provenance":  provenanceKeys,
	"translation": {"language", "translationLanguage", "translationTitle", "translationText", "translationMethod"},
	"ingest":      {"path", "fileName", "format", "sha256", "pages", "version", "supersedes"},
	"conflict":    {"conflictId", "topic", "summary", "evidence"},
	"source":      {"sourceDocument", "sourcePage", "sourceQuote", "sourceUrls", "sourceStart", "sourceEnd"},
}

// knownFields are stored under their own name, on nodes or on edges.
var knownFields = []string{"title", "text", "name", "kind", "level", "horizon", "language", "uncertainty",
	"description", "inStudyScope", "finding", "family", "familyName", "year", "date", "urls", "evidenceLevel",
	"summary", "note", "aliases", "sector", "status", "rationale",
	"score", "similarity", "role", "weight", "page", "quote"}

// propertyKeys returns the stored properties of fields, without
// duplicates, and false when one of them is unknown: the caller then reads
// every property.
func propertyKeys(fields []string) ([]string, bool) {
	var keys []string
	for _, f := range fields {
		switch {
		case fieldKeys[f] != nil:
			keys = append(keys, fieldKeys[f]...)
		case slices.Contains(knownFields, f):
			keys = append(keys, f)
		default:
			return nil, false
		}
	}
	slices.Sort(keys)
	return slices.Compact(keys), true
}

// compiler builds one statement; its variables are numbered so that nested
// subqueries never shadow an outer one.
type compiler struct {
	params  map[string]any
	vars    int
	maxRows int
}

func newCompiler(maxRows int) *compiler {
	return &compiler{params: map[string]any{}, maxRows: rowBudget(maxRows)}
}

func rowBudget(maxRows int) int {
	if maxRows <= 0 {
		return DefaultMaxRows
	}
	return maxRows
}

func (c *compiler) fresh() (node, rel string) {
	c.vars++
	return fmt.Sprintf("m%d", c.vars), fmt.Sprintf("r%d", c.vars)
}

// node returns the map projection of node variable v: the id, the asked
// properties (every property when a field is unknown) and, under key rN,
// the N-th relationship. parents is how many nodes at most this projection
// is made for in one statement.
func (c *compiler) node(v string, sel rodedraad.Selection, parents int) string {
	parts := []string{".id"}
	if keys, ok := propertyKeys(sel.Fields); ok {
		for _, k := range keys {
			parts = append(parts, "."+k)
		}
	} else {
		parts = []string{".*"}
	}
	for i, rs := range sel.Rels {
		parts = append(parts, fmt.Sprintf("r%d: %s", i, c.rel(v, rs, parents)))
	}
	return v + " {" + strings.Join(parts, ", ") + "}"
}

// listCap is the cap of one nested list under parents nodes: what is left
// of the row budget per parent, at most the list cap, at least one. The
// compiler and the decoder both use it, so they agree on every level.
func listCap(maxRows, parents int) int {
	limit := oneParentCap
	if parents > 1 {
		limit = manyParentsCap
	}
	return max(1, min(limit, maxRows/max(parents, 1)))
}

// rel returns the COLLECT subquery of one relationship from node variable
// n. It asks one row more than the cap, so the reader can tell a full list
// from a cut one.
func (c *compiler) rel(n string, rs rodedraad.RelSelection, parents int) string {
	limit := listCap(c.maxRows, parents)
	m, r := c.fresh()
	next := c.node(m, rs.Other, parents*limit)
	value := c.linkValue(n, m, r, rs, next)
	if rs.Rel.Endorsers {
		c.params["endorsingRoles"], c.params["reportedKinds"] = rodedraad.EndorsingRoles, rodedraad.ReportedKinds
		return fmt.Sprintf(`COLLECT { CALL (%[1]s) {
			MATCH (%[2]s:Actor)-[%[3]s:SUPPORTS]->(%[1]s) RETURN %[2]s, %[3]s, 'STANCE' AS via
			UNION
			MATCH (%[2]s:Actor)-[%[3]s:AUTHORED]->(:Document)-[:CONTAINS]->(%[1]s)
			WHERE %[3]s.role IN $endorsingRoles AND NOT coalesce(%[1]s.kind, '') IN $reportedKinds
			RETURN %[2]s, %[3]s, 'AUTHORED' AS via }
			RETURN %[4]s ORDER BY %[2]s.id, via LIMIT %[5]d }`, n, m, r, value, limit+1)
	}
	return fmt.Sprintf("COLLECT { MATCH %s RETURN %s ORDER BY %s.id LIMIT %d }",
		linkPattern(n, r, m, rs.Rel.Query), value, m, limit+1)
}

// linkPattern is the pattern of a link query from n over r to m. The type
// and label come from the domain's constants, never from input.
func linkPattern(n, r, m string, q rodedraad.LinkQuery) string {
	other := "Entity"
	if q.OtherKind != "" {
		other = string(q.OtherKind)
	}
	switch q.Dir {
	case rodedraad.In:
		return fmt.Sprintf("(%s)<-[%s:%s]-(%s:%s)", n, r, q.Type, m, other)
	case rodedraad.Both:
		return fmt.Sprintf("(%s)-[%s:%s]-(%s:%s)", n, r, q.Type, m, other)
	}
	return fmt.Sprintf("(%s)-[%s:%s]->(%s:%s)", n, r, q.Type, m, other)
}

// linkValue is what one row of a relationship returns: the other node's
// projection alone when nothing else is needed, else a map with the node
// (o), the edge's asked properties (e), the other node's label (l) when
// the query does not fix it, the way an undirected edge runs (d) and how
// an endorsement was made (v).
func (c *compiler) linkValue(n, m, r string, rs rodedraad.RelSelection, next string) string {
	var parts []string
	if len(rs.EdgeFields) > 0 {
		parts = append(parts, "e: "+edgeProjection(r, rs.EdgeFields))
	}
	if rs.Rel.Query.OtherKind == "" && !rs.Rel.Endorsers {
		parts = append(parts, "l: "+labelCode(m))
	}
	if rs.Rel.Query.Dir == rodedraad.Both && !rs.Rel.Endorsers {
		parts = append(parts, fmt.Sprintf("d: startNode(%s) = %s", r, n))
	}
	if rs.Rel.Endorsers {
		parts = append(parts, "v: via")
	}
	if len(parts) == 0 {
		return next
	}
	return "{o: " + next + ", " + strings.Join(parts, ", ") + "}"
}

func edgeProjection(r string, fields []string) string {
	keys, ok := propertyKeys(fields)
	if !ok {
		return r + " {.*}"
	}
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = "." + k
	}
	return r + " {" + strings.Join(parts, ", ") + "}"
}

// labelCode is a small number for the domain label of node v: its index
// in rodedraad.Labels.
func labelCode(v string) string {
	var b strings.Builder
	b.WriteString("CASE")
	for i, l := range rodedraad.Labels {
		fmt.Fprintf(&b, " WHEN %s:%s THEN %d", v, l, i)
	}
	b.WriteString(" END")
	return b.String()
}
