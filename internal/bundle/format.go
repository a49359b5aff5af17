// Package bundle reads the seeds format: YAML (or JSON) files of themes,
// actors, documents with their recommendations, scenario sets, links and
// conflicts, as docs/seed-format.md describes. It merges any number of files
// into one rodedraad.Bundle, expands nesting and group conflicts into edges,
// applies provenance defaults and validates everything without a database,
// reporting each problem with file, line and field.
package bundle

import "time"

// File is one parsed bundle file. Any file may hold any subset of the
// top-level keys; Load merges them.
type File struct {
	Defaults        *Prov            `yaml:"defaults"`
	Themes          []Theme          `yaml:"themes"`
	Actors          []Actor          `yaml:"actors"`
	Document        *Document        `yaml:"document"`
	Documents       []Document       `yaml:"documents"`
	Recommendations []Recommendation `yaml:"recommendations"`
	Scenarios       []ScenarioSet    `yaml:"scenarios"`
	Links           []Link           `yaml:"links"`
	Conflicts       []Conflict       `yaml:"conflicts"`

	name string
	pos  map[string]int // field path -> line
}

// Name is the file name Parse was given.
func (f *File) Name() string { return f.name }

// Prov holds the provenance fields every item may carry. Unset fields take
// the file's defaults, then the Options' defaults.
type Prov struct {
	Status     string     `yaml:"status"`
	Method     string     `yaml:"method"`
	Confidence *float64   `yaml:"confidence"`
	Source     *SourceRef `yaml:"source"`
	Rationale  string     `yaml:"rationale"`
	CreatedBy  string     `yaml:"createdBy"`
	CreatedAt  *time.Time `yaml:"createdAt"`
	ReviewedBy string     `yaml:"reviewedBy"`
	ReviewedAt *time.Time `yaml:"reviewedAt"`
}

// SourceRef points at the evidence for an item.
type SourceRef struct {
	Document string   `yaml:"document"`
	Page     string   `yaml:"page"`
	Quote    string   `yaml:"quote"`
	URLs     []string `yaml:"urls"`
}

// Theme is a theme node.
type Theme struct {
	ID           string `yaml:"id"`
	Name         string `yaml:"name"`
	Description  string `yaml:"description"`
	InStudyScope bool   `yaml:"inStudyScope"`
	// Translation gives the name in Dutch (title).
	Translation *Translation `yaml:"translation"`
	Prov        `yaml:",inline"`
}

// Actor is an actor node.
type Actor struct {
	ID      string   `yaml:"id"`
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
	Kind    string   `yaml:"kind"`
	Sector  string   `yaml:"sector"`
	Level   string   `yaml:"level"`
	Note    string   `yaml:"note"`
	Prov    `yaml:",inline"`
}

// Document is a document node with its AUTHORED, DESCRIBES and CONTAINS
// relations nested.
type Document struct {
	ID              string           `yaml:"id"`
	Title           string           `yaml:"title"`
	Kind            string           `yaml:"kind"`
	Year            int              `yaml:"year"`
	Date            string           `yaml:"date"`
	URLs            []string         `yaml:"urls"`
	Language        string           `yaml:"language"`
	EvidenceLevel   string           `yaml:"evidenceLevel"`
	Summary         string           `yaml:"summary"`
	Note            string           `yaml:"note"`
	Authors         []Author         `yaml:"authors"`
	Scenarios       []string         `yaml:"scenarios"`
	Recommendations []Recommendation `yaml:"recommendations"`
	Prov            `yaml:",inline"`
}

// Author is an AUTHORED relation from an actor to the enclosing document.
type Author struct {
	Actor string `yaml:"actor"`
	Role  string `yaml:"role"`
	Prov  `yaml:",inline"`
}

// Recommendation is a recommendation node with its ADDRESSES, ASSIGNED_TO
// and actor stances nested. Inside a document it is CONTAINed by it, with
// page and quote on that edge.
type Recommendation struct {
	ID          string       `yaml:"id"`
	Title       string       `yaml:"title"`
	Text        string       `yaml:"text"`
	Kind        string       `yaml:"kind"`
	Level       string       `yaml:"level"`
	Horizon     int          `yaml:"horizon"`
	Language    string       `yaml:"language"`
	Uncertainty string       `yaml:"uncertainty"`
	Translation *Translation `yaml:"translation"`
	Themes      []string     `yaml:"themes"`
	AssignedTo  []string     `yaml:"assignedTo"`
	SupportedBy []string     `yaml:"supportedBy"`
	OpposedBy   []string     `yaml:"opposedBy"`
	Page        string       `yaml:"page"`
	Quote       string       `yaml:"quote"`
	Prov        `yaml:",inline"`
}

// ScenarioSet is a family of named scenarios, described by a document.
type ScenarioSet struct {
	Family    string     `yaml:"family"`
	Name      string     `yaml:"name"`
	Document  string     `yaml:"document"`
	Source    *SourceRef `yaml:"source"`
	Scenarios []Scenario `yaml:"scenarios"`
}

// Scenario is a scenario node; documents adds DESCRIBES relations to those
// of its set, includes adds INCLUDES relations.
type Scenario struct {
	ID          string   `yaml:"id"`
	Name        string   `yaml:"name"`
	Description string   `yaml:"description"`
	Finding     string   `yaml:"finding"`
	Horizon     int      `yaml:"horizon"`
	Documents   []string `yaml:"documents"`
	Includes    []string `yaml:"includes"`
	Prov        `yaml:",inline"`
}

// Link is any relationship written out: mostly SUPPORTS, CONFLICTS_WITH
// and OVERLAPS between recommendations and scenarios, or an actor's stance.
type Link struct {
	Type       string   `yaml:"type"`
	From       string   `yaml:"from"`
	To         string   `yaml:"to"`
	Score      *int     `yaml:"score"`
	Weight     *float64 `yaml:"weight"`
	Similarity *float64 `yaml:"similarity"`
	Role       string   `yaml:"role"`
	Page       string   `yaml:"page"`
	Quote      string   `yaml:"quote"`
	Prov       `yaml:",inline"`
}

// Conflict is a conflict between two groups of recommendations or
// scenarios. It becomes a Conflict node with SIDE_A and SIDE_B edges, and
// expands to one CONFLICTS_WITH edge from every item of SideA to every item
// of SideB, scored Score, or -2 for EXPLICIT and -1 for INFERRED strength.
// History holds the study team's decisions on it, oldest first.
type Conflict struct {
	ID       string     `yaml:"id"`
	Topic    string     `yaml:"topic"`
	Summary  string     `yaml:"summary"`
	Strength string     `yaml:"strength"`
	Score    *int       `yaml:"score"`
	SideA    []string   `yaml:"sideA"`
	SideB    []string   `yaml:"sideB"`
	Evidence []string   `yaml:"evidence"`
	History  []Decision `yaml:"history"`
	// Translation gives topic and summary in Dutch (the conflict's own
	// wording is English).
	Translation *ConflictTranslation `yaml:"translation"`
	Prov        `yaml:",inline"`
}

// Translation is a recommendation's title and text in its other language.
type Translation struct {
	Language string `yaml:"language"`
	Title    string `yaml:"title"`
	Text     string `yaml:"text"`
	Method   string `yaml:"method"`
}

// ConflictTranslation is a conflict's topic and summary in its other
// language.
type ConflictTranslation struct {
	Language string `yaml:"language"`
	Topic    string `yaml:"topic"`
	Summary  string `yaml:"summary"`
	Method   string `yaml:"method"`
}

// Decision is one status change of a conflict by the study team.
type Decision struct {
	State     string    `yaml:"state"`
	Decision  string    `yaml:"decision"`
	Rationale string    `yaml:"rationale"`
	By        string    `yaml:"by"`
	At        time.Time `yaml:"at"`
}
