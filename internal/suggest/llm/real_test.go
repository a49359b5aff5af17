//go:build llm

package llm_test

// The real-model test of the judge: `make test-llm` serves a small local
// model. It checks the plumbing: every answer is either a valid proposal
// or rejected with a per-pair error, never an endpoint failure.

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/rodedraad/rodedraad/internal/chat"
	"github.com/rodedraad/rodedraad/internal/suggest"
	"github.com/rodedraad/rodedraad/internal/suggest/llm"
)

var realPairs = [][2]suggest.Rec{
	{recNL, recEN},
	{{ID: "r3", Document: "pnh-2024", Language: "nl", Text: "Bouw 5.000 extra woningen in Velsen en Beverwijk voor 2030."},
		{ID: "r4", Document: "rivm-2023", Language: "nl", Text: "Bouw geen nieuwe woningen binnen twee kilometer van het Tata Steel-terrein zolang de uitstoot niet is gehalveerd."}},
	{{ID: "r5", Document: "rli-2024", Language: "nl", Text: "Leg een waterstofnetwerk aan tussen de haven van IJmuiden en het Tata Steel-terrein."},
		{ID: "r6", Document: "tata-2023", Language: "en", Text: "Replace the blast furnaces by direct reduction plants running on hydrogen."}},
}

func TestJudge_realModel(t *testing.T) {
	cfg, on, err := chat.FromEnv(os.Getenv, t.TempDir())
	if err != nil || !on {
		t.Fatalf("set %s (make test-llm does): on %v, %v", chat.EnvURL, on, err)
	}
	c, err := chat.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	j := llm.New(c, 256)
	start, proposals, rejected := time.Now(), 0, 0
	for _, p := range realPairs {
		got, err := j.Judge(context.Background(), p[0], p[1])
		switch {
		case errors.Is(err, llm.ErrAnswer) || errors.Is(err, chat.ErrBadJSON) || errors.Is(err, chat.ErrRefused):
			rejected++
			t.Logf("%s–%s rejected: %v", p[0].ID, p[1].ID, err)
		case err != nil:
			t.Fatalf("the endpoint failed: %v", err)
		default:
			proposals += len(got)
			for _, pr := range got {
				assertValid(t, pr)
				t.Logf("%s–%s: %s score %d similarity %.2f confidence %.2f: %s", pr.From, pr.To, pr.Type, pr.Score, pr.Similarity, pr.Confidence, pr.Rationale)
			}
		}
	}
	t.Logf("FIGURES judge: %d pairs, %d proposals, %d rejected answers, %s", len(realPairs), proposals, rejected, time.Since(start).Round(time.Second))
}

// assertValid checks a proposal against the contract's ranges.
func assertValid(t *testing.T, p suggest.Proposal) {
	t.Helper()
	ok := (p.Type == llm.Overlaps && p.Similarity > 0 && p.Similarity <= 1) ||
		(p.Type == llm.Supports && p.Score >= 1 && p.Score <= 3) ||
		(p.Type == llm.ConflictsWith && p.Score >= -3 && p.Score <= -1)
	if !ok || p.Method != "LLM" || p.Model == "" || p.Confidence < 0 || p.Confidence > 1 {
		t.Errorf("invalid proposal: %+v", p)
	}
}
