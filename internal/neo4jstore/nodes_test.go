package neo4jstore_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

var (
	created  = time.Date(2024, 5, 6, 7, 8, 9, 123_000_000, time.UTC)
	reviewed = time.Date(2025, 1, 2, 3, 4, 5, 678_000_000, time.UTC)
)

// fullProv sets every provenance field.
func fullProv() rodedraad.Provenance {
	return rodedraad.Provenance{
		Status: rodedraad.StatusProposed, Method: rodedraad.MethodLLM, Confidence: floatp(0.75),
		Source:    rodedraad.Source{Document: "D99", Page: "12-13", Quote: "a \"quoted\" line", URLs: []string{"https://a.example", "https://b.example"}},
		Rationale: "because", CreatedBy: "alice", CreatedAt: created,
		ReviewedBy: "bob", ReviewedAt: timep(reviewed),
	}
}

// fullNodes returns one node of every kind with every property set.
func fullNodes() []rodedraad.Node {
	return []rodedraad.Node{
		&rodedraad.Theme{ID: "T9", Name: "Water", Description: "Water and coast", InStudyScope: true, Provenance: fullProv()},
		&rodedraad.Actor{ID: "A-X", Name: "Example BV", Aliases: []string{"ExBV", "Voorbeeld"}, Kind: "COMPANY",
			Sector: "PRIVATE", Level: "REGIONAL", Note: "a note", Provenance: fullProv()},
		&rodedraad.Document{ID: "D99", Title: "Visie 2040", Kind: "VISION", Year: 2023, Date: "2023-09",
			URLs: []string{"https://d.example"}, Language: "nl", EvidenceLevel: "PRIMARY", Summary: "summary",
			Note: "note", Provenance: fullProv()},
		&rodedraad.Recommendation{ID: "R99.1", Title: "Build it", Text: "Build the campus.", Kind: "GOAL",
			Level: "OBJECTIVE", Horizon: 2030, Language: "en", Uncertainty: "some", Provenance: fullProv()},
		&rodedraad.Scenario{ID: "SC9.1", Name: "Green", Description: "all green", Finding: "works", Horizon: 2050,
			Family: "SC9", FamilyName: "Futures", Provenance: fullProv()},
	}
}

// utc puts a node's times in UTC so that nodes compare with DeepEqual.
func utc(n rodedraad.Node) rodedraad.Node {
	p := n.Prov()
	p.CreatedAt = p.CreatedAt.UTC()
	if p.ReviewedAt != nil {
		p.ReviewedAt = timep(p.ReviewedAt.UTC())
	}
	return n
}

func TestStore_CreateNode(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		store := neo4jtest.Open(t)
		for _, want := range fullNodes() {
			t.Run(string(want.NodeLabel()), func(t *testing.T) {
				MustCreate(t, store, want)
				got, err := store.Node(t.Context(), want.NodeID())
				if err != nil {
					t.Fatalf("Node: %v", err)
				}
				if got, want := utc(got), utc(want); !reflect.DeepEqual(got, want) {
					t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
				}
			})
		}
	})
	t.Run("OKSetsCreatedAt", func(t *testing.T) {
		store := neo4jtest.Open(t)
		before := time.Now().Add(-time.Minute)
		MustCreate(t, store, rec("R1"))
		got, err := store.Node(t.Context(), "R1")
		if err != nil {
			t.Fatal(err)
		}
		if at := got.Prov().CreatedAt; at.Before(before) || at.After(time.Now().Add(time.Minute)) {
			t.Errorf("createdAt = %v, want about now", at)
		}
	})
	t.Run("OKFalseAndEmpty", func(t *testing.T) {
		store := neo4jtest.Open(t)
		MustCreate(t, store, theme("T1"))
		got, err := store.Node(t.Context(), "T1")
		if err != nil {
			t.Fatal(err)
		}
		th := got.(*rodedraad.Theme)
		if th.InStudyScope || th.Description != "" || th.Confidence != nil || th.ReviewedAt != nil || th.Source.URLs != nil {
			t.Errorf("got %+v, want false scope and empty optional fields", th)
		}
	})
	t.Run("ErrConflict", func(t *testing.T) {
		store := neo4jtest.Open(t)
		MustCreate(t, store, rec("R1"))
		v, before := MustVersion(t, store), MustDump(t, store)
		wantCode(t, store.CreateNode(t.Context(), rec("R1")), rodedraad.ECONFLICT)
		wantUnchanged(t, store, before, v)
	})
	t.Run("ErrConflictOtherKind", func(t *testing.T) {
		store := neo4jtest.Open(t)
		MustCreate(t, store, rec("X1"))
		wantCode(t, store.CreateNode(t.Context(), theme("X1")), rodedraad.ECONFLICT)
	})
}

func TestStore_Nodes(t *testing.T) {
	store := neo4jtest.Open(t)
	MustCreate(t, store, rec("R1"), actor("A-1"), theme("T1"))
	t.Run("OK", func(t *testing.T) {
		got, err := store.Nodes(t.Context(), []string{"R1", "T1", "missing", "A-1"})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 || got["R1"].NodeLabel() != rodedraad.LabelRecommendation ||
			got["T1"].NodeLabel() != rodedraad.LabelTheme || got["A-1"].NodeLabel() != rodedraad.LabelActor {
			t.Errorf("Nodes = %v, want R1, T1 and A-1 with their kinds", got)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := store.Node(t.Context(), "missing")
		wantCode(t, err, rodedraad.ENOTFOUND)
	})
}

func TestStore_ReplaceNode(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		store := neo4jtest.Open(t)
		for _, n := range fullNodes() {
			MustCreate(t, store, n)
		}
		replacements := []rodedraad.Node{theme("T9"), actor("A-X"), document("D99"), rec("R99.1"), scenario("SC9.1")}
		for _, want := range replacements {
			t.Run(string(want.NodeLabel()), func(t *testing.T) {
				want.Prov().CreatedAt = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) // ignored: createdAt is kept
				if err := store.ReplaceNode(t.Context(), want); err != nil {
					t.Fatalf("ReplaceNode: %v", err)
				}
				got, err := store.Node(t.Context(), want.NodeID())
				if err != nil {
					t.Fatal(err)
				}
				want.Prov().CreatedAt = created
				// Every property the replacement leaves out is gone.
				if got, want := utc(got), utc(want); !reflect.DeepEqual(got, want) {
					t.Errorf("after replace:\n got %+v\nwant %+v", got, want)
				}
			})
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		store := neo4jtest.Open(t)
		wantCode(t, store.ReplaceNode(t.Context(), rec("R1")), rodedraad.ENOTFOUND)
		if _, err := store.Node(t.Context(), "R1"); rodedraad.ErrorCode(err) != rodedraad.ENOTFOUND {
			t.Errorf("ReplaceNode of a missing id created it (Node: %v)", err)
		}
	})
	t.Run("ErrNotFoundOtherKind", func(t *testing.T) {
		store := neo4jtest.Open(t)
		MustCreate(t, store, theme("X1"))
		v, before := MustVersion(t, store), MustDump(t, store)
		wantCode(t, store.ReplaceNode(t.Context(), rec("X1")), rodedraad.ENOTFOUND)
		wantUnchanged(t, store, before, v)
	})
}

func TestStore_DeleteNode(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		store := neo4jtest.Open(t)
		for _, n := range fullNodes() {
			MustCreate(t, store, n)
		}
		MustLink(t, store, rodedraad.Edge{Type: rodedraad.RelAddresses, From: "R99.1", To: "T9"})
		for _, n := range fullNodes() {
			if err := store.DeleteNode(t.Context(), n.NodeLabel(), n.NodeID()); err != nil {
				t.Fatalf("DeleteNode %s: %v", n.NodeID(), err)
			}
			_, err := store.Node(t.Context(), n.NodeID())
			wantCode(t, err, rodedraad.ENOTFOUND)
		}
		if d := MustDump(t, store); len(d) != 0 {
			t.Errorf("graph after deleting everything = %v, want empty", d)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		store := neo4jtest.Open(t)
		wantCode(t, store.DeleteNode(t.Context(), rodedraad.LabelActor, "A-1"), rodedraad.ENOTFOUND)
	})
	t.Run("ErrNotFoundOtherKind", func(t *testing.T) {
		store := neo4jtest.Open(t)
		MustCreate(t, store, actor("A-1"))
		wantCode(t, store.DeleteNode(t.Context(), rodedraad.LabelTheme, "A-1"), rodedraad.ENOTFOUND)
		if _, err := store.Node(t.Context(), "A-1"); err != nil {
			t.Errorf("A-1 is gone after a failed delete: %v", err)
		}
	})
	t.Run("ErrBadLabel", func(t *testing.T) {
		store := neo4jtest.Open(t)
		wantCode(t, store.DeleteNode(t.Context(), "Entity) DETACH DELETE (x", "A-1"), rodedraad.EINVALID)
	})
}

func TestStore_ReviewNode(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		store := neo4jtest.Open(t)
		n := rec("R1")
		n.Status = rodedraad.StatusProposed
		MustCreate(t, store, n)
		before := time.Now().Add(-time.Minute)
		got, err := store.ReviewNode(t.Context(), "R1", rodedraad.StatusAccepted, "carol", "checked the source")
		if err != nil {
			t.Fatalf("ReviewNode: %v", err)
		}
		p := got.Prov()
		if p.Status != rodedraad.StatusAccepted || p.ReviewedBy != "carol" || p.ReviewedAt == nil || p.ReviewedAt.Before(before) {
			t.Errorf("after review: status %s, reviewedBy %q, reviewedAt %v; want ACCEPTED, carol, now", p.Status, p.ReviewedBy, p.ReviewedAt)
		}
		again, err := store.Node(t.Context(), "R1")
		if err != nil || again.Prov().Status != rodedraad.StatusAccepted {
			t.Errorf("Node after review = %v, %v; want ACCEPTED", again, err)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		store := neo4jtest.Open(t)
		v := MustVersion(t, store)
		_, err := store.ReviewNode(t.Context(), "R1", rodedraad.StatusAccepted, "carol", "")
		wantCode(t, err, rodedraad.ENOTFOUND)
		wantUnchanged(t, store, map[string]string{}, v)
	})
}
