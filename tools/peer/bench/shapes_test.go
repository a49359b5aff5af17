package main

import (
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/analysis/synth"
)

func TestNormalise(t *testing.T) {
	rodedraad := `{"data":{"recommendations":{"edges":[{"node":{"id":"SR1","title":"R 1","kind":"GOAL",
		"themes":[{"id":"T2"},{"id":"T1"}],"document":{"id":"SD1"},
		"endorsedBy":[{"via":"STANCE","actor":{"id":"A2"}},{"via":"AUTHORED","actor":{"id":"A1"}},{"via":"AUTHORED","actor":{"id":"A2"}}],
		"conflictsWith":[{"score":-2,"other":{"id":"SR9"}}]}}]}}}`
	peer := `{"data":{"recommendations":[{"id":"SR1","title":"R 1","kind":"GOAL",
		"themes":[{"id":"T1"},{"id":"T2"}],"documents":[{"id":"SD1"}],"endorsedBy":[{"id":"A1"},{"id":"A2"}],
		"conflictsWithConnection":{"edges":[{"properties":{"score":-2},"node":{"id":"SR9"}}]}}]}}`
	otherScore := `{"data":{"recommendations":[{"id":"SR1","title":"R 1","kind":"GOAL",
		"themes":[{"id":"T1"},{"id":"T2"}],"documents":[{"id":"SD1"}],"endorsedBy":[{"id":"A1"},{"id":"A2"}],
		"conflictsWithConnection":{"edges":[{"properties":{"score":-1},"node":{"id":"SR9"}}]}}]}}`
	want, err := normalise([]byte(rodedraad), false)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, body string
		same       bool
	}{
		{"same content in the peer's shape", peer, true},
		{"another score", otherScore, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := normalise([]byte(tt.body), true)
			if err != nil {
				t.Fatal(err)
			}
			if d := firstDifference(want, got); (d == "") != tt.same {
				t.Errorf("difference %q, want same=%v", d, tt.same)
			}
		})
	}
	t.Run("errors are refused", func(t *testing.T) {
		if _, err := normalise([]byte(`{"errors":[{"message":"too complex"}]}`), false); err == nil {
			t.Error("an answer with errors must fail the check")
		}
	})
}

// A run on another graph size keeps the 10k section and goes after it; a
// second run replaces only its own section.
func TestReplaceSection(t *testing.T) {
	doc := "intro\n\n" + beginMarker + "\n10k\n" + endMarker + "\n\nread\n"
	b100, e100 := markersFor(100_000)
	once := replaceSection(doc, b100+"\n100k\n"+e100+"\n", 100_000)
	want := "intro\n\n" + beginMarker + "\n10k\n" + endMarker + "\n\n" + b100 + "\n100k\n" + e100 + "\n\nread\n"
	if once != want {
		t.Fatalf("first 100k run:\n%s\nwant:\n%s", once, want)
	}
	twice := replaceSection(once, b100+"\n100k again\n"+e100, 100_000)
	if strings.Count(twice, b100) != 1 || !strings.Contains(twice, "100k again") || !strings.Contains(twice, "\n10k\n") {
		t.Fatalf("second 100k run:\n%s", twice)
	}
	ten := replaceSection(twice, beginMarker+"\n10k new\n"+endMarker, 10_000)
	if !strings.Contains(ten, "10k new") || !strings.Contains(ten, "100k again") {
		t.Fatalf("10k run after 100k:\n%s", ten)
	}
}

// The load's parts hold every node once and every edge once, in order.
func TestParts(t *testing.T) {
	b := synth.Bundle(synth.Generate(synthSeed, 2_000))
	ps := parts(b)
	var nodes, edges int
	for i, p := range ps {
		if i > 0 && len(p.Nodes()) > 0 {
			t.Fatalf("part %d holds nodes", i)
		}
		if len(p.Edges) > edgesPerLoad {
			t.Fatalf("part %d holds %d edges", i, len(p.Edges))
		}
		nodes += len(p.Nodes())
		edges += len(p.Edges)
	}
	if nodes != len(b.Nodes()) || edges != len(b.Edges) || len(b.Edges) == 0 {
		t.Fatalf("parts hold %d nodes and %d edges, want %d and %d", nodes, edges, len(b.Nodes()), len(b.Edges))
	}
}
