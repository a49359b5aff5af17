package chat

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// wireRequest is the body of POST /chat/completions. Temperature has no
// omitempty because 0 must be sent: a server's default is usually higher.
type wireRequest struct {
	Model          string          `json:"model"`
	Messages       []Message       `json:"messages"`
	Temperature    float64         `json:"temperature"`
	Seed           int             `json:"seed"`
	MaxTokens      int             `json:"max_tokens,omitempty"`
	ResponseFormat json.RawMessage `json:"response_format,omitempty"`
}

// wireResponse is the part of a completion this package reads.
type wireResponse struct {
	Model   string `json:"model"`
	Choices []struct {
		Message struct {
			Content *string `json:"content"`
			Refusal *string `json:"refusal"`
		} `json:"message"`
		FinishReason string `json:"finish_reason"`
	} `json:"choices"`
	Usage Usage `json:"usage"`
}

// wireError is the error body OpenAI-compatible servers send.
type wireError struct {
	Error struct {
		Message string `json:"message"`
	} `json:"error"`
}

// wireRequest builds the request body; its JSON is also the cache key.
func (c *Client) wireRequest(req Request) wireRequest {
	return wireRequest{
		Model:          c.cfg.Model,
		Messages:       req.Messages,
		Temperature:    0,
		Seed:           c.cfg.Seed,
		MaxTokens:      req.MaxTokens,
		ResponseFormat: c.responseFormat(req),
	}
}

// responseFormat renders req's schema in the configured JSON mode.
func (c *Client) responseFormat(req Request) json.RawMessage {
	if req.Schema == nil {
		return nil
	}
	var v any
	if c.cfg.JSONMode == JSONObject {
		v = map[string]any{"type": "json_object", "schema": req.Schema}
	} else {
		name := req.SchemaName
		if name == "" {
			name = "answer"
		}
		v = map[string]any{"type": "json_schema", "json_schema": map[string]any{
			"name": name, "strict": true, "schema": req.Schema}}
	}
	b, _ := json.Marshal(v) // maps of strings and raw JSON always marshal
	return b
}

// post sends body and decodes the answer.
func (c *Client) post(ctx context.Context, body []byte) (Response, error) {
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint, bytes.NewReader(body))
	if err != nil {
		return Response{}, err
	}
	c.authorize(hreq)
	hres, err := c.http.Do(hreq)
	if err != nil {
		return Response{}, rodedraad.Errorf(rodedraad.EUNAVAILABLE,
			"chat: %s cannot be reached (%v): is the server running and RODEDRAAD_LLM_URL right?", redact(c.endpoint), unwrapURL(err))
	}
	defer hres.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(hres.Body, 16<<20))
	if err != nil {
		return Response{}, rodedraad.Errorf(rodedraad.EUNAVAILABLE, "chat: reading the answer of %s: %v", redact(c.endpoint), err)
	}
	if hres.StatusCode != http.StatusOK {
		return Response{}, httpError(c.endpoint, hres.StatusCode, raw)
	}
	return decode(raw)
}

// authorize sets the key the way the endpoint expects it.
func (c *Client) authorize(r *http.Request) {
	r.Header.Set("Content-Type", "application/json")
	switch {
	case c.cfg.Key == "":
	case c.azure:
		r.Header.Set("api-key", c.cfg.Key)
	default:
		r.Header.Set("Authorization", "Bearer "+c.cfg.Key)
	}
}

// decode reads a 200 answer into a Response.
func decode(raw []byte) (Response, error) {
	var w wireResponse
	if err := json.Unmarshal(raw, &w); err != nil {
		return Response{}, rodedraad.Errorf(rodedraad.EUNAVAILABLE, "chat: the server's answer is not a chat completion: %v", err)
	}
	if len(w.Choices) == 0 {
		return Response{}, rodedraad.Errorf(rodedraad.EUNAVAILABLE, "chat: the server's answer has no choices")
	}
	ch := w.Choices[0]
	if ch.Message.Refusal != nil && *ch.Message.Refusal != "" {
		return Response{}, fmt.Errorf("%w: %s", ErrRefused, clip(*ch.Message.Refusal, 200))
	}
	r := Response{FinishReason: ch.FinishReason, Usage: w.Usage, Model: w.Model}
	if ch.Message.Content != nil {
		r.Content = *ch.Message.Content
	}
	return r, nil
}

// check rejects answers that cannot be used: a content filter, and an
// answer that should be JSON and is not. An answer whose only flaw is raw
// line breaks or tabs inside strings (llama-cpp-python's grammar lets a
// model write them) is repaired rather than rejected.
func check(r Response, wantJSON bool) (Response, error) {
	if r.FinishReason == "content_filter" {
		return r, fmt.Errorf("%w: the endpoint's content filter stopped the answer", ErrRefused)
	}
	if !wantJSON || json.Valid([]byte(r.Content)) {
		return r, nil
	}
	if fixed := escapeControls(r.Content); json.Valid([]byte(fixed)) {
		r.Content = fixed
		return r, nil
	}
	if r.FinishReason == "length" {
		return r, fmt.Errorf("%w: cut off at the token limit after %d tokens", ErrBadJSON, r.Usage.CompletionTokens)
	}
	return r, fmt.Errorf("%w: %q", ErrBadJSON, clip(r.Content, 120))
}

// escapeControls escapes the control characters inside JSON strings of s
// (outside strings they are white space and stay).
func escapeControls(s string) string {
	var b strings.Builder
	in, esc := false, false
	for _, r := range s {
		switch {
		case in && r < 0x20 && !esc:
			fmt.Fprintf(&b, "\\u%04x", r)
			continue
		case esc:
			esc = false
		case in && r == '\\':
			esc = true
		case r == '"':
			in = !in
		}
		b.WriteRune(r)
	}
	return b.String()
}

// httpError turns a non-200 answer into an error that names the endpoint
// (never the key), the status, the server's message and what to do.
func httpError(endpoint string, status int, body []byte) error {
	code, hint := rodedraad.EUNAVAILABLE, "retry later; if it persists, check the server's log"
	switch {
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		code, hint = rodedraad.EINVALID, "check RODEDRAAD_LLM_KEY"
	case status == http.StatusNotFound:
		code, hint = rodedraad.EINVALID, "check RODEDRAAD_LLM_URL (the base URL, e.g. http://127.0.0.1:8000/v1) and RODEDRAAD_LLM_MODEL"
	case status == http.StatusBadRequest || status == http.StatusUnprocessableEntity:
		code, hint = rodedraad.EINVALID, "the server rejected the request; if it does not know json_schema, set RODEDRAAD_LLM_JSON_MODE=json_object"
	case status == http.StatusTooManyRequests:
		hint = "rate limited or out of quota: wait, or lower the load"
	}
	return rodedraad.Errorf(code, "chat: %s answered %d %s%s: %s",
		redact(endpoint), status, http.StatusText(status), serverMessage(body), hint)
}

// serverMessage returns ` ("message")` from an error body, or "".
func serverMessage(body []byte) string {
	var w wireError
	msg := strings.TrimSpace(string(body))
	if json.Unmarshal(body, &w) == nil && w.Error.Message != "" {
		msg = w.Error.Message
	}
	if msg == "" {
		return ""
	}
	return fmt.Sprintf(" (%q)", clip(msg, 300))
}

// redact returns u without user info and without any query parameter but
// api-version, so that no key that was put in the URL reaches a message.
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparsable URL)"
	}
	u.User = nil
	q := url.Values{}
	if v := u.Query().Get("api-version"); v != "" {
		q.Set("api-version", v)
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// unwrapURL strips *url.Error's "Post URL:" prefix, which would repeat
// the unredacted URL.
func unwrapURL(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}

// clip shortens s to at most n runes.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
