package proposition

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Limits of the template: how many clusters a section shows as its red
// thread (fewer when no cluster is a candidate), how many actors and
// scenarios, and how many ids a statement lists before "…".
const (
	maxThreads   = 7
	maxNearest   = 3
	maxActors    = 8
	maxScenarios = 5
)

// builder holds what every section needs.
type builder struct {
	in      Input
	lang    string
	docs    map[string]bool // documents cited so far
	stored  map[string]*rodedraad.Conflict
	themeOf map[string][]string // recommendation → themes
}

// Build makes the draft from in. BAD_USER_INPUT for an unknown language;
// EINVALID when the graph or its report is missing.
func Build(in Input) (*Draft, error) {
	if err := Check("md", in.Lang); err != nil {
		return nil, err
	}
	if in.Graph == nil || in.Report == nil {
		return nil, rodedraad.Errorf(rodedraad.EINVALID, "a draft needs the graph and its report")
	}
	b := &builder{in: in, lang: cmp.Or(in.Lang, "nl"), docs: map[string]bool{},
		stored: map[string]*rodedraad.Conflict{}, themeOf: map[string][]string{}}
	for _, c := range in.Conflicts {
		b.stored[c.ID] = c
	}
	for _, n := range in.Graph.Nodes {
		if n.Label == rodedraad.LabelRecommendation {
			b.themeOf[n.ID] = n.Themes
		}
	}
	d := &Draft{Title: b.w("title"), Lang: b.lang, GraphVersion: in.GraphVersion, Scope: in.Report.Scope}
	d.Intro = Statement{Text: fmt.Sprintf(b.w("intro"), in.GraphVersion), Cites: []string{}}
	d.Overall = b.section("")
	for _, t := range b.studyThemes() {
		d.Themes = append(d.Themes, b.section(t))
	}
	if in.Previous != nil {
		d.Changes = b.changes(in.Previous)
	}
	d.Sources = b.sources()
	return d, nil
}

func (b *builder) w(key string) string { return w(b.lang, key) }

func (b *builder) f(key string, args ...any) string { return fmt.Sprintf(b.w(key), args...) }

// studyThemes are the study's themes the scope shows, by id.
func (b *builder) studyThemes() []string {
	var out []string
	for _, n := range b.in.Graph.Nodes {
		if n.Label == rodedraad.LabelTheme && n.InStudyScope &&
			(len(b.in.Report.Scope.Themes) == 0 || slices.Contains(b.in.Report.Scope.Themes, n.ID)) {
			out = append(out, n.ID)
		}
	}
	slices.Sort(out)
	return out
}

// section builds the draft of one theme, or the overall one for "".
func (b *builder) section(theme string) Section {
	s := Section{Theme: theme, Name: b.w("overall")}
	if theme != "" {
		s.Name = b.title(theme)
	}
	s.RedThread, s.NoThread = b.threads(theme)
	s.Choices = b.choices(theme)
	s.Gaps = b.gaps(theme)
	if theme != "" {
		s.Actors = b.actors(theme)
		s.Scenarios = b.scenarios(theme)
	}
	s.Summary = []Statement{b.summary(&s)}
	return s
}

// summary is the section's opening sentence; it cites the red thread's
// medoids and the open conflicts.
func (b *builder) summary(s *Section) Statement {
	var cites []string
	threads, open := 0, 0
	if !s.NoThread {
		threads = len(s.RedThread)
		for _, t := range s.RedThread {
			cites = append(cites, t.ID)
		}
	}
	for _, c := range s.Choices {
		if c.State == rodedraad.ConflictOpen {
			open++
			cites = append(cites, c.ID)
		}
	}
	if s.Theme == "" {
		return b.stmt(b.f("s.all", threads, open, len(s.Choices)), cites...)
	}
	return b.stmt(b.f("s.theme", s.Name, threads, open, len(s.Gaps)), cites...)
}

// title is a node's title or name in the draft's language, falling back to
// the graph's name and then to the id.
func (b *builder) title(id string) string {
	if t := rodedraad.NameIn(b.in.Nodes[id], b.lang); t != "" {
		return t
	}
	if n, ok := b.in.Graph.Node(id); ok && n.Name != "" {
		return n.Name
	}
	return id
}

// stmt makes a statement citing ids (recommendations, scenarios or
// conflicts) and the documents they stand in, which become sources.
func (b *builder) stmt(text string, cites ...string) Statement {
	s := Statement{Text: text, Cites: []string{}}
	seen := map[string]bool{}
	for _, id := range cites {
		if seen[id] {
			continue
		}
		seen[id] = true
		s.Cites = append(s.Cites, id)
		s.Docs = append(s.Docs, b.docsOf(id)...)
	}
	slices.Sort(s.Docs)
	s.Docs = slices.Compact(s.Docs)
	for _, d := range s.Docs {
		b.docs[d] = true
	}
	return s
}

// docsOf returns the documents of a recommendation, or of both sides of a
// conflict.
func (b *builder) docsOf(id string) []string {
	if n, ok := b.in.Graph.Node(id); ok {
		return n.Documents
	}
	for _, g := range b.in.Report.Conflicts {
		if g.ID == id {
			return append(slices.Clone(g.SideA.Documents), g.SideB.Documents...)
		}
	}
	return nil
}

// item names a recommendation or scenario with its title and documents.
func (b *builder) item(id string) Item {
	it := Item{ID: id, Title: b.title(id)}
	if n, ok := b.in.Graph.Node(id); ok {
		it.Docs = n.Documents
	}
	return it
}

func (b *builder) sectorNames(ss []string) string {
	if len(ss) == 0 {
		return b.w("nobody")
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = b.w(s)
	}
	return strings.Join(out, ", ")
}

// sources lists the cited documents with title, year and first URL.
func (b *builder) sources() []Source {
	out := []Source{}
	for id := range b.docs {
		s := Source{ID: id, Title: b.title(id)}
		if d, ok := b.in.Nodes[id].(*rodedraad.Document); ok {
			s.Year = d.Year
			if len(d.URLs) > 0 {
				s.URL = d.URLs[0]
			}
		}
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, c Source) int { return cmp.Compare(a.ID, c.ID) })
	return out
}

// addresses reports whether recommendation id addresses theme ("" for any).
func (b *builder) addresses(id, theme string) bool {
	return theme == "" || slices.Contains(b.themeOf[id], theme)
}

func touches(themes []string, theme string) bool {
	return theme == "" || slices.Contains(themes, theme)
}

// clusterIDs and other id lists are cut for a sentence's text; the
// citations keep them all.
func short(ids []string, n int) string {
	if len(ids) <= n {
		return strings.Join(ids, ", ")
	}
	return strings.Join(ids[:n], ", ") + fmt.Sprintf(" … (+%d)", len(ids)-n)
}
