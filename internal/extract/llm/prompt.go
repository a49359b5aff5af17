package llm

import (
	"embed"
	"encoding/json"
	"strings"
	"text/template"

	"github.com/rodedraad/rodedraad/internal/extract"
)

//go:embed prompts/*.txt
var promptFiles embed.FS

// The prompts: the system message (instructions and vocabulary) and the
// user message (one chunk). Parsed at start-up: a broken file is a bug.
var (
	systemPrompt = template.Must(template.ParseFS(promptFiles, "prompts/extract.txt"))
	chunkPrompt  = template.Must(template.ParseFS(promptFiles, "prompts/chunk.txt"))
)

// Kinds are the item kinds a Candidate may have.
var Kinds = []string{"RECOMMENDATION", "CONCLUSION", "COMMITMENT", "GOAL", "POSITION"}

// render executes tpl with data. Both templates only read fields of
// values built here, so an error is a bug in the prompt file.
func render(tpl *template.Template, data any) string {
	var b strings.Builder
	if err := tpl.Execute(&b, data); err != nil {
		panic("llm: prompt " + tpl.Name() + ": " + err.Error())
	}
	return b.String()
}

// chunkData is what prompts/chunk.txt reads.
type chunkData struct {
	Name string // "chunk 2 of 5"
	Page int
	Text string
}

// schema returns the JSON schema of an answer. Theme and actor ids are
// enums when the vocabulary has any, so that a server that turns the
// schema into a grammar cannot produce an unknown id; the schema follows
// OpenAI's strict rules (every property required, no others allowed).
func schema(v extract.Vocabulary) json.RawMessage {
	item := object(props{
		{"quote", map[string]any{"type": "string"}},
		{"kind", map[string]any{"type": "string", "enum": Kinds}},
		{"themes", idList(themeIDs(v))},
		{"actors", idList(actorIDs(v))},
		{"addressees", idList(actorIDs(v))},
	})
	s := object(props{{"items", map[string]any{"type": "array", "items": item}}})
	b, _ := json.Marshal(s) // maps, strings and props always marshal
	return b
}

// prop is one property of a JSON-schema object.
type prop struct {
	name   string
	schema any
}

// props keeps an object's properties in order: servers that turn a schema
// into a grammar (llama.cpp) make the model write them in that order, and
// the quote should come first, before the model labels it.
type props []prop

// MarshalJSON writes the properties as an object, in order.
func (ps props) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for i, p := range ps {
		if i > 0 {
			b = append(b, ',')
		}
		k, _ := json.Marshal(p.name)
		v, err := json.Marshal(p.schema)
		if err != nil {
			return nil, err
		}
		b = append(append(append(b, k...), ':'), v...)
	}
	return append(b, '}'), nil
}

// object is a strict JSON-schema object with the given properties.
func object(ps props) map[string]any {
	req := make([]string, len(ps))
	for i, p := range ps {
		req[i] = p.name
	}
	return map[string]any{"type": "object", "properties": ps, "required": req, "additionalProperties": false}
}

// idList is an array of strings, restricted to ids when there are any.
func idList(ids []string) map[string]any {
	s := map[string]any{"type": "string"}
	if len(ids) > 0 {
		s["enum"] = ids
	}
	return map[string]any{"type": "array", "items": s}
}

func themeIDs(v extract.Vocabulary) []string {
	ids := make([]string, len(v.Themes))
	for i, t := range v.Themes {
		ids[i] = t.ID
	}
	return ids
}

func actorIDs(v extract.Vocabulary) []string {
	ids := make([]string, len(v.Actors))
	for i, a := range v.Actors {
		ids[i] = a.ID
	}
	return ids
}
