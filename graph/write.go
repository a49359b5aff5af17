package graph

import (
	"math"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/rodedraad/rodedraad/graph/model"
	"github.com/rodedraad/rodedraad/internal/jsontext"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// writer writes the JSON of a compiled read's answer, field by field of
// the GraphQL selection, the way gqlgen marshals it (direct.go says why).
// Each method reports whether it could: false leaves the root field to
// gqlgen. It knows the fields plan.go compiles and no others.
type writer struct {
	buf []byte
	op  *graphql.OperationContext
	// items counts the list items written, for the request's budget.
	items  int
	fields map[fieldsKey][]graphql.CollectedField
	langs  map[*ast.Field]string
}

// fieldsKey names one selection set collected for one type: the same set
// meets every item of a list.
type fieldsKey struct {
	first *ast.Selection
	typ   string
}

func newWriter(op *graphql.OperationContext) *writer {
	return &writer{buf: make([]byte, 0, 4096), op: op, fields: map[fieldsKey][]graphql.CollectedField{}, langs: map[*ast.Field]string{}}
}

// collect returns the fields of sel on an object of type typ, as gqlgen
// collects them (fragments, @skip, @include, merged aliases).
func (w *writer) collect(sel ast.SelectionSet, typ string, satisfies []string) []graphql.CollectedField {
	if len(sel) == 0 {
		return nil
	}
	k := fieldsKey{&sel[0], typ}
	fs, ok := w.fields[k]
	if !ok {
		fs = graphql.CollectFields(w.op, sel, satisfies)
		w.fields[k] = fs
	}
	return fs
}

// object writes an object of type typ: each field of sel by field.
func (w *writer) object(sel ast.SelectionSet, typ string, satisfies []string, field func(graphql.CollectedField) bool) bool {
	w.buf = append(w.buf, '{')
	for i, cf := range w.collect(sel, typ, satisfies) {
		if i > 0 {
			w.buf = append(w.buf, ',')
		}
		w.buf = jsontext.AppendString(w.buf, cf.Alias)
		w.buf = append(w.buf, ':')
		if cf.Name == "__typename" {
			w.str(typ)
			continue
		}
		if !field(cf) {
			return false
		}
	}
	w.buf = append(w.buf, '}')
	return true
}

// connection writes a page of one kind: edges, pageInfo and totalCount.
func (w *writer) connection(sel ast.SelectionSet, label rodedraad.Label, cursors []string, info model.PageInfo, total *int, items []*rodedraad.Fetched) bool {
	typ := string(label)
	return w.object(sel, typ+"Connection", []string{typ + "Connection"}, func(cf graphql.CollectedField) bool {
		switch cf.Name {
		case "edges":
			return w.list(len(items), func(i int) bool { return w.edge(cf.Selections, typ, cursors[i], items[i]) })
		case "pageInfo":
			return w.pageInfo(cf.Selections, info)
		case "totalCount":
			if total == nil {
				return false
			}
			w.int(*total)
			return true
		}
		return false
	})
}

func (w *writer) edge(sel ast.SelectionSet, typ, cursor string, f *rodedraad.Fetched) bool {
	return w.object(sel, typ+"Edge", []string{typ + "Edge"}, func(cf graphql.CollectedField) bool {
		switch cf.Name {
		case "cursor":
			w.str(cursor)
			return true
		case "node":
			return w.node(cf.Selections, f)
		}
		return false
	})
}

func (w *writer) pageInfo(sel ast.SelectionSet, info model.PageInfo) bool {
	return w.object(sel, "PageInfo", []string{"PageInfo"}, func(cf graphql.CollectedField) bool {
		switch cf.Name {
		case "hasNextPage":
			w.bool(info.HasNextPage)
		case "endCursor":
			w.strPtr(info.EndCursor)
		default:
			return false
		}
		return true
	})
}

// nodes writes a list of fetched nodes, null where one is nil.
func (w *writer) nodes(sel ast.SelectionSet, fs []*rodedraad.Fetched) bool {
	w.items += len(fs)
	return w.list(len(fs), func(i int) bool {
		if fs[i] == nil {
			w.null()
			return true
		}
		return w.node(sel, fs[i])
	})
}

// node writes a fetched node as the GraphQL type it is.
func (w *writer) node(sel ast.SelectionSet, f *rodedraad.Fetched) bool {
	typ := string(f.Node.NodeLabel())
	satisfies, known := implementors[typ]
	if !known {
		return false // a conflict: its fields have resolvers of their own
	}
	return w.object(sel, typ, satisfies, func(cf graphql.CollectedField) bool {
		if rf, ok := relFields[typ][cf.Name]; ok {
			return w.rel(rf, cf, f)
		}
		return w.scalar(cf, f.Node)
	})
}

// scalar writes a field of a node that is not a relationship.
func (w *writer) scalar(cf graphql.CollectedField, n rodedraad.Node) bool {
	switch n := n.(type) {
	case *rodedraad.Recommendation:
		return w.recommendation(cf, n)
	case *rodedraad.Document:
		return w.document(cf, n)
	case *rodedraad.Actor:
		return w.actor(cf, n)
	case *rodedraad.Theme:
		return w.theme(cf, n)
	case *rodedraad.Scenario:
		return w.scenario(cf, n)
	}
	return false
}

func (w *writer) recommendation(cf graphql.CollectedField, r *rodedraad.Recommendation) bool {
	switch cf.Name {
	case "id":
		w.str(r.ID)
	case "title":
		w.str(r.TitleIn(w.lang(cf)))
	case "text":
		w.str(r.TextIn(w.lang(cf)))
	case "translation":
		return w.translation(cf.Selections, r.Translation)
	case "kind":
		w.str(r.Kind)
	case "level":
		w.str(r.Level)
	case "horizon":
		w.int(r.Horizon)
	case "language":
		w.str(r.Language)
	case "uncertainty":
		w.str(r.Uncertainty)
	default:
		return w.provenanceField(cf, &r.Provenance)
	}
	return true
}

// document leaves ingest and passages to their resolvers.
func (w *writer) document(cf graphql.CollectedField, d *rodedraad.Document) bool {
	switch cf.Name {
	case "id":
		w.str(d.ID)
	case "title":
		w.str(d.Title)
	case "kind":
		w.str(d.Kind)
	case "year":
		w.int(d.Year)
	case "date":
		w.str(d.Date)
	case "urls":
		w.strs(d.URLs)
	case "language":
		w.str(d.Language)
	case "evidenceLevel":
		w.str(d.EvidenceLevel)
	case "summary":
		w.str(d.Summary)
	case "note":
		w.str(d.Note)
	default:
		return w.provenanceField(cf, &d.Provenance)
	}
	return true
}

// actor leaves endorses, a paged list of its own, to its resolver.
func (w *writer) actor(cf graphql.CollectedField, a *rodedraad.Actor) bool {
	switch cf.Name {
	case "id":
		w.str(a.ID)
	case "name":
		w.str(a.Name)
	case "aliases":
		w.strs(a.Aliases)
	case "kind":
		w.str(a.Kind)
	case "sector":
		w.str(a.Sector)
	case "level":
		w.str(a.Level)
	case "note":
		w.str(a.Note)
	default:
		return w.provenanceField(cf, &a.Provenance)
	}
	return true
}

func (w *writer) theme(cf graphql.CollectedField, t *rodedraad.Theme) bool {
	switch cf.Name {
	case "id":
		w.str(t.ID)
	case "name":
		w.str(t.Name)
	case "description":
		w.str(t.Description)
	case "inStudyScope":
		w.bool(t.InStudyScope)
	default:
		return w.provenanceField(cf, &t.Provenance)
	}
	return true
}

func (w *writer) scenario(cf graphql.CollectedField, s *rodedraad.Scenario) bool {
	switch cf.Name {
	case "id":
		w.str(s.ID)
	case "name":
		w.str(s.Name)
	case "description":
		w.str(s.Description)
	case "finding":
		w.str(s.Finding)
	case "horizon":
		w.int(s.Horizon)
	case "family":
		w.str(s.Family)
	case "familyName":
		w.str(s.FamilyName)
	default:
		return w.provenanceField(cf, &s.Provenance)
	}
	return true
}

// lang returns the lang argument of a title or text field as the domain's
// TitleIn takes it (langOf; "" when absent).
func (w *writer) lang(cf graphql.CollectedField) string {
	l, ok := w.langs[cf.Field]
	if !ok {
		v, _ := cf.ArgumentMap(w.op.Variables)["lang"].(string)
		lang := model.Lang(v)
		l = langOf(&lang)
		w.langs[cf.Field] = l
	}
	return l
}

// rel writes a relationship field of a node from what the read brought:
// Recommendation.document as one node or null, every other as a list of
// nodes or of link items, filtered as its resolver filters.
func (w *writer) rel(rf relField, cf graphql.CollectedField, f *rodedraad.Fetched) bool {
	ls, ok := f.Links[rf.rel]
	if !ok {
		return false // cut at the store's cap: the loaders read it whole
	}
	kept := make([]rodedraad.FetchedLink, 0, len(ls))
	for _, fl := range ls {
		if fl.Next == nil || fl.Other == nil {
			return false
		}
		if listsLink(rf, fl) {
			kept = append(kept, fl)
		}
	}
	if rf.rel == (rodedraad.Rel{Query: recDocument}) {
		if len(kept) == 0 {
			w.null()
			return true
		}
		return w.node(cf.Selections, kept[0].Next)
	}
	w.items += len(kept)
	_, isNode := implementors[rf.item]
	return w.list(len(kept), func(i int) bool {
		if isNode {
			return w.node(cf.Selections, kept[i].Next)
		}
		return w.link(rf, cf.Selections, kept[i])
	})
}

// listsLink reports whether a relationship field's resolver lists a link:
// a node list only the nodes of its type, an Interaction list no actor
// stances, the others every link.
func listsLink(rf relField, fl rodedraad.FetchedLink) bool {
	if _, isNode := implementors[rf.item]; isNode {
		return string(fl.Other.NodeLabel()) == rf.item
	}
	return rf.item != "Interaction" || fl.Other.NodeLabel() != rodedraad.LabelActor
}

// link writes one link item (Interaction, Endorsement, Stance, Authorship,
// Overlap): its edge's fields and its other end. The end the list hangs
// from is not in the read (plan.go), so asking for it leaves the field to
// gqlgen.
func (w *writer) link(rf relField, sel ast.SelectionSet, fl rodedraad.FetchedLink) bool {
	end := otherEnd(rf.item, rf.rel.Query)
	return w.object(sel, rf.item, []string{rf.item}, func(cf graphql.CollectedField) bool {
		if cf.Name == end {
			return w.linkEnd(rf.item, cf, fl)
		}
		return w.edgeField(cf, &fl.Edge, fl.Via)
	})
}

// linkEnd writes a link's other end when its resolver would return the
// node the read brought (endpoint in fields.go): the actor of a stance,
// endorsement or authorship is the edge's start, a document or target its
// end, an overlap's other a recommendation.
func (w *writer) linkEnd(item string, cf graphql.CollectedField, fl rodedraad.FetchedLink) bool {
	id := fl.Other.NodeID()
	switch {
	case cf.Name == "actor" && (fl.Other.NodeLabel() != rodedraad.LabelActor || id != fl.From),
		cf.Name == "document" && (fl.Other.NodeLabel() != rodedraad.LabelDocument || id != fl.To),
		cf.Name == "target" && id != fl.To,
		item == "Overlap" && fl.Other.NodeLabel() != rodedraad.LabelRecommendation:
		return false
	}
	return w.node(cf.Selections, fl.Next)
}

// edgeField writes a field a link item takes from its edge.
func (w *writer) edgeField(cf graphql.CollectedField, e *rodedraad.Edge, via string) bool {
	switch cf.Name {
	case "type":
		w.str(string(e.Type))
	case "fromId":
		w.str(e.From)
	case "toId":
		w.str(e.To)
	case "score":
		if e.Score == nil {
			return false
		}
		w.int(*e.Score)
	case "similarity":
		if e.Similarity == nil {
			return false
		}
		return w.float(*e.Similarity)
	case "via":
		w.str(via)
	case "role":
		w.str(e.Role)
	case "conflict":
		return w.conflictInfo(cf.Selections, conflictInfo(e))
	default:
		return w.provenanceField(cf, &e.Provenance)
	}
	return true
}

// provenanceField writes a field nodes and edges take from their
// provenance.
func (w *writer) provenanceField(cf graphql.CollectedField, p *rodedraad.Provenance) bool {
	switch cf.Name {
	case "status":
		w.str(string(p.Status))
	case "rationale":
		w.str(p.Rationale)
	case "source":
		return w.source(cf.Selections, &p.Source)
	case "provenance":
		return w.provenance(cf.Selections, p)
	default:
		return false
	}
	return true
}

func (w *writer) provenance(sel ast.SelectionSet, p *rodedraad.Provenance) bool {
	return w.object(sel, "Provenance", []string{"Provenance"}, func(cf graphql.CollectedField) bool {
		switch cf.Name {
		case "method":
			w.str(string(p.Method))
		case "confidence":
			if p.Confidence == nil {
				w.null()
				return true
			}
			return w.float(*p.Confidence)
		case "createdBy":
			w.str(p.CreatedBy)
		case "model":
			w.str(p.Model)
		case "createdAt":
			w.time(p.CreatedAt)
		case "reviewedBy":
			w.str(p.ReviewedBy)
		case "reviewedAt":
			if p.ReviewedAt == nil {
				w.null()
				return true
			}
			w.time(*p.ReviewedAt)
		default:
			return w.provenanceField(cf, p)
		}
		return true
	})
}

// source leaves Source.document, loaded by id, to its resolver.
func (w *writer) source(sel ast.SelectionSet, s *rodedraad.Source) bool {
	return w.object(sel, "Source", []string{"Source"}, func(cf graphql.CollectedField) bool {
		switch cf.Name {
		case "documentId":
			w.str(s.Document)
		case "page":
			w.str(s.Page)
		case "quote":
			w.str(s.Quote)
		case "urls":
			w.strs(s.URLs)
		case "start":
			w.intPtr(s.Start)
		case "end":
			w.intPtr(s.End)
		default:
			return false
		}
		return true
	})
}

func (w *writer) translation(sel ast.SelectionSet, t *rodedraad.Translation) bool {
	if t == nil {
		w.null()
		return true
	}
	return w.object(sel, "Translation", []string{"Translation"}, func(cf graphql.CollectedField) bool {
		switch cf.Name {
		case "language":
			w.str(t.Language)
		case "title":
			w.str(t.Title)
		case "text":
			w.str(t.Text)
		case "method":
			w.str(t.Method)
		default:
			return false
		}
		return true
	})
}

func (w *writer) conflictInfo(sel ast.SelectionSet, c *model.ConflictInfo) bool {
	if c == nil {
		w.null()
		return true
	}
	return w.object(sel, "ConflictInfo", []string{"ConflictInfo"}, func(cf graphql.CollectedField) bool {
		switch cf.Name {
		case "id":
			w.str(c.ID)
		case "topic":
			w.strPtr(c.Topic)
		case "summary":
			w.strPtr(c.Summary)
		case "evidence":
			w.strs(c.Evidence)
		default:
			return false
		}
		return true
	})
}

// list writes n items with item.
func (w *writer) list(n int, item func(i int) bool) bool {
	w.buf = append(w.buf, '[')
	for i := range n {
		if i > 0 {
			w.buf = append(w.buf, ',')
		}
		if !item(i) {
			return false
		}
	}
	w.buf = append(w.buf, ']')
	return true
}

// The scalars, each written as gqlgen's marshaler of its GraphQL type
// writes it: a nil list as [], a zero time as null, floats with %g.

func (w *writer) null()        { w.buf = append(w.buf, "null"...) }
func (w *writer) str(s string) { w.buf = jsontext.AppendString(w.buf, s) }
func (w *writer) int(n int)    { w.buf = strconv.AppendInt(w.buf, int64(n), 10) }
func (w *writer) bool(b bool)  { w.buf = strconv.AppendBool(w.buf, b) }

func (w *writer) strPtr(s *string) {
	if s == nil {
		w.null()
		return
	}
	w.str(*s)
}

func (w *writer) intPtr(n *int) {
	if n == nil {
		w.null()
		return
	}
	w.int(*n)
}

func (w *writer) strs(ss []string) {
	w.buf = append(w.buf, '[')
	for i, s := range ss {
		if i > 0 {
			w.buf = append(w.buf, ',')
		}
		w.str(s)
	}
	w.buf = append(w.buf, ']')
}

// float refuses NaN and infinities, which gqlgen reports as errors.
func (w *writer) float(f float64) bool {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return false
	}
	w.buf = strconv.AppendFloat(w.buf, f, 'g', -1, 64)
	return true
}

func (w *writer) time(t time.Time) {
	if t.IsZero() {
		w.null()
		return
	}
	w.buf = strconv.AppendQuote(w.buf, t.Format(time.RFC3339Nano))
}
