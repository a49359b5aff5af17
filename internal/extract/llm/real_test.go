//go:build llm

package llm_test

// The real-model test: `make test-llm` serves a small local model and runs
// it with RODEDRAAD_LLM_URL set. It checks the plumbing, not the quality:
// requests accepted, answers parsed or failing per chunk, every item
// grounded, and a re-run served from the cache.

import (
	"context"
	"errors"
	"net/http"
	"os"
	"reflect"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rodedraad/rodedraad/internal/chat"
	"github.com/rodedraad/rodedraad/internal/extract"
	"github.com/rodedraad/rodedraad/internal/extract/llm"
)

// counting counts the HTTP requests that pass through it.
type counting struct{ n atomic.Int64 }

func (c *counting) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return http.DefaultTransport.RoundTrip(r)
}

// MustRealClient returns a client for the endpoint in the environment,
// caching in dir and counting its requests in n.
func MustRealClient(tb testing.TB, dir string, n *counting) *chat.Client {
	tb.Helper()
	cfg, on, err := chat.FromEnv(os.Getenv, dir)
	if err != nil || !on {
		tb.Fatalf("set %s (make test-llm does): on %v, %v", chat.EnvURL, on, err)
	}
	cfg.HTTP = &http.Client{Transport: n, Timeout: 10 * time.Minute}
	c, err := chat.New(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// realVocabulary is a few of the graph's themes and actors.
var realVocabulary = extract.Vocabulary{
	Themes: []extract.Theme{
		{ID: "T1", Name: "Energie en klimaat", Description: "Energietransitie, CO2-reductie, klimaatbeleid"},
		{ID: "T5", Name: "Circulaire economie", Description: "Grondstoffen, hergebruik, recycling"},
		{ID: "T7", Name: "Internationale samenwerking", Description: "Klimaatfinanciering, ontwikkelingslanden"},
	},
	Actors: []extract.Actor{
		{ID: "A-KAB", Name: "Kabinet", Aliases: []string{"het kabinet", "Nederland"}},
		{ID: "A-EU", Name: "Europese Unie", Aliases: []string{"EU"}},
	},
}

func TestExtractor_realModel(t *testing.T) {
	raw, err := os.ReadFile("../testdata/devset/nl-klimaatstrategie.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := extract.Text{DocumentID: "nl-klimaatstrategie", Language: "nl", Content: string(raw)}
	dir, n := t.TempDir(), &counting{}
	x := llm.New(MustRealClient(t, dir, n), llm.Options{ChunkRunes: 1500, MaxTokens: 512})
	start := time.Now()
	res, err := x.Extract(context.Background(), text, realVocabulary)
	took := time.Since(start)
	assertPlumbing(t, text, res, err)
	t.Logf("FIGURES extract: %d runes, %d requests, %d items, %d dropped, %d failed chunks, %d tokens, %s",
		len([]rune(text.Content)), n.n.Load(), len(res.Items), res.Dropped, len(res.Failures), res.Tokens, took.Round(time.Second))
	for _, c := range res.Items {
		t.Logf("item %s p%d [%d,%d) %.2f themes %v: %q", c.Kind, c.Page, c.Start, c.End, c.Confidence, c.Themes, c.Quote)
	}
	for _, f := range res.Failures {
		t.Logf("failure: %v", f)
	}

	calls := n.n.Load()
	again, err := llm.New(MustRealClient(t, dir, n), llm.Options{ChunkRunes: 1500, MaxTokens: 512}).Extract(context.Background(), text, realVocabulary)
	if n.n.Load() != calls+int64(len(res.Failures)) {
		t.Errorf("re-run made %d requests, want one per failed chunk (%d): answers should come from the cache", n.n.Load()-calls, len(res.Failures))
	}
	if !reflect.DeepEqual(res.Items, again.Items) || res.Dropped != again.Dropped || res.Tokens != again.Tokens {
		t.Errorf("re-run from the cache differs (%v):\n%+v\n%+v", err, res, again)
	}
}

// assertPlumbing checks what any model must give: chunk failures only of
// the per-chunk kinds, and every item the text's own words.
func assertPlumbing(t *testing.T, text extract.Text, res extract.Result, err error) {
	t.Helper()
	if err != nil && len(res.Failures) == 0 {
		t.Fatalf("the endpoint failed: %v", err)
	}
	for _, f := range res.Failures {
		if !errors.Is(f, chat.ErrBadJSON) && !errors.Is(f, chat.ErrRefused) && !errors.Is(f, llm.ErrShape) {
			t.Errorf("a chunk failed for another reason than its answer: %v", f)
		}
	}
	rs := []rune(text.Content)
	for _, c := range res.Items {
		if c.Start < 0 || c.End > len(rs) || c.Start >= c.End || string(rs[c.Start:c.End]) != c.Quote {
			t.Errorf("item not grounded: %+v", c)
		}
		if c.Method != "LLM" || c.Extractor != llm.Name || c.Model == "" || c.Confidence < extract.GroundMinSimilarity {
			t.Errorf("item metadata: %+v", c)
		}
	}
}
