package neo4jstore_test

import (
	"fmt"
	"maps"
	"slices"
	"testing"

	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// seedIndex holds what the tests need to know about the seeds, computed in
// Go from the YAML files.
type seedIndex struct {
	bundle *rodedraad.Bundle
	label  map[string]rodedraad.Label
	edges  []rodedraad.Edge // as stored: OVERLAPS lower id first, one per key
}

func indexSeeds(tb testing.TB) seedIndex {
	tb.Helper()
	b := MustSeeds(tb)
	ix := seedIndex{bundle: b, label: map[string]rodedraad.Label{}}
	for _, n := range b.Nodes() {
		ix.label[n.NodeID()] = n.NodeLabel()
	}
	byKey := map[string]rodedraad.Edge{}
	var keys []string
	for _, e := range b.Edges {
		e.Normalize()
		if _, ok := byKey[e.Key()]; !ok {
			keys = append(keys, e.Key())
		}
		byKey[e.Key()] = e // MERGE: a repeated edge updates the first
	}
	for _, k := range keys {
		ix.edges = append(ix.edges, byKey[k])
	}
	return ix
}

// ids returns the seed ids of the given kinds, sorted.
func (ix seedIndex) ids(labels ...rodedraad.Label) []string {
	var out []string
	for id, l := range ix.label {
		if slices.Contains(labels, l) {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

// linkKey describes one link seen from a node, for comparing multisets.
func linkKey(other string, e rodedraad.Edge, via string) string {
	score := "-"
	if e.Score != nil {
		score = fmt.Sprint(*e.Score)
	}
	return fmt.Sprintf("%s %s %s→%s score=%s role=%s via=%s", other, e.Type, e.From, e.To, score, e.Role, via)
}

// wantLinks compares links per id with the expected keys, and checks that
// each id's links are ordered by the other node's id.
func wantLinks(t *testing.T, got map[string][]rodedraad.Link, want map[string][]string) {
	t.Helper()
	for id, links := range got {
		var keys []string
		for i, l := range links {
			if l.Other == nil {
				t.Fatalf("%s: link %d has no other node", id, i)
			}
			if i > 0 && links[i-1].Other.NodeID() > l.Other.NodeID() {
				t.Errorf("%s: links not ordered by other id: %s before %s", id, links[i-1].Other.NodeID(), l.Other.NodeID())
			}
			keys = append(keys, linkKey(l.Other.NodeID(), l.Edge, l.Via))
		}
		slices.Sort(keys)
		if !slices.Equal(keys, want[id]) {
			t.Errorf("%s:\n got %q\nwant %q", id, keys, want[id])
		}
	}
	for id, w := range want {
		if _, ok := got[id]; !ok {
			t.Errorf("%s: no links, want %q", id, w)
		}
	}
}

func TestStore_Links(t *testing.T) {
	store := neo4jtest.Seeded(t)
	ix := indexSeeds(t)
	// The seeds have no overlaps; add some, named higher id first.
	for _, e := range []rodedraad.Edge{
		{Type: rodedraad.RelOverlaps, From: "R41.1", To: "R01.4", Similarity: floatp(0.3)},
		{Type: rodedraad.RelOverlaps, From: "R06.1", To: "R01.4", Similarity: floatp(0.8)},
		{Type: rodedraad.RelOverlaps, From: "R06.1", To: "R06.5", Similarity: floatp(0.5)},
	} {
		MustLink(t, store, e)
		e.Normalize()
		ix.edges = append(ix.edges, e)
	}
	all := slices.Sorted(maps.Keys(ix.label))
	dirs := map[string]rodedraad.Direction{"Out": rodedraad.Out, "In": rodedraad.In, "Both": rodedraad.Both}
	for _, rt := range rodedraad.RelTypes {
		for name, dir := range dirs {
			t.Run(fmt.Sprintf("OK%s%s", rt, name), func(t *testing.T) {
				got, err := store.Links(t.Context(), all, rodedraad.LinkQuery{Type: rt, Dir: dir})
				if err != nil {
					t.Fatalf("Links: %v", err)
				}
				want := map[string][]string{}
				for _, e := range ix.edges {
					if e.Type != rt {
						continue
					}
					if dir != rodedraad.In {
						want[e.From] = append(want[e.From], linkKey(e.To, e, ""))
					}
					if dir != rodedraad.Out {
						want[e.To] = append(want[e.To], linkKey(e.From, e, ""))
					}
				}
				for _, keys := range want {
					slices.Sort(keys)
				}
				if len(want) == 0 {
					t.Fatalf("the seeds have no %s edges: the test proves nothing", rt)
				}
				wantLinks(t, got, want)
			})
		}
	}
	t.Run("OKOtherKind", func(t *testing.T) {
		recs := ix.ids(rodedraad.LabelRecommendation)
		got, err := store.Links(t.Context(), recs, rodedraad.LinkQuery{Type: rodedraad.RelSupports, Dir: rodedraad.In, OtherKind: rodedraad.LabelActor})
		if err != nil {
			t.Fatalf("Links: %v", err)
		}
		want := map[string][]string{}
		for _, e := range ix.edges {
			if e.Type == rodedraad.RelSupports && ix.label[e.From] == rodedraad.LabelActor {
				want[e.To] = append(want[e.To], linkKey(e.From, e, ""))
			}
		}
		if len(want) == 0 {
			t.Fatal("the seeds have no actor stances: the test proves nothing")
		}
		for _, keys := range want {
			slices.Sort(keys)
		}
		wantLinks(t, got, want)
	})
	t.Run("OKNone", func(t *testing.T) {
		got, err := store.Links(t.Context(), []string{"missing", "T1"}, rodedraad.LinkQuery{Type: rodedraad.RelOverlaps, Dir: rodedraad.Both})
		if err != nil || len(got) != 0 {
			t.Errorf("Links = %v, %v; want none", got, err)
		}
	})
	t.Run("ErrUnknownType", func(t *testing.T) {
		_, err := store.Links(t.Context(), []string{"R01.4"}, rodedraad.LinkQuery{Type: "KNOWS"})
		wantCode(t, err, rodedraad.EINVALID)
	})
}

func TestStore_Endorsers(t *testing.T) {
	store := neo4jtest.Seeded(t)
	ix := indexSeeds(t)
	targets := ix.ids(rodedraad.LabelRecommendation, rodedraad.LabelScenario)
	got, err := store.Endorsers(t.Context(), targets)
	if err != nil {
		t.Fatalf("Endorsers: %v", err)
	}
	t.Run("OK", func(t *testing.T) {
		want := map[string][]string{}
		for _, e := range ix.edges {
			if e.Type == rodedraad.RelSupports && ix.label[e.From] == rodedraad.LabelActor {
				want[e.To] = append(want[e.To], linkKey(e.From, e, "STANCE"))
			}
		}
		reported := map[string]bool{}
		for _, r := range ix.bundle.Recommendations {
			reported[r.ID] = r.Kind == "CONCLUSION"
		}
		for _, c := range ix.edges {
			// A document's authors do not endorse the conclusions it reports.
			if c.Type != rodedraad.RelContains || reported[c.To] {
				continue
			}
			for _, a := range ix.edges {
				if a.Type == rodedraad.RelAuthored && a.To == c.From && (a.Role == "PUBLISHER" || a.Role == "AUTHOR") {
					want[c.To] = append(want[c.To], linkKey(a.From, a, "AUTHORED"))
				}
			}
		}
		for _, keys := range want {
			slices.Sort(keys)
		}
		wantLinks(t, got, want)
	})
	t.Run("OKNotAReportedConclusion", func(t *testing.T) {
		// D36 reports the finding that suspended its heat network (R36.3, a
		// CONCLUSION): its publishers endorse R36.2 (a COMMITMENT), not R36.3.
		if len(got["R36.3"]) != 0 || len(got["R36.2"]) != 6 {
			t.Errorf("R36.3 endorsers %d, want 0; R36.2 endorsers %d, want D36's 6 publishers", len(got["R36.3"]), len(got["R36.2"]))
		}
	})
	t.Run("OKNotTheCommissioner", func(t *testing.T) {
		// D01 is published by RIVM and commissioned by IenW.
		var actors []string
		for _, l := range got["R01.4"] {
			actors = append(actors, l.Other.NodeID()+" "+l.Via)
		}
		if !slices.Contains(actors, "A-RIVM AUTHORED") || slices.Contains(actors, "A-IENW AUTHORED") {
			t.Errorf("endorsers of R01.4 = %v, want A-RIVM as publisher and not A-IENW as commissioner", actors)
		}
	})
}
