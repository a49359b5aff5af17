package graph_test

import (
	"fmt"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
)

// supportTargets returns the ids that id supports, read through the API.
func supportTargets(t *testing.T, srv *httptest.Server, id string) map[string]int {
	t.Helper()
	got := mustData[struct {
		Recommendation struct {
			Supports []interaction
		}
	}](t, srv, `query ($id: ID!) { recommendation(id: $id) { supports { score other { ... on Recommendation { id } } } } }`,
		map[string]any{"id": id})
	out := map[string]int{}
	for _, s := range got.Recommendation.Supports {
		out[s.Other.ID] = s.Score
	}
	return out
}

const linkMutation = `mutation ($input: LinkInput!) {
  link(input: $input) { __typename type fromId toId score status from { id } to { id } provenance { method } }
}`

const unlinkMutation = `mutation ($input: UnlinkInput!) { unlink(input: $input) { type fromId toId } }`

func TestMutation_Link(t *testing.T) {
	srv := newServer(t, neo4jtest.Seeded(t))
	const from, to = "R06.3", "R41.1"
	if _, ok := supportTargets(t, srv, from)[to]; ok {
		t.Fatalf("the seeds already have %s SUPPORTS %s; pick another pair", from, to)
	}
	input := func(score any) map[string]any {
		return map[string]any{"input": map[string]any{"type": "SUPPORTS", "from": from, "to": to, "score": score}}
	}

	t.Run("ErrScoreOutOfRange", func(t *testing.T) {
		mustFail(t, srv, `mutation { link(input: {type: SUPPORTS, from: "R06.3", to: "R41.1", score: 7}) { __typename } }`, nil, "BAD_USER_INPUT")
		if _, ok := supportTargets(t, srv, from)[to]; ok {
			t.Error("a rejected link was written")
		}
	})

	t.Run("ErrInvalid", func(t *testing.T) {
		for name, in := range map[string]map[string]any{
			"supports without score":  {"type": "SUPPORTS", "from": from, "to": to},
			"positive conflict score": {"type": "CONFLICTS_WITH", "from": from, "to": to, "score": 2},
			"stance with a score":     {"type": "SUPPORTS", "from": "A-TSN", "to": to, "score": 2},
			"wrong ends":              {"type": "ADDRESSES", "from": "T2", "to": from},
		} {
			e, _ := mustFail(t, srv, linkMutation, map[string]any{"input": in}, "BAD_USER_INPUT")
			t.Logf("%s: %s", name, e.Message)
		}
		if _, ok := supportTargets(t, srv, from)[to]; ok {
			t.Error("a rejected link was written")
		}
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		mustFail(t, srv, linkMutation, map[string]any{"input": map[string]any{"type": "SUPPORTS", "from": from, "to": "R99.9", "score": 2}}, "NOT_FOUND")
	})

	t.Run("OK", func(t *testing.T) {
		got := mustData[struct {
			Link struct {
				Typename   string `json:"__typename"`
				Type       string
				FromID     string `json:"fromId"`
				ToID       string `json:"toId"`
				Score      int
				Status     string
				From, To   idOf
				Provenance struct{ Method string }
			}
		}](t, srv, linkMutation, input(2))
		l := got.Link
		if l.Typename != "Edge" || l.Type != "SUPPORTS" || l.FromID != from || l.ToID != to || l.From.ID != from || l.To.ID != to ||
			l.Score != 2 || l.Status != "ACCEPTED" || l.Provenance.Method != "MANUAL" {
			t.Errorf("link = %+v", l)
		}
		if score := supportTargets(t, srv, from)[to]; score != 2 {
			t.Errorf("%s supports %s with score %d, want 2", from, to, score)
		}
	})

	t.Run("OK update", func(t *testing.T) {
		mustData[map[string]any](t, srv, linkMutation, input(3))
		targets := supportTargets(t, srv, from)
		if targets[to] != 3 {
			t.Errorf("score after relinking = %d, want 3", targets[to])
		}
	})

	t.Run("OK unlink", func(t *testing.T) {
		got := mustData[struct {
			Unlink struct {
				Type   string
				FromID string `json:"fromId"`
				ToID   string `json:"toId"`
			}
		}](t, srv, unlinkMutation, map[string]any{"input": map[string]any{"type": "SUPPORTS", "from": from, "to": to}})
		if got.Unlink.Type != "SUPPORTS" || got.Unlink.FromID != from || got.Unlink.ToID != to {
			t.Errorf("unlink = %+v", got.Unlink)
		}
		if _, ok := supportTargets(t, srv, from)[to]; ok {
			t.Error("the edge is still there after unlink")
		}
	})

	t.Run("ErrUnlinkNotFound", func(t *testing.T) {
		mustFail(t, srv, unlinkMutation, map[string]any{"input": map[string]any{"type": "SUPPORTS", "from": from, "to": to}}, "NOT_FOUND")
	})
}

type created struct {
	ID, Title, Name, Kind, Status string
	Provenance                    struct{ Status, Method, CreatedBy string }
	Document                      *idOf
	Documents                     []idOf
	Themes                        []idOf
	AssignedTo                    []idOf `json:"assignedTo"`
}

func TestMutation_CreateUpdateDelete(t *testing.T) {
	srv := newServer(t, neo4jtest.Open(t))
	create := func(t *testing.T, q string, vars map[string]any) created {
		t.Helper()
		got := mustData[map[string]created](t, srv, q, vars)
		for _, v := range got {
			return v
		}
		t.Fatal("no data")
		return created{}
	}

	t.Run("Create", func(t *testing.T) {
		th := create(t, `mutation { createTheme(input: {id: "TX", name: "Test theme", inStudyScope: true}) { id name status provenance { status method } } }`, nil)
		if th.ID != "TX" || th.Name != "Test theme" || th.Status != "ACCEPTED" || th.Provenance.Method != "MANUAL" {
			t.Errorf("theme = %+v, want TX, ACCEPTED and MANUAL by default", th)
		}
		a := create(t, `mutation { createActor(input: {id: "A-X", name: "Test actor", kind: COMPANY, sector: PRIVATE, aliases: ["TX"]}) { id name kind } }`, nil)
		if a.ID != "A-X" || a.Kind != "COMPANY" {
			t.Errorf("actor = %+v", a)
		}
		d := create(t, `mutation { createDocument(input: {id: "DX", title: "Test document", kind: PLAN, year: 2025, urls: ["https://example.org/dx"]}) { id title } }`, nil)
		if d.ID != "DX" {
			t.Errorf("document = %+v", d)
		}
		s := create(t, `mutation { createScenario(input: {id: "SCX.1", name: "Test scenario", family: "SCX", documents: ["DX"]}) { id name documents { id } } }`, nil)
		if s.ID != "SCX.1" || !sameSet(ids(s.Documents), []string{"DX"}) {
			t.Errorf("scenario = %+v, want SCX.1 described by DX", s)
		}
		r := create(t, `mutation { createRecommendation(input: {id: "RX.1", title: "Test recommendation", text: "Do it.", kind: RECOMMENDATION,
			document: "DX", themes: ["TX"], assignedTo: ["A-X"], provenance: {status: PROPOSED, method: LLM, createdBy: "bot", confidence: 0.7}}) {
			id title status provenance { status method createdBy } document { id } themes { id } assignedTo { id } } }`, nil)
		if r.ID != "RX.1" || r.Status != "PROPOSED" || r.Provenance.Method != "LLM" || r.Provenance.CreatedBy != "bot" ||
			r.Document == nil || r.Document.ID != "DX" || !sameSet(ids(r.Themes), []string{"TX"}) || !sameSet(ids(r.AssignedTo), []string{"A-X"}) {
			t.Errorf("recommendation = %+v, want RX.1 PROPOSED by LLM in DX on TX assigned to A-X", r)
		}
		// The relationships are there from the other side too.
		back := mustData[struct {
			Document struct{ Recommendations []idOf }
			Theme    struct{ Recommendations []idOf }
			Actor    struct{ Assignments []idOf }
		}](t, srv, `{ document(id: "DX") { recommendations { id } } theme(id: "TX") { recommendations { id } } actor(id: "A-X") { assignments { id } } }`, nil)
		for name, got := range map[string][]idOf{"document": back.Document.Recommendations, "theme": back.Theme.Recommendations, "actor": back.Actor.Assignments} {
			if !sameSet(ids(got), []string{"RX.1"}) {
				t.Errorf("%s side = %v, want RX.1", name, ids(got))
			}
		}
	})

	t.Run("OK generated id", func(t *testing.T) {
		r := create(t, `mutation { createRecommendation(input: {title: "No id", text: "Generated.", kind: GOAL}) { id } }`, nil)
		if !strings.HasPrefix(r.ID, "R-") {
			t.Errorf("generated id %q, want prefix R-", r.ID)
		}
		mustData[map[string]any](t, srv, `mutation ($id: ID!) { deleteRecommendation(id: $id) { id } }`, map[string]any{"id": r.ID})
	})

	t.Run("ErrConflict", func(t *testing.T) {
		mustFail(t, srv, `mutation { createRecommendation(input: {id: "RX.1", title: "Again", text: "Twice.", kind: GOAL}) { id } }`, nil, "CONFLICT")
		mustFail(t, srv, `mutation { createTheme(input: {id: "RX.1", name: "Same id, other kind"}) { id } }`, nil, "CONFLICT")
		got := mustData[struct{ Recommendation created }](t, srv, `{ recommendation(id: "RX.1") { title kind } }`, nil)
		if got.Recommendation.Title != "Test recommendation" {
			t.Errorf("a duplicate create changed the node: %+v", got.Recommendation)
		}
	})

	t.Run("ErrBadInput", func(t *testing.T) {
		for name, c := range map[string]struct{ query, code string }{
			"unknown enum":  {`mutation { createRecommendation(input: {id: "RX.2", title: "T", text: "T", kind: NOPE}) { id } }`, "GRAPHQL_VALIDATION_FAILED"},
			"unknown field": {`mutation { createRecommendation(input: {id: "RX.2", title: "T", text: "T", kind: GOAL, colour: "red"}) { id } }`, "GRAPHQL_VALIDATION_FAILED"},
			"empty text":    {`mutation { createRecommendation(input: {id: "RX.2", title: "T", text: " ", kind: GOAL}) { id } }`, "BAD_USER_INPUT"},
			"bad id":        {`mutation { createRecommendation(input: {id: "RX 2!", title: "T", text: "T", kind: GOAL}) { id } }`, "BAD_USER_INPUT"},
			"confidence":    {`mutation { createRecommendation(input: {id: "RX.2", title: "T", text: "T", kind: GOAL, provenance: {confidence: 1.5}}) { id } }`, "BAD_USER_INPUT"},
			"unknown theme": {`mutation { createRecommendation(input: {id: "RX.2", title: "T", text: "T", kind: GOAL, themes: ["T-NONE"]}) { id } }`, "BAD_USER_INPUT"},
			"theme as doc":  {`mutation { createRecommendation(input: {id: "RX.2", title: "T", text: "T", kind: GOAL, document: "TX"}) { id } }`, "BAD_USER_INPUT"},
		} {
			e, _ := mustFail(t, srv, c.query, nil, c.code)
			t.Logf("%s: %s", name, e.Message)
		}
		mustFail(t, srv, `mutation ($k: RecommendationKind!) { createRecommendation(input: {id: "RX.2", title: "T", text: "T", kind: $k}) { id } }`,
			map[string]any{"k": "NOPE"}, "GRAPHQL_VALIDATION_FAILED")
		data, _ := mustQuery(t, srv, `{ node(id: "RX.2") { id } }`, nil)
		if string(data) != `{"node":null}` {
			t.Errorf("a failed create wrote %s", data)
		}
	})

	t.Run("Update", func(t *testing.T) {
		got := mustData[map[string]created](t, srv, `mutation {
			r: updateRecommendation(id: "RX.1", patch: {title: "Renamed", kind: GOAL}) { id title kind }
			d: updateDocument(id: "DX", patch: {title: "Renamed document"}) { id title }
			a: updateActor(id: "A-X", patch: {name: "Renamed actor"}) { id name }
			t: updateTheme(id: "TX", patch: {name: "Renamed theme"}) { id name }
			s: updateScenario(id: "SCX.1", patch: {name: "Renamed scenario"}) { id name }
		}`, nil)
		if got["r"].Title != "Renamed" || got["r"].Kind != "GOAL" || got["d"].Title != "Renamed document" ||
			got["a"].Name != "Renamed actor" || got["t"].Name != "Renamed theme" || got["s"].Name != "Renamed scenario" {
			t.Errorf("after updates: %+v", got)
		}
		// Fields and relationships the patch leaves out stay.
		r := mustData[struct{ Recommendation created }](t, srv, `{ recommendation(id: "RX.1") { title status document { id } themes { id } } }`, nil).Recommendation
		if r.Status != "PROPOSED" || r.Document == nil || r.Document.ID != "DX" || len(r.Themes) != 1 {
			t.Errorf("an update dropped what it did not name: %+v", r)
		}
	})

	t.Run("ErrUpdate", func(t *testing.T) {
		mustFail(t, srv, `mutation { updateRecommendation(id: "R-none", patch: {title: "X"}) { id } }`, nil, "NOT_FOUND")
		mustFail(t, srv, `mutation { updateTheme(id: "RX.1", patch: {name: "X"}) { id } }`, nil, "NOT_FOUND")
		mustFail(t, srv, `mutation { updateRecommendation(id: "RX.1", patch: {title: "Lost", text: ""}) { id } }`, nil, "BAD_USER_INPUT")
		r := mustData[struct{ Recommendation created }](t, srv, `{ recommendation(id: "RX.1") { title } }`, nil).Recommendation
		if r.Title != "Renamed" {
			t.Errorf("a failed update wrote title %q", r.Title)
		}
	})

	t.Run("Delete", func(t *testing.T) {
		for _, c := range []struct{ mutation, id string }{
			{"deleteRecommendation", "RX.1"}, {"deleteScenario", "SCX.1"}, {"deleteDocument", "DX"},
			{"deleteActor", "A-X"}, {"deleteTheme", "TX"},
		} {
			q := `mutation ($id: ID!) { ` + c.mutation + `(id: $id) { id } }`
			got := mustData[map[string]idOf](t, srv, q, map[string]any{"id": c.id})
			if got[c.mutation].ID != c.id {
				t.Errorf("%s = %+v", c.mutation, got)
			}
			data, _ := mustQuery(t, srv, `query ($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": c.id})
			if string(data) != `{"node":null}` {
				t.Errorf("%s is still there after %s: %s", c.id, c.mutation, data)
			}
			mustFail(t, srv, q, map[string]any{"id": c.id}, "NOT_FOUND")
		}
	})
}

func TestMutation_Review(t *testing.T) {
	srv := newServer(t, neo4jtest.Seeded(t))
	const review = `mutation ($input: ReviewInput!) { review(input: $input) {
		node { id status provenance { status reviewedBy reviewedAt } }
		edge { type fromId toId status provenance { reviewedBy reviewedAt } }
	} }`
	type payload struct {
		Review struct {
			Node *struct {
				ID, Status string
				Provenance struct {
					Status     string
					ReviewedBy string  `json:"reviewedBy"`
					ReviewedAt *string `json:"reviewedAt"`
				}
			}
			Edge *struct {
				Type, Status string
				FromID       string `json:"fromId"`
				Provenance   struct {
					ReviewedBy string  `json:"reviewedBy"`
					ReviewedAt *string `json:"reviewedAt"`
				}
			}
		}
	}

	t.Run("OK node", func(t *testing.T) {
		mustData[map[string]any](t, srv, `mutation { createRecommendation(input: {id: "RV.1", title: "Machine-made", text: "From an LLM.",
			kind: RECOMMENDATION, provenance: {status: PROPOSED, method: LLM}}) { id } }`, nil)
		got := mustData[payload](t, srv, review, map[string]any{"input": map[string]any{"id": "RV.1", "decision": "ACCEPT", "reviewer": "carol"}})
		n := got.Review.Node
		if n == nil || n.ID != "RV.1" || n.Status != "ACCEPTED" || n.Provenance.ReviewedBy != "carol" || n.Provenance.ReviewedAt == nil || got.Review.Edge != nil {
			t.Errorf("review = %+v, want RV.1 ACCEPTED by carol", got.Review)
		}
		got = mustData[payload](t, srv, review, map[string]any{"input": map[string]any{"id": "RV.1", "decision": "REJECT", "reviewer": "dave"}})
		if n := got.Review.Node; n == nil || n.Status != "REJECTED" || n.Provenance.ReviewedBy != "dave" {
			t.Errorf("review = %+v, want REJECTED by dave", got.Review)
		}
	})

	t.Run("OK edge", func(t *testing.T) {
		mustData[map[string]any](t, srv, linkMutation, map[string]any{"input": map[string]any{
			"type": "SUPPORTS", "from": "RV.1", "to": "R06.1", "score": 1, "provenance": map[string]any{"status": "PROPOSED", "method": "RULE"}}})
		got := mustData[payload](t, srv, review, map[string]any{"input": map[string]any{
			"type": "SUPPORTS", "from": "RV.1", "to": "R06.1", "decision": "REJECT", "reviewer": "erin", "note": "not in the text"}})
		e := got.Review.Edge
		if e == nil || e.Type != "SUPPORTS" || e.FromID != "RV.1" || e.Status != "REJECTED" || e.Provenance.ReviewedBy != "erin" || got.Review.Node != nil {
			t.Errorf("review = %+v, want the edge REJECTED by erin", got.Review)
		}
		back := mustData[struct {
			Recommendation struct{ SupportedBy []interaction }
		}](t, srv, `{ recommendation(id: "R06.1") { supportedBy { status other { ... on Recommendation { id } } } } }`, nil)
		var status string
		for _, s := range back.Recommendation.SupportedBy {
			if s.Other.ID == "RV.1" {
				status = s.Status
			}
		}
		if status != "REJECTED" {
			t.Errorf("R06.1 supportedBy RV.1 has status %q, want REJECTED", status)
		}
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		mustFail(t, srv, review, map[string]any{"input": map[string]any{"id": "R-none", "decision": "ACCEPT", "reviewer": "carol"}}, "NOT_FOUND")
		mustFail(t, srv, review, map[string]any{"input": map[string]any{"type": "SUPPORTS", "from": "R06.1", "to": "RV.1", "decision": "ACCEPT", "reviewer": "carol"}}, "NOT_FOUND")
	})

	t.Run("ErrBadInput", func(t *testing.T) {
		mustFail(t, srv, review, map[string]any{"input": map[string]any{"id": "RV.1", "type": "SUPPORTS", "decision": "ACCEPT", "reviewer": "carol"}}, "BAD_USER_INPUT")
		mustFail(t, srv, review, map[string]any{"input": map[string]any{"decision": "ACCEPT", "reviewer": "carol"}}, "BAD_USER_INPUT")
		mustFail(t, srv, review, map[string]any{"input": map[string]any{"id": "RV.1", "decision": "ACCEPT", "reviewer": " "}}, "BAD_USER_INPUT")
	})
}

const goodBundle = `themes:
  - {id: TB1, name: "Bundle theme"}
actors:
  - {id: A-B1, name: "Bundle actor", kind: COMPANY, sector: PRIVATE}
document:
  id: DB1
  title: "Bundle document"
  kind: PLAN
  year: 2025
  urls: ["https://example.org/db1"]
  authors:
    - {actor: A-B1, role: PUBLISHER}
  recommendations:
    - id: RB1.1
      title: "First"
      text: "The first recommendation."
      kind: RECOMMENDATION
      themes: [TB1]
    - id: RB1.2
      title: "Second"
      text: "The second recommendation."
      kind: GOAL
      themes: [TB1]
links:
  - {type: SUPPORTS, from: RB1.1, to: RB1.2, score: 2}
`

// badBundle is valid up to line 9, where a recommendation has a kind that
// does not exist.
const badBundle = `themes:
  - {id: TB2, name: "Never written"}
document:
  id: DB2
  title: "Bad bundle"
  kind: PLAN
  recommendations:
    - id: RB2.1
      kind: ADVISE
      title: "Bad kind"
      text: "Kind is not an enum value."
`

const importMutation = `mutation ($b: String!) { importBundle(bundle: $b) { nodes edges counts { kind count } } }`

func TestMutation_ImportBundle(t *testing.T) {
	srv := newServer(t, neo4jtest.Open(t))
	type payload struct {
		ImportBundle struct {
			Nodes, Edges int
			Counts       []struct {
				Kind  string
				Count int
			}
		} `json:"importBundle"`
	}
	graphShape := func(t *testing.T) string {
		t.Helper()
		got := mustData[struct {
			Recommendations struct{ TotalCount int }
			Document        struct {
				Recommendations []idOf
				Authors         []struct{ Actor idOf }
			}
			Recommendation struct{ Supports []interaction }
		}](t, srv, `{ recommendations(first: 1) { totalCount } document(id: "DB1") { recommendations { id } authors { actor { id } } }
			recommendation(id: "RB1.1") { supports { score other { ... on Recommendation { id } } } } }`, nil)
		var b strings.Builder
		b.WriteString(strings.Join(slices.Sorted(slices.Values(ids(got.Document.Recommendations))), ","))
		for _, a := range got.Document.Authors {
			b.WriteString(" author " + a.Actor.ID)
		}
		for _, s := range got.Recommendation.Supports {
			b.WriteString(" supports " + s.Other.ID)
		}
		return fmt.Sprintf("%s total %d", b.String(), got.Recommendations.TotalCount)
	}

	t.Run("OK", func(t *testing.T) {
		got := mustData[payload](t, srv, importMutation, map[string]any{"b": goodBundle})
		counts := map[string]int{}
		for _, c := range got.ImportBundle.Counts {
			counts[c.Kind] = c.Count
		}
		if got.ImportBundle.Nodes != 5 || got.ImportBundle.Edges != 6 || counts["Recommendation"] != 2 || counts["CONTAINS"] != 2 || counts["SUPPORTS"] != 1 {
			t.Errorf("import = %+v, want 5 nodes and 6 edges", got.ImportBundle)
		}
		if shape := graphShape(t); shape != "RB1.1,RB1.2 author A-B1 supports RB1.2 total 2" {
			t.Errorf("graph after import: %s", shape)
		}
	})

	t.Run("OK idempotent", func(t *testing.T) {
		mustData[payload](t, srv, importMutation, map[string]any{"b": goodBundle})
		if shape := graphShape(t); shape != "RB1.1,RB1.2 author A-B1 supports RB1.2 total 2" {
			t.Errorf("graph after importing twice: %s", shape)
		}
	})

	t.Run("ErrBadBundle", func(t *testing.T) {
		e, _ := mustFail(t, srv, importMutation, map[string]any{"b": badBundle}, "BAD_USER_INPUT")
		if !strings.Contains(e.Message, ":9:") || !strings.Contains(e.Message, "kind") {
			t.Errorf("message %q does not name line 9 and field kind", e.Message)
		}
		data, _ := mustQuery(t, srv, `{ a: node(id: "TB2") { id } b: node(id: "DB2") { id } c: node(id: "RB2.1") { id } }`, nil)
		if string(data) != `{"a":null,"b":null,"c":null}` {
			t.Errorf("a failed import wrote %s", data)
		}
	})

	t.Run("ErrUnknownReference", func(t *testing.T) {
		e, _ := mustFail(t, srv, importMutation, map[string]any{"b": "links:\n  - {type: SUPPORTS, from: RB1.1, to: R-missing, score: 2}\n"}, "BAD_USER_INPUT")
		if !strings.Contains(e.Message, "R-missing") {
			t.Errorf("message %q does not name the missing id", e.Message)
		}
	})

	t.Run("ErrSyntax", func(t *testing.T) {
		mustFail(t, srv, importMutation, map[string]any{"b": "themes: [\n  {id: T9"}, "BAD_USER_INPUT")
	})
}

func TestMutation_MachineMadeStartsProposed(t *testing.T) {
	srv := newServer(t, neo4jtest.Seeded(t))
	t.Run("DefaultsToProposed", func(t *testing.T) {
		got := mustData[struct {
			CreateRecommendation struct{ Status string }
		}](t, srv, `mutation { createRecommendation(input: {id: "RM.1", title: "From a model", text: "Suggested by an LLM.",
			kind: RECOMMENDATION, provenance: {method: LLM}}) { status } }`, nil)
		if got.CreateRecommendation.Status != "PROPOSED" {
			t.Fatalf("status = %q, want PROPOSED", got.CreateRecommendation.Status)
		}
	})
	t.Run("ErrAcceptedWithoutReview", func(t *testing.T) {
		mustFail(t, srv, `mutation { createRecommendation(input: {id: "RM.2", title: "From a model", text: "Suggested by an LLM.",
			kind: RECOMMENDATION, provenance: {method: LLM, status: ACCEPTED}}) { id } }`, nil, "BAD_USER_INPUT")
		data, _ := mustQuery(t, srv, `{ recommendation(id: "RM.2") { id } }`, nil)
		if string(data) != `{"recommendation":null}` {
			t.Fatalf("RM.2 was written: %s", data)
		}
	})
}
