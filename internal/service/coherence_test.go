package service_test

import (
	"context"
	"slices"
	"testing"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/service"
)

func mustCoherence(t *testing.T, svc *service.Service, sc analysis.Scope) *analysis.Report {
	t.Helper()
	c, err := svc.Coherence(context.Background(), sc, analysis.DefaultOptions())
	if err != nil {
		t.Fatalf("Coherence: %v", err)
	}
	return c
}

// TestService_Coherence_Seeds checks what the study team must see on the
// real IJmond corpus.
func TestService_Coherence_Seeds(t *testing.T) {
	c := mustCoherence(t, service.New(neo4jtest.Seeded(t)), analysis.Scope{})

	t.Run("C01RanksAmongTheTopContradictions", func(t *testing.T) {
		top := c.Contradictions[:5]
		if !slices.ContainsFunc(top, func(x analysis.Contradiction) bool { return x.ConflictID == "C01" }) {
			t.Fatalf("no C01 edge in the top 5: %+v", top)
		}
		// By severity, those between documents before those inside one.
		for i := 1; i < len(c.Contradictions); i++ {
			prev, x := c.Contradictions[i-1], c.Contradictions[i]
			if prev.SameDocument && !x.SameDocument || prev.SameDocument == x.SameDocument && x.Severity > prev.Severity {
				t.Fatalf("contradictions not ranked at %d: %+v after %+v", i, x, prev)
			}
		}
	})
	t.Run("HealthIsAFrameGap", func(t *testing.T) {
		if len(c.FrameGaps) == 0 || c.FrameGaps[0].Theme != "H" || c.FrameGaps[0].Contradictions == 0 {
			t.Fatalf("frame gaps = %+v, want H first", c.FrameGaps)
		}
	})
	t.Run("DigitalisationIsThin", func(t *testing.T) {
		i := slices.IndexFunc(c.BlindSpots.Themes, func(b analysis.BlindSpot) bool { return b.Theme == "T6" })
		if i < 0 || !slices.Contains(c.BlindSpots.Themes[i].Flags, "THIN") {
			t.Fatalf("T6 blind spot = %+v, want THIN", c.BlindSpots.Themes)
		}
	})
	t.Run("DocumentIslands", func(t *testing.T) {
		// D07 (the Expertgroep's second advice) has no link to any other plan.
		if !slices.Equal(c.Fragmentation.DocumentIslands, []string{"D07"}) {
			t.Fatalf("document islands = %v, want [D07]", c.Fragmentation.DocumentIslands)
		}
	})
	t.Run("ActorInconsistencies", func(t *testing.T) {
		// The heat-network partners published D36, which reports both the
		// residual-heat plan and the finding that suspended it (R36.3, a
		// CONCLUSION): reporting a finding is not endorsing it, so D36's
		// publishers do not back both sides of C07. Tata does back both
		// sides of C02: it publishes the hydrogen electrolyser (D37) and the
		// gas-first DRI plant (D13).
		if slices.ContainsFunc(c.ActorInconsistencies, func(a analysis.ActorInconsistency) bool { return a.ConflictID == "C07" }) {
			t.Errorf("actor inconsistencies on C07: %+v", c.ActorInconsistencies)
		}
		if !slices.ContainsFunc(c.ActorInconsistencies, func(a analysis.ActorInconsistency) bool {
			return a.Actor == "A-TSN" && a.ConflictID == "C02" && a.From == "R37.1" && a.To == "R13.2"
		}) {
			t.Errorf("actor inconsistencies = %+v, want A-TSN on C02 (R37.1 against R13.2)", c.ActorInconsistencies)
		}
	})
	t.Run("Conflicts", func(t *testing.T) {
		if len(c.Conflicts) != 13 || c.Conflicts[0].ID != "C01" {
			t.Fatalf("%d conflict groups, first %+v; want the 13 conflicts with C01 first", len(c.Conflicts), c.Conflicts[0].ID)
		}
	})
	t.Run("RedThreadCandidates", func(t *testing.T) {
		var ids []string
		for _, x := range c.Consensus.Candidates {
			ids = append(ids, x.ID)
		}
		// The founding letter's campus ambition is echoed by the campus
		// studies and the Techport agenda; R15.2 (cut health-risk emissions)
		// is endorsed by government and Tata alike.
		for _, want := range []string{"R15.2", "R41.1"} {
			if !slices.Contains(ids, want) {
				t.Errorf("candidates = %v, want %s among them", ids, want)
			}
		}
	})
}

func TestService_Coherence_Cache(t *testing.T) {
	ctx := context.Background()
	store := neo4jtest.Seeded(t)
	svc := service.New(store)
	first := mustCoherence(t, svc, analysis.Scope{})

	t.Run("ReusedWhileTheGraphIsUnchanged", func(t *testing.T) {
		before := store.RoundTrips()
		again := mustCoherence(t, svc, analysis.Scope{})
		if again != first {
			t.Fatal("the same scope on an unchanged graph computed a new report")
		}
		if n := store.RoundTrips() - before; n != 1 {
			t.Fatalf("round trips = %d, want 1 (only the graph version)", n)
		}
	})
	t.Run("InvalidatedByAWrite", func(t *testing.T) {
		score := 2
		if _, err := svc.Link(ctx, rodedraad.Edge{Type: rodedraad.RelSupports, From: "R07.1", To: "R30.1", Score: &score}); err != nil {
			t.Fatal(err)
		}
		after := mustCoherence(t, svc, analysis.Scope{})
		if after.Summary.Supports != first.Summary.Supports+1 {
			t.Fatalf("supports = %d after a link, want %d", after.Summary.Supports, first.Summary.Supports+1)
		}
	})
}

func TestService_Coherence_Scope(t *testing.T) {
	svc := service.New(neo4jtest.Seeded(t))
	t.Run("OK", func(t *testing.T) {
		c := mustCoherence(t, svc, analysis.Scope{Themes: []string{"T6"}})
		if c.Summary.Recommendations != 3 {
			t.Fatalf("T6 recommendations = %d, want 3", c.Summary.Recommendations)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := svc.Coherence(context.Background(), analysis.Scope{Themes: []string{"T99"}}, analysis.DefaultOptions())
		if rodedraad.ErrorCode(err) != rodedraad.ENOTFOUND {
			t.Fatalf("err = %v, want NOT_FOUND", err)
		}
	})
}

func TestService_SuggestOverlaps(t *testing.T) {
	ctx := context.Background()
	svc := service.New(neo4jtest.Seeded(t))
	t.Run("ErrInvalidThreshold", func(t *testing.T) {
		for _, th := range []float64{0, -0.1, 1.5} {
			if _, err := svc.SuggestOverlaps(ctx, th, analysis.Scope{}); rodedraad.ErrorCode(err) != rodedraad.EINVALID {
				t.Errorf("threshold %v: err = %v, want BAD_USER_INPUT", th, err)
			}
		}
	})
	got, err := svc.SuggestOverlaps(ctx, 0.4, analysis.Scope{})
	if err != nil {
		t.Fatal(err)
	}
	t.Run("ProposesPairsAcrossDocuments", func(t *testing.T) {
		if got.Compared != 176 || got.Created == 0 || got.Created != len(got.Suggestions) {
			t.Fatalf("compared %d, created %d of %d", got.Compared, got.Created, len(got.Suggestions))
		}
		// The Techport agenda's green industrial zone and the founding
		// letter's innovation zone say the same thing.
		if !slices.ContainsFunc(got.Suggestions, func(s service.Suggestion) bool { return s.A == "R25.6" && s.B == "R41.2" }) {
			t.Errorf("suggestions lack R25.6–R41.2: %+v", got.Suggestions)
		}
	})
	t.Run("FlagsNumberMismatch", func(t *testing.T) {
		// Close coke plant 2 by 2029 (Tata) vs the JLoI's phase 1 (2030).
		i := slices.IndexFunc(got.Suggestions, func(s service.Suggestion) bool { return s.A == "R13.1" && s.B == "R15.3" })
		if i < 0 || !got.Suggestions[i].NumberMismatch {
			t.Fatalf("R13.1–R15.3 not flagged: %+v", got.Suggestions)
		}
	})
	t.Run("CountOnlyWhenProposedAreAskedFor", func(t *testing.T) {
		if c := mustCoherence(t, svc, analysis.Scope{}); c.Summary.Overlaps != 0 {
			t.Fatalf("accepted-only scope counts %d overlaps, want 0", c.Summary.Overlaps)
		}
		sc := analysis.Scope{Statuses: []rodedraad.Status{rodedraad.StatusAccepted, rodedraad.StatusProposed}}
		if c := mustCoherence(t, svc, sc); c.Summary.Overlaps != got.Created {
			t.Fatalf("with PROPOSED: %d overlaps, want %d", c.Summary.Overlaps, got.Created)
		}
	})
	t.Run("Idempotent", func(t *testing.T) {
		again, err := svc.SuggestOverlaps(ctx, 0.4, analysis.Scope{})
		if err != nil || again.Created != 0 || len(again.Suggestions) != len(got.Suggestions) {
			t.Fatalf("second run: created %d of %d, %v", again.Created, len(again.Suggestions), err)
		}
	})
}

// writingStore writes to the graph while the first snapshot is read, as a
// concurrent client would.
type writingStore struct {
	*neo4jstore.Store
	reads int
}

func (w *writingStore) Snapshot(ctx context.Context, progress func(int)) (*analysis.Graph, rodedraad.SnapshotStats, error) {
	w.reads++
	if w.reads == 1 {
		score := 1
		if _, err := w.Link(ctx, rodedraad.Edge{Type: rodedraad.RelSupports, From: "R07.1", To: "R30.1", Score: &score}); err != nil {
			return nil, rodedraad.SnapshotStats{}, err
		}
	}
	return w.Store.Snapshot(ctx, progress)
}

func TestService_Snapshot_ReadAgainAfterAConcurrentWrite(t *testing.T) {
	store := &writingStore{Store: neo4jtest.Seeded(t)}
	c := mustCoherence(t, service.New(store), analysis.Scope{})
	if store.reads != 2 {
		t.Fatalf("snapshot reads = %d, want 2 (the first was written to meanwhile)", store.reads)
	}
	// 29 seeded supports between recommendations, plus the concurrent one.
	if c.Summary.Supports != 30 {
		t.Fatalf("supports = %d, want 30: the report must include the concurrent write", c.Summary.Supports)
	}
}
