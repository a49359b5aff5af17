// Package extract turns a document's text into candidate recommendations that
// are grounded in it: every candidate carries its verbatim quote and the
// code-point offsets and page where the quote stands. The extractors
// themselves (rules, llm) live in subpackages behind the Extractor
// interface; this package holds what they share.
package extract

import "context"

// Text is a document's text as ingest hands it to an extractor.
//
// Content is the whole text. Offsets everywhere in this package count
// Unicode code points (runes) into Content, not bytes, so that a client in
// any language can cut the quote out of the text it was given.
type Text struct {
	DocumentID string
	Language   string // "nl" or "en"
	Content    string
	Pages      []Span // page i+1 covers Content's runes [Pages[i].Start, Pages[i].End)
}

// Span is a half-open range [Start, End) of code points in a Text's Content.
type Span struct {
	Start, End int
}

// Vocabulary is what an extractor may tag a candidate with: the graph's own
// themes and actors.
type Vocabulary struct {
	Themes []Theme
	Actors []Actor
}

// Theme is a theme with the terms that signal it, per language ("nl", "en").
type Theme struct {
	ID, Name, Description string
	Terms                 map[string][]string
}

// Actor is an actor with the names it goes by.
type Actor struct {
	ID, Name string
	Aliases  []string
}

// Candidate is one grounded item an extractor proposes. Quote equals the
// runes [Start, End) of the Text's Content; Page is 1-based (0 when the text
// has no pages).
type Candidate struct {
	Quote      string
	Start, End int
	Page       int
	Kind       string   // RECOMMENDATION, CONCLUSION, COMMITMENT, GOAL or POSITION
	Themes     []string // theme ids from the Vocabulary
	Actors     []string // actor ids named in the quote
	Addressees []string // actor ids the item asks to act, a subset of Actors
	Confidence float64  // 0..1
	Method     string   // RULE or LLM
	Extractor  string   // the extractor's name and version, e.g. "rules/1"
	Model      string   // the model's name, for LLM
}

// Result is what one extraction run over one Text yields. Dropped counts the
// items that could not be grounded in the text and were therefore not kept;
// Failures lists the chunks that failed (a refusal, broken JSON) without
// failing the whole run.
type Result struct {
	Items    []Candidate
	Dropped  int
	Failures []error
	Tokens   int // tokens used, for LLM extractors
}

// Extractor proposes candidates from a text.
type Extractor interface {
	// Name returns the extractor's name and version, e.g. "rules/1".
	Name() string
	// Extract returns the grounded candidates of t. It fails only when no
	// part of t could be processed at all.
	Extract(ctx context.Context, t Text, v Vocabulary) (Result, error)
}
