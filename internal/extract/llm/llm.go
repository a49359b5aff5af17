// Package llm is the GenAI extractor: it asks a chat model for the
// recommendations, conclusions, commitments, goals and positions of a text,
// one chunk of whole sentences at a time, and keeps only the items whose
// quote it can ground in the text (extract.Ground). The prompts are files
// in prompts/, embedded.
package llm

import (
	"context"
	"errors"
	"fmt"

	"github.com/rodedraad/rodedraad/internal/chat"
	"github.com/rodedraad/rodedraad/internal/extract"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Name is the extractor's name and version.
const Name = "llm/1"

// DefaultChunkRunes is the chunk budget when Options leaves it 0: about
// 1,500 tokens of Dutch, small enough for an 8k-context local model with
// the instructions and the answer beside it.
const DefaultChunkRunes = 4000

// Client is what the extractor needs of a chat client; *chat.Client has it.
type Client interface {
	Complete(ctx context.Context, req chat.Request) (chat.Response, error)
	Model() string
}

// Options tune an Extractor; the zero value is usable.
type Options struct {
	ChunkRunes int // largest chunk, in runes; 0 means DefaultChunkRunes
	MaxTokens  int // largest answer per chunk, in tokens; 0 leaves the server's default
}

// Extractor proposes candidates with a chat model.
type Extractor struct {
	client Client
	opts   Options
}

var _ extract.Extractor = (*Extractor)(nil)

// New returns an extractor that asks client.
func New(client Client, opts Options) *Extractor {
	if opts.ChunkRunes <= 0 {
		opts.ChunkRunes = DefaultChunkRunes
	}
	return &Extractor{client: client, opts: opts}
}

// Name returns "llm/1".
func (x *Extractor) Name() string { return Name }

// Extract asks the model about each chunk of t in turn. A chunk whose
// answer is refused, is not valid JSON or does not have the answer's shape
// is listed in Result.Failures and the run goes on; items whose quote
// cannot be grounded in their chunk are counted in Result.Dropped. Tokens
// sums the usage of every answer, cached ones included, so that a re-run
// from the cache gives the same Result. Errors: any other failure of the
// endpoint (HTTP, transport, cancellation) ends the run with that error,
// since it would fail every chunk; EUNAVAILABLE when every chunk failed.
func (x *Extractor) Extract(ctx context.Context, t extract.Text, v extract.Vocabulary) (extract.Result, error) {
	d := newDoc(t, v, x.client.Model())
	cs := chunks(t, x.opts.ChunkRunes)
	var res extract.Result
	for i, c := range cs {
		err := x.chunk(ctx, &res, d, c, fmt.Sprintf("chunk %d of %d", i+1, len(cs)))
		if isChunkError(err) {
			res.Failures = append(res.Failures, err)
			continue
		}
		if err != nil {
			return res, fmt.Errorf("llm: document %s: %w", t.DocumentID, err)
		}
	}
	if len(cs) > 0 && len(res.Failures) == len(cs) {
		return res, rodedraad.Errorf(rodedraad.EUNAVAILABLE, "llm: every chunk of document %s failed; the first: %v", t.DocumentID, res.Failures[0])
	}
	return res, nil
}

// doc is what every chunk of one Extract call shares.
type doc struct {
	grounder
	system chat.Message
	schema []byte
}

func newDoc(t extract.Text, v extract.Vocabulary, model string) doc {
	return doc{
		grounder: grounder{text: t, runes: []rune(t.Content), vocab: newVocab(v), model: model},
		system:   chat.Message{Role: "system", Content: render(systemPrompt, v)},
		schema:   schema(v),
	}
}

// request builds the chat request for chunk c, named name ("chunk 2 of 5").
func (d doc) request(c chunk, name string, maxTokens int) chat.Request {
	user := render(chunkPrompt, chunkData{Name: name, Page: c.Page, Text: string(d.runes[c.Start:c.End])})
	return chat.Request{
		Messages:   []chat.Message{d.system, {Role: "user", Content: user}},
		Schema:     d.schema,
		SchemaName: "items",
		MaxTokens:  maxTokens,
	}
}

// chunk asks about chunk c and adds its grounded items to res. Errors name
// the chunk, its page and its runes.
func (x *Extractor) chunk(ctx context.Context, res *extract.Result, d doc, c chunk, name string) error {
	ans, err := x.client.Complete(ctx, d.request(c, name, x.opts.MaxTokens))
	if err == nil {
		res.Tokens += ans.Usage.TotalTokens
		err = d.add(res, c, ans.Content)
	}
	if err != nil {
		return fmt.Errorf("llm: %s (page %d, runes %d-%d): %w", name, c.Page, c.Start, c.End, err)
	}
	return nil
}

// ErrShape: the model's answer is JSON but not of the schema's shape. Like
// chat.ErrRefused and chat.ErrBadJSON it fails only its chunk.
var ErrShape = errors.New("the answer does not have the schema's shape")

// isChunkError reports whether err fails only its chunk: the model's
// answer was unusable, while the endpoint itself works.
func isChunkError(err error) bool {
	return errors.Is(err, chat.ErrRefused) || errors.Is(err, chat.ErrBadJSON) || errors.Is(err, ErrShape)
}
