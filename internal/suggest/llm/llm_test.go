package llm_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/chat"
	"github.com/rodedraad/rodedraad/internal/chat/chattest"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/suggest"
	"github.com/rodedraad/rodedraad/internal/suggest/llm"
)

var (
	recNL = suggest.Rec{ID: "r1", Document: "rli-2024", Language: "nl", Title: "Halveer stikstof",
		Text: "Wij adviseren de uitstoot van stikstof in de IJmond voor 2030 te halveren."}
	recEN = suggest.Rec{ID: "r2", Document: "tata-2023", Language: "en", Title: "Halve nitrogen",
		Text: "Tata Steel should halve its nitrogen emissions\nby 2030."}
)

// MustJudge returns a judge against srv.
func MustJudge(tb testing.TB, srv *chattest.Server) *llm.Judge {
	tb.Helper()
	c, err := chat.New(chat.Config{URL: srv.URL(), Model: "klein-model"})
	if err != nil {
		tb.Fatal(err)
	}
	return llm.New(c, 256)
}

// verdict is a model answer as JSON.
func verdict(reason, relation, score, similarity, confidence string) string {
	return `{"reason":"` + reason + `","relation":"` + relation + `","score":` + score +
		`,"similarity":` + similarity + `,"confidence":` + confidence + `}`
}

func TestJudge_Judge(t *testing.T) {
	tests := []struct {
		name    string
		answer  string
		want    suggest.Proposal // zero Type: no proposal
		wantErr error
	}{
		{"OK overlaps", verdict("Beide vragen om halvering van stikstof.", "OVERLAPS", "0", "0.9", "0.8"),
			suggest.Proposal{Type: "OVERLAPS", Similarity: 0.9, Confidence: 0.8}, nil},
		{"OK supports", verdict("A helpt B.", "SUPPORTS", "2", "0", "0.7"),
			suggest.Proposal{Type: "SUPPORTS", Score: 2, Confidence: 0.7}, nil},
		{"OK conflicts", verdict("A maakt B onmogelijk.", "CONFLICTS_WITH", "-3", "0", "0.6"),
			suggest.Proposal{Type: "CONFLICTS_WITH", Score: -3, Confidence: 0.6}, nil},
		{"OK unrelated", verdict("", "UNRELATED", "0", "0", "0.9"), suggest.Proposal{}, nil},
		{"ErrSupportsScore", verdict("x", "SUPPORTS", "4", "0", "0.7"), suggest.Proposal{}, llm.ErrAnswer},
		{"ErrSupportsZero", verdict("x", "SUPPORTS", "0", "0", "0.7"), suggest.Proposal{}, llm.ErrAnswer},
		{"ErrConflictSign", verdict("x", "CONFLICTS_WITH", "1", "0", "0.7"), suggest.Proposal{}, llm.ErrAnswer},
		{"ErrSimilarity", verdict("x", "OVERLAPS", "0", "1.5", "0.7"), suggest.Proposal{}, llm.ErrAnswer},
		{"ErrRelation", verdict("x", "MAYBE", "0", "0", "0.7"), suggest.Proposal{}, llm.ErrAnswer},
		{"ErrConfidence", verdict("x", "SUPPORTS", "1", "0", "2"), suggest.Proposal{}, llm.ErrAnswer},
		{"ErrNoReason", verdict(" ", "SUPPORTS", "1", "0", "0.5"), suggest.Proposal{}, llm.ErrAnswer},
		{"ErrScoreType", verdict("x", "SUPPORTS", `"2"`, "0", "0.5"), suggest.Proposal{}, llm.ErrAnswer},
		{"ErrMissing", `{"reason":"x","relation":"SUPPORTS"}`, suggest.Proposal{}, llm.ErrAnswer},
		{"ErrBadJSON", `{"reason":"x","rel`, suggest.Proposal{}, chat.ErrBadJSON},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := chattest.New(t, func(chattest.Request) chattest.Reply { return chattest.Reply{Content: tt.answer} })
			got, err := MustJudge(t, srv).Judge(context.Background(), recNL, recEN)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) || len(got) != 0 || !strings.Contains(err.Error(), "r1–r2") {
					t.Fatalf("Judge = %+v, %v; want %v", got, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			assertProposal(t, got, tt.want)
		})
	}
}

// assertProposal checks got holds want (or nothing), from r1 to r2, with
// a rationale that quotes both texts.
func assertProposal(t *testing.T, got []suggest.Proposal, want suggest.Proposal) {
	t.Helper()
	if want.Type == "" {
		if len(got) != 0 {
			t.Errorf("proposals = %+v, want none", got)
		}
		return
	}
	if len(got) != 1 {
		t.Fatalf("proposals = %+v, want one", got)
	}
	p := got[0]
	if p.Type != want.Type || p.Score != want.Score || p.Similarity != want.Similarity || p.Confidence != want.Confidence ||
		p.From != "r1" || p.To != "r2" || p.Method != "LLM" || p.Model != "klein-model" {
		t.Errorf("proposal = %+v, want %+v", p, want)
	}
	for _, w := range []string{"“Wij adviseren de uitstoot van stikstof in de IJmond voor 2030 te halveren.”",
		"“Tata Steel should halve its nitrogen emissions by 2030.”", "rli-2024", "tata-2023"} {
		if !strings.Contains(p.Rationale, w) {
			t.Errorf("rationale %q lacks %q", p.Rationale, w)
		}
	}
}

func TestJudge_Judge_request(t *testing.T) {
	srv := chattest.New(t, func(chattest.Request) chattest.Reply {
		return chattest.Reply{Content: verdict("x", "SUPPORTS", "1", "0", "0.5")}
	})
	if _, err := MustJudge(t, srv).Judge(context.Background(), recNL, recEN); err != nil {
		t.Fatal(err)
	}
	b := srv.Requests()[0].Body
	sys, user := b.Messages[0].Content, b.Messages[1].Content
	for _, w := range []string{"+3 indivisible", "+2 reinforcing", "+1 enabling", "-1 constraining", "-2 counteracting", "-3 cancelling", "Dutch or in English"} {
		if !strings.Contains(sys, w) {
			t.Errorf("system prompt lacks %q", w)
		}
	}
	for _, w := range []string{recNL.Text, recEN.Text, "language en", "Title: Halveer stikstof"} {
		if !strings.Contains(user, w) {
			t.Errorf("user message lacks %q:\n%s", w, user)
		}
	}
	if b.ResponseFormat["type"] != "json_schema" || b.MaxTokens != 256 || *b.Temperature != 0 {
		t.Errorf("response_format %v max_tokens %d temperature %v", b.ResponseFormat, b.MaxTokens, *b.Temperature)
	}
}

func TestJudge_Judge_errors(t *testing.T) {
	t.Run("ErrRefused", func(t *testing.T) {
		srv := chattest.New(t, func(chattest.Request) chattest.Reply { return chattest.Reply{Refusal: "Nee."} })
		if _, err := MustJudge(t, srv).Judge(context.Background(), recNL, recEN); !errors.Is(err, chat.ErrRefused) {
			t.Errorf("err = %v", err)
		}
	})
	bad := []struct {
		name string
		a, b suggest.Rec
		want string
	}{
		{"ErrSelf", recNL, recNL, "against itself"},
		{"ErrNoID", suggest.Rec{Text: "x"}, recEN, "no id"},
		{"ErrNoText", recNL, suggest.Rec{ID: "r3"}, "neither title nor text"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			srv := chattest.New(t, func(chattest.Request) chattest.Reply { return chattest.Reply{} })
			_, err := MustJudge(t, srv).Judge(context.Background(), tt.a, tt.b)
			if rodedraad.ErrorCode(err) != rodedraad.EINVALID || !strings.Contains(err.Error(), tt.want) || len(srv.Requests()) != 0 {
				t.Errorf("err = %v after %d requests", err, len(srv.Requests()))
			}
		})
	}
}

func TestJudge_Name(t *testing.T) {
	if got := llm.New(nil, 0).Name(); got != "llm/1" {
		t.Errorf("Name() = %q", got)
	}
}
