package graph_test

import (
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/ingest/ingesttest"
	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/service"
)

// letter is a real Dutch ministry letter from the extraction devset.
const letter = "../internal/extract/testdata/devset/nl-water-bodem.txt"

// TestQuery_ReviewQueue: the study team's queue shows what was extracted,
// in context, and accepting from it changes the analyses.
func TestQuery_ReviewQueue(t *testing.T) {
	store := neo4jtest.Seeded(t)
	p, _ := ingesttest.Ingest(t, service.New(store), letter, "")
	srv := newServer(t, store)
	doc := p.Document().ID

	type queue struct {
		ReviewQueue struct {
			Edges []struct {
				Node struct {
					Key  string
					Node struct {
						ID, Text   string
						Status     string
						Provenance struct {
							Method, CreatedBy string
							Source            struct {
								Quote      string
								Start, End int
								Document   struct{ ID, Title string }
							}
						}
					}
					Context struct {
						Page int
						Text string
					}
				}
			}
			PageInfo struct {
				HasNextPage bool
				EndCursor   string
			}
		}
	}
	q := `query($docs: [ID!], $after: String) { reviewQueue(filter: {documents: $docs}, first: 3, after: $after) {
		edges { node { key context { page text }
			node { id status ... on Recommendation { text provenance { method createdBy source { quote start end document { id title } } } } } } }
		pageInfo { hasNextPage endCursor } } }`
	got := mustData[queue](t, srv, q, map[string]any{"docs": []string{doc}}).ReviewQueue
	if len(got.Edges) != 3 || !got.PageInfo.HasNextPage {
		t.Fatalf("queue = %+v", got)
	}
	item := got.Edges[0].Node
	src := item.Node.Provenance.Source
	if item.Node.Status != "PROPOSED" || item.Node.Provenance.Method != "RULE" || src.Document.ID != doc ||
		src.Quote != item.Node.Text || src.End <= src.Start || !strings.Contains(item.Context.Text, src.Quote) {
		t.Fatalf("item = %+v: want a PROPOSED rule item with its quote, offsets and passage", item)
	}
	next := mustData[queue](t, srv, q, map[string]any{"docs": []string{doc}, "after": got.PageInfo.EndCursor}).ReviewQueue
	if len(next.Edges) == 0 || next.Edges[0].Node.Key <= got.Edges[2].Node.Key {
		t.Fatalf("second page starts at %+v, want after %s", next.Edges, got.Edges[2].Node.Key)
	}

	t.Run("ReviewManyAcceptsAndTheAnalysesCount", func(t *testing.T) {
		type summary struct {
			Coherence struct{ Summary struct{ Recommendations int } }
		}
		sq := `{ coherence { summary { recommendations } } }`
		before := mustData[summary](t, srv, sq, nil).Coherence.Summary.Recommendations
		type reviewed struct{ ReviewMany struct{ Reviewed int } }
		r := mustData[reviewed](t, srv, `mutation($a: ID!, $b: ID!) { reviewMany(input: {items: [{id: $a}, {id: $b}],
			decision: ACCEPT, reviewer: "studieteam"}) { reviewed } }`,
			map[string]any{"a": got.Edges[0].Node.Key, "b": got.Edges[1].Node.Key})
		if r.ReviewMany.Reviewed != 2 {
			t.Fatalf("reviewed = %d", r.ReviewMany.Reviewed)
		}
		if after := mustData[summary](t, srv, sq, nil).Coherence.Summary.Recommendations; after != before+2 {
			t.Fatalf("analysed recommendations %d -> %d, want two more", before, after)
		}
	})
	t.Run("ErrReviewManyMissingItem", func(t *testing.T) {
		mustFail(t, srv, `mutation { reviewMany(input: {items: [{id: "R-nope"}], decision: REJECT, reviewer: "x"}) { reviewed } }`, nil, "NOT_FOUND")
	})
	t.Run("ErrQueueFirst", func(t *testing.T) {
		mustFail(t, srv, `{ reviewQueue(first: 500) { edges { node { key } } } }`, nil, "BAD_USER_INPUT")
	})
	t.Run("DocumentFileAndText", func(t *testing.T) {
		type docq struct {
			Document struct {
				Ingest struct {
					FileName, Format, Sha256 string
					Pages, Version           int
				}
				Passages []struct {
					Page, Start, End int
					Text             string
				}
			}
			Seeded struct{ Ingest *struct{ FileName string } }
		}
		d := mustData[docq](t, srv, `query($id: ID!) { document(id: $id) { ingest { fileName format sha256 pages version }
			passages(first: 2) { page start end text } } seeded: document(id: "D01") { ingest { fileName } } }`,
			map[string]any{"id": doc})
		if d.Document.Ingest.FileName != "nl-water-bodem.txt" || d.Document.Ingest.Sha256 != p.Doc.SHA256 ||
			len(d.Document.Passages) != 2 || d.Document.Passages[0].Start != 0 || d.Seeded.Ingest != nil {
			t.Fatalf("document = %+v", d)
		}
	})
	t.Run("SearchPassages", func(t *testing.T) {
		type hits struct {
			SearchPassages []struct {
				Score   float64
				Passage struct {
					Text     string
					Document struct{ ID string }
				}
			}
		}
		h := mustData[hits](t, srv, `{ searchPassages(text: "drinkwater", first: 3) { score passage { text document { id } } } }`, nil)
		if len(h.SearchPassages) == 0 || h.SearchPassages[0].Passage.Document.ID != doc ||
			!strings.Contains(strings.ToLower(h.SearchPassages[0].Passage.Text), "drinkwater") {
			t.Fatalf("hits = %+v", h)
		}
	})
}

// TestMutation_SuggestLinks: proposals come back as edges with both ends and
// a rationale, and are written PROPOSED.
func TestMutation_SuggestLinks(t *testing.T) {
	srv := newServer(t, neo4jtest.Seeded(t))
	type payload struct {
		SuggestLinks struct {
			Compared, Judged, Created int
			Proposals                 []struct {
				Type       string
				From, To   idOf
				Similarity *float64
				Status     string
				Provenance struct{ Rationale, Method string }
			}
		}
	}
	q := `mutation { suggestLinks(input: {method: RULE}) { compared judged created
		proposals(first: 50) { type from { id } to { id } similarity status provenance { rationale method } } } }`
	got := mustData[payload](t, srv, q, nil).SuggestLinks
	if got.Compared != 176 || got.Judged == 0 || got.Created == 0 || len(got.Proposals) != got.Created {
		t.Fatalf("payload = %+v", got)
	}
	for _, p := range got.Proposals {
		if p.Status != "PROPOSED" || p.Provenance.Method != "RULE" || !strings.Contains(p.Provenance.Rationale, p.From.ID) {
			t.Fatalf("proposal = %+v", p)
		}
	}
	again := mustData[payload](t, srv, q, nil).SuggestLinks
	if again.Created != 0 {
		t.Fatalf("second run created %d, want 0: proposals are not made twice", again.Created)
	}
	mustFail(t, srv, `mutation { suggestLinks(input: {method: LLM}) { created } }`, nil, "BAD_USER_INPUT")
}

// TestQuery_DocumentPassagesBatched: a list of documents gets its passages
// in one call, however many documents it holds.
func TestQuery_DocumentPassagesBatched(t *testing.T) {
	store := neo4jtest.Seeded(t)
	svc := service.New(store)
	var docs []string
	for _, f := range []string{letter, "../internal/extract/testdata/devset/nl-klimaatstrategie.txt"} {
		p, _ := ingesttest.Ingest(t, svc, f, "")
		docs = append(docs, p.Document().ID)
	}
	srv := newServerWithLimits(t, store)
	type list struct {
		Documents struct {
			Edges []struct {
				Node struct {
					ID       string
					Passages []struct{ Start int }
				}
			}
		}
	}
	trips := func(first int) (int64, map[string]int) {
		before := store.RoundTrips()
		got := mustData[list](t, srv, `query($first: Int!) { documents(first: $first) { edges { node { id passages(first: 3) { start } } } } }`,
			map[string]any{"first": first})
		n := map[string]int{}
		for _, e := range got.Documents.Edges {
			n[e.Node.ID] = len(e.Node.Passages)
		}
		return store.RoundTrips() - before, n
	}
	few, _ := trips(3)
	many, passages := trips(100)
	for _, d := range docs {
		if passages[d] != 3 {
			t.Errorf("%s has %d passages in the list, want 3", d, passages[d])
		}
	}
	if len(passages) < 40 || few != many || many != 2 {
		t.Errorf("%d round trips for 3 documents, %d for %d; want 2 each: the page and one passages call", few, many, len(passages))
	}
}
