package proposition

import (
	"fmt"
	"strings"
)

// flat is a draft as the writers see it: headings, paragraphs, bullet
// lists and tables in the draft's language, with numbered notes that hold
// the citations (ids, then documents with title, year and URL).
type flat struct {
	lang, title string
	blocks      []block
	notes       []string
}

type blockKind int

const (
	heading blockKind = iota
	paragraph
	bullets
	grid
)

type block struct {
	kind  blockKind
	level int    // heading: 2 or 3
	text  string // heading or paragraph
	note  int    // paragraph: its note, 0 for none
	lines []line // bullets
	head  []string
	rows  []line // grid: cells in line.cells
}

// line is a bullet (text) or a table row (cells), with its note.
type line struct {
	text  string
	cells []string
	note  int
}

// flatten lays a draft out in reading order.
func flatten(d *Draft) *flat {
	f := &flat{lang: d.Lang, title: d.Title}
	src := map[string]Source{}
	for _, s := range d.Sources {
		src[s.ID] = s
	}
	f.para(d.Intro, src)
	if d.Changes != nil {
		f.head(2, fmt.Sprintf(w(d.Lang, "changes"), d.Changes.Since))
		f.list(d.Changes.Statements, src)
	}
	f.section(d.Overall, src)
	for _, s := range d.Themes {
		f.section(s, src)
	}
	f.sources(d)
	if len(d.Dropped) > 0 {
		f.head(2, w(d.Lang, "dropped"))
		var ls []line
		for _, x := range d.Dropped {
			ls = append(ls, line{text: x.Section + ": " + x.Text + " (" + x.Reason + ")"})
		}
		f.blocks = append(f.blocks, block{kind: bullets, lines: ls})
	}
	return f
}

func (f *flat) head(level int, text string) {
	f.blocks = append(f.blocks, block{kind: heading, level: level, text: text})
}

func (f *flat) para(s Statement, src map[string]Source) {
	f.blocks = append(f.blocks, block{kind: paragraph, text: s.Text, note: f.cite(s, src)})
}

func (f *flat) list(ss []Statement, src map[string]Source) {
	if len(ss) == 0 {
		f.blocks = append(f.blocks, block{kind: paragraph, text: w(f.lang, "none")})
		return
	}
	b := block{kind: bullets}
	for _, s := range ss {
		b.lines = append(b.lines, line{text: s.Text, note: f.cite(s, src)})
	}
	f.blocks = append(f.blocks, b)
}

// cite adds the note of a statement and returns its number; 0 when it
// cites nothing.
func (f *flat) cite(s Statement, src map[string]Source) int {
	if len(s.Cites) == 0 {
		return 0
	}
	parts := []string{strings.Join(s.Cites, ", ")}
	if len(s.Docs) <= maxFullSources {
		for _, d := range s.Docs {
			parts = append(parts, sourceText(d, src[d]))
		}
		f.notes = append(f.notes, strings.Join(parts, " · "))
		return len(f.notes)
	}
	// A note over many documents names them by id and year; their titles
	// and URLs stand once in the sources, so the note stays readable.
	short := make([]string, len(s.Docs))
	for i, d := range s.Docs {
		short[i] = d
		if y := src[d].Year; y > 0 {
			short[i] += fmt.Sprintf(" (%d)", y)
		}
	}
	parts = append(parts, strings.Join(short, ", ")+" — "+w(f.lang, "seeSources"))
	f.notes = append(f.notes, strings.Join(parts, " · "))
	return len(f.notes)
}

// maxFullSources is how many documents a note gives with title and URL.
const maxFullSources = 3

// sourceText is "D06 Title (2023), URL".
func sourceText(id string, s Source) string {
	t := id
	if s.Title != "" && s.Title != id {
		t += " " + s.Title
	}
	if s.Year > 0 {
		t += fmt.Sprintf(" (%d)", s.Year)
	}
	if s.URL != "" {
		t += ", " + s.URL
	}
	return t
}

func (f *flat) section(s Section, src map[string]Source) {
	l := func(k string) string { return w(f.lang, k) }
	f.head(2, s.Name)
	for _, st := range s.Summary {
		f.para(st, src)
	}
	f.head(3, l("red"))
	if s.NoThread {
		f.blocks = append(f.blocks, block{kind: paragraph, text: l("red.none")})
	}
	f.threads(s.RedThread, src)
	f.head(3, l("choices"))
	f.choices(s.Choices, src)
	f.head(3, l("gaps"))
	f.list(s.Gaps, src)
	if s.Theme != "" {
		f.head(3, l("actors"))
		f.list(s.Actors, src)
		f.head(3, l("scenarios"))
		f.list(s.Scenarios, src)
	}
}

func (f *flat) threads(ts []Thread, src map[string]Source) {
	if len(ts) == 0 {
		f.blocks = append(f.blocks, block{kind: paragraph, text: w(f.lang, "none")})
		return
	}
	l := func(k string) string { return w(f.lang, k) }
	b := block{kind: grid, head: []string{l("h.ask"), l("h.members"), l("h.support"), l("h.backers")}}
	for _, t := range ts {
		var ms []string
		for _, m := range t.Members {
			if len(t.Members) == 1 {
				ms = append(ms, m.ID)
			} else {
				ms = append(ms, m.ID+" "+m.Title)
			}
		}
		support := fmt.Sprintf(l("support"), strings.Join(sectorWords(f.lang, t.Sectors), ", "), t.GAC, t.Echo)
		b.rows = append(b.rows, line{cells: []string{t.Label, strings.Join(ms, "; "), support, strings.Join(t.Backers, ", ")},
			note: f.cite(t.Statement, src)})
	}
	f.blocks = append(f.blocks, b)
}

func sectorWords(lang string, ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = w(lang, s)
	}
	return out
}

func (f *flat) choices(cs []Choice, src map[string]Source) {
	if len(cs) == 0 {
		f.blocks = append(f.blocks, block{kind: paragraph, text: w(f.lang, "none")})
		return
	}
	for _, c := range cs {
		f.blocks = append(f.blocks, block{kind: paragraph, text: c.ID + " — " + c.Text, note: f.cite(c.Statement, src)})
		ls := []line{{text: f.camp("h.sideA", c.SideA)}, {text: f.camp("h.sideB", c.SideB)}}
		if c.Decision != "" {
			ls = append(ls, line{text: fmt.Sprintf(w(f.lang, "decided"), c.Decision) + " (" + c.By + ")"})
		}
		if c.Rationale != "" {
			ls = append(ls, line{text: fmt.Sprintf(w(f.lang, "because"), c.Rationale)})
		}
		f.blocks = append(f.blocks, block{kind: bullets, lines: ls})
	}
}

func (f *flat) camp(key string, c Camp) string {
	var items []string
	for _, it := range c.Items {
		items = append(items, it.ID+" "+it.Title)
	}
	backers := strings.Join(c.Backers, ", ")
	if backers == "" {
		backers = w(f.lang, "nobody")
	}
	return w(f.lang, key) + ": " + strings.Join(items, "; ") + " — " + w(f.lang, "h.backers") + ": " + backers
}

func (f *flat) sources(d *Draft) {
	f.head(2, w(d.Lang, "sources"))
	b := block{kind: grid, head: []string{"id", w(d.Lang, "h.doc"), w(d.Lang, "h.year"), w(d.Lang, "h.url")}}
	for _, s := range d.Sources {
		year := ""
		if s.Year > 0 {
			year = fmt.Sprint(s.Year)
		}
		b.rows = append(b.rows, line{cells: []string{s.ID, s.Title, year, s.URL}})
	}
	f.blocks = append(f.blocks, b)
}
