package rodedraad

import (
	"fmt"
	"strings"
)

// ReviewMode says how many reviewers decide an item.
type ReviewMode string

// The review modes.
const (
	// ReviewSingle: one reviewer's decision sets the item's status.
	ReviewSingle ReviewMode = "single"
	// ReviewDual: two independent reviewers decide; the status changes
	// when they agree, and a third reviewer settles a disagreement.
	ReviewDual ReviewMode = "dual"
)

// ParseReviewMode reads "single" or "dual" in any case; empty is single.
// BAD_USER_INPUT names the allowed ones.
func ParseReviewMode(s string) (ReviewMode, error) {
	switch m := ReviewMode(strings.ToLower(strings.TrimSpace(s))); m {
	case "", ReviewSingle:
		return ReviewSingle, nil
	case ReviewDual:
		return m, nil
	}
	return ReviewSingle, Errorf(EINVALID, "review mode %q is neither single nor dual", s)
}

// ReviewVote is one reviewer's decision on an item in dual review mode.
type ReviewVote struct {
	Reviewer string
	Status   Status // ACCEPTED or REJECTED
	Note     string
}

// Votes are the decisions on one item in dual review mode, oldest first,
// at most one per reviewer.
type Votes []ReviewVote

// Disagreement reports whether two reviewers decided differently and no
// third has settled it yet.
func (v Votes) Disagreement() bool {
	return len(v) == 2 && v[0].Status != v[1].Status
}

// Settled returns the status the votes decide: that of two reviewers who
// agree, or that of the third who settled their disagreement.
func (v Votes) Settled() (Status, bool) {
	switch {
	case len(v) >= 3:
		return v[2].Status, true
	case len(v) == 2 && !v.Disagreement():
		return v[1].Status, true
	}
	return "", false
}

// index returns the position of reviewer's vote, or -1.
func (v Votes) index(reviewer string) int {
	for i, x := range v {
		if x.Reviewer == reviewer {
			return i
		}
	}
	return -1
}

// Cast records vote and returns the votes after it and the status the item
// takes, empty while it stays as it is. A reviewer who decides again before
// anyone else has replaces their own decision: the same reviewer twice
// counts once. FORBIDDEN when the reviewer is one of two who disagree (a
// third must settle it); CONFLICT when the item is settled already.
func (v Votes) Cast(vote ReviewVote) (Votes, Status, error) {
	if s, ok := v.Settled(); ok {
		return v, "", Errorf(ECONFLICT, "it is decided already (%s, by %s)", s, v.reviewers())
	}
	i := v.index(vote.Reviewer)
	switch {
	case i >= 0 && len(v) == 2:
		return v, "", Errorf(EFORBIDDEN, "%s disagree on it and %q is one of them: a third reviewer settles it", v.describe(), vote.Reviewer)
	case i >= 0:
		out := append(Votes(nil), v...)
		out[i] = vote
		return out, "", nil
	}
	out := append(append(Votes(nil), v...), vote)
	s, _ := out.Settled()
	return out, s, nil
}

func (v Votes) reviewers() string {
	names := make([]string, len(v))
	for i, x := range v {
		names[i] = x.Reviewer
	}
	return strings.Join(names, ", ")
}

// describe says who decided what: `"a" (ACCEPTED) and "b" (REJECTED)`.
func (v Votes) describe() string {
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = fmt.Sprintf("%q (%s)", x.Reviewer, x.Status)
	}
	return strings.Join(parts, " and ")
}
