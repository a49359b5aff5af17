package main

import (
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// A shape is one query of the issue, written for each of the three servers.
type shape struct {
	Name  string // short key: list, theme, one
	Label string // what it asks, for the table
	// Rodedraad and Peer are GraphQL documents; Baseline is the baseline's
	// path and query string.
	Rodedraad, Peer, Baseline string
}

const listSelection = `id title kind themes { id name } document { id title }
	endorsedBy { via actor { id name } }
	conflictsWith { score other { ... on Recommendation { id title } ... on Scenario { id name } } }`

const peerListSelection = `id title kind themes { id name } documents { id title } endorsedBy { id name }
	conflictsWithConnection { edges { properties { score } node { ... on Recommendation { id title } ... on Scenario { id name } } } }`

const peerInteraction = `{ edges { properties { score } node { ... on Recommendation { id title } ... on Scenario { id name } } } }`

const oneSelection = `id title kind text document { id title year } themes { id name }
	assignedTo { id name sector } endorsedBy { via actor { id name } } opposedBy { actor { id name } }
	supports { score other { ... on Recommendation { id title } ... on Scenario { id name } } }
	conflictsWith { score other { ... on Recommendation { id title } ... on Scenario { id name } } }
	supportedBy { score other { ... on Recommendation { id title } ... on Scenario { id name } } }
	conflictedBy { score other { ... on Recommendation { id title } ... on Scenario { id name } } }
	overlaps { similarity other { id title } } scenarios { id name }`

const peerOneSelection = `id title kind text documents { id title year } themes { id name }
	assignedTo { id name sector } endorsedBy { id name } opposedBy { id name }
	supportsConnection ` + peerInteraction + `
	conflictsWithConnection ` + peerInteraction + `
	supportedByConnection ` + peerInteraction + `
	conflictedByConnection ` + peerInteraction + `
	overlapsConnection { edges { properties { similarity } node { id title } } } scenarios { id name }`

// shapes returns the three query shapes of the issue: a dashboard page of
// 100, a theme's first 20, and one recommendation (id) with every
// relationship field.
func shapes(theme, id string) []shape {
	return []shape{{
		Name: "list", Label: "100 aanbevelingen met thema's, document, onderschrijvers, conflicten / 100 recommendations with themes, document, endorsers, conflicts",
		Rodedraad: `{ recommendations(first: 100) { edges { node { ` + listSelection + ` } } } }`,
		Peer:      `{ recommendations(limit: 100, sort: [{ id: ASC }]) { ` + peerListSelection + ` } }`,
		Baseline:  "/list?first=100",
	}, {
		Name: "theme", Label: fmt.Sprintf("20 aanbevelingen van thema %s, zelfde velden / 20 recommendations of theme %s, same fields", theme, theme),
		Rodedraad: fmt.Sprintf(`{ recommendations(first: 20, filter: { themes: [%q] }) { edges { node { %s } } } }`, theme, listSelection),
		Peer:      fmt.Sprintf(`{ recommendations(limit: 20, sort: [{ id: ASC }], where: { themes: { some: { id: { eq: %q } } } }) { %s } }`, theme, peerListSelection),
		Baseline:  "/theme?first=20&theme=" + url.QueryEscape(theme),
	}, {
		Name: "one", Label: fmt.Sprintf("één aanbeveling (%s) met elk relatieveld / one recommendation (%s) with every relationship field", id, id),
		Rodedraad: fmt.Sprintf(`{ recommendation(id: %q) { %s } }`, id, oneSelection),
		Peer:      fmt.Sprintf(`{ recommendations(where: { id: { eq: %q } }) { %s } }`, id, peerOneSelection),
		Baseline:  "/one?id=" + url.QueryEscape(id),
	}}
}

// canonical is one recommendation as all three servers must agree on it:
// lists as sorted sets of ids (with score or similarity where the edge has
// one), endorsers as distinct actors.
type canonical struct {
	ID, Title, Kind, Text string
	Document              string
	Themes, Endorsers     []string
	Conflicts             []string
	Assigned, Opposers    []string
	Supports, SupportedBy []string
	ConflictedBy          []string
	Overlaps, Scenarios   []string
}

// normalise turns a server's response body into canonical form. peer says
// whether the body is in the peer's shape (a plain list, connections for
// edge properties) or in rodedraad's (which the baseline also returns).
func normalise(body []byte, peer bool) ([]canonical, error) {
	var resp struct {
		Data   map[string]any `json:"data"`
		Errors []any          `json:"errors"`
	}
	if err := json.Unmarshal(body, &resp); err != nil {
		return nil, fmt.Errorf("not JSON: %w", err)
	}
	if len(resp.Errors) > 0 || resp.Data == nil {
		return nil, fmt.Errorf("errors in the answer: %.300s", body)
	}
	var items []map[string]any
	switch {
	case peer:
		items = maps(resp.Data["recommendations"])
	case resp.Data["recommendation"] != nil:
		items = maps(resp.Data["recommendation"])
	default:
		for _, e := range maps(obj(resp.Data["recommendations"])["edges"]) {
			items = append(items, obj(e["node"]))
		}
	}
	out := make([]canonical, len(items))
	for i, it := range items {
		out[i] = canon(it, peer)
	}
	return out, nil
}

func canon(it map[string]any, peer bool) canonical {
	c := canonical{ID: str(it["id"]), Title: str(it["title"]), Kind: str(it["kind"]), Text: str(it["text"]),
		Themes: ids(maps(it["themes"])), Assigned: ids(maps(it["assignedTo"])), Scenarios: ids(maps(it["scenarios"]))}
	if peer {
		c.Document = strings.Join(ids(maps(it["documents"])), ",")
		c.Endorsers = ids(maps(it["endorsedBy"]))
		c.Opposers = ids(maps(it["opposedBy"]))
		c.Conflicts = peerEdges(it["conflictsWithConnection"], "score")
		c.Supports = peerEdges(it["supportsConnection"], "score")
		c.SupportedBy = peerEdges(it["supportedByConnection"], "score")
		c.ConflictedBy = peerEdges(it["conflictedByConnection"], "score")
		c.Overlaps = peerEdges(it["overlapsConnection"], "similarity")
		return c
	}
	c.Document = str(obj(it["document"])["id"])
	c.Endorsers = actorIDs(maps(it["endorsedBy"]))
	c.Opposers = actorIDs(maps(it["opposedBy"]))
	c.Conflicts = edges(it["conflictsWith"], "score")
	c.Supports = edges(it["supports"], "score")
	c.SupportedBy = edges(it["supportedBy"], "score")
	c.ConflictedBy = edges(it["conflictedBy"], "score")
	c.Overlaps = edges(it["overlaps"], "similarity")
	return c
}

// edges reads rodedraad's [{score, other {id}}] as sorted "id score".
func edges(v any, prop string) []string {
	var out []string
	for _, e := range maps(v) {
		out = append(out, fmt.Sprintf("%s %v", str(obj(e["other"])["id"]), e[prop]))
	}
	return sorted(out)
}

// peerEdges reads the peer's connection {edges {properties, node}} likewise.
func peerEdges(v any, prop string) []string {
	var out []string
	for _, e := range maps(obj(v)["edges"]) {
		out = append(out, fmt.Sprintf("%s %v", str(obj(e["node"])["id"]), obj(e["properties"])[prop]))
	}
	return sorted(out)
}

func actorIDs(list []map[string]any) []string {
	var out []string
	for _, e := range list {
		out = append(out, str(obj(e["actor"])["id"]))
	}
	return slices.Compact(sorted(out))
}

func ids(list []map[string]any) []string {
	var out []string
	for _, e := range list {
		out = append(out, str(e["id"]))
	}
	return slices.Compact(sorted(out))
}

func sorted(s []string) []string {
	slices.Sort(s)
	if s == nil {
		return []string{}
	}
	return s
}

// maps reads a JSON list of objects, or one object as a list of one.
func maps(v any) []map[string]any {
	switch v := v.(type) {
	case []any:
		out := make([]map[string]any, 0, len(v))
		for _, e := range v {
			out = append(out, obj(e))
		}
		return out
	case map[string]any:
		return []map[string]any{v}
	}
	return nil
}

func obj(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func str(v any) string {
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}

// firstDifference names the first item where a and b differ, for the
// error that stops the run when two servers disagree.
func firstDifference(a, b []canonical) string {
	if len(a) != len(b) {
		return fmt.Sprintf("%d items against %d", len(a), len(b))
	}
	for i := range a {
		ja, _ := json.Marshal(a[i])
		jb, _ := json.Marshal(b[i])
		if string(ja) != string(jb) {
			return fmt.Sprintf("item %d:\n  %s\n  %s", i, ja, jb)
		}
	}
	return ""
}
