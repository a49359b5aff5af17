package proposition

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/rodedraad/rodedraad/internal/chat"
)

// labelSchema asks for one short label.
var labelSchema = json.RawMessage(`{"type":"object","additionalProperties":false,"required":["label"],
"properties":{"label":{"type":"string"}}}`)

// maxLabel bounds a model's label, in characters: longer answers are not a
// label, and the medoid's title stays.
const maxLabel = 120

// Label has a language model name each red-thread cluster of more than one
// wording: one short phrase for the ask its members share. A cluster of one,
// an empty answer or one longer than maxLabel keeps the medoid's title; the
// members always stay listed beside the label, so the label is never the
// only trace of what the documents say. Errors: those of the model's
// endpoint, and broken JSON.
func Label(ctx context.Context, c Completer, d *Draft) error {
	for _, s := range append([]*Section{&d.Overall}, ptrs(d.Themes)...) {
		for i := range s.RedThread {
			if err := labelThread(ctx, c, d.Lang, &s.RedThread[i]); err != nil {
				return fmt.Errorf("label of %s: %w", s.RedThread[i].ID, err)
			}
		}
	}
	return nil
}

func labelThread(ctx context.Context, c Completer, lang string, t *Thread) error {
	if len(t.Members) < 2 {
		return nil
	}
	titles := make([]string, len(t.Members))
	for i, m := range t.Members {
		titles[i] = "- " + m.Title
	}
	resp, err := c.Complete(ctx, chat.Request{Schema: labelSchema, SchemaName: "label", Messages: []chat.Message{
		{Role: "system", Content: labelPrompt(lang)}, {Role: "user", Content: strings.Join(titles, "\n")}}})
	if err != nil {
		return err
	}
	var out struct {
		Label string `json:"label"`
	}
	if err := json.Unmarshal([]byte(resp.Content), &out); err != nil {
		return fmt.Errorf("%w: %v", chat.ErrBadJSON, err)
	}
	if l := strings.TrimSpace(out.Label); l != "" && utf8.RuneCountInString(l) <= maxLabel {
		t.Label = l
	}
	return nil
}

func labelPrompt(lang string) string {
	language := "Dutch"
	if lang == "en" {
		language = "English"
	}
	return "The titles below are wordings of one ask made by several regional plans. Name the ask they share in one short " +
		"phrase in " + language + " (at most ten words), using only what the titles say. Answer as JSON."
}
