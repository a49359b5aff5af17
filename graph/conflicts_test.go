package graph_test

import (
	"slices"
	"testing"

	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
)

type conflictNode struct {
	ID               string `json:"id"`
	Topic            string `json:"topic"`
	State            string `json:"state"`
	Severity         int    `json:"severity"`
	MaxSeverity      int    `json:"maxSeverity"`
	InsideDocument   bool   `json:"insideDocument"`
	CrossesDocuments bool   `json:"crossesDocuments"`
	Themes           []idOf `json:"themes"`
	SideA            side   `json:"sideA"`
	SideB            side   `json:"sideB"`
	Pairs            []struct {
		Severity int `json:"severity"`
	} `json:"pairs"`
	Decision *struct {
		State, Decision, Rationale, By, At string
	} `json:"decision"`
	History []struct{ State string } `json:"history"`
}

type side struct {
	Items     []idOf `json:"items"`
	Documents []struct {
		ID   string `json:"id"`
		Year int    `json:"year"`
	} `json:"documents"`
	Endorsers []struct {
		Sector string `json:"sector"`
		Actors []idOf `json:"actors"`
	} `json:"endorsers"`
}

const conflictFields = `id topic state severity maxSeverity insideDocument crossesDocuments themes { id }
  sideA { items { ... on Recommendation { id } ... on Scenario { id } } documents { id year } endorsers { sector actors { id } } }
  sideB { items { ... on Recommendation { id } ... on Scenario { id } } documents { id year } endorsers { sector actors { id } } }
  pairs(first: 100) { severity } decision { state decision rationale by at } history { state }`

func TestQuery_Conflicts(t *testing.T) {
	srv := newServer(t, neo4jtest.Seeded(t))
	type page struct {
		Conflicts struct {
			TotalCount int `json:"totalCount"`
			Edges      []struct {
				Node conflictNode `json:"node"`
			} `json:"edges"`
			PageInfo pageInfo `json:"pageInfo"`
		} `json:"conflicts"`
	}
	q := `query ($first: Int!, $after: String, $filter: ConflictFilter, $order: ConflictOrder) {
	  conflicts(first: $first, after: $after, filter: $filter, orderBy: $order) {
	    totalCount edges { node { ` + conflictFields + ` } } pageInfo { hasNextPage endCursor } } }`
	t.Run("OK", func(t *testing.T) {
		p := mustData[page](t, srv, q, map[string]any{"first": 20})
		if p.Conflicts.TotalCount != 13 || len(p.Conflicts.Edges) != 13 {
			t.Fatalf("totalCount %d, %d edges; want the corpus's 13 conflicts", p.Conflicts.TotalCount, len(p.Conflicts.Edges))
		}
		seenInside := false
		for i, e := range p.Conflicts.Edges {
			c := e.Node
			sum, maxSev := 0, 0
			for _, pr := range c.Pairs {
				sum += pr.Severity
				maxSev = max(maxSev, pr.Severity)
			}
			// Severity is the sum and the maximum over its pairs, and a
			// conflict has one pair per side A x side B item.
			if c.Severity != sum || c.MaxSeverity != maxSev || len(c.Pairs) != len(c.SideA.Items)*len(c.SideB.Items) {
				t.Errorf("%s: severity %d max %d over %d pairs (%d x %d items); pairs sum to %d, max %d", c.ID, c.Severity,
					c.MaxSeverity, len(c.Pairs), len(c.SideA.Items), len(c.SideB.Items), sum, maxSev)
			}
			if c.State != "OPEN" || c.Topic == "" || len(c.Themes) == 0 || len(c.SideA.Documents)+len(c.SideB.Documents) == 0 {
				t.Errorf("%s: state %s, topic %q, themes %v, documents %v / %v", c.ID, c.State, c.Topic, c.Themes, c.SideA.Documents, c.SideB.Documents)
			}
			// Ranked: conflicts inside one document after the others, each part by severity.
			if seenInside && !c.InsideDocument {
				t.Errorf("%s between documents ranks after a conflict inside one document", c.ID)
			}
			seenInside = seenInside || c.InsideDocument
			if i > 0 && prevInside(p.Conflicts.Edges[i-1].Node, c) && p.Conflicts.Edges[i-1].Node.Severity < c.Severity {
				t.Errorf("%s (severity %d) ranks after %s (severity %d)", c.ID, c.Severity, p.Conflicts.Edges[i-1].Node.ID, p.Conflicts.Edges[i-1].Node.Severity)
			}
		}
	})
	t.Run("OKC01", func(t *testing.T) {
		type one struct {
			Conflict conflictNode `json:"conflict"`
		}
		c := mustData[one](t, srv, `{ conflict(id: "C01") { `+conflictFields+` } }`, nil).Conflict
		// seeds/links.yaml: side A R06.1 R06.2 R05.4 R04.3 R10.2, side B R13.1 R15.3 R14.4.
		if !sameSet(ids(c.SideA.Items), []string{"R06.1", "R06.2", "R05.4", "R04.3", "R10.2"}) ||
			!sameSet(ids(c.SideB.Items), []string{"R13.1", "R15.3", "R14.4"}) {
			t.Errorf("sides %v / %v", ids(c.SideA.Items), ids(c.SideB.Items))
		}
		// Tata Steel publishes D13 (R13.1): it backs side B, from the PRIVATE sector.
		found := false
		for _, g := range c.SideB.Endorsers {
			found = found || g.Sector == "PRIVATE" && slices.Contains(ids(g.Actors), "A-TSN")
		}
		if !found || c.SideB.Documents[0].Year == 0 {
			t.Errorf("side B endorsers %+v, documents %+v", c.SideB.Endorsers, c.SideB.Documents)
		}
	})
	t.Run("OKPages", func(t *testing.T) {
		first := mustData[page](t, srv, q, map[string]any{"first": 5, "order": "ID"})
		next := mustData[page](t, srv, q, map[string]any{"first": 5, "order": "ID", "after": *first.Conflicts.PageInfo.EndCursor})
		got := []string{}
		for _, e := range append(first.Conflicts.Edges, next.Conflicts.Edges...) {
			got = append(got, e.Node.ID)
		}
		if !slices.Equal(got, []string{"C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08", "C09", "C10"}) || !next.Conflicts.PageInfo.HasNextPage {
			t.Errorf("two pages by id: %v", got)
		}
	})
	t.Run("OKFilter", func(t *testing.T) {
		p := mustData[page](t, srv, q, map[string]any{"first": 20, "filter": map[string]any{"documents": []string{"D36"}}})
		if len(p.Conflicts.Edges) != 1 || p.Conflicts.Edges[0].Node.ID != "C07" {
			t.Errorf("conflicts with a side in D36: %+v", p.Conflicts.Edges)
		}
	})
	t.Run("NullUnknown", func(t *testing.T) {
		type one struct {
			Conflict *conflictNode `json:"conflict"`
		}
		if c := mustData[one](t, srv, `{ conflict(id: "C99") { id } }`, nil).Conflict; c != nil {
			t.Errorf("C99 = %+v, want null", c)
		}
	})
	t.Run("ErrCursor", func(t *testing.T) {
		mustFail(t, srv, q, map[string]any{"first": 5, "after": "nonsense"}, "BAD_USER_INPUT")
	})
}

func prevInside(prev, c conflictNode) bool { return prev.InsideDocument == c.InsideDocument }

func TestMutation_Conflicts(t *testing.T) {
	srv := newServer(t, neo4jtest.Seeded(t))
	type created struct {
		CreateConflict conflictNode `json:"createConflict"`
	}
	create := `mutation ($in: ConflictInput!) { createConflict(input: $in) { ` + conflictFields + ` } }`
	t.Run("OKCreate", func(t *testing.T) {
		in := map[string]any{"id": "C14", "topic": "Campus location vs. nature", "strength": "INFERRED",
			"sideA": []string{"R41.1"}, "sideB": []string{"R36.4", "R01.1"}}
		c := mustData[created](t, srv, create, map[string]any{"in": in}).CreateConflict
		// Two pairs scored -1 (INFERRED); R41.1's document D41 has no author to count.
		if c.ID != "C14" || c.State != "OPEN" || len(c.Pairs) != 2 || !sameSet(ids(c.SideB.Items), []string{"R36.4", "R01.1"}) {
			t.Errorf("created %+v", c)
		}
	})
	t.Run("ErrExists", func(t *testing.T) {
		in := map[string]any{"id": "C01", "topic": "t", "sideA": []string{"R41.1"}, "sideB": []string{"R41.2"}}
		mustFail(t, srv, create, map[string]any{"in": in}, "CONFLICT")
	})
	t.Run("ErrPairOfAnotherConflict", func(t *testing.T) {
		in := map[string]any{"topic": "t", "sideA": []string{"R06.1"}, "sideB": []string{"R13.1"}}
		mustFail(t, srv, create, map[string]any{"in": in}, "CONFLICT")
	})
	t.Run("ErrActorSide", func(t *testing.T) {
		in := map[string]any{"topic": "t", "sideA": []string{"R41.1"}, "sideB": []string{"A-TSN"}}
		mustFail(t, srv, create, map[string]any{"in": in}, "BAD_USER_INPUT")
	})
	t.Run("OKSetSides", func(t *testing.T) {
		type set struct {
			SetConflictSides conflictNode `json:"setConflictSides"`
		}
		c := mustData[set](t, srv, `mutation { setConflictSides(input: {id: "C07", sideA: ["R36.2", "R21.4"], sideB: ["R36.3"], by: "study team"}) { `+conflictFields+` } }`, nil).SetConflictSides
		if !sameSet(ids(c.SideA.Items), []string{"R36.2", "R21.4"}) || len(c.Pairs) != 2 {
			t.Errorf("C07 after re-siding: %+v", c)
		}
	})
	type resolved struct {
		ResolveConflict conflictNode `json:"resolveConflict"`
	}
	resolve := `mutation ($in: ResolveConflictInput!) { resolveConflict(input: $in) { ` + conflictFields + ` } }`
	t.Run("OKResolve", func(t *testing.T) {
		in := map[string]any{"id": "C03", "state": "RESOLVED", "decision": "Geen CO2-opslag dicht bij woningen",
			"rationale": "Gezondheid eerst", "by": "studieteam"}
		c := mustData[resolved](t, srv, resolve, map[string]any{"in": in}).ResolveConflict
		if c.State != "RESOLVED" || c.Decision == nil || c.Decision.Decision != "Geen CO2-opslag dicht bij woningen" ||
			c.Decision.By != "studieteam" || c.Decision.At == "" || len(c.History) != 1 {
			t.Errorf("C03 after resolving: %+v", c)
		}
	})
	t.Run("ErrResolveWithoutDecision", func(t *testing.T) {
		mustFail(t, srv, resolve, map[string]any{"in": map[string]any{"id": "C03", "state": "RESOLVED", "by": "x"}}, "BAD_USER_INPUT")
	})
	t.Run("ErrResolveUnknown", func(t *testing.T) {
		mustFail(t, srv, resolve, map[string]any{"in": map[string]any{"id": "C99", "state": "OPEN", "by": "x"}}, "NOT_FOUND")
	})
}

func TestQuery_ContradictionsBetween(t *testing.T) {
	srv := newServer(t, neo4jtest.Seeded(t))
	type themed struct {
		ID     string `json:"id"`
		Themes []idOf `json:"themes"`
	}
	type resp struct {
		ContradictionsBetween []struct {
			From struct{ Node themed } `json:"from"`
			To   struct{ Node themed } `json:"to"`
		} `json:"contradictionsBetween"`
	}
	q := `query ($a: ID!, $b: ID!) { contradictionsBetween(a: $a, b: $b, first: 100) {
	  from { node { ... on Recommendation { id themes { id } } } } to { node { ... on Recommendation { id themes { id } } } } } }`
	t.Run("OK", func(t *testing.T) {
		got := mustData[resp](t, srv, q, map[string]any{"a": "T2", "b": "H"}).ContradictionsBetween
		if len(got) == 0 {
			t.Fatal("no contradiction between T2 and H; the seeds have several (C01)")
		}
		for _, c := range got {
			f, to := ids(c.From.Node.Themes), ids(c.To.Node.Themes)
			if !(slices.Contains(f, "T2") && slices.Contains(to, "H") || slices.Contains(f, "H") && slices.Contains(to, "T2")) {
				t.Errorf("%s (%v) vs %s (%v) is not between T2 and H", c.From.Node.ID, f, c.To.Node.ID, to)
			}
		}
	})
	t.Run("ErrUnknownTheme", func(t *testing.T) {
		mustFail(t, srv, q, map[string]any{"a": "T2", "b": "T99"}, "NOT_FOUND")
	})
}

func TestQuery_ActorEndorses(t *testing.T) {
	srv := newServer(t, neo4jtest.Seeded(t))
	type resp struct {
		Actor struct {
			Endorses []struct {
				Via  string `json:"via"`
				Node struct {
					ID   string `json:"id"`
					Kind string `json:"kind"`
				} `json:"node"`
				Document *idOf `json:"document"`
			} `json:"endorses"`
		} `json:"actor"`
	}
	// A first: 100 page must pass the default complexity limit.
	got := mustData[resp](t, srv, `{ actor(id: "A-TSN") { endorses(first: 100) { via document { id }
	  node { ... on Recommendation { id kind } ... on Scenario { id } } } } }`, nil).Actor.Endorses
	var authored []string
	for _, e := range got {
		if e.Via == "AUTHORED" {
			authored = append(authored, e.Node.ID)
			if e.Node.Kind == "CONCLUSION" || e.Document == nil {
				t.Errorf("%s endorsed by authorship: kind %s, document %v", e.Node.ID, e.Node.Kind, e.Document)
			}
		}
	}
	if !slices.Contains(authored, "R13.1") || !slices.Contains(authored, "R36.2") || slices.Contains(authored, "R36.3") {
		t.Errorf("A-TSN endorses by authorship %v: want R13.1 and R36.2, not the reported conclusion R36.3", authored)
	}
}

func TestQuery_Lang(t *testing.T) {
	srv := newServer(t, neo4jtest.Seeded(t))
	type resp struct {
		Recommendation struct {
			NL          string `json:"nl"`
			EN          string `json:"en"`
			Own         string `json:"own"`
			Translation struct{ Language, Method, Title string }
		} `json:"recommendation"`
		Conflict struct {
			Topic string `json:"topic"`
		} `json:"conflict"`
	}
	got := mustData[resp](t, srv, `{
	  recommendation(id: "R36.3") { nl: title(lang: NL) en: title(lang: EN) own: title translation { language method title } }
	  conflict(id: "C07") { topic(lang: NL) } }`, nil)
	r := got.Recommendation
	// seeds/documents/D36.yaml: the English title and its Dutch rendering.
	if r.NL != "Warmtelevering opgeschort wegens stikstofdepositie op de duinen" || r.EN != "Heat supply suspended over nitrogen deposition on the dunes" ||
		r.Own != r.EN || r.Translation.Language != "nl" || r.Translation.Method != "LLM" || r.Translation.Title != r.NL {
		t.Errorf("R36.3 = %+v", r)
	}
	if got.Conflict.Topic != "Restwarmtenet tegen stikstofdepositie op beschermde duinen" {
		t.Errorf("C07 topic in Dutch = %q", got.Conflict.Topic)
	}
	t.Run("ErrLang", func(t *testing.T) {
		mustFail(t, srv, `{ recommendation(id: "R36.3") { title(lang: FR) } }`, nil, "GRAPHQL_VALIDATION_FAILED")
	})
}

func TestQuery_CoherenceConflicts(t *testing.T) {
	srv := newServer(t, neo4jtest.Seeded(t))
	type resp struct {
		Coherence struct {
			Conflicts []struct {
				ID       string `json:"id"`
				Severity int    `json:"severity"`
				Conflict *struct {
					State string `json:"state"`
				} `json:"conflict"`
				Pairs []struct {
					Severity int `json:"severity"`
				} `json:"pairs"`
			} `json:"conflicts"`
			Contradictions []struct {
				SameDocument bool `json:"sameDocument"`
				From         struct {
					NL *string `json:"nl"`
					EN *string `json:"en"`
				} `json:"from"`
			} `json:"contradictions"`
		} `json:"coherence"`
		Matrix struct {
			Rows []struct {
				ID   string `json:"id"`
				Name string `json:"name"`
			} `json:"rows"`
		} `json:"matrix"`
	}
	got := mustData[resp](t, srv, `{
	  coherence { conflicts(first: 13) { id severity conflict { state } pairs(first: 100) { severity } }
	    contradictions(first: 100) { sameDocument from { nl: name(lang: NL) en: name } } }
	  matrix(rows: THEME, columns: SECTOR) { rows { id name(lang: NL) } } }`, nil)
	c := got.Coherence
	if len(c.Conflicts) != 13 {
		t.Fatalf("%d conflict groups, want the 13 conflicts", len(c.Conflicts))
	}
	for _, g := range c.Conflicts {
		sum := 0
		for _, p := range g.Pairs {
			sum += p.Severity
		}
		if g.Conflict == nil || g.Conflict.State != "OPEN" || sum != g.Severity {
			t.Errorf("%s: node %+v, severity %d, pairs sum to %d", g.ID, g.Conflict, g.Severity, sum)
		}
	}
	seenSame := false
	for _, x := range c.Contradictions {
		if seenSame && !x.SameDocument {
			t.Errorf("a contradiction between documents ranks after one inside a document")
		}
		seenSame = seenSame || x.SameDocument
		if x.From.NL == nil || x.From.EN == nil || *x.From.NL == *x.From.EN {
			t.Errorf("side names nl %v en %v: want a Dutch title beside the English", x.From.NL, x.From.EN)
		}
	}
	if !seenSame {
		t.Errorf("no contradiction inside one document; the seeds have some (C07: R36.2 against R36.3)")
	}
	for _, r := range got.Matrix.Rows {
		if r.ID == "H" && r.Name != "Gezondheid en leefomgeving" {
			t.Errorf("theme H in Dutch = %q", r.Name)
		}
	}
}
