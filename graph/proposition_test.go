package graph_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
)

func TestQuery_Proposition(t *testing.T) {
	store := neo4jtest.Seeded(t)
	srv := newServer(t, store)
	type statement struct {
		Text  string
		Cites []string
		Docs  []string
	}
	type data struct {
		Proposition struct {
			Lang         string
			GraphVersion int
			Intro        statement
			Changes      *struct{ Since int }
			Themes       []struct {
				Theme     string
				Name      string
				RedThread []struct {
					ID      string
					Members []struct{ ID, Title string }
				}
				Choices []struct {
					ID    string
					State string
					SideA struct{ Items []struct{ ID string } }
				}
			}
			Sources  []struct{ ID, Title, URL string }
			Markdown string
		}
	}
	q := `query($since: Int, $lang: Lang) { proposition(scope: {themes: ["T2"]}, lang: $lang, since: $since) {
		lang graphVersion intro { text cites docs } changes { since }
		themes { theme name redThread { id members { id title } } choices { id state sideA { items { id } } } }
		sources { id title url } markdown } }`
	first := mustData[data](t, srv, q, map[string]any{"lang": "EN"}).Proposition
	t.Run("OK", func(t *testing.T) {
		if first.Lang != "en" || first.GraphVersion == 0 || first.Changes != nil || len(first.Themes) != 1 || first.Themes[0].Theme != "T2" {
			t.Fatalf("draft = %+v", first)
		}
		// C01 (health against production continuity) touches energy transition.
		if !slices.ContainsFunc(first.Themes[0].Choices, func(c struct {
			ID    string
			State string
			SideA struct{ Items []struct{ ID string } }
		}) bool {
			return c.ID == "C01" && c.State == "OPEN" && len(c.SideA.Items) > 0
		}) {
			t.Errorf("T2 choices lack C01: %+v", first.Themes[0].Choices)
		}
		if len(first.Sources) == 0 || !strings.HasPrefix(first.Markdown, "# Shared proposition — draft") {
			t.Errorf("sources %d, markdown %.60q", len(first.Sources), first.Markdown)
		}
	})
	t.Run("Since", func(t *testing.T) {
		// The team resolves C01: the next draft says so.
		mustData[map[string]any](t, srv, `mutation { resolveConflict(input: {id: "C01", state: RESOLVED,
			decision: "Eerst gezondheid", by: "studieteam"}) { id } }`, nil)
		got := mustData[data](t, srv, q, map[string]any{"since": first.GraphVersion}).Proposition
		if got.Changes == nil || got.Changes.Since != first.GraphVersion || got.Lang != "nl" ||
			!strings.Contains(got.Markdown, "Conflict C01: open → opgelost") {
			t.Errorf("changes = %+v\n%s", got.Changes, got.Markdown)
		}
	})
	t.Run("ErrSince", func(t *testing.T) {
		mustFail(t, srv, q, map[string]any{"since": 987654}, "NOT_FOUND")
	})
	t.Run("Clusters", func(t *testing.T) {
		type cdata struct {
			Coherence struct {
				Consensus struct {
					Thresholds        struct{ JoinSupports int }
					ClusterCandidates []struct {
						ID        string
						Label     string
						MemberIds []string
						Members   []struct{ ID string }
						Endorsers []struct{ Sector string }
						Sectors   []struct{ Sector string }
					}
				}
			}
		}
		got := mustData[cdata](t, srv, `{ coherence(redThread: {joinSupports: 3}) { consensus { thresholds { joinSupports }
			clusterCandidates(first: 50) { id label(lang: NL) memberIds members { id } endorsers { sector } sectors { sector } } } } }`, nil)
		c := got.Coherence.Consensus
		if c.Thresholds.JoinSupports != 3 || len(c.ClusterCandidates) == 0 {
			t.Fatalf("consensus = %+v", c)
		}
		for _, cl := range c.ClusterCandidates {
			if len(cl.Members) != len(cl.MemberIds) || !slices.Contains(cl.MemberIds, cl.ID) || cl.Label == "" ||
				len(cl.Sectors) != 4 || len(cl.Endorsers) == 0 {
				t.Errorf("cluster = %+v", cl)
			}
		}
	})
}
