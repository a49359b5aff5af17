package neo4jstore_test

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

func TestStore_Conflicts(t *testing.T) {
	store := neo4jtest.Seeded(t)
	ctx := t.Context()
	t.Run("OK", func(t *testing.T) {
		all, err := store.Conflicts(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != 13 || all[0].ID != "C01" || all[12].ID != "C13" {
			t.Fatalf("got %d conflicts, want C01..C13", len(all))
		}
		c01 := all[0]
		// seeds/links.yaml: C01 side A R06.1 R06.2 R05.4 R04.3 R10.2, side B R13.1 R15.3 R14.4 (sorted by id).
		if !reflect.DeepEqual(c01.SideA, []string{"R04.3", "R05.4", "R06.1", "R06.2", "R10.2"}) ||
			!reflect.DeepEqual(c01.SideB, []string{"R13.1", "R14.4", "R15.3"}) ||
			c01.State != rodedraad.ConflictOpen || c01.Strength != "EXPLICIT" || len(c01.Evidence) != 3 {
			t.Errorf("C01 = %+v", c01)
		}
	})
	t.Run("OKNode", func(t *testing.T) {
		n, err := store.Node(ctx, "C07")
		if err != nil {
			t.Fatal(err)
		}
		if c, ok := n.(*rodedraad.Conflict); !ok || c.Topic == "" {
			t.Errorf("node C07 = %#v", n)
		}
	})
	t.Run("Unknown", func(t *testing.T) {
		got, err := store.Conflicts(ctx, []string{"C99"})
		if err != nil || len(got) != 0 {
			t.Errorf("got %v, %v; want none", got, err)
		}
	})
}

func TestStore_SetConflictSides(t *testing.T) {
	store := neo4jtest.Seeded(t)
	ctx := t.Context()
	t.Run("OK", func(t *testing.T) {
		c, err := store.SetConflictSides(ctx, "C07", []string{"R36.2"}, []string{"R36.3", "R36.4"}, "study team")
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(c.SideA, []string{"R36.2"}) || !reflect.DeepEqual(c.SideB, []string{"R36.3", "R36.4"}) {
			t.Fatalf("sides %v / %v", c.SideA, c.SideB)
		}
		// The pairs follow: R36.2→R36.3 and R36.2→R36.4, and no C07 pair from R36.1 or R21.4 is left.
		var pairs []string
		for _, id := range []string{"R36.1", "R36.2", "R21.4"} {
			ls, err := store.Links(ctx, []string{id}, rodedraad.LinkQuery{Type: rodedraad.RelConflictsWith, Dir: rodedraad.Out})
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range ls[id] {
				if l.ConflictID == "C07" {
					pairs = append(pairs, l.From+">"+l.To)
					if *l.Score != -2 {
						t.Errorf("%s>%s score %d, want C07's EXPLICIT -2", l.From, l.To, *l.Score)
					}
				}
			}
		}
		slices.Sort(pairs)
		if want := []string{"R36.2>R36.3", "R36.2>R36.4"}; !reflect.DeepEqual(pairs, want) {
			t.Errorf("C07 pairs %v, want %v", pairs, want)
		}
	})
	tests := []struct {
		name         string
		id           string
		sideA, sideB []string
		code         string
	}{
		{"ErrNotFound", "C99", []string{"R36.2"}, []string{"R36.3"}, rodedraad.ENOTFOUND},
		{"ErrUnknownSide", "C07", []string{"R36.2"}, []string{"R99.9"}, rodedraad.ENOTFOUND},
		{"ErrActorSide", "C07", []string{"R36.2"}, []string{"A-TSN"}, rodedraad.EINVALID},
		{"ErrEmptySide", "C07", []string{"R36.2"}, nil, rodedraad.EINVALID},
		{"ErrBothSides", "C07", []string{"R36.2"}, []string{"R36.2"}, rodedraad.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := store.SetConflictSides(ctx, tt.id, tt.sideA, tt.sideB, "x")
			wantCode(t, err, tt.code)
		})
	}
}

func TestStore_DecideConflict(t *testing.T) {
	store := neo4jtest.Seeded(t)
	ctx := t.Context()
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	t.Run("OK", func(t *testing.T) {
		if _, err := store.DecideConflict(ctx, "C03", rodedraad.ConflictDecision{State: rodedraad.ConflictTradeOff, By: "A", At: at}); err != nil {
			t.Fatal(err)
		}
		d := rodedraad.ConflictDecision{State: rodedraad.ConflictResolved, Decision: "no CCS near homes", Rationale: "health first", By: "B", At: at.Add(time.Hour)}
		if _, err := store.DecideConflict(ctx, "C03", d); err != nil {
			t.Fatal(err)
		}
		cs, err := store.Conflicts(ctx, []string{"C03"})
		if err != nil {
			t.Fatal(err)
		}
		c := cs[0]
		if c.State != rodedraad.ConflictResolved || len(c.History) != 2 || c.History[0].State != rodedraad.ConflictTradeOff ||
			c.Latest().Decision != "no CCS near homes" || !c.Latest().At.Equal(d.At) || c.Latest().By != "B" {
			t.Errorf("C03 = %+v", c)
		}
	})
	t.Run("OKSurvivesReseed", func(t *testing.T) {
		// Reloading the seeds must not wipe the team's decision.
		if _, err := store.Import(ctx, MustSeeds(t), rodedraad.ImportOptions{}); err != nil {
			t.Fatal(err)
		}
		cs, _ := store.Conflicts(ctx, []string{"C03"})
		if cs[0].State != rodedraad.ConflictResolved || len(cs[0].History) != 2 {
			t.Errorf("after reseeding C03 = %+v", cs[0])
		}
	})
	t.Run("ErrNoDecision", func(t *testing.T) {
		_, err := store.DecideConflict(ctx, "C03", rodedraad.ConflictDecision{State: rodedraad.ConflictResolved, By: "B"})
		wantCode(t, err, rodedraad.EINVALID)
	})
	t.Run("ErrBadState", func(t *testing.T) {
		_, err := store.DecideConflict(ctx, "C03", rodedraad.ConflictDecision{State: "DONE", By: "B"})
		wantCode(t, err, rodedraad.EINVALID)
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := store.DecideConflict(ctx, "C99", rodedraad.ConflictDecision{State: rodedraad.ConflictOpen, By: "B"})
		wantCode(t, err, rodedraad.ENOTFOUND)
	})
}

func TestStore_Endorsements(t *testing.T) {
	store := neo4jtest.Seeded(t)
	got, err := store.Endorsements(t.Context(), []string{"A-TSN", "A-FNV"})
	if err != nil {
		t.Fatal(err)
	}
	has := func(actor, id, via string) bool {
		return slices.ContainsFunc(got[actor], func(l rodedraad.Link) bool { return l.Other.NodeID() == id && l.Via == via })
	}
	// Tata publishes D13 (R13.1, a COMMITMENT) and D36, whose R36.3 is a CONCLUSION it only reports.
	if !has("A-TSN", "R13.1", "AUTHORED") || has("A-TSN", "R36.3", "AUTHORED") || !has("A-TSN", "R36.2", "AUTHORED") {
		t.Errorf("A-TSN endorses %d items; R13.1 %v, R36.2 %v, R36.3 %v", len(got["A-TSN"]),
			has("A-TSN", "R13.1", "AUTHORED"), has("A-TSN", "R36.2", "AUTHORED"), has("A-TSN", "R36.3", "AUTHORED"))
	}
	if len(got["A-FNV"]) == 0 {
		t.Errorf("A-FNV endorses nothing")
	}
}
