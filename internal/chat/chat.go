// Package chat is a small client for OpenAI-compatible chat-completion
// endpoints: OpenAI, Azure OpenAI, Ollama, vLLM, LM Studio and llama.cpp's
// server. It asks for JSON that follows a schema, at temperature 0 with a
// fixed seed, and keeps every answer in an on-disk cache so that a re-run
// is reproducible and costs nothing.
package chat

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// JSON modes: how a request asks for schema-shaped output.
const (
	// JSONSchema sends OpenAI's structured-output form,
	// {"type":"json_schema","json_schema":{"name","strict":true,"schema"}}.
	JSONSchema = "json_schema"
	// JSONObject sends {"type":"json_object","schema":{...}}, the form
	// llama.cpp's server (and llama-cpp-python) turns into a grammar.
	JSONObject = "json_object"
)

// Defaults applied by New to a zero field.
const (
	DefaultSeed    = 42
	DefaultTimeout = 5 * time.Minute
)

// Config says where the endpoint is and how to talk to it.
type Config struct {
	// URL is the API's base URL, e.g. http://127.0.0.1:8000/v1 or
	// https://api.openai.com/v1; "/chat/completions" is appended. A URL
	// with an api-version query parameter is Azure OpenAI's deployment URL
	// (https://RES.openai.azure.com/openai/deployments/DEPLOYMENT?api-version=2024-10-21):
	// the key then goes in the api-key header instead of Authorization.
	URL      string
	Model    string // model (or Azure deployment) name, sent in every request
	Key      string // API key; empty sends no credentials (local servers)
	JSONMode string // JSONSchema (default) or JSONObject
	Seed     int    // sampling seed; 0 means DefaultSeed
	// Timeout bounds one HTTP exchange; 0 means DefaultTimeout.
	Timeout time.Duration
	// CacheDir keeps one file per answer; empty disables the cache.
	CacheDir string
	// HTTP is the client to use; nil means a new one with Timeout.
	HTTP *http.Client
}

// Message is one chat message; Role is "system", "user" or "assistant".
type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

// Request is one completion to ask for.
type Request struct {
	Messages []Message
	// Schema is the JSON schema the answer must follow; nil asks for
	// free text. SchemaName names it (OpenAI requires a name).
	Schema     json.RawMessage
	SchemaName string
	MaxTokens  int // 0 leaves the server's default
}

// Usage counts the tokens one completion used.
type Usage struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
	TotalTokens      int `json:"total_tokens"`
}

// Response is the model's answer.
type Response struct {
	Content      string // the answer; valid JSON when the Request had a Schema
	FinishReason string
	Usage        Usage
	Model        string // the model the server says answered
	Cached       bool   // the answer came from the cache, not the endpoint
}

// Errors a completion can end in besides HTTP and transport errors. A
// caller that processes a text in chunks fails only the chunk on these.
var (
	// ErrRefused: the model declined (a refusal, or a content filter).
	ErrRefused = errors.New("the model refused")
	// ErrBadJSON: the answer should be JSON and is not (often cut off).
	ErrBadJSON = errors.New("the model's answer is not valid JSON")
)

// Client sends chat completions to one endpoint.
type Client struct {
	cfg      Config
	endpoint string // URL + /chat/completions, query kept
	azure    bool
	http     *http.Client
	cache    *cache
}

// New validates cfg and returns a client. It fails with EINVALID when the
// URL or model is missing or malformed, or the JSON mode is unknown.
func New(cfg Config) (*Client, error) {
	cfg = withDefaults(cfg)
	if err := validate(cfg); err != nil {
		return nil, err
	}
	u, _ := url.Parse(cfg.URL) // validated above
	c := &Client{cfg: cfg, azure: u.Query().Has("api-version"), http: cfg.HTTP}
	u.Path = strings.TrimSuffix(u.Path, "/") + "/chat/completions"
	c.endpoint = u.String()
	if c.http == nil {
		c.http = &http.Client{Timeout: cfg.Timeout}
	}
	if cfg.CacheDir != "" {
		c.cache = &cache{dir: cfg.CacheDir}
	}
	return c, nil
}

// Model returns the configured model name.
func (c *Client) Model() string { return c.cfg.Model }

// withDefaults fills the zero fields that have a default.
func withDefaults(cfg Config) Config {
	if cfg.JSONMode == "" {
		cfg.JSONMode = JSONSchema
	}
	if cfg.Seed == 0 {
		cfg.Seed = DefaultSeed
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = DefaultTimeout
	}
	return cfg
}

// validate checks the fields New cannot default.
func validate(cfg Config) error {
	u, err := url.Parse(cfg.URL)
	switch {
	case cfg.URL == "":
		return rodedraad.Errorf(rodedraad.EINVALID, "chat: no endpoint URL: set RODEDRAAD_LLM_URL, e.g. http://127.0.0.1:8000/v1")
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
		return rodedraad.Errorf(rodedraad.EINVALID, "chat: endpoint URL %q is not an http(s) URL like http://127.0.0.1:8000/v1", redact(cfg.URL))
	case cfg.Model == "":
		return rodedraad.Errorf(rodedraad.EINVALID, "chat: no model: set RODEDRAAD_LLM_MODEL")
	case cfg.JSONMode != JSONSchema && cfg.JSONMode != JSONObject:
		return rodedraad.Errorf(rodedraad.EINVALID, "chat: JSON mode %q is unknown: use %s or %s", cfg.JSONMode, JSONSchema, JSONObject)
	}
	return nil
}

// Complete returns the model's answer to req, from the cache when it holds
// one. Errors: ErrRefused and ErrBadJSON (wrapped) for an answer that cannot
// be used; EINVALID for a request the endpoint rejects as the caller's fault
// (401, 403, 404, 400); EUNAVAILABLE for transport errors, 429 and 5xx.
// Only usable answers are cached.
func (c *Client) Complete(ctx context.Context, req Request) (Response, error) {
	body, err := json.Marshal(c.wireRequest(req))
	if err != nil {
		return Response{}, err
	}
	key := cacheKey(c.cfg.Model, body)
	if r, ok := c.cache.get(key); ok {
		r.Cached = true
		return r, nil
	}
	r, err := c.post(ctx, body)
	if err == nil {
		r, err = check(r, req.Schema != nil)
	}
	if err != nil {
		return Response{}, err
	}
	return r, c.cache.put(key, r)
}
