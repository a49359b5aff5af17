// Package llm is the GenAI link judge: it asks a chat model whether two
// recommendations, possibly in different languages, are the same ask
// (OVERLAPS), support each other or conflict on the Nilsson scale, or are
// unrelated, and checks the answer before it proposes anything. The
// prompts, with the scale, are files in prompts/, embedded.
package llm

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"text/template"

	"github.com/rodedraad/rodedraad/internal/chat"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/suggest"
)

// Name is the judge's name and version.
const Name = "llm/1"

// Relations the model may answer.
const (
	Overlaps      = "OVERLAPS"
	Supports      = "SUPPORTS"
	ConflictsWith = "CONFLICTS_WITH"
	Unrelated     = "UNRELATED"
)

// ErrAnswer: the model's answer is JSON of the right shape but out of
// range (an unknown relation, a score off the scale, no reason). The pair
// gets no proposal; the caller may move on to the next pair.
var ErrAnswer = errors.New("the model's judgement is out of range")

//go:embed prompts/*.txt
var promptFiles embed.FS

var (
	systemPrompt = mustRead("prompts/judge.txt")
	pairPrompt   = template.Must(template.ParseFS(promptFiles, "prompts/pair.txt"))
)

func mustRead(name string) string {
	b, err := promptFiles.ReadFile(name)
	if err != nil {
		panic("llm: " + err.Error()) // embedded at build time: cannot happen
	}
	return string(b)
}

// Client is what the judge needs of a chat client; *chat.Client has it.
type Client interface {
	Complete(ctx context.Context, req chat.Request) (chat.Response, error)
	Model() string
}

// Judge proposes links with a chat model.
type Judge struct {
	client    Client
	maxTokens int
}

var _ suggest.Judge = (*Judge)(nil)

// New returns a judge that asks client; maxTokens bounds each answer (0
// leaves the server's default).
func New(client Client, maxTokens int) *Judge {
	return &Judge{client: client, maxTokens: maxTokens}
}

// Name returns "llm/1".
func (j *Judge) Name() string { return Name }

// Judge asks the model about the pair (a, b) and returns at most one
// proposal from a to b, none when the model finds them unrelated. Errors:
// EINVALID when a pair is not two distinct recommendations with text;
// ErrAnswer (wrapped) for an out-of-range answer; chat.ErrRefused and
// chat.ErrBadJSON (wrapped) for an unusable one; the chat client's errors
// for a failing endpoint.
func (j *Judge) Judge(ctx context.Context, a, b suggest.Rec) ([]suggest.Proposal, error) {
	if err := checkPair(a, b); err != nil {
		return nil, err
	}
	res, err := j.client.Complete(ctx, j.request(a, b))
	if err != nil {
		return nil, fmt.Errorf("llm judge %s–%s: %w", a.ID, b.ID, err)
	}
	v, err := parseVerdict(res.Content)
	if err != nil {
		return nil, fmt.Errorf("llm judge %s–%s: %w", a.ID, b.ID, err)
	}
	if v.Relation == Unrelated {
		return nil, nil
	}
	return []suggest.Proposal{v.proposal(a, b, j.client.Model())}, nil
}

// checkPair rejects what cannot be judged.
func checkPair(a, b suggest.Rec) error {
	switch {
	case a.ID == "" || b.ID == "":
		return rodedraad.Errorf(rodedraad.EINVALID, "llm judge: a recommendation has no id")
	case a.ID == b.ID:
		return rodedraad.Errorf(rodedraad.EINVALID, "llm judge: %s cannot be judged against itself", a.ID)
	case quoted(a) == "" || quoted(b) == "":
		return rodedraad.Errorf(rodedraad.EINVALID, "llm judge: %s or %s has neither title nor text", a.ID, b.ID)
	}
	return nil
}

// request builds the chat request for the pair.
func (j *Judge) request(a, b suggest.Rec) chat.Request {
	var user strings.Builder
	if err := pairPrompt.Execute(&user, struct{ A, B suggest.Rec }{a, b}); err != nil {
		panic("llm: prompt pair.txt: " + err.Error()) // reads only Rec's fields: a bug
	}
	return chat.Request{
		Messages:   []chat.Message{{Role: "system", Content: systemPrompt}, {Role: "user", Content: user.String()}},
		Schema:     verdictSchema,
		SchemaName: "verdict",
		MaxTokens:  j.maxTokens,
	}
}

// verdictSchema is the answer's JSON schema, in OpenAI's strict form and
// with the reason first, so that the model reasons before it labels.
var verdictSchema = json.RawMessage(`{"type":"object","properties":{` +
	`"reason":{"type":"string"},` +
	`"relation":{"type":"string","enum":["OVERLAPS","SUPPORTS","CONFLICTS_WITH","UNRELATED"]},` +
	`"score":{"type":"integer"},` +
	`"similarity":{"type":"number"},` +
	`"confidence":{"type":"number"}},` +
	`"required":["reason","relation","score","similarity","confidence"],"additionalProperties":false}`)
