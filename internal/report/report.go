// Package report renders the coherence report as a briefing the study team
// can act on: conflicts with their topic, status and decision, both sides
// titled and sourced, who backs each side, then the other analyses, each
// with a short explanation in plain words and "none" when empty. It writes
// text for a terminal, Markdown that renders on GitHub, one self-contained
// HTML file to mail around, and JSON; in Dutch (the default) or English.
package report

import (
	"encoding/json"
	"io"
	"slices"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Formats lists the formats Write takes.
var Formats = []string{"text", "md", "html", "json"}

// Langs lists the languages of the briefing, the default first.
var Langs = []string{"nl", "en"}

// Write renders b in format (text, md, html or json). BAD_USER_INPUT for
// an unknown format or language, or a limit below 1.
func Write(w io.Writer, format string, b *Briefing) error {
	if err := Check(format, b.Lang, b.Limit); err != nil {
		return err
	}
	switch format {
	case "json":
		return JSON(w, b)
	case "md":
		return build(b).markdown(w)
	case "html":
		return build(b).htmlDoc(w)
	}
	return build(b).text(w)
}

// Check returns BAD_USER_INPUT when format, lang or limit is not one Write
// takes, so that a command can refuse them before it connects.
func Check(format, lang string, limit int) error {
	switch {
	case !slices.Contains(Formats, format):
		return rodedraad.Errorf(rodedraad.EINVALID, "format %q is not one of text, md, html, json", format)
	case lang != "" && !slices.Contains(Langs, lang):
		return rodedraad.Errorf(rodedraad.EINVALID, "lang %q is not one of nl, en", lang)
	case limit < 1:
		return rodedraad.Errorf(rodedraad.EINVALID, "limit %d: want 1 or more", limit)
	}
	return nil
}

// JSON writes b's report as indented JSON, every list whole: the same field
// names as the GraphQL API's coherence query where both have a field, plus
// conflictRecords, the conflicts as stored with the team's decisions.
func JSON(w io.Writer, b *Briefing) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		*analysis.Report
		ConflictRecords []*rodedraad.Conflict `json:"conflictRecords"`
	}{b.Report, b.Conflicts})
}
