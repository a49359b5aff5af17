package chat_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/chat"
	"github.com/rodedraad/rodedraad/internal/chat/chattest"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

const secret = "sk-geheim-123"

var schema = json.RawMessage(`{"type":"object","properties":{"ok":{"type":"boolean"}},"required":["ok"],"additionalProperties":false}`)

// MustClient returns a client for url, failing the test on error.
func MustClient(tb testing.TB, cfg chat.Config) *chat.Client {
	tb.Helper()
	c, err := chat.New(cfg)
	if err != nil {
		tb.Fatalf("chat.New: %v", err)
	}
	return c
}

// reply answers every request with content.
func reply(content string) func(chattest.Request) chattest.Reply {
	return func(chattest.Request) chattest.Reply {
		return chattest.Reply{Content: content, Usage: chat.Usage{PromptTokens: 10, CompletionTokens: 3, TotalTokens: 13}}
	}
}

// ask sends one schema request with a Dutch message.
func ask(c *chat.Client) (chat.Response, error) {
	return c.Complete(context.Background(), chat.Request{
		Messages:   []chat.Message{{Role: "system", Content: "Antwoord in JSON."}, {Role: "user", Content: "Klopt dit?"}},
		Schema:     schema,
		SchemaName: "antwoord",
		MaxTokens:  64,
	})
}

func TestClient_Complete(t *testing.T) {
	t.Run("OK json_schema", func(t *testing.T) {
		srv := chattest.New(t, reply(`{"ok":true}`))
		res, err := ask(MustClient(t, chat.Config{URL: srv.URL(), Model: "m1", Key: secret}))
		if err != nil {
			t.Fatal(err)
		}
		if res.Content != `{"ok":true}` || res.Usage.TotalTokens != 13 || res.Cached || res.Model != "m1" {
			t.Errorf("response = %+v", res)
		}
		r := srv.Requests()[0]
		assertWellFormed(t, r, "m1")
		if got := r.Header.Get("Authorization"); got != "Bearer "+secret {
			t.Errorf("Authorization = %q", got)
		}
		rf := r.Body.ResponseFormat
		js, _ := rf["json_schema"].(map[string]any)
		if rf["type"] != "json_schema" || js["name"] != "antwoord" || js["strict"] != true || js["schema"] == nil {
			t.Errorf("response_format = %v", rf)
		}
	})
	t.Run("OK json_object", func(t *testing.T) {
		srv := chattest.New(t, reply(`{"ok":false}`))
		if _, err := ask(MustClient(t, chat.Config{URL: srv.URL(), Model: "m1", JSONMode: chat.JSONObject})); err != nil {
			t.Fatal(err)
		}
		r := srv.Requests()[0]
		assertWellFormed(t, r, "m1")
		rf := r.Body.ResponseFormat
		if rf["type"] != "json_object" || rf["schema"] == nil || rf["json_schema"] != nil {
			t.Errorf("response_format = %v", rf)
		}
		if h := r.Header.Get("Authorization") + r.Header.Get("api-key"); h != "" {
			t.Errorf("credentials sent without a key: %q", h)
		}
	})
	t.Run("OK Azure", func(t *testing.T) {
		srv := chattest.New(t, reply(`{"ok":true}`))
		url := strings.TrimSuffix(srv.URL(), "/v1") + "/openai/deployments/gpt4o?api-version=2024-10-21"
		if _, err := ask(MustClient(t, chat.Config{URL: url, Model: "gpt4o", Key: secret})); err != nil {
			t.Fatal(err)
		}
		r := srv.Requests()[0]
		if r.Path != "/openai/deployments/gpt4o/chat/completions" || r.Query != "api-version=2024-10-21" {
			t.Errorf("path %q query %q", r.Path, r.Query)
		}
		if r.Header.Get("api-key") != secret || r.Header.Get("Authorization") != "" {
			t.Errorf("Azure headers: api-key %q Authorization %q", r.Header.Get("api-key"), r.Header.Get("Authorization"))
		}
	})
	t.Run("OK raw line break repaired", func(t *testing.T) {
		srv := chattest.New(t, reply("{\"ok\": true,\n \"why\": \"regel 1\nregel\t2 \\\"x\\\"\"}"))
		res, err := ask(MustClient(t, chat.Config{URL: srv.URL(), Model: "m1"}))
		if err != nil {
			t.Fatal(err)
		}
		var v struct{ Why string }
		if err := json.Unmarshal([]byte(res.Content), &v); err != nil || v.Why != "regel 1\nregel\t2 \"x\"" {
			t.Errorf("content %q: why %q, %v", res.Content, v.Why, err)
		}
	})
	t.Run("OK free text", func(t *testing.T) {
		srv := chattest.New(t, reply("gewoon tekst"))
		c := MustClient(t, chat.Config{URL: srv.URL(), Model: "m1"})
		res, err := c.Complete(context.Background(), chat.Request{Messages: []chat.Message{{Role: "user", Content: "Hoi"}}})
		if err != nil || res.Content != "gewoon tekst" {
			t.Fatalf("Complete = %+v, %v", res, err)
		}
		if srv.Requests()[0].Body.ResponseFormat != nil {
			t.Error("response_format sent without a schema")
		}
	})
}

// assertWellFormed checks what every request must carry.
func assertWellFormed(t *testing.T, r chattest.Request, model string) {
	t.Helper()
	b := r.Body
	if r.Path != "/v1/chat/completions" {
		t.Errorf("path = %q", r.Path)
	}
	if b.Model != model || len(b.Messages) != 2 || b.Messages[0].Role != "system" || b.Messages[1].Content != "Klopt dit?" {
		t.Errorf("model/messages = %q %+v", b.Model, b.Messages)
	}
	if b.Temperature == nil || *b.Temperature != 0 {
		t.Errorf("temperature = %v, want an explicit 0", b.Temperature)
	}
	if b.Seed == nil || *b.Seed != chat.DefaultSeed || b.MaxTokens != 64 {
		t.Errorf("seed = %v, max_tokens = %d", b.Seed, b.MaxTokens)
	}
	if r.Header.Get("Content-Type") != "application/json" {
		t.Errorf("Content-Type = %q", r.Header.Get("Content-Type"))
	}
}

func TestClient_Complete_errors(t *testing.T) {
	tests := []struct {
		name  string
		reply chattest.Reply
		is    error
		code  string
		want  []string
	}{
		{"ErrUnauthorized", chattest.Reply{Status: 401, Raw: `{"error":{"message":"Incorrect API key provided"}}`},
			nil, rodedraad.EINVALID, []string{"/v1/chat/completions", "401 Unauthorized", "Incorrect API key", "RODEDRAAD_LLM_KEY"}},
		{"ErrServer", chattest.Reply{Status: 500, Raw: `upstream crashed`},
			nil, rodedraad.EUNAVAILABLE, []string{"/v1/chat/completions", "500 Internal Server Error", "upstream crashed", "retry later"}},
		{"ErrNotFound", chattest.Reply{Status: 404, Raw: `{"error":{"message":"model not found"}}`},
			nil, rodedraad.EINVALID, []string{"404", "RODEDRAAD_LLM_MODEL"}},
		{"ErrBadRequest", chattest.Reply{Status: 400, Raw: `{"error":{"message":"json_schema unsupported"}}`},
			nil, rodedraad.EINVALID, []string{"400", "RODEDRAAD_LLM_JSON_MODE=json_object"}},
		{"ErrRefusal", chattest.Reply{Refusal: "I can't help with that."}, chat.ErrRefused, "", []string{"can't help"}},
		{"ErrContentFilter", chattest.Reply{Content: `{"ok":`, FinishReason: "content_filter"}, chat.ErrRefused, "", []string{"content filter"}},
		{"ErrBadJSON", chattest.Reply{Content: `{"ok": tru`}, chat.ErrBadJSON, "", []string{`{\"ok\": tru`}},
		{"ErrCutOff", chattest.Reply{Content: `{"ok": tr`, FinishReason: "length", Usage: chat.Usage{CompletionTokens: 64}},
			chat.ErrBadJSON, "", []string{"token limit", "64"}},
		{"ErrNotACompletion", chattest.Reply{Raw: `<html>proxy</html>`}, nil, rodedraad.EUNAVAILABLE, []string{"not a chat completion"}},
		{"ErrNoChoices", chattest.Reply{Raw: `{"choices":[]}`}, nil, rodedraad.EUNAVAILABLE, []string{"no choices"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := chattest.New(t, func(chattest.Request) chattest.Reply { return tt.reply })
			_, err := ask(MustClient(t, chat.Config{URL: srv.URL() + "?token=" + secret, Model: "m1", Key: secret}))
			assertErr(t, err, tt.is, tt.code, tt.want)
		})
	}
	t.Run("ErrUnreachable", func(t *testing.T) {
		srv := chattest.New(t, reply(`{}`))
		url := srv.URL()
		c := MustClient(t, chat.Config{URL: url, Model: "m1"})
		srv.Close()
		_, err := ask(c)
		assertErr(t, err, nil, rodedraad.EUNAVAILABLE, []string{url, "cannot be reached", "RODEDRAAD_LLM_URL"})
	})
}

// assertErr checks err's sentinel or code and that its message holds every
// want and never the secret.
func assertErr(t *testing.T, err error, is error, code string, want []string) {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	if is != nil && !errors.Is(err, is) {
		t.Errorf("error %v is not %v", err, is)
	}
	if code != "" && rodedraad.ErrorCode(err) != code {
		t.Errorf("code = %s, want %s (%v)", rodedraad.ErrorCode(err), code, err)
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q lacks %q", err, w)
		}
	}
	if strings.Contains(err.Error(), secret) {
		t.Errorf("error leaks the key: %q", err)
	}
}

func TestClient_Complete_cache(t *testing.T) {
	t.Run("OK hit", func(t *testing.T) {
		srv := chattest.New(t, reply(`{"ok":true}`))
		cfg := chat.Config{URL: srv.URL(), Model: "m1", CacheDir: t.TempDir()}
		first, err := ask(MustClient(t, cfg))
		if err != nil {
			t.Fatal(err)
		}
		second, err := ask(MustClient(t, cfg))
		if err != nil {
			t.Fatal(err)
		}
		if n := len(srv.Requests()); n != 1 {
			t.Errorf("%d HTTP calls, want 1", n)
		}
		if !second.Cached || first.Cached || second.Content != first.Content || second.Usage != first.Usage {
			t.Errorf("first %+v second %+v", first, second)
		}
	})
	t.Run("OK other model misses", func(t *testing.T) {
		srv := chattest.New(t, reply(`{"ok":true}`))
		dir := t.TempDir()
		ask(MustClient(t, chat.Config{URL: srv.URL(), Model: "m1", CacheDir: dir}))
		res, _ := ask(MustClient(t, chat.Config{URL: srv.URL(), Model: "m2", CacheDir: dir}))
		if res.Cached || len(srv.Requests()) != 2 {
			t.Errorf("cached %v after %d calls", res.Cached, len(srv.Requests()))
		}
	})
	t.Run("OK failures are not cached", func(t *testing.T) {
		calls := 0
		srv := chattest.New(t, func(chattest.Request) chattest.Reply {
			calls++
			if calls == 1 {
				return chattest.Reply{Content: "{broken"}
			}
			return chattest.Reply{Content: `{"ok":true}`}
		})
		c := MustClient(t, chat.Config{URL: srv.URL(), Model: "m1", CacheDir: t.TempDir()})
		if _, err := ask(c); !errors.Is(err, chat.ErrBadJSON) {
			t.Fatalf("first: %v", err)
		}
		if res, err := ask(c); err != nil || res.Cached {
			t.Fatalf("second: %+v, %v", res, err)
		}
	})
}

func TestNew(t *testing.T) {
	tests := []struct {
		name string
		cfg  chat.Config
		want string
	}{
		{"ErrNoURL", chat.Config{Model: "m"}, "RODEDRAAD_LLM_URL"},
		{"ErrNotHTTP", chat.Config{URL: "ftp://x/v1", Model: "m"}, "not an http(s) URL"},
		{"ErrNoHost", chat.Config{URL: "http:///v1", Model: "m"}, "not an http(s) URL"},
		{"ErrNoModel", chat.Config{URL: "http://127.0.0.1:1/v1"}, "RODEDRAAD_LLM_MODEL"},
		{"ErrJSONMode", chat.Config{URL: "http://127.0.0.1:1/v1", Model: "m", JSONMode: "grammar"}, `"grammar" is unknown`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := chat.New(tt.cfg)
			assertErr(t, err, nil, rodedraad.EINVALID, []string{tt.want})
		})
	}
	t.Run("OK", func(t *testing.T) {
		c := MustClient(t, chat.Config{URL: "http://127.0.0.1:1/v1/", Model: "m"})
		if c.Model() != "m" {
			t.Errorf("Model() = %q", c.Model())
		}
	})
}

func TestFromEnv(t *testing.T) {
	env := func(kv map[string]string) func(string) string { return func(k string) string { return kv[k] } }
	t.Run("OK off", func(t *testing.T) {
		if _, on, err := chat.FromEnv(env(nil), ".data"); on || err != nil {
			t.Errorf("on %v err %v", on, err)
		}
	})
	t.Run("OK on", func(t *testing.T) {
		cfg, on, err := chat.FromEnv(env(map[string]string{chat.EnvURL: "http://h/v1", chat.EnvModel: "m",
			chat.EnvKey: "k", chat.EnvJSONMode: "json_object", chat.EnvTimeout: "90s"}), ".data")
		if !on || err != nil || cfg.URL != "http://h/v1" || cfg.Model != "m" || cfg.Key != "k" ||
			cfg.JSONMode != "json_object" || cfg.Timeout.Seconds() != 90 || cfg.CacheDir != ".data/llm/cache" {
			t.Errorf("cfg %+v on %v err %v", cfg, on, err)
		}
	})
	t.Run("ErrTimeout", func(t *testing.T) {
		_, _, err := chat.FromEnv(env(map[string]string{chat.EnvURL: "http://h/v1", chat.EnvTimeout: "soon"}), "")
		assertErr(t, err, nil, rodedraad.EINVALID, []string{chat.EnvTimeout, "soon"})
	})
}
