// Package proposition turns the analyses into the draft of the study's
// shared proposition: per study theme and overall, the red thread (clusters
// with the broadest cross-sector support), the choices to make (conflicts,
// both sides and the team's decisions), the gaps, the actors who must act
// and the scenarios the theme's recommendations fit. Every statement cites
// the recommendations or conflicts it rests on, and through them the
// documents (title, year, URL). Build is pure; the writers render a Draft
// as Markdown, one self-contained HTML file, DOCX or JSON, in Dutch (the
// default) or English.
package proposition

import (
	"slices"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Formats lists the formats Write takes; Langs the languages, default first.
var (
	Formats = []string{"md", "html", "docx", "json"}
	Langs   = []string{"nl", "en"}
)

// Input is what a draft is built from.
type Input struct {
	// Graph is the snapshot restricted to the scope; Report its analyses.
	Graph  *analysis.Graph
	Report *analysis.Report
	// Conflicts as stored, with the team's decisions.
	Conflicts []*rodedraad.Conflict
	// Nodes by id, for titles in Lang and documents' years and URLs; a
	// missing one falls back to the graph's name.
	Nodes map[string]rodedraad.Node
	// Lang is nl (default) or en. GraphVersion is the version the graph
	// was read at.
	Lang         string
	GraphVersion int64
	// Previous is the record of an earlier draft over the same scope: the
	// draft then says what changed since it.
	Previous *Record
}

// Draft is the proposition as a structured value.
type Draft struct {
	Title        string         `json:"title"`
	Lang         string         `json:"lang"`
	GraphVersion int64          `json:"graphVersion"`
	Scope        analysis.Scope `json:"scope"`
	// Intro says what the draft is and how to read its citations.
	Intro Statement `json:"intro"`
	// Changes since Previous; nil when no earlier version was asked for.
	Changes *Changes `json:"changes,omitempty"`
	// Overall comes first, then one section per study theme in scope.
	Overall Section   `json:"overall"`
	Themes  []Section `json:"themes"`
	// Sources are the documents the draft cites, by id.
	Sources []Source `json:"sources"`
	// Dropped are sentences of model-written prose that were left out
	// because they cite nothing or what is not in scope.
	Dropped []DroppedSentence `json:"dropped,omitempty"`
}

// Section is the draft for one theme (Theme "" is the overall section).
type Section struct {
	Theme string `json:"theme,omitempty"`
	Name  string `json:"name"`
	// Summary is a short text over the whole section: from the template,
	// or written by a language model and checked.
	Summary   []Statement `json:"summary"`
	RedThread []Thread    `json:"redThread"`
	// NoThread is set when no cluster of the theme is a red-thread
	// candidate: RedThread then holds the nearest clusters.
	NoThread  bool        `json:"noThread,omitempty"`
	Choices   []Choice    `json:"choices"`
	Gaps      []Statement `json:"gaps"`
	Actors    []Statement `json:"actors"`
	Scenarios []Statement `json:"scenarios"`
}

// Statement is one sentence of the draft with what it rests on: ids of
// recommendations or conflicts (Cites) and the documents they stand in.
type Statement struct {
	Text  string   `json:"text"`
	Cites []string `json:"cites"`
	Docs  []string `json:"docs,omitempty"`
}

// Thread is one cluster of the red thread.
type Thread struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	// Members with their titles, in the draft's language.
	Members   []Item   `json:"members"`
	Sectors   []string `json:"sectors"`
	Backers   []string `json:"backers"`
	GAC       float64  `json:"gac"`
	Echo      int      `json:"echoDocuments"`
	Candidate bool     `json:"candidate"`
	Statement
}

// Item is a recommendation or scenario named in the draft.
type Item struct {
	ID    string   `json:"id"`
	Title string   `json:"title"`
	Docs  []string `json:"docs,omitempty"`
}

// Choice is one conflict the team must decide, or has decided.
type Choice struct {
	ID    string                  `json:"id"`
	Topic string                  `json:"topic"`
	State rodedraad.ConflictState `json:"state"`
	// Decision and Rationale of the latest decision, with who took it.
	Decision  string `json:"decision,omitempty"`
	Rationale string `json:"rationale,omitempty"`
	By        string `json:"by,omitempty"`
	SideA     Camp   `json:"sideA"`
	SideB     Camp   `json:"sideB"`
	Severity  int    `json:"severity"`
	Statement
}

// Camp is one side of a choice: its items and who backs them.
type Camp struct {
	Items   []Item   `json:"items"`
	Backers []string `json:"backers"`
	Sectors []string `json:"sectors"`
}

// Source is a cited document.
type Source struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Year  int    `json:"year,omitempty"`
	URL   string `json:"url,omitempty"`
}

// DroppedSentence is a model-written sentence that failed the citation
// check, with the reason.
type DroppedSentence struct {
	Section string `json:"section"`
	Text    string `json:"text"`
	Reason  string `json:"reason"`
}

// Check returns BAD_USER_INPUT when format or lang is not one Write takes.
func Check(format, lang string) error {
	if !slices.Contains(Formats, format) {
		return rodedraad.Errorf(rodedraad.EINVALID, "format %q is not one of md, html, docx, json", format)
	}
	if lang != "" && !slices.Contains(Langs, lang) {
		return rodedraad.Errorf(rodedraad.EINVALID, "lang %q is not one of nl, en", lang)
	}
	return nil
}

// NeededIDs lists the ids whose nodes a draft names, so that a second
// Build can show their titles in its language and the documents' years and
// URLs: everything the draft cites, its members and sides, its sources,
// and the themes of the graph.
func NeededIDs(d *Draft, g *analysis.Graph) []string {
	set := map[string]bool{}
	add := func(ids ...string) {
		for _, id := range ids {
			set[id] = true
		}
	}
	items := func(its []Item) {
		for _, it := range its {
			add(it.ID)
			add(it.Docs...)
		}
	}
	for _, s := range append([]Section{d.Overall}, d.Themes...) {
		for _, t := range s.RedThread {
			items(t.Members)
		}
		for _, c := range s.Choices {
			add(c.ID)
			items(c.SideA.Items)
			items(c.SideB.Items)
		}
		for _, st := range d.statements(s) {
			add(st.Cites...)
			add(st.Docs...)
		}
	}
	for _, n := range g.Nodes {
		if n.Label == rodedraad.LabelTheme {
			add(n.ID)
		}
	}
	out := make([]string, 0, len(set))
	for id := range set {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// statements returns every statement of a section, in reading order.
func (d *Draft) statements(s Section) []Statement {
	out := slices.Clone(s.Summary)
	for _, t := range s.RedThread {
		out = append(out, t.Statement)
	}
	for _, c := range s.Choices {
		out = append(out, c.Statement)
	}
	out = append(out, s.Gaps...)
	out = append(out, s.Actors...)
	return append(out, s.Scenarios...)
}

// Statements returns every statement of the draft that cites something or
// should: the intro, the changes and each section's.
func (d *Draft) Statements() []Statement {
	out := []Statement{d.Intro}
	if d.Changes != nil {
		out = append(out, d.Changes.Statements...)
	}
	for _, s := range append([]Section{d.Overall}, d.Themes...) {
		out = append(out, d.statements(s)...)
	}
	return out
}
