package llm

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/rodedraad/rodedraad/internal/suggest"
)

// verdict is the model's answer about one pair.
type verdict struct {
	Reason     string   `json:"reason"`
	Relation   string   `json:"relation"`
	Score      *int     `json:"score"`
	Similarity *float64 `json:"similarity"`
	Confidence *float64 `json:"confidence"`
}

// parseVerdict decodes and validates an answer. Errors wrap ErrAnswer.
func parseVerdict(content string) (verdict, error) {
	var v verdict
	if err := json.Unmarshal([]byte(content), &v); err != nil {
		return verdict{}, fmt.Errorf("%w: %v", ErrAnswer, err)
	}
	if err := v.check(); err != nil {
		return verdict{}, fmt.Errorf("%w: %s", ErrAnswer, err)
	}
	return v, nil
}

// check returns what is out of range in v, or nil.
func (v verdict) check() error {
	if v.Score == nil || v.Similarity == nil || v.Confidence == nil {
		return fmt.Errorf("score, similarity or confidence missing")
	}
	score, sim, conf := *v.Score, *v.Similarity, *v.Confidence
	switch {
	case conf < 0 || conf > 1:
		return fmt.Errorf("confidence %g is not in 0..1", conf)
	case v.Relation == Unrelated:
		return nil
	case strings.TrimSpace(v.Reason) == "":
		return fmt.Errorf("no reason given for %s", v.Relation)
	case v.Relation == Overlaps && (sim <= 0 || sim > 1):
		return fmt.Errorf("similarity %g for OVERLAPS is not in (0, 1]", sim)
	case v.Relation == Supports && (score < 1 || score > 3):
		return fmt.Errorf("score %d for SUPPORTS is not +1..+3", score)
	case v.Relation == ConflictsWith && (score < -3 || score > -1):
		return fmt.Errorf("score %d for CONFLICTS_WITH is not -3..-1", score)
	case v.Relation != Overlaps && v.Relation != Supports && v.Relation != ConflictsWith:
		return fmt.Errorf("relation %q is unknown", v.Relation)
	}
	return nil
}

// proposal turns a checked, related verdict into a proposal from a to b.
func (v verdict) proposal(a, b suggest.Rec, model string) suggest.Proposal {
	p := suggest.Proposal{
		Type: v.Relation, From: a.ID, To: b.ID,
		Confidence: *v.Confidence,
		Rationale:  rationale(v.Reason, a, b),
		Method:     "LLM", Model: model,
	}
	if v.Relation == Overlaps {
		p.Similarity = *v.Similarity
	} else {
		p.Score = *v.Score
	}
	return p
}

// rationale is the model's reason followed by both recommendations in
// quotes, so that a reviewer sees what was compared without looking up.
func rationale(reason string, a, b suggest.Rec) string {
	return fmt.Sprintf("%s — A (%s): “%s”; B (%s): “%s”",
		strings.TrimSpace(reason), a.Document, quoted(a), b.Document, quoted(b))
}

// quoted is what a rationale quotes of r: its text, cut at 300 runes, or
// its title when it has no text.
func quoted(r suggest.Rec) string {
	s := strings.TrimSpace(r.Text)
	if s == "" {
		s = strings.TrimSpace(r.Title)
	}
	if rs := []rune(s); len(rs) > 300 {
		s = string(rs[:300]) + "…"
	}
	return strings.Join(strings.Fields(s), " ")
}
