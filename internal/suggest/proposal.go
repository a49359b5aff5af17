package suggest

import "github.com/rodedraad/rodedraad/internal/rodedraad"

// Link types a Proposal may carry.
const (
	Overlaps      = string(rodedraad.RelOverlaps)
	Supports      = string(rodedraad.RelSupports)
	ConflictsWith = string(rodedraad.RelConflictsWith)
)

// Key returns the key of p's edge as the domain spells it (see
// rodedraad.Edge.Key): "from|TYPE|to", OVERLAPS with the lower id first.
// RunOptions.Existing is asked about these keys, so a caller can fill its
// set straight from the stored edges.
func Key(p Proposal) string {
	e := rodedraad.Edge{Type: rodedraad.RelType(p.Type), From: p.From, To: p.To}
	return e.Key()
}

// Oriented returns p with an OVERLAPS edge's lower id first, the way it is
// stored; SUPPORTS and CONFLICTS_WITH keep the judge's direction.
func Oriented(p Proposal) Proposal {
	if p.Type == Overlaps && p.To < p.From {
		p.From, p.To = p.To, p.From
	}
	return p
}

// Validate checks a judge's proposal for the pair (a, b) and fails with
// EINVALID when its type is unknown, its ends are not a and b, its score
// is off the Nilsson scale for its type (SUPPORTS +1..+3, CONFLICTS_WITH
// -3..-1, OVERLAPS none), or its similarity or confidence is outside
// [0, 1].
func Validate(p Proposal, a, b string) error {
	bad := func(format string, args ...any) error {
		return rodedraad.Errorf(rodedraad.EINVALID, "proposal %s %s->%s: "+format, append([]any{p.Type, p.From, p.To}, args...)...)
	}
	switch {
	case !(p.From == a && p.To == b || p.From == b && p.To == a) || a == b:
		return bad("ends must be %s and %s", a, b)
	case p.Type == Overlaps && p.Score != 0:
		return bad("OVERLAPS takes no score, got %d", p.Score)
	case p.Type == Supports && (p.Score < 1 || p.Score > 3):
		return bad("score %d is not in +1..+3", p.Score)
	case p.Type == ConflictsWith && (p.Score < -3 || p.Score > -1):
		return bad("score %d is not in -3..-1", p.Score)
	case p.Type != Overlaps && p.Type != Supports && p.Type != ConflictsWith:
		return bad("unknown type")
	case p.Similarity < 0 || p.Similarity > 1 || p.Confidence < 0 || p.Confidence > 1:
		return bad("similarity %.2f and confidence %.2f must be in [0, 1]", p.Similarity, p.Confidence)
	}
	return nil
}
