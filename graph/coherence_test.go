package graph_test

import (
	"slices"
	"testing"

	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
)

func TestQuery_Coherence(t *testing.T) {
	srv := newServer(t, neo4jtest.Seeded(t))
	type side struct {
		ID      string   `json:"id"`
		Sectors []string `json:"sectors"`
		Node    struct {
			Typename string `json:"__typename"`
		} `json:"node"`
	}
	type data struct {
		Coherence struct {
			Summary struct {
				Recommendations, Contradictions, CoherenceEdges, Interactions int
				CoherenceIndex                                                float64
			} `json:"summary"`
			Contradictions []struct {
				Severity   int    `json:"severity"`
				ConflictID string `json:"conflictId"`
				From, To   side
			} `json:"contradictions"`
			FrameGaps  []struct{ Theme string } `json:"frameGaps"`
			BlindSpots struct {
				Themes []struct {
					Theme string
					Flags []string
				}
			} `json:"blindSpots"`
			Consensus struct {
				Candidates []struct {
					ID             string
					Recommendation struct{ Title string }
					Sectors        []struct {
						Sector string
						P      float64
					}
				}
			} `json:"consensus"`
			Influence struct {
				Ranking []struct{ ID, Role, Label string }
			} `json:"influence"`
		} `json:"coherence"`
	}
	got := mustData[data](t, srv, `{ coherence {
		summary { recommendations contradictions coherenceIndex coherenceEdges interactions }
		contradictions(first: 3) { severity conflictId from { id sectors node { __typename } } to { id sectors node { __typename } } }
		frameGaps { theme }
		blindSpots { themes { theme flags } }
		consensus { candidates(first: 10) { id recommendation { title } sectors { sector p } } }
		influence { ranking(first: 3) { id role label } }
	} }`, nil)
	c := got.Coherence

	t.Run("Summary", func(t *testing.T) {
		// The seeds hold 99 pairwise conflicts and support links between
		// recommendations; the coherence index rests on every one of them.
		if c.Summary.Recommendations != 176 || c.Summary.Contradictions != 99 ||
			c.Summary.CoherenceEdges != c.Summary.Interactions || c.Summary.Interactions <= 99 {
			t.Fatalf("summary = %+v", c.Summary)
		}
	})
	t.Run("ContradictionsRankedWithNodes", func(t *testing.T) {
		if len(c.Contradictions) != 3 || c.Contradictions[0].Severity < c.Contradictions[2].Severity {
			t.Fatalf("contradictions = %+v", c.Contradictions)
		}
		if c.Contradictions[0].From.Node.Typename != "Recommendation" {
			t.Fatalf("side node = %+v, want a Recommendation", c.Contradictions[0].From)
		}
	})
	t.Run("FrameGapAndThinTheme", func(t *testing.T) {
		if len(c.FrameGaps) == 0 || c.FrameGaps[0].Theme != "H" {
			t.Fatalf("frame gaps = %+v", c.FrameGaps)
		}
		i := slices.IndexFunc(c.BlindSpots.Themes, func(b struct {
			Theme string
			Flags []string
		}) bool {
			return b.Theme == "T6"
		})
		if i < 0 || !slices.Contains(c.BlindSpots.Themes[i].Flags, "THIN") {
			t.Fatalf("blind spots = %+v", c.BlindSpots)
		}
	})
	t.Run("CandidatesCarryTheirRecommendation", func(t *testing.T) {
		if len(c.Consensus.Candidates) == 0 {
			t.Fatal("no red-thread candidates")
		}
		for _, x := range c.Consensus.Candidates {
			if x.Recommendation.Title == "" || len(x.Sectors) != 4 {
				t.Fatalf("candidate %+v lacks its recommendation or sector scores", x)
			}
		}
	})
	t.Run("InfluenceRoles", func(t *testing.T) {
		if len(c.Influence.Ranking) != 3 {
			t.Fatalf("ranking has %d rows, want the 3 asked for", len(c.Influence.Ranking))
		}
		for _, x := range c.Influence.Ranking {
			if !slices.Contains([]string{"DRIVER", "CRITICAL", "DEPENDENT", "BUFFER"}, x.Role) || x.Label == "" {
				t.Fatalf("ranking = %+v", c.Influence.Ranking)
			}
		}
	})
	t.Run("ErrFirstTooLarge", func(t *testing.T) {
		mustFail(t, srv, `{ coherence { contradictions(first: 5000) { severity } } }`, nil, "BAD_USER_INPUT")
	})
	t.Run("ErrUnknownScopeTheme", func(t *testing.T) {
		mustFail(t, srv, `{ coherence(scope: {themes: ["T99"]}) { summary { recommendations } } }`, nil, "NOT_FOUND")
	})
	t.Run("ScopedToATheme", func(t *testing.T) {
		s := mustData[struct {
			Coherence struct{ Summary struct{ Recommendations int } }
		}](t, srv, `{ coherence(scope: {themes: ["T6"]}) { summary { recommendations } } }`, nil)
		if s.Coherence.Summary.Recommendations != 3 {
			t.Fatalf("T6 scope = %+v, want 3 recommendations", s)
		}
	})
}

func TestQuery_Matrix(t *testing.T) {
	srv := newServer(t, neo4jtest.Seeded(t))
	t.Run("ThemeBySector", func(t *testing.T) {
		m := mustData[struct {
			Matrix struct {
				Rows, Columns []idOf
				Cells         []struct {
					Row, Column, Count int
					IDs                []string `json:"ids"`
				}
			}
		}](t, srv, `{ matrix(rows: THEME, columns: SECTOR) { rows { id } columns { id } cells { row column count ids } } }`, nil).Matrix
		if len(m.Rows) != 8 || len(m.Columns) != 4 || len(m.Cells) == 0 {
			t.Fatalf("matrix = %d rows, %d columns, %d cells", len(m.Rows), len(m.Columns), len(m.Cells))
		}
		for _, c := range m.Cells {
			if c.Count != len(c.IDs) {
				t.Fatalf("cell %+v: count differs from its ids", c)
			}
		}
	})
	t.Run("ErrUnsupportedPair", func(t *testing.T) {
		mustFail(t, srv, `{ matrix(rows: SECTOR, columns: SCENARIO) { cells { count } } }`, nil, "BAD_USER_INPUT")
	})
}

func TestMutation_SuggestOverlaps(t *testing.T) {
	srv := newServer(t, neo4jtest.Seeded(t))
	t.Run("ErrThreshold", func(t *testing.T) {
		mustFail(t, srv, `mutation { suggestOverlaps(input: {threshold: 1.5}) { created } }`, nil, "BAD_USER_INPUT")
	})
	type payload struct {
		SuggestOverlaps struct {
			Compared, Created int
			Suggestions       []struct {
				A, B           idOf
				NumberMismatch bool
				Created        bool
			}
		}
	}
	q := `mutation { suggestOverlaps(input: {threshold: 0.45}) { compared created suggestions { a { id } b { id } numberMismatch created } } }`
	first := mustData[payload](t, srv, q, nil).SuggestOverlaps
	if first.Compared != 176 || first.Created == 0 {
		t.Fatalf("first run = %+v", first)
	}
	t.Run("ProposedEdgesAreVisible", func(t *testing.T) {
		s := first.Suggestions[0]
		r := mustData[struct {
			Recommendation struct {
				Overlaps []struct {
					Other  idOf
					Status string
				}
			}
		}](t, srv, `query($id: ID!) { recommendation(id: $id) { overlaps { other { id } status } } }`, map[string]any{"id": s.A.ID})
		if !slices.ContainsFunc(r.Recommendation.Overlaps, func(o struct {
			Other  idOf
			Status string
		}) bool {
			return o.Other.ID == s.B.ID && o.Status == "PROPOSED"
		}) {
			t.Fatalf("%s overlaps = %+v, want a PROPOSED edge to %s", s.A.ID, r.Recommendation.Overlaps, s.B.ID)
		}
	})
	t.Run("SecondRunCreatesNothing", func(t *testing.T) {
		again := mustData[payload](t, srv, q, nil).SuggestOverlaps
		if again.Created != 0 || len(again.Suggestions) != len(first.Suggestions) {
			t.Fatalf("second run = created %d of %d", again.Created, len(again.Suggestions))
		}
	})
}
