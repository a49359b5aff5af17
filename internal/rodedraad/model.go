package rodedraad

import "time"

// Provenance and review, carried by every node and every edge: where an item
// came from, how sure we are, and whether a person has accepted it.
type Provenance struct {
	Status     Status     `json:"status,omitempty"`
	Method     Method     `json:"method,omitempty"`
	Confidence *float64   `json:"confidence,omitempty"`
	Source     Source     `json:"source,omitzero"`
	Rationale  string     `json:"rationale,omitempty"`
	CreatedBy  string     `json:"createdBy,omitempty"`
	Model      string     `json:"model,omitempty"` // the language model that made the item, for method LLM
	CreatedAt  time.Time  `json:"createdAt,omitzero"`
	ReviewedBy string     `json:"reviewedBy,omitempty"`
	ReviewedAt *time.Time `json:"reviewedAt,omitempty"`
}

// Source points at the evidence for an item: a document, a page, a quote and
// the URLs where it was read. Start and End, for items ingested from a
// document's text, are the quote's code-point offsets into that text.
type Source struct {
	Document string   `json:"document,omitempty"`
	Page     string   `json:"page,omitempty"`
	Quote    string   `json:"quote,omitempty"`
	URLs     []string `json:"urls,omitempty"`
	Start    *int     `json:"start,omitempty"`
	End      *int     `json:"end,omitempty"`
}

// Theme is one of the study's seven themes, or a theme outside its scope.
type Theme struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	Description  string `json:"description,omitempty"`
	InStudyScope bool   `json:"inStudyScope"`
	// Translation holds the name (Title) in Dutch; the seeds name themes
	// in English.
	Translation *Translation `json:"translation,omitempty"`
	Provenance
}

// NameIn returns the theme's name in lang (nl, en), falling back to its own.
func (t *Theme) NameIn(lang string) string {
	return inLang(t.Name, "en", t.Translation.title(), t.Translation, lang)
}

// Actor is an organisation that publishes, endorses, opposes or must act.
type Actor struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
	Kind    string   `json:"kind"`
	Sector  string   `json:"sector"`
	Level   string   `json:"level,omitempty"`
	Note    string   `json:"note,omitempty"`
	Provenance
}

// Document is a plan, study, advice or letter.
type Document struct {
	ID            string   `json:"id"`
	Title         string   `json:"title"`
	Kind          string   `json:"kind"`
	Year          int      `json:"year,omitempty"`
	Date          string   `json:"date,omitempty"`
	URLs          []string `json:"urls,omitempty"`
	Language      string   `json:"language,omitempty"`
	EvidenceLevel string   `json:"evidenceLevel,omitempty"`
	Summary       string   `json:"summary,omitempty"`
	Note          string   `json:"note,omitempty"`
	Ingest
	Provenance
}

// Ingest describes the file a document was ingested from; it is empty for
// documents entered by hand or seeded. Each version of a file is a document
// of its own: Supersedes names the version it replaces.
type Ingest struct {
	// Path is where the file was read, made absolute: what tells a new
	// version of a file from another file of the same name.
	Path       string `json:"path,omitempty"`
	FileName   string `json:"fileName,omitempty"`
	Format     string `json:"format,omitempty"`
	SHA256     string `json:"sha256,omitempty"`
	Pages      int    `json:"pages,omitempty"`
	Version    int    `json:"version,omitempty"`
	Supersedes string `json:"supersedes,omitempty"`
}

// Recommendation is one recommendation, conclusion, commitment, goal or
// position taken from a document.
type Recommendation struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Text        string `json:"text"`
	Kind        string `json:"kind"`
	Level       string `json:"level,omitempty"`
	Horizon     int    `json:"horizon,omitempty"`
	Language    string `json:"language,omitempty"`
	Uncertainty string `json:"uncertainty,omitempty"`
	// Translation is the title and text in the other language.
	Translation *Translation `json:"translation,omitempty"`
	Provenance
}

// Scenario is a named future in a scenario set (its family).
type Scenario struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Finding     string `json:"finding,omitempty"`
	Horizon     int    `json:"horizon,omitempty"`
	Family      string `json:"family,omitempty"`
	FamilyName  string `json:"familyName,omitempty"`
	Provenance
}

// Edge is one relationship with its properties. Which properties apply
// depends on Type: Score for SUPPORTS and CONFLICTS_WITH between
// recommendations and scenarios, Weight for ADDRESSES, Similarity for
// OVERLAPS, Role for AUTHORED, Page and Quote for CONTAINS; ConflictID, Topic,
// Summary and Evidence for conflicts expanded from a seed conflict.
type Edge struct {
	Type       RelType  `json:"type"`
	From       string   `json:"from"`
	To         string   `json:"to"`
	Score      *int     `json:"score,omitempty"`
	Weight     *float64 `json:"weight,omitempty"`
	Similarity *float64 `json:"similarity,omitempty"`
	Role       string   `json:"role,omitempty"`
	Page       string   `json:"page,omitempty"`
	Quote      string   `json:"quote,omitempty"`
	ConflictID string   `json:"conflictId,omitempty"`
	Topic      string   `json:"topic,omitempty"`
	Summary    string   `json:"summary,omitempty"`
	Evidence   []string `json:"evidence,omitempty"`
	Provenance
}

// Bundle is a set of nodes and edges to upsert in one transaction: what the
// seeds, `rodedraad import` and the importBundle mutation load.
type Bundle struct {
	Themes          []Theme
	Actors          []Actor
	Documents       []Document
	Recommendations []Recommendation
	Scenarios       []Scenario
	Conflicts       []Conflict
	Edges           []Edge
	Passages        []Passage
}

// Counts summarises a bundle by kind.
type Counts struct {
	Themes, Actors, Documents, Recommendations, Scenarios, Conflicts int
	Edges                                                            map[RelType]int
}

// Count returns how many items of each kind b holds.
func (b *Bundle) Count() Counts {
	c := Counts{
		Themes: len(b.Themes), Actors: len(b.Actors), Documents: len(b.Documents),
		Recommendations: len(b.Recommendations), Scenarios: len(b.Scenarios), Conflicts: len(b.Conflicts),
		Edges: map[RelType]int{},
	}
	for _, e := range b.Edges {
		c.Edges[e.Type]++
	}
	return c
}

// Link is one edge seen from a node: the edge, with its properties promoted,
// and the node at its other end. Via says how an endorsement came about:
// STANCE (a SUPPORTS edge from the actor) or AUTHORED (the actor published
// or wrote the containing document); it is empty for other links.
type Link struct {
	Edge
	Other Node
	Via   string
}

// Direction says which way to follow a relationship from a node.
type Direction int

const (
	Out  Direction = iota // (n)-[r]->(other)
	In                    // (n)<-[r]-(other)
	Both                  // either way, for the symmetric OVERLAPS
)

// LinkQuery names one relationship field: a type, a direction and,
// optionally, the label the other end must have.
type LinkQuery struct {
	Type      RelType
	Dir       Direction
	OtherKind Label
}

// Hit is one search result with its relevance score.
type Hit struct {
	Node  Node
	Score float64
}

// Subgraph is a set of nodes and the edges among them, ready to draw.
type Subgraph struct {
	Nodes     []Node
	Edges     []Edge
	Truncated bool
}

// Translation is an item's title and text in the language its source was
// not written in (or was, when the item's own text is a rendering), marked
// with how it was made.
type Translation struct {
	Language string `json:"language"`
	Title    string `json:"title,omitempty"`
	Text     string `json:"text,omitempty"`
	// Method: SOURCE (the source's own wording), MANUAL (a faithful
	// rendering by a person) or LLM (a rendering made with a language
	// model's help).
	Method string `json:"method"`
}

// TranslationMethods lists how a translation can be made.
var TranslationMethods = []string{"SOURCE", "MANUAL", "LLM"}

// Validate checks a translation: a known language and method, and a title
// or a text. It returns EINVALID naming what is wrong.
func (t *Translation) Validate() error {
	if t.Title == "" && t.Text == "" {
		return Errorf(EINVALID, "translation needs a title or a text")
	}
	return firstError(ValidateEnum("translation.language", t.Language, Languages, true),
		ValidateEnum("translation.method", t.Method, TranslationMethods, true))
}

// inLang picks the wording of an item in lang: its own when lang is its
// language (or empty, or no translation into lang exists), else the
// translation's.
func inLang(own, ownLang, translated string, t *Translation, lang string) string {
	if lang == "" || lang == ownLang || t == nil || t.Language != lang || translated == "" {
		return own
	}
	return translated
}

// TitleIn returns the recommendation's title in lang (nl, en), falling back
// to its own title.
func (r *Recommendation) TitleIn(lang string) string {
	return inLang(r.Title, r.Language, r.Translation.title(), r.Translation, lang)
}

// TextIn returns the recommendation's text in lang, falling back to its own.
func (r *Recommendation) TextIn(lang string) string {
	return inLang(r.Text, r.Language, r.Translation.text(), r.Translation, lang)
}

func (t *Translation) title() string {
	if t == nil {
		return ""
	}
	return t.Title
}

func (t *Translation) text() string {
	if t == nil {
		return ""
	}
	return t.Text
}
