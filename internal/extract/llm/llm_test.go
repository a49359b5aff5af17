package llm_test

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/chat"
	"github.com/rodedraad/rodedraad/internal/chat/chattest"
	"github.com/rodedraad/rodedraad/internal/extract"
	"github.com/rodedraad/rodedraad/internal/extract/llm"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// The test document: two pages with PDF-like layout.
var pages = []string{
	"Samenvatting\n\nDe regio IJmond staat voor een grote opgave. Wij adviseren het kabinet om samen met Tata Steel de uitstoot van stikstof\n" +
		"te halveren voor 2030. Gemeente Velsen zal een gezondheids-\nonderzoek laten uitvoeren.\n",
	"Uit het onderzoek blijkt dat de luchtkwaliteit in Wijk aan Zee slechter is dan elders. De provincie streeft naar schone lucht in 2035.\n",
}

var vocabulary = extract.Vocabulary{
	Themes: []extract.Theme{
		{ID: "energie", Name: "Energietransitie", Description: "Van fossiel naar duurzaam"},
		{ID: "gezondheid", Name: "Gezondheid", Description: "Lucht, geluid en gezondheid van omwonenden"},
	},
	Actors: []extract.Actor{
		{ID: "tata", Name: "Tata Steel", Aliases: []string{"Tata Steel IJmuiden"}},
		{ID: "rijk", Name: "Rijksoverheid", Aliases: []string{"het kabinet", "EZ"}},
		{ID: "velsen", Name: "Gemeente Velsen", Aliases: []string{"Velsen"}},
	},
}

// MustText returns the test document with its page spans.
func MustText(tb testing.TB) extract.Text {
	tb.Helper()
	t := extract.Text{DocumentID: "doc-1", Language: "nl"}
	for _, p := range pages {
		start := len([]rune(t.Content))
		t.Content += p
		t.Pages = append(t.Pages, extract.Span{Start: start, End: start + len([]rune(p))})
	}
	return t
}

// answers replies to each chunk by what its text holds, as a model would.
func answers(tb testing.TB) func(chattest.Request) chattest.Reply {
	return func(r chattest.Request) chattest.Reply {
		text := r.Body.Messages[len(r.Body.Messages)-1].Content
		var items []map[string]any
		if strings.Contains(text, "Samenvatting") {
			items = []map[string]any{
				it("Wij adviseren het kabinet om samen met Tata Steel de uitstoot van stikstof te halveren voor 2030.", "RECOMMENDATION",
					[]string{"energie", "klimaat"}, []string{"tata", "rijk", "velsen", "niemand"}, []string{"rijk", "velsen"}),
				it("Gemeente Velsen zal een gezondheidsonderzoek laten uitvoeren.", "COMMITMENT", []string{"gezondheid"}, []string{"velsen"}, nil),
				it("Tata Steel sluit de hoogovens in het jaar 2026 definitief.", "CONCLUSION", nil, []string{"tata"}, nil),
				it("De regio IJmond staat voor een grote opgave.", "BACKGROUND", nil, nil, nil),
				it("Samenvatting", "GOAL", nil, nil, nil),
			}
		} else {
			items = []map[string]any{
				it("Uit het onderzoek blijkt dat de luchtkwaliteit in Wijk aan Zee slechter is dan elders.", "CONCLUSION", []string{"gezondheid"}, nil, nil),
				it("Uit het onderzoek blijkt dat de luchtkwaliteit in Wijk aan Zee slechter is dan elders.", "GOAL", nil, nil, nil),
				it("Wij adviseren het kabinet om samen met Tata Steel de uitstoot van stikstof te halveren voor 2030.", "RECOMMENDATION", nil, nil, nil),
			}
		}
		return chattest.Reply{Content: chattest.JSON(tb, map[string]any{"items": items}), Usage: chat.Usage{TotalTokens: 100}}
	}
}

func it(quote, kind string, themes, actors, addressees []string) map[string]any {
	return map[string]any{"quote": quote, "kind": kind, "themes": themes, "actors": actors, "addressees": addressees}
}

// MustExtractor returns an extractor against srv in json_object mode.
func MustExtractor(tb testing.TB, srv *chattest.Server, cacheDir string, opts llm.Options) *llm.Extractor {
	tb.Helper()
	c, err := chat.New(chat.Config{URL: srv.URL(), Model: "klein-model", Key: "sk-test", JSONMode: chat.JSONObject, CacheDir: cacheDir})
	if err != nil {
		tb.Fatal(err)
	}
	return llm.New(c, opts)
}

func TestExtractor_Extract(t *testing.T) {
	srv := chattest.New(t, answers(t))
	text := MustText(t)
	res, err := MustExtractor(t, srv, "", llm.Options{MaxTokens: 512}).Extract(context.Background(), text, vocabulary)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("OK requests", func(t *testing.T) { assertRequests(t, srv.Requests()) })
	t.Run("OK items grounded", func(t *testing.T) {
		want := []extract.Candidate{
			{Quote: "Wij adviseren het kabinet om samen met Tata Steel de uitstoot van stikstof\nte halveren voor 2030.", Page: 1,
				Kind: "RECOMMENDATION", Themes: []string{"energie"}, Actors: []string{"tata", "rijk"}, Addressees: []string{"rijk"}},
			{Quote: "Gemeente Velsen zal een gezondheids-\nonderzoek laten uitvoeren.", Page: 1,
				Kind: "COMMITMENT", Themes: []string{"gezondheid"}, Actors: []string{"velsen"}},
			{Quote: "Uit het onderzoek blijkt dat de luchtkwaliteit in Wijk aan Zee slechter is dan elders.", Page: 2,
				Kind: "CONCLUSION", Themes: []string{"gezondheid"}},
		}
		if len(res.Items) != len(want) {
			t.Fatalf("%d items, want %d: %+v", len(res.Items), len(want), res.Items)
		}
		for i, w := range want {
			assertCandidate(t, text, res.Items[i], w)
		}
	})
	t.Run("OK counts", func(t *testing.T) {
		// Dropped: an invented quote, an unknown kind, a heading, and page
		// 1's quote in page 2's answer (grounding is per chunk).
		if res.Dropped != 4 || len(res.Failures) != 0 || res.Tokens != 200 {
			t.Errorf("dropped %d failures %v tokens %d", res.Dropped, res.Failures, res.Tokens)
		}
	})
}

// assertRequests checks the two requests, one per page.
func assertRequests(t *testing.T, reqs []chattest.Request) {
	t.Helper()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want one per page", len(reqs))
	}
	for _, r := range reqs {
		b := r.Body
		if b.Model != "klein-model" || b.Temperature == nil || *b.Temperature != 0 || b.Seed == nil || b.MaxTokens != 512 {
			t.Errorf("model %q temperature %v seed %v max_tokens %d", b.Model, b.Temperature, b.Seed, b.MaxTokens)
		}
		if r.Header.Get("Authorization") != "Bearer sk-test" {
			t.Errorf("Authorization = %q", r.Header.Get("Authorization"))
		}
		sys := b.Messages[0].Content
		for _, w := range []string{"usually\nDutch", "VERBATIM", "energie: Energietransitie — Van fossiel naar duurzaam", "rijk: Rijksoverheid, het kabinet, EZ"} {
			if !strings.Contains(sys, w) {
				t.Errorf("system prompt lacks %q", w)
			}
		}
		s, _ := json.Marshal(b.ResponseFormat["schema"])
		if b.ResponseFormat["type"] != "json_object" || !strings.Contains(string(s), `"enum":["energie","gezondheid"]`) {
			t.Errorf("response_format = %v", b.ResponseFormat)
		}
	}
	if u := reqs[1].Body.Messages[1].Content; !strings.Contains(u, "page 2") || !strings.Contains(u, "Wijk aan Zee") || strings.Contains(u, "Samenvatting") {
		t.Errorf("second chunk = %q", u)
	}
}

// assertCandidate checks got against w and that its quote is the text's.
func assertCandidate(t *testing.T, text extract.Text, got, w extract.Candidate) {
	t.Helper()
	if got.Quote != w.Quote || string([]rune(text.Content)[got.Start:got.End]) != got.Quote {
		t.Errorf("quote %q at [%d,%d), want %q", got.Quote, got.Start, got.End, w.Quote)
	}
	if got.Page != w.Page || got.Kind != w.Kind || !reflect.DeepEqual(got.Themes, w.Themes) ||
		!reflect.DeepEqual(got.Actors, w.Actors) || !reflect.DeepEqual(got.Addressees, w.Addressees) {
		t.Errorf("got page %d %s themes %v actors %v addressees %v\nwant page %d %s themes %v actors %v addressees %v",
			got.Page, got.Kind, got.Themes, got.Actors, got.Addressees, w.Page, w.Kind, w.Themes, w.Actors, w.Addressees)
	}
	if got.Method != "LLM" || got.Extractor != "llm/1" || got.Model != "klein-model" || got.Confidence < extract.GroundMinSimilarity {
		t.Errorf("method %q extractor %q model %q confidence %.2f", got.Method, got.Extractor, got.Model, got.Confidence)
	}
}

func TestExtractor_Extract_failures(t *testing.T) {
	t.Run("OK per chunk", func(t *testing.T) {
		srv := chattest.New(t, func(r chattest.Request) chattest.Reply {
			text := r.Body.Messages[1].Content
			switch {
			case strings.Contains(text, "Samenvatting"):
				return chattest.Reply{Refusal: "Ik kan hier niet mee helpen."}
			case strings.Contains(text, "Wij adviseren"):
				return chattest.Reply{Content: `{"items": [{"quote": "Wij adv`, FinishReason: "length"}
			case strings.Contains(text, "Gemeente Velsen"):
				return chattest.Reply{Content: `[{"quote": "Gemeente Velsen"}]`}
			}
			return answers(t)(r)
		})
		res, err := MustExtractor(t, srv, "", llm.Options{ChunkRunes: 130}).Extract(context.Background(), MustText(t), vocabulary)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Failures) != 3 || !errors.Is(res.Failures[0], chat.ErrRefused) || !errors.Is(res.Failures[1], chat.ErrBadJSON) || !errors.Is(res.Failures[2], llm.ErrShape) {
			t.Fatalf("failures = %v", res.Failures)
		}
		for i, w := range []string{"chunk 1 of 5 (page 1", "chunk 2 of 5", "chunk 3 of 5 (page 1"} {
			if !strings.Contains(res.Failures[i].Error(), w) {
				t.Errorf("failure %d = %q, lacks %q", i, res.Failures[i], w)
			}
		}
		if len(res.Items) != 1 || res.Items[0].Page != 2 {
			t.Errorf("items = %+v", res.Items)
		}
	})
	t.Run("ErrEveryChunk", func(t *testing.T) {
		srv := chattest.New(t, func(chattest.Request) chattest.Reply { return chattest.Reply{Content: "geen JSON"} })
		res, err := MustExtractor(t, srv, "", llm.Options{}).Extract(context.Background(), MustText(t), vocabulary)
		if rodedraad.ErrorCode(err) != rodedraad.EUNAVAILABLE || len(res.Failures) != 2 || !strings.Contains(err.Error(), "doc-1") {
			t.Errorf("err %v, failures %v", err, res.Failures)
		}
	})
	t.Run("ErrUnauthorized", func(t *testing.T) {
		srv := chattest.New(t, func(chattest.Request) chattest.Reply {
			return chattest.Reply{Status: 401, Raw: `{"error":{"message":"invalid key"}}`}
		})
		_, err := MustExtractor(t, srv, "", llm.Options{}).Extract(context.Background(), MustText(t), vocabulary)
		if rodedraad.ErrorCode(err) != rodedraad.EINVALID || !strings.Contains(err.Error(), "401") || len(srv.Requests()) != 1 {
			t.Errorf("err %v after %d requests; want a 401 error after the first", err, len(srv.Requests()))
		}
	})
	t.Run("OK empty text", func(t *testing.T) {
		srv := chattest.New(t, answers(t))
		res, err := MustExtractor(t, srv, "", llm.Options{}).Extract(context.Background(), extract.Text{Language: "nl"}, vocabulary)
		if err != nil || len(res.Items) != 0 || len(srv.Requests()) != 0 {
			t.Errorf("res %+v err %v requests %d", res, err, len(srv.Requests()))
		}
	})
}

func TestExtractor_Extract_cache(t *testing.T) {
	srv := chattest.New(t, answers(t))
	dir := t.TempDir()
	first, err := MustExtractor(t, srv, dir, llm.Options{}).Extract(context.Background(), MustText(t), vocabulary)
	if err != nil {
		t.Fatal(err)
	}
	calls := len(srv.Requests())
	second, err := MustExtractor(t, srv, dir, llm.Options{}).Extract(context.Background(), MustText(t), vocabulary)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(srv.Requests()); n != calls {
		t.Errorf("second run made %d HTTP calls, want none", n-calls)
	}
	if !reflect.DeepEqual(first, second) || len(first.Items) == 0 {
		t.Errorf("second run differs:\n%+v\n%+v", first, second)
	}
}

func TestExtractor_Name(t *testing.T) {
	if got := llm.New(nil, llm.Options{}).Name(); got != "llm/1" {
		t.Errorf("Name() = %q", got)
	}
}
