package graph_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
)

type pageInfo struct {
	HasNextPage bool    `json:"hasNextPage"`
	EndCursor   *string `json:"endCursor"`
}

type recPage struct {
	Recommendations struct {
		TotalCount int `json:"totalCount"`
		Edges      []struct {
			Cursor string `json:"cursor"`
			Node   struct {
				ID       string `json:"id"`
				Title    string `json:"title"`
				Themes   []struct{ ID, Name string }
				Document *struct{ ID, Title string }
			} `json:"node"`
		} `json:"edges"`
		PageInfo pageInfo `json:"pageInfo"`
	} `json:"recommendations"`
}

func (p recPage) ids() []string {
	var out []string
	for _, e := range p.Recommendations.Edges {
		out = append(out, e.Node.ID)
	}
	return out
}

// The acceptance query of the issue, with after so the same text pages on.
const recommendationsQuery = `query ($after: String) {
  recommendations(first: 5, after: $after) {
    totalCount
    edges { node { id title themes { id name } document { id title } } }
    pageInfo { hasNextPage endCursor }
  }
}`

func TestQuery_Recommendations(t *testing.T) {
	srv := newServer(t, neo4jtest.Seeded(t))

	t.Run("OK", func(t *testing.T) {
		first := mustData[recPage](t, srv, recommendationsQuery, nil)
		r := first.Recommendations
		if r.TotalCount != 176 || len(r.Edges) != 5 || !r.PageInfo.HasNextPage || r.PageInfo.EndCursor == nil {
			t.Fatalf("first page: totalCount %d, %d edges, pageInfo %+v; want 176, 5, a next page with a cursor",
				r.TotalCount, len(r.Edges), r.PageInfo)
		}
		for _, e := range r.Edges {
			if e.Node.Title == "" || len(e.Node.Themes) == 0 || e.Node.Themes[0].Name == "" {
				t.Errorf("%s: title %q, themes %+v: want both filled in", e.Node.ID, e.Node.Title, e.Node.Themes)
			}
			// Rnn.m lives in document Dnn; positions such as R-TSN.P1 in none.
			if want := documentOf(e.Node.ID); want != "" && (e.Node.Document == nil || e.Node.Document.ID != want) {
				t.Errorf("%s: document %+v, want %s", e.Node.ID, e.Node.Document, want)
			}
		}

		next := mustData[recPage](t, srv, recommendationsQuery, map[string]any{"after": *r.PageInfo.EndCursor})
		if len(next.Recommendations.Edges) != 5 {
			t.Fatalf("second page has %d edges, want 5", len(next.Recommendations.Edges))
		}
		for _, id := range next.ids() {
			if slices.Contains(first.ids(), id) {
				t.Errorf("%s is on both pages", id)
			}
		}
		if last, firstNext := first.ids()[4], next.ids()[0]; firstNext <= last {
			t.Errorf("second page starts at %s, not after %s", firstNext, last)
		}
	})

	t.Run("OK every page once", func(t *testing.T) {
		const q = `query ($after: String) { recommendations(first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`
		seen := map[string]bool{}
		var after any
		for pages := 0; ; pages++ {
			p := mustData[recPage](t, srv, q, map[string]any{"after": after})
			for _, id := range p.ids() {
				if seen[id] {
					t.Fatalf("%s returned twice", id)
				}
				seen[id] = true
			}
			if !p.Recommendations.PageInfo.HasNextPage {
				break
			}
			if pages > 3 {
				t.Fatal("more pages than 176 items need")
			}
			after = *p.Recommendations.PageInfo.EndCursor
		}
		if len(seen) != 176 {
			t.Errorf("paged through %d recommendations, want 176", len(seen))
		}
	})

	t.Run("OK filtered and ordered", func(t *testing.T) {
		p := mustData[recPage](t, srv, `{ recommendations(first: 100, filter: {documents: ["D06"], themes: ["H"]}, orderBy: {field: ID, desc: true}) {
			totalCount edges { node { id document { id } themes { id } } } } }`, nil)
		got := p.ids()
		if len(got) == 0 || p.Recommendations.TotalCount != len(got) {
			t.Fatalf("got %v with totalCount %d", got, p.Recommendations.TotalCount)
		}
		if !slices.IsSortedFunc(got, func(a, b string) int { return -cmpString(a, b) }) {
			t.Errorf("not in descending id order: %v", got)
		}
		for _, e := range p.Recommendations.Edges {
			if e.Node.Document.ID != "D06" {
				t.Errorf("%s is in %s, not D06", e.Node.ID, e.Node.Document.ID)
			}
		}
	})

	t.Run("ErrBadCursor", func(t *testing.T) {
		mustFail(t, srv, recommendationsQuery, map[string]any{"after": "not-a-cursor"}, "BAD_USER_INPUT")
	})

	t.Run("ErrPageTooLarge", func(t *testing.T) {
		mustFail(t, srv, `{ recommendations(first: 101) { edges { node { id } } } }`, nil, "BAD_USER_INPUT")
	})
}

// documentOf returns the document a seed recommendation Rnn.m belongs to,
// or "" for one that no document contains.
func documentOf(id string) string {
	if len(id) < 3 || id[1] < '0' || id[1] > '9' {
		return ""
	}
	return "D" + id[1:3]
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestQuery_Counts(t *testing.T) {
	srv := newServer(t, neo4jtest.Seeded(t))
	got := mustData[struct {
		Documents, Actors, Recommendations, Themes struct{ TotalCount int }
	}](t, srv, `{ documents(first: 1) { totalCount } actors(first: 1) { totalCount } recommendations(first: 1) { totalCount } themes(first: 1) { totalCount } }`, nil)
	if got.Documents.TotalCount != 41 || got.Actors.TotalCount != 86 || got.Recommendations.TotalCount != 176 || got.Themes.TotalCount != 8 {
		t.Errorf("counts %+v, want documents 41, actors 86, recommendations 176, themes 8", got)
	}
}

func TestQuery_Node(t *testing.T) {
	srv := newServer(t, neo4jtest.Seeded(t))

	t.Run("OK", func(t *testing.T) {
		got := mustData[struct {
			Node struct{ ID, Name, Typename string } `json:"node"`
		}](t, srv, `{ node(id: "T2") { id __typename ... on Theme { name } } }`, nil)
		if got.Node.ID != "T2" || got.Node.Name == "" {
			t.Errorf("node T2 = %+v, want the theme with its name", got.Node)
		}
	})

	t.Run("OK each kind", func(t *testing.T) {
		got := mustData[map[string]*idOf](t, srv, `{
			recommendation(id: "R06.1") { id } document(id: "D06") { id } actor(id: "A-TSN") { id }
			theme(id: "H") { id } scenario(id: "SC3.1") { id } }`, nil)
		want := map[string]string{"recommendation": "R06.1", "document": "D06", "actor": "A-TSN", "theme": "H", "scenario": "SC3.1"}
		for field, id := range want {
			if got[field] == nil || got[field].ID != id {
				t.Errorf("%s = %+v, want %s", field, got[field], id)
			}
		}
	})

	t.Run("OK missing is null", func(t *testing.T) {
		data, errs := mustQuery(t, srv, `{ node(id: "no-such-id") { id } recommendation(id: "nope") { id } theme(id: "R06.1") { id } }`, nil)
		if len(errs) > 0 {
			t.Fatalf("a missing id is an error: %+v", errs)
		}
		if string(data) != `{"node":null,"recommendation":null,"theme":null}` {
			t.Errorf("data = %s, want all null", data)
		}
	})
}

type interaction struct {
	Type     string
	FromID   string `json:"fromId"`
	ToID     string `json:"toId"`
	Score    int
	Status   string
	Conflict *struct {
		ID    string
		Topic string
	}
	Other struct {
		Typename string `json:"__typename"`
		ID       string
		Document *struct {
			ID   string
			Urls []string
		}
	}
}

func otherIDs(is []interaction) []string {
	var out []string
	for _, i := range is {
		out = append(out, i.Other.ID)
	}
	return out
}

func TestRecommendation_Relationships(t *testing.T) {
	srv := newServer(t, neo4jtest.Seeded(t))
	const q = `{ recommendation(id: "R06.1") {
		id title kind status provenance { method source { documentId } }
		document { id title urls }
		themes { id inStudyScope }
		assignedTo { id sector }
		endorsedBy { actor { id } via role status }
		opposedBy { actor { id } }
		conflictsWith { type fromId toId score status conflict { id topic } other { __typename ... on Recommendation { id document { id urls } } } }
		conflictedBy { other { ... on Recommendation { id } } }
		supports { score other { ... on Recommendation { id } } }
		supportedBy { score fromId other { ... on Recommendation { id } } }
		overlaps { similarity }
		scenarios { id }
	} }`
	type view struct {
		Recommendation struct {
			ID, Title, Kind, Status string
			Provenance              struct{ Method string }
			Document                struct {
				ID, Title string
				Urls      []string
			}
			Themes     []idOf
			AssignedTo []idOf `json:"assignedTo"`
			EndorsedBy []struct {
				Actor             idOf
				Via, Role, Status string
			} `json:"endorsedBy"`
			OpposedBy     []struct{ Actor idOf } `json:"opposedBy"`
			ConflictsWith []interaction          `json:"conflictsWith"`
			ConflictedBy  []interaction          `json:"conflictedBy"`
			Supports      []interaction
			SupportedBy   []interaction `json:"supportedBy"`
			Overlaps      []struct{ Similarity float64 }
			Scenarios     []idOf
		}
	}
	r := mustData[view](t, srv, q, nil).Recommendation

	if r.Kind != "RECOMMENDATION" || r.Status != "ACCEPTED" || r.Provenance.Method != "SEED" {
		t.Errorf("kind %s, status %s, method %s; want RECOMMENDATION, ACCEPTED, SEED", r.Kind, r.Status, r.Provenance.Method)
	}
	if r.Document.ID != "D06" || len(r.Document.Urls) == 0 {
		t.Errorf("document = %+v, want D06 with its URLs", r.Document)
	}
	if !sameSet(ids(r.Themes), []string{"T2", "T3", "H"}) {
		t.Errorf("themes = %v, want T2 T3 H", ids(r.Themes))
	}
	if !sameSet(ids(r.AssignedTo), []string{"A-IENW", "A-EZK", "A-CABINET"}) {
		t.Errorf("assignedTo = %v", ids(r.AssignedTo))
	}
	var publisher bool
	for _, e := range r.EndorsedBy {
		if e.Actor.ID == "A-EXPERTGROEP" && e.Via == "AUTHORED" && e.Role == "PUBLISHER" {
			publisher = true
		}
		if e.Actor.ID == "A-IENW" {
			t.Errorf("the commissioner A-IENW counts as an endorser: %+v", e)
		}
	}
	if !publisher {
		t.Errorf("endorsedBy = %+v, want A-EXPERTGROEP via AUTHORED as PUBLISHER", r.EndorsedBy)
	}

	if !sameSet(otherIDs(r.ConflictsWith), []string{"R13.1", "R15.3", "R14.4"}) {
		t.Errorf("conflictsWith = %v, want side B of C01", otherIDs(r.ConflictsWith))
	}
	for _, c := range r.ConflictsWith {
		if c.Type != "CONFLICTS_WITH" || c.FromID != "R06.1" || c.ToID != c.Other.ID || c.Score != -2 ||
			c.Conflict == nil || c.Conflict.ID != "C01" || c.Conflict.Topic == "" ||
			c.Other.Typename != "Recommendation" || c.Other.Document == nil {
			t.Errorf("conflictsWith edge %+v, want a -2 C01 edge from R06.1 to a recommendation with its document", c)
		}
	}
	if len(r.ConflictedBy) != 0 {
		t.Errorf("conflictedBy = %v, want none", otherIDs(r.ConflictedBy))
	}
	if !sameSet(otherIDs(r.Supports), []string{"R09.1"}) || r.Supports[0].Score != 2 {
		t.Errorf("supports = %+v, want R09.1 with score 2", r.Supports)
	}
	if !sameSet(otherIDs(r.SupportedBy), []string{"R01.4"}) || r.SupportedBy[0].FromID != "R01.4" {
		t.Errorf("supportedBy = %+v, want R01.4", r.SupportedBy)
	}
}

func TestReverseRelationships(t *testing.T) {
	srv := newServer(t, neo4jtest.Seeded(t))

	t.Run("Document", func(t *testing.T) {
		got := mustData[struct {
			Document struct {
				Recommendations []idOf
				Authors         []struct {
					Actor, Document idOf
					Role            string
				}
				Scenarios []idOf
			}
		}](t, srv, `{ document(id: "D06") { recommendations { id } authors { actor { id } document { id } role } scenarios { id } } }`, nil)
		d := got.Document
		if !slices.Contains(ids(d.Recommendations), "R06.1") || !slices.Contains(ids(d.Recommendations), "R06.2") {
			t.Errorf("recommendations = %v, want R06.1 and R06.2 among them", ids(d.Recommendations))
		}
		roles := map[string]string{}
		for _, a := range d.Authors {
			roles[a.Actor.ID] = a.Role
			if a.Document.ID != "D06" {
				t.Errorf("authorship %+v does not point at D06", a)
			}
		}
		if roles["A-EXPERTGROEP"] != "PUBLISHER" || roles["A-IENW"] != "COMMISSIONER" {
			t.Errorf("authors = %v", roles)
		}
	})

	t.Run("Actor", func(t *testing.T) {
		got := mustData[struct {
			Ienw struct {
				Documents   []struct{ Document idOf }
				Assignments []idOf
			}
			Velsen struct {
				Supports []struct {
					Target struct {
						Typename string `json:"__typename"`
						ID       string
					}
					Actor idOf
				}
			}
		}](t, srv, `{
			ienw: actor(id: "A-IENW") { documents { document { id } } assignments { id } }
			velsen: actor(id: "A-VELSEN") { supports { actor { id } target { __typename ... on Recommendation { id } } } }
		}`, nil)
		if !slices.Contains(ids(got.Ienw.Assignments), "R06.1") {
			t.Errorf("A-IENW assignments = %v, want R06.1 among them", ids(got.Ienw.Assignments))
		}
		var docs []string
		for _, d := range got.Ienw.Documents {
			docs = append(docs, d.Document.ID)
		}
		if !slices.Contains(docs, "D06") {
			t.Errorf("A-IENW documents = %v, want D06 among them", docs)
		}
		var targets []string
		for _, s := range got.Velsen.Supports {
			targets = append(targets, s.Target.ID)
			if s.Actor.ID != "A-VELSEN" {
				t.Errorf("stance %+v is not A-VELSEN's", s)
			}
		}
		if !slices.Contains(targets, "R25.P1") {
			t.Errorf("A-VELSEN supports %v, want R25.P1 among them", targets)
		}
	})

	t.Run("Theme", func(t *testing.T) {
		got := mustData[struct {
			Theme struct {
				InStudyScope    bool `json:"inStudyScope"`
				Recommendations []idOf
			}
		}](t, srv, `{ theme(id: "H") { inStudyScope recommendations { id } } }`, nil)
		if got.Theme.InStudyScope || !slices.Contains(ids(got.Theme.Recommendations), "R06.1") {
			t.Errorf("theme H = %+v, want out of scope and R06.1 among its recommendations", got.Theme)
		}
	})

	t.Run("Scenario", func(t *testing.T) {
		got := mustData[struct {
			Scenario struct {
				Family    string
				Documents []idOf
				Includes  []idOf
			}
			Recommendation struct{ Scenarios []idOf }
		}](t, srv, `{ scenario(id: "SC3.1") { family documents { id } includes { id } }
			recommendation(id: "R13.1") { scenarios { id } } }`, nil)
		s := got.Scenario
		if s.Family != "SC3" || !sameSet(ids(s.Documents), []string{"D14", "D13"}) || !sameSet(ids(s.Includes), []string{"R13.1", "R13.2"}) {
			t.Errorf("SC3.1 = %+v, want family SC3, documents D13 D14, includes R13.1 R13.2", s)
		}
		if !slices.Contains(ids(got.Recommendation.Scenarios), "SC3.1") {
			t.Errorf("R13.1 scenarios = %v, want SC3.1 among them", ids(got.Recommendation.Scenarios))
		}
	})
}

// ConflictQuery is the README's example: the recommendations on both sides
// of conflict C01, with their documents and URLs. A conflict is expanded
// into CONFLICTS_WITH edges from every item of side A to every item of side
// B, so side B hangs off any side A item (conflictsWith) and side A off any
// side B item (conflictedBy); conflict { id } tells C01's edges from others.
const conflictQuery = `{
  sideA: recommendation(id: "R13.1") {
    conflictedBy {
      score
      conflict { id topic }
      other { ... on Recommendation { id title document { id title urls } } }
    }
  }
  sideB: recommendation(id: "R06.1") {
    conflictsWith {
      score
      conflict { id topic }
      other { ... on Recommendation { id title document { id title urls } } }
    }
  }
}`

func TestQuery_ConflictSides(t *testing.T) {
	srv := newServer(t, neo4jtest.Seeded(t))
	got := mustData[struct {
		SideA struct {
			ConflictedBy []interaction `json:"conflictedBy"`
		} `json:"sideA"`
		SideB struct {
			ConflictsWith []interaction `json:"conflictsWith"`
		} `json:"sideB"`
	}](t, srv, conflictQuery, nil)

	c01 := func(is []interaction) []string {
		var out []string
		for _, i := range is {
			if i.Conflict == nil || i.Conflict.ID != "C01" {
				continue
			}
			out = append(out, i.Other.ID)
			if i.Score != -2 || i.Other.Document == nil || len(i.Other.Document.Urls) == 0 {
				t.Errorf("%s: score %d, document %+v; want -2 and a document with URLs", i.Other.ID, i.Score, i.Other.Document)
			}
		}
		return out
	}
	if a := c01(got.SideA.ConflictedBy); !sameSet(a, []string{"R06.1", "R06.2", "R05.4", "R04.3", "R10.2"}) {
		t.Errorf("side A = %v", a)
	}
	if b := c01(got.SideB.ConflictsWith); !sameSet(b, []string{"R13.1", "R15.3", "R14.4"}) {
		t.Errorf("side B = %v", b)
	}
}

func TestQuery_Search(t *testing.T) {
	srv := newServer(t, neo4jtest.Seeded(t))

	type hits struct {
		Search []struct {
			Score float64
			Node  struct {
				Typename string `json:"__typename"`
				ID       string
			}
		}
	}

	t.Run("OK", func(t *testing.T) {
		got := mustData[hits](t, srv, `{ search(text: "hydrogen", first: 10) { score node { __typename id } } }`, nil)
		if len(got.Search) == 0 {
			t.Fatal("no hits for hydrogen")
		}
		for i := 1; i < len(got.Search); i++ {
			if got.Search[i].Score > got.Search[i-1].Score {
				t.Errorf("hit %d scores %v, more than the one before it (%v)", i, got.Search[i].Score, got.Search[i-1].Score)
			}
		}
	})

	t.Run("OK Dutch", func(t *testing.T) {
		got := mustData[hits](t, srv, `{ search(text: "gezondheid") { node { id } } }`, nil)
		if len(got.Search) == 0 {
			t.Error("no hits for gezondheid")
		}
	})

	t.Run("OK kinds", func(t *testing.T) {
		got := mustData[hits](t, srv, `{ search(text: "steel", kinds: [DOCUMENT]) { node { __typename id } } }`, nil)
		if len(got.Search) == 0 {
			t.Fatal("no documents about steel")
		}
		for _, h := range got.Search {
			if h.Node.Typename != "Document" {
				t.Errorf("hit %s is a %s, not a Document", h.Node.ID, h.Node.Typename)
			}
		}
	})

	t.Run("ErrEmptyText", func(t *testing.T) {
		mustFail(t, srv, `{ search(text: "  ") { score } }`, nil, "BAD_USER_INPUT")
	})

	t.Run("ErrFirst", func(t *testing.T) {
		mustFail(t, srv, `{ search(text: "steel", first: 0) { score } }`, nil, "BAD_USER_INPUT")
	})
}

func TestQuery_Neighbourhood(t *testing.T) {
	srv := newServer(t, neo4jtest.Seeded(t))

	t.Run("OK", func(t *testing.T) {
		got := mustData[struct {
			Neighbourhood struct {
				Nodes []struct {
					Typename string `json:"__typename"`
					ID       string
				}
				Edges []struct {
					Type     string
					FromID   string `json:"fromId"`
					ToID     string `json:"toId"`
					Score    *int
					From, To idOf
					Conflict *struct{ ID string }
				}
				Truncated bool
			}
		}](t, srv, `{ neighbourhood(id: "R06.1", depth: 1, types: [CONFLICTS_WITH]) {
			nodes { __typename id } edges { type fromId toId score from { id } to { id } conflict { id } } truncated } }`, nil)
		n := got.Neighbourhood
		var nodes []string
		for _, x := range n.Nodes {
			nodes = append(nodes, x.ID)
		}
		if !sameSet(nodes, []string{"R06.1", "R13.1", "R15.3", "R14.4"}) || n.Truncated {
			t.Errorf("nodes = %v (truncated %v), want R06.1 and side B of C01", nodes, n.Truncated)
		}
		if len(n.Edges) != 3 {
			t.Fatalf("%d edges, want 3", len(n.Edges))
		}
		for _, e := range n.Edges {
			if e.Type != "CONFLICTS_WITH" || e.FromID != "R06.1" || e.From.ID != e.FromID || e.To.ID != e.ToID ||
				e.Score == nil || *e.Score != -2 || e.Conflict == nil || e.Conflict.ID != "C01" {
				t.Errorf("edge %+v, want a -2 C01 edge from R06.1", e)
			}
		}
	})

	t.Run("OK all types", func(t *testing.T) {
		got := mustData[struct {
			Neighbourhood struct {
				Nodes []idOf
				Edges []struct{ Type string }
			}
		}](t, srv, `{ neighbourhood(id: "R06.1") { nodes { id } edges { type } } }`, nil)
		types := map[string]bool{}
		for _, e := range got.Neighbourhood.Edges {
			types[e.Type] = true
		}
		for _, want := range []string{"CONTAINS", "ADDRESSES", "ASSIGNED_TO", "SUPPORTS", "CONFLICTS_WITH"} {
			if !types[want] {
				t.Errorf("no %s edge around R06.1; types %v", want, types)
			}
		}
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		mustFail(t, srv, `{ neighbourhood(id: "no-such-id") { truncated } }`, nil, "NOT_FOUND")
	})

	t.Run("ErrDepth", func(t *testing.T) {
		mustFail(t, srv, `{ neighbourhood(id: "R06.1", depth: 4) { truncated } }`, nil, "BAD_USER_INPUT")
	})
}

func TestQuery_Nodes(t *testing.T) {
	srv := newServer(t, neo4jtest.Seeded(t))
	t.Run("InOrderWithNullForMissing", func(t *testing.T) {
		got := mustData[struct {
			Nodes []*struct {
				ID       string `json:"id"`
				Typename string `json:"__typename"`
			}
		}](t, srv, `{ nodes(ids: ["T2", "nope", "R01.1", "A-RIVM"]) { id __typename } }`, nil)
		if len(got.Nodes) != 4 || got.Nodes[0].ID != "T2" || got.Nodes[1] != nil ||
			got.Nodes[2].Typename != "Recommendation" || got.Nodes[3].Typename != "Actor" {
			t.Fatalf("nodes = %+v", got.Nodes)
		}
	})
	t.Run("ErrTooMany", func(t *testing.T) {
		ids := make([]string, 101)
		for i := range ids {
			ids[i] = fmt.Sprintf("R%d", i)
		}
		mustFail(t, srv, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids}, "BAD_USER_INPUT")
	})
}
