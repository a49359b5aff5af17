package proposition

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/rodedraad/rodedraad/internal/chat"
)

// Completer is what Prose needs of a language model: package chat's
// Client, or a fake in tests.
type Completer interface {
	Complete(ctx context.Context, req chat.Request) (chat.Response, error)
}

// proseSchema asks for sentences, each with the ids it rests on.
var proseSchema = json.RawMessage(`{"type":"object","additionalProperties":false,"required":["sentences"],
"properties":{"sentences":{"type":"array","items":{"type":"object","additionalProperties":false,
"required":["text","cites"],"properties":{"text":{"type":"string"},"cites":{"type":"array","items":{"type":"string"}}}}}}}`)

// Prose has a language model write each section's summary from the
// section's own statements. Every sentence must cite ids, and only ids the
// section's statements cite: a sentence that cites nothing or anything
// else is dropped and listed in d.Dropped with the reason. A section whose
// every sentence is dropped keeps the template's summary. Errors: those of
// the model's endpoint.
func Prose(ctx context.Context, c Completer, d *Draft) error {
	for _, s := range append([]*Section{&d.Overall}, ptrs(d.Themes)...) {
		if err := proseSection(ctx, c, d, s); err != nil {
			return fmt.Errorf("prose of %s: %w", s.Name, err)
		}
	}
	return nil
}

func ptrs(ss []Section) []*Section {
	out := make([]*Section, len(ss))
	for i := range ss {
		out[i] = &ss[i]
	}
	return out
}

func proseSection(ctx context.Context, c Completer, d *Draft, s *Section) error {
	facts := d.statements(*s)
	docs := map[string][]string{} // cite → documents, from the statements
	var lines []string
	for _, st := range facts {
		for _, id := range st.Cites {
			docs[id] = append(docs[id], st.Docs...)
		}
		if len(st.Cites) > 0 {
			lines = append(lines, fmt.Sprintf("- %s [%s]", st.Text, strings.Join(st.Cites, ", ")))
		}
	}
	if len(lines) == 0 {
		return nil
	}
	resp, err := c.Complete(ctx, chat.Request{Schema: proseSchema, SchemaName: "sentences",
		Messages: []chat.Message{{Role: "system", Content: prosePrompt(d.Lang)}, {Role: "user", Content: strings.Join(lines, "\n")}}})
	if err != nil {
		return err
	}
	var out struct {
		Sentences []struct {
			Text  string   `json:"text"`
			Cites []string `json:"cites"`
		} `json:"sentences"`
	}
	if err := json.Unmarshal([]byte(resp.Content), &out); err != nil {
		return fmt.Errorf("%w: %v", chat.ErrBadJSON, err)
	}
	var kept []Statement
	for _, sn := range out.Sentences {
		st, reason := checked(sn.Text, sn.Cites, docs)
		if reason != "" {
			d.Dropped = append(d.Dropped, DroppedSentence{Section: s.Name, Text: sn.Text, Reason: reason})
			continue
		}
		kept = append(kept, st)
	}
	if len(kept) > 0 {
		s.Summary = kept
	}
	return nil
}

// checked returns the sentence as a statement, or why it is dropped.
func checked(text string, cites []string, docs map[string][]string) (Statement, string) {
	if len(cites) == 0 {
		return Statement{}, "cites nothing"
	}
	st := Statement{Text: strings.TrimSpace(text), Cites: []string{}}
	for _, id := range cites {
		ds, ok := docs[id]
		if !ok {
			return Statement{}, fmt.Sprintf("cites %s, which this section does not", id)
		}
		st.Cites = append(st.Cites, id)
		st.Docs = append(st.Docs, ds...)
	}
	slices.Sort(st.Docs)
	st.Docs = slices.Compact(st.Docs)
	return st, ""
}

func prosePrompt(lang string) string {
	language := "Dutch"
	if lang == "en" {
		language = "English"
	}
	return "You write two to four sentences in " + language + " for a regional study team that summarise the facts given, " +
		"for a draft proposition for a green industrial innovation zone. Use only the facts given. Every sentence must list, " +
		"in cites, the ids in square brackets of the facts it rests on; use no other ids. Answer as JSON."
}
