package rodedraad

import "slices"

// ReviewRef names one item to review: a node by ID, or an edge by Type,
// From and To.
type ReviewRef struct {
	ID       string
	Type     RelType
	From, To string
}

// IsEdge reports whether r names an edge.
func (r ReviewRef) IsEdge() bool { return r.Type != "" || r.From != "" || r.To != "" }

// Validate returns EINVALID unless r names exactly one node or one edge.
func (r ReviewRef) Validate() error {
	switch {
	case r.ID != "" && r.IsEdge():
		return Errorf(EINVALID, "give either id (a node) or type, from and to (an edge), not both")
	case r.ID != "":
		return nil
	case r.Type == "" || r.From == "" || r.To == "":
		return Errorf(EINVALID, "give id to review a node, or type, from and to to review an edge")
	case !slices.Contains(RelTypes, r.Type):
		return Errorf(EINVALID, "type %q is not a relationship type", r.Type)
	}
	return nil
}

// Membership edges come with the item they attach: accepting or rejecting an
// extracted recommendation decides its document, themes and addressees too.
// They are listed in the review queue only when asked for by type.
var MembershipRelTypes = []RelType{RelContains, RelAddresses, RelAssignedTo, RelIncludes}

// QueueKinds are what the review queue lists unless asked for other kinds:
// every node label and the interaction edges.
func QueueKinds() []string {
	out := make([]string, 0, len(Labels)+3)
	for _, l := range Labels {
		out = append(out, string(l))
	}
	for _, t := range RelTypes {
		if !slices.Contains(MembershipRelTypes, t) && t != RelAuthored && t != RelDescribes {
			out = append(out, string(t))
		}
	}
	return out
}

// ReviewFilter narrows the review queue: node labels or relationship types
// (Kinds), methods, and documents the items come from.
type ReviewFilter struct {
	Kinds     []string
	Methods   []string
	Documents []string
	// Disagreements keeps only items two reviewers decided differently,
	// which wait for a third (dual review mode).
	Disagreements bool
	// PendingFor, when set, leaves out the items this reviewer decided
	// already: what still needs their decision.
	PendingFor string
}

// ReviewItem is one PROPOSED node or edge in the review queue, with the
// passage of its source document that holds its quote, when there is one.
type ReviewItem struct {
	Key     string // the node's id, or TYPE:from->to
	Node    Node
	Edge    *Edge
	Context *Passage
	// Votes are the decisions so far in dual review mode; none in single
	// mode.
	Votes Votes
}

// Disagreement reports whether two reviewers decided the item differently
// in dual review mode and a third must settle it.
func (it ReviewItem) Disagreement() bool { return it.Votes.Disagreement() }
