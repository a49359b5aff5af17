package suggest

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// judgeFunc adapts a function to Judge.
type judgeFunc func(ctx context.Context, a, b Rec) ([]Proposal, error)

func (f judgeFunc) Name() string { return "test/1" }

func (f judgeFunc) Judge(ctx context.Context, a, b Rec) ([]Proposal, error) { return f(ctx, a, b) }

// overlapJudge proposes OVERLAPS with the higher id first (Run must turn
// it round) and SUPPORTS from b to a.
var overlapJudge = judgeFunc(func(_ context.Context, a, b Rec) ([]Proposal, error) {
	return []Proposal{
		{Type: Overlaps, From: b.ID, To: a.ID, Similarity: 0.8, Confidence: 0.8, Method: "RULE"},
		{Type: Supports, From: b.ID, To: a.ID, Score: 1, Confidence: 0.5, Method: "RULE"},
	}, nil
})

func TestRun(t *testing.T) {
	ctx := context.Background()
	t.Run("OK", func(t *testing.T) {
		got, stats, err := Run(ctx, handRecs(), overlapJudge, RunOptions{})
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"A1|OVERLAPS|B1", "A2|OVERLAPS|C2", "A3|OVERLAPS|B1", "B1|SUPPORTS|A1", "B1|SUPPORTS|A3", "C2|SUPPORTS|A2"}
		if keys := proposalKeys(got); strings.Join(keys, " ") != strings.Join(want, " ") {
			t.Errorf("proposals = %v, want %v", keys, want)
		}
		if stats.Judged != 3 || stats.Proposed != 6 || stats.Pairs.Pairs != 3 {
			t.Errorf("stats = %+v, want 3 judged, 6 proposed", stats)
		}
	})
	t.Run("SkipsExisting", func(t *testing.T) {
		// Keys as the store makes them: the judge's B1->A1 OVERLAPS is the stored A1->B1.
		stored := []rodedraad.Edge{{Type: rodedraad.RelOverlaps, From: "B1", To: "A1"},
			{Type: rodedraad.RelSupports, From: "B1", To: "A3"}, {Type: rodedraad.RelSupports, From: "A2", To: "C2"}}
		existing := map[string]bool{}
		for _, e := range stored {
			existing[e.Key()] = true
		}
		has := func(key string) bool { return existing[key] }
		got, stats, err := Run(ctx, handRecs(), overlapJudge, RunOptions{Existing: has})
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"A2|OVERLAPS|C2", "A3|OVERLAPS|B1", "B1|SUPPORTS|A1", "C2|SUPPORTS|A2"}
		if keys := proposalKeys(got); strings.Join(keys, " ") != strings.Join(want, " ") {
			t.Errorf("proposals = %v, want %v (a reversed SUPPORTS is a different edge)", keys, want)
		}
		if stats.Existing != 2 {
			t.Errorf("Existing = %d, want 2", stats.Existing)
		}
	})
	t.Run("Dedupes", func(t *testing.T) {
		twice := judgeFunc(func(_ context.Context, a, b Rec) ([]Proposal, error) {
			return []Proposal{
				{Type: Overlaps, From: a.ID, To: b.ID, Similarity: 0.7, Confidence: 0.4},
				{Type: Overlaps, From: b.ID, To: a.ID, Similarity: 0.9, Confidence: 0.9},
			}, nil
		})
		got, stats, err := Run(ctx, handRecs(), twice, RunOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 || stats.Duplicate != 3 || got[0].Confidence != 0.9 {
			t.Errorf("got %d proposals (%+v), %d duplicates; want 3 with confidence 0.9, 3 duplicates", len(got), got, stats.Duplicate)
		}
	})
	t.Run("DropsInvalid", func(t *testing.T) {
		bad := judgeFunc(func(_ context.Context, a, b Rec) ([]Proposal, error) {
			return []Proposal{
				{Type: ConflictsWith, From: a.ID, To: b.ID, Score: 2},
				{Type: Supports, From: a.ID, To: "elsewhere", Score: 1},
				{Type: "LIKES", From: a.ID, To: b.ID},
				{Type: ConflictsWith, From: a.ID, To: b.ID, Score: -2, Confidence: 0.6},
			}, nil
		})
		got, stats, err := Run(ctx, handRecs(), bad, RunOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 || stats.Invalid != 9 {
			t.Errorf("got %d proposals, %d invalid; want 3 and 9", len(got), stats.Invalid)
		}
	})
}

func proposalKeys(ps []Proposal) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.From+"|"+p.Type+"|"+p.To)
	}
	return out
}

func TestRun_Errors(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name  string
		recs  []Rec
		judge Judge
		opts  RunOptions
		want  string
	}{
		{"NoJudge", handRecs(), nil, RunOptions{}, "no judge"},
		{"NegativeConcurrency", handRecs(), overlapJudge, RunOptions{Concurrency: -1}, "concurrency -1"},
		{"NoID", []Rec{{ID: "a", Document: "D"}, {Document: "D"}}, overlapJudge, RunOptions{}, "recommendation 1 has no id"},
		{"DuplicateID", []Rec{{ID: "a", Document: "D"}, {ID: "a", Document: "E"}}, overlapJudge, RunOptions{}, `share id "a"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Run(ctx, tt.recs, tt.judge, tt.opts)
			if rodedraad.ErrorCode(err) != rodedraad.EINVALID || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %s naming %q", err, rodedraad.EINVALID, tt.want)
			}
		})
	}
}

func TestRun_JudgeError(t *testing.T) {
	boom := errors.New("model unavailable")
	var calls atomic.Int32
	failing := judgeFunc(func(_ context.Context, a, b Rec) ([]Proposal, error) {
		if calls.Add(1) >= 2 {
			return nil, boom
		}
		return overlapJudge(context.Background(), a, b)
	})
	got, stats, err := Run(context.Background(), handRecs(), failing, RunOptions{})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "judge ") {
		t.Fatalf("err = %v, want the judge's error with the pair", err)
	}
	if stats.Judged != 1 || len(got) != 2 {
		t.Errorf("judged %d, got %d proposals; want the first pair's 2 proposals kept", stats.Judged, len(got))
	}
}

func TestRun_Cancel(t *testing.T) {
	recs := recsOf(synthRecs(400, 5))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var calls atomic.Int32
	slow := judgeFunc(func(ctx context.Context, a, b Rec) ([]Proposal, error) {
		calls.Add(1)
		return nil, ctx.Err()
	})
	progress := func(done, total int) {
		if done == 3 {
			cancel()
		}
	}
	_, stats, err := Run(ctx, recs, slow, RunOptions{Concurrency: 2, Progress: progress})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if int(calls.Load()) >= stats.Pairs.Pairs || stats.Judged < 3 {
		t.Errorf("judge called %d times of %d pairs, %d judged; want the run stopped early", calls.Load(), stats.Pairs.Pairs, stats.Judged)
	}
}

func TestRun_Progress(t *testing.T) {
	var seen []int
	total := -1
	progress := func(done, n int) {
		seen = append(seen, done)
		total = n
	}
	_, stats, err := Run(context.Background(), handRecs(), overlapJudge, RunOptions{Concurrency: 3, Progress: progress})
	if err != nil {
		t.Fatal(err)
	}
	if total != stats.Pairs.Pairs || len(seen) != total+1 {
		t.Fatalf("progress calls %v of total %d, want 0..%d", seen, total, stats.Pairs.Pairs)
	}
	for k, done := range seen {
		if done != k {
			t.Errorf("call %d reported done = %d, want %d", k, done, k)
		}
	}
}

// TestRun_Concurrency checks that Run judges up to Concurrency pairs at
// once and never more: each judge call waits until three are in flight.
func TestRun_Concurrency(t *testing.T) {
	const n = 3
	var mu sync.Mutex
	inFlight, peak, arrived := 0, 0, 0
	released := make(chan struct{})
	judge := judgeFunc(func(_ context.Context, a, b Rec) ([]Proposal, error) {
		mu.Lock()
		inFlight++
		peak = max(peak, inFlight)
		if arrived++; arrived == n {
			close(released)
		}
		mu.Unlock()
		defer func() { mu.Lock(); inFlight--; mu.Unlock() }()
		select {
		case <-released:
			return nil, nil
		case <-time.After(10 * time.Second):
			return nil, errors.New("fewer than 3 judge calls ran at once")
		}
	})
	_, _, err := Run(context.Background(), handRecs(), judge, RunOptions{Concurrency: n})
	if err != nil {
		t.Fatal(err)
	}
	if peak != n {
		t.Errorf("peak concurrency %d, want %d", peak, n)
	}
}
