package synth_test

import (
	"reflect"
	"testing"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/analysis/synth"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

func TestGenerate_Deterministic(t *testing.T) {
	a, b := synth.Generate(7, 500), synth.Generate(7, 500)
	if !reflect.DeepEqual(a.Nodes, b.Nodes) || !reflect.DeepEqual(a.Edges, b.Edges) {
		t.Fatal("same seed gave different graphs")
	}
	if c := synth.Generate(8, 500); reflect.DeepEqual(a.Edges, c.Edges) {
		t.Fatal("different seeds gave the same edges")
	}
}

func TestGenerate_Shape(t *testing.T) {
	g := synth.Generate(1, 10000)
	c, err := analysis.Run(g, analysis.Scope{}, analysis.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	s := c.Summary
	// About 5 interactions per recommendation, fewer after dropping non-accepted ones.
	if perRec := float64(s.Interactions) / float64(s.Recommendations); perRec < 4 || perRec > 5.5 {
		t.Errorf("interactions per recommendation = %.2f", perRec)
	}
	// The generator's shares, within a few points: 22% of interactions are
	// conflicts, up to 3% of recommendations have an overlap; every conflict
	// is a contradiction; one document per 50 recommendations.
	if share := float64(s.Conflicts) / float64(s.Interactions); share < 0.19 || share > 0.25 {
		t.Errorf("conflicts = %d of %d interactions (%.3f), want about 0.22", s.Conflicts, s.Interactions, share)
	}
	if share := float64(s.Overlaps) / float64(s.Recommendations); share < 0.01 || share > 0.03 {
		t.Errorf("overlaps = %d for %d recommendations (%.4f), want 0.01..0.03", s.Overlaps, s.Recommendations, share)
	}
	if s.Contradictions != s.Conflicts {
		t.Errorf("contradictions = %d, want one per conflict (%d)", s.Contradictions, s.Conflicts)
	}
	if s.Documents != 200 || s.Communities < 10 {
		t.Errorf("documents %d, communities %d: want 200 and at least 10", s.Documents, s.Communities)
	}
	// Preferential attachment: the most active node has far more than the median.
	if top := c.Influence.Ranking; len(top) < s.Recommendations/2 || maxActive(top) < 10*int(c.Influence.MedianActive+1) {
		t.Errorf("degrees are not skewed: max active %d, median %v", maxActive(top), c.Influence.MedianActive)
	}
}

func maxActive(ns []analysis.InfluenceNode) int {
	m := 0
	for _, n := range ns {
		m = max(m, n.Active+n.Passive)
	}
	return m
}

func TestBundle_Valid(t *testing.T) {
	g := synth.Generate(3, 2000)
	b := synth.Bundle(g)
	labels := map[string]rodedraad.Label{}
	for _, n := range g.Nodes {
		labels[n.ID] = n.Label
	}
	check := func(what string, err error) {
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	for i := range b.Themes {
		check(b.Themes[i].ID, b.Themes[i].Validate())
	}
	for i := range b.Actors {
		check(b.Actors[i].ID, b.Actors[i].Validate())
	}
	for i := range b.Documents {
		check(b.Documents[i].ID, b.Documents[i].Validate())
	}
	for i := range b.Recommendations {
		check(b.Recommendations[i].ID, b.Recommendations[i].Validate())
	}
	for i := range b.Scenarios {
		check(b.Scenarios[i].ID, b.Scenarios[i].Validate())
	}
	keys := map[string]bool{}
	for i := range b.Edges {
		e := &b.Edges[i]
		check(e.Key(), e.Validate(labels[e.From], labels[e.To]))
		if keys[e.Key()] {
			t.Fatalf("edge %s occurs twice", e.Key())
		}
		keys[e.Key()] = true
	}
	if n := b.Count(); n.Recommendations != 2000 || n.Edges[rodedraad.RelContains] != 2000 {
		t.Fatalf("counts = %+v", n)
	}
}
