package rodedraad

import (
	"cmp"
	"slices"
	"time"
)

// ConflictState is where the study team stands on a conflict.
type ConflictState string

const (
	// ConflictOpen: not decided yet (the state of every new conflict).
	ConflictOpen ConflictState = "OPEN"
	// ConflictResolved: decided, with a decision and its rationale.
	ConflictResolved ConflictState = "RESOLVED"
	// ConflictTradeOff: both sides stay; the team accepts the trade-off.
	ConflictTradeOff ConflictState = "ACCEPTED_TRADE_OFF"
	// ConflictNotAConflict: on a closer look the sides do not conflict.
	ConflictNotAConflict ConflictState = "NOT_A_CONFLICT"
)

// ConflictStates lists every state, in the order the report shows them.
var ConflictStates = []string{"OPEN", "RESOLVED", "ACCEPTED_TRADE_OFF", "NOT_A_CONFLICT"}

// Strengths of a conflict and the score each implies for its pairs.
var Strengths = map[string]int{"EXPLICIT": -2, "INFERRED": -1}

// StrengthNames lists the strengths, for messages and validation.
var StrengthNames = []string{"EXPLICIT", "INFERRED"}

// Conflict is a conflict between two groups of recommendations or
// scenarios: side A and side B. It is a node of its own (label Conflict)
// with SIDE_A and SIDE_B relationships to its sides; the analysed layer is
// one CONFLICTS_WITH edge from every item of side A to every item of side B,
// carrying the conflict's id, which the store keeps in step with the sides.
type Conflict struct {
	ID       string   `json:"id"`
	Topic    string   `json:"topic"`
	Summary  string   `json:"summary,omitempty"`
	Strength string   `json:"strength,omitempty"`
	Score    *int     `json:"score,omitempty"` // of every pair; nil: the strength's score
	Evidence []string `json:"evidence,omitempty"`
	SideA    []string `json:"sideA,omitempty"`
	SideB    []string `json:"sideB,omitempty"`
	// State is the latest decision's state, OPEN when there is none.
	State ConflictState `json:"state,omitempty"`
	// History holds the team's decisions, oldest first.
	History []ConflictDecision `json:"history,omitempty"`
	// Translation holds topic (Title) and summary (Text) in the other
	// language than Language (English when empty).
	Translation *Translation `json:"translation,omitempty"`
	Language    string       `json:"language,omitempty"`
	Provenance
}

// ConflictDecision is one status change of a conflict: who set which state
// when, with the decision taken and why.
type ConflictDecision struct {
	State     ConflictState `json:"state"`
	Decision  string        `json:"decision,omitempty"`
	Rationale string        `json:"rationale,omitempty"`
	By        string        `json:"by"`
	At        time.Time     `json:"at"`
}

func (c *Conflict) NodeID() string    { return c.ID }
func (*Conflict) NodeLabel() Label    { return LabelConflict }
func (c *Conflict) Prov() *Provenance { return &c.Provenance }
func (c *Conflict) Latest() *ConflictDecision {
	if len(c.History) == 0 {
		return nil
	}
	return &c.History[len(c.History)-1]
}

// PairScore is the score of every CONFLICTS_WITH pair of the conflict: its
// own score, else its strength's (EXPLICIT -2, INFERRED -1), else -1.
func (c *Conflict) PairScore() int {
	if c.Score != nil {
		return *c.Score
	}
	if s, ok := Strengths[c.Strength]; ok {
		return s
	}
	return -1
}

// Pairs expands the conflict into its CONFLICTS_WITH edges, one from every
// item of side A to every item of side B, each carrying the conflict's id,
// topic, summary, evidence and provenance.
func (c *Conflict) Pairs() []Edge {
	score := c.PairScore()
	out := make([]Edge, 0, len(c.SideA)*len(c.SideB))
	for _, a := range c.SideA {
		for _, b := range c.SideB {
			s := score
			out = append(out, Edge{Type: RelConflictsWith, From: a, To: b, Score: &s, ConflictID: c.ID,
				Topic: c.Topic, Summary: c.Summary, Evidence: c.Evidence, Provenance: c.Provenance})
		}
	}
	return out
}

// SideEdges returns the conflict's SIDE_A and SIDE_B edges.
func (c *Conflict) SideEdges() []Edge {
	out := make([]Edge, 0, len(c.SideA)+len(c.SideB))
	for _, id := range c.SideA {
		out = append(out, Edge{Type: RelSideA, From: c.ID, To: id, Provenance: c.Provenance})
	}
	for _, id := range c.SideB {
		out = append(out, Edge{Type: RelSideB, From: c.ID, To: id, Provenance: c.Provenance})
	}
	return out
}

// Validate checks a conflict: id, topic, strength, score range, and two
// non-empty sides that share no item. It returns EINVALID naming what is
// wrong.
func (c *Conflict) Validate() error {
	return firstError(
		ValidateID("id", c.ID), requireText("topic", c.Topic),
		ValidateEnum("strength", c.Strength, StrengthNames, false),
		ValidateEnum("state", string(c.State), ConflictStates, false),
		c.validateScore(), c.validateSides(), validateTranslation(c.Translation), c.Provenance.Validate(),
	)
}

func (c *Conflict) validateScore() error {
	if c.Score != nil && (*c.Score < -3 || *c.Score > -1) {
		return Errorf(EINVALID, "score %d is outside -3..-1 (Nilsson scale: -1 constraining, -2 counteracting, -3 cancelling)", *c.Score)
	}
	return nil
}

func (c *Conflict) validateSides() error {
	switch {
	case len(c.SideA) == 0:
		return Errorf(EINVALID, "sideA is empty: a conflict needs at least one item on each side")
	case len(c.SideB) == 0:
		return Errorf(EINVALID, "sideB is empty: a conflict needs at least one item on each side")
	}
	for _, id := range c.SideA {
		if slices.Contains(c.SideB, id) {
			return Errorf(EINVALID, "sideB: %s is on both sides", id)
		}
	}
	return nil
}

// Validate checks a decision: a known state, a person, and a decision text
// when the state is RESOLVED. It returns EINVALID naming what is wrong.
func (d *ConflictDecision) Validate() error {
	if err := ValidateEnum("state", string(d.State), ConflictStates, true); err != nil {
		return err
	}
	if err := requireText("by", d.By); err != nil {
		return err
	}
	if d.State == ConflictResolved {
		return requireText("decision", d.Decision)
	}
	return nil
}

// TopicIn returns the conflict's topic in lang (nl, en), falling back to its
// own topic.
func (c *Conflict) TopicIn(lang string) string {
	return inLang(c.Topic, cmp.Or(c.Language, "en"), c.Translation.title(), c.Translation, lang)
}

// SummaryIn returns the conflict's summary in lang, falling back to its own.
func (c *Conflict) SummaryIn(lang string) string {
	return inLang(c.Summary, cmp.Or(c.Language, "en"), c.Translation.text(), c.Translation, lang)
}
