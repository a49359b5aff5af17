// Package suggest proposes links between recommendations of different
// documents: OVERLAPS (the same ask), SUPPORTS (+1..+3) and CONFLICTS_WITH
// (-1..-3) on the Nilsson scale, each with a rationale that quotes both
// texts. Suggesters (rules, llm) sit behind the Judge interface; everything
// they propose is PROPOSED until a person reviews it.
package suggest

import "context"

// Rec is a recommendation as the suggesters see it.
type Rec struct {
	ID, Document, Language string
	Title, Text            string
	Themes                 []string
}

// Proposal is one suggested edge. Type is OVERLAPS, SUPPORTS or
// CONFLICTS_WITH; Score is set for SUPPORTS (+1..+3) and CONFLICTS_WITH
// (-3..-1), Similarity for OVERLAPS. Method is RULE, SIMILARITY or LLM.
type Proposal struct {
	Type       string
	From, To   string
	Score      int
	Similarity float64
	Confidence float64
	Rationale  string
	Method     string
	Model      string
}

// Judge decides what links, if any, join two recommendations.
type Judge interface {
	// Name returns the judge's name and version, e.g. "rules/1".
	Name() string
	// Judge returns the proposals for the pair (a, b), none when the two
	// are unrelated.
	Judge(ctx context.Context, a, b Rec) ([]Proposal, error)
}
