// Package chattest runs a fake OpenAI-compatible chat endpoint for tests:
// it records every request and answers with what the test's function says,
// so that tests of the chat client and of its users need no network.
package chattest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/rodedraad/rodedraad/internal/chat"
)

// Request is one request the server received.
type Request struct {
	Path, Query string
	Header      http.Header
	Raw         []byte
	Body        Body
}

// Body is the decoded request body. Pointers tell a field that was sent as
// zero from one that was not sent.
type Body struct {
	Model          string         `json:"model"`
	Messages       []chat.Message `json:"messages"`
	Temperature    *float64       `json:"temperature"`
	Seed           *int           `json:"seed"`
	MaxTokens      int            `json:"max_tokens"`
	ResponseFormat map[string]any `json:"response_format"`
}

// Reply is what the server answers. A zero Status is 200; a non-empty Raw
// is sent as the body as is; otherwise a chat completion is built from
// Content, Refusal, FinishReason (default "stop") and Usage.
type Reply struct {
	Status       int
	Raw          string
	Content      string
	Refusal      string
	FinishReason string
	Usage        chat.Usage
}

// Server is a running fake endpoint.
type Server struct {
	srv    *httptest.Server
	answer func(Request) Reply
	mu     sync.Mutex
	reqs   []Request
}

// New starts a server that answers each request with answer(request) and
// stops it when the test ends.
func New(tb testing.TB, answer func(Request) Reply) *Server {
	tb.Helper()
	s := &Server{answer: answer}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	tb.Cleanup(s.srv.Close)
	return s
}

// URL returns the base URL to configure, ending in /v1.
func (s *Server) URL() string { return s.srv.URL + "/v1" }

// Close stops the server before the test ends, e.g. to test an endpoint
// that cannot be reached.
func (s *Server) Close() { s.srv.Close() }

// Requests returns the requests received so far, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.reqs...)
}

// serve records the request and writes the reply.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	raw, _ := io.ReadAll(r.Body)
	req := Request{Path: r.URL.Path, Query: r.URL.RawQuery, Header: r.Header.Clone(), Raw: raw}
	_ = json.Unmarshal(raw, &req.Body) // a malformed body stays visible in Raw
	s.mu.Lock()
	s.reqs = append(s.reqs, req)
	s.mu.Unlock()
	rep := s.answer(req)
	w.Header().Set("Content-Type", "application/json")
	if rep.Status != 0 {
		w.WriteHeader(rep.Status)
	}
	if rep.Raw != "" {
		io.WriteString(w, rep.Raw)
		return
	}
	json.NewEncoder(w).Encode(completion(req.Body.Model, rep))
}

// completion builds an OpenAI-style chat completion body.
func completion(model string, rep Reply) map[string]any {
	msg := map[string]any{"role": "assistant", "content": rep.Content}
	if rep.Refusal != "" {
		msg["content"], msg["refusal"] = nil, rep.Refusal
	}
	finish := rep.FinishReason
	if finish == "" {
		finish = "stop"
	}
	return map[string]any{
		"id": "chatcmpl-test", "object": "chat.completion", "model": model,
		"choices": []any{map[string]any{"index": 0, "message": msg, "finish_reason": finish}},
		"usage":   rep.Usage,
	}
}

// JSON marshals v for a Reply's Content, failing the test on error.
func JSON(tb testing.TB, v any) string {
	tb.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatalf("chattest: marshal reply: %v", err)
	}
	return string(b)
}
