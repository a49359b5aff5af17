package rodedraad

// Passage is a piece of an ingested document's text, about a paragraph, on
// one page. Passages keep the text under the graph, so that every extracted
// item can show its context and the text can be searched. They are not
// entities: the analyses never see them.
type Passage struct {
	ID       string `json:"id"`
	Document string `json:"document"`
	Index    int    `json:"index"`
	Page     int    `json:"page"`
	Start    int    `json:"start"` // code-point offsets into the document's text
	End      int    `json:"end"`
	Text     string `json:"text"`
}

// Validate returns EINVALID naming the first field that is wrong.
func (p *Passage) Validate() error {
	switch {
	case p.Start < 0 || p.End < p.Start:
		return Errorf(EINVALID, "passage %s: offsets %d..%d are not a range", p.ID, p.Start, p.End)
	case p.Page < 0:
		return Errorf(EINVALID, "passage %s: page %d is negative", p.ID, p.Page)
	}
	return firstError(ValidateID("passage id", p.ID), ValidateID("passage document", p.Document),
		requireText("passage text", p.Text))
}

// PassageHit is a passage found by full-text search, with its score.
type PassageHit struct {
	Passage Passage
	Score   float64
}

// IngestResult says what storing one ingested document did.
type IngestResult struct {
	DocumentID string `json:"documentId"`
	// Unchanged is true when the graph held this very file already; then
	// nothing was written.
	Unchanged bool `json:"unchanged"`
	// Version counts the versions of the file; Supersedes names the one
	// this version replaces.
	Version    int    `json:"version"`
	Supersedes string `json:"supersedes,omitempty"`
	// New counts this version's items whose quote the earlier version did
	// not have, Gone the earlier version's items whose quote is gone, Kept
	// the rest. Without an earlier version every item is New.
	New      int `json:"new"`
	Gone     int `json:"gone"`
	Kept     int `json:"kept"`
	Passages int `json:"passages"`
}
