package main

import (
	"context"
	"strings"
	"testing"

	"github.com/rs/zerolog"

	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// TestSeedIfChanged: serve's start-up seeding keeps what the study team
// changed on seeded items, and loads the seeds into a graph that lacks them.
func TestSeedIfChanged(t *testing.T) {
	ctx := context.Background()
	store := neo4jtest.Open(t)
	log := zerolog.Nop()
	if err := seed(ctx, store, log, seedRun{}); err != nil {
		t.Fatal(err)
	}
	if n, _ := store.Count(ctx, rodedraad.LabelRecommendation, rodedraad.Filter{}); n != 176 {
		t.Fatalf("first start: %d recommendations, want 176", n)
	}
	if _, err := store.ReviewNode(ctx, "R01.1", rodedraad.StatusRejected, "study team", "superseded"); err != nil {
		t.Fatal(err)
	}

	t.Run("UnchangedSeedsKeepEdits", func(t *testing.T) {
		if err := seed(ctx, store, log, seedRun{}); err != nil {
			t.Fatal(err)
		}
		n, err := store.Node(ctx, "R01.1")
		if err != nil || n.Prov().Status != rodedraad.StatusRejected {
			t.Fatalf("R01.1 after a restart = %+v, %v; want the REJECTED review kept", n, err)
		}
	})
	t.Run("EmptiedGraphIsSeededAgain", func(t *testing.T) {
		if err := store.DeleteAll(ctx); err != nil {
			t.Fatal(err)
		}
		if err := seed(ctx, store, log, seedRun{}); err != nil {
			t.Fatal(err)
		}
		if n, _ := store.Count(ctx, rodedraad.LabelRecommendation, rodedraad.Filter{}); n != 176 {
			t.Fatalf("after emptying: %d recommendations, want 176", n)
		}
	})
	t.Run("SeedCommandReloads", func(t *testing.T) {
		if _, err := store.ReviewNode(ctx, "R01.1", rodedraad.StatusRejected, "study team", ""); err != nil {
			t.Fatal(err)
		}
		// A reload that would undo the review is refused, naming the item ...
		if r := runArgs(t, testEnv(t), "seed"); r.err == nil || !strings.Contains(r.err.Error(), "R01.1") {
			t.Fatalf("run(seed) over a reviewed item = %v, want a refusal naming R01.1", r.err)
		}
		// ... and done when asked.
		mustRun(t, testEnv(t), "seed", "--overwrite")
		n, err := store.Node(ctx, "R01.1")
		if err != nil || n.Prov().Status != rodedraad.StatusAccepted {
			t.Fatalf("R01.1 after `rodedraad seed` = %+v, %v; want ACCEPTED again", n, err)
		}
	})
}
