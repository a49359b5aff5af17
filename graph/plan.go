package graph

import (
	"context"
	"slices"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// The planner reads a root field's GraphQL selection set and says what the
// store must read for it, as a rodedraad.Selection that the store compiles
// into one statement. The root fields that read nodes are planned: node,
// nodes, recommendation(s), document(s), actor(s), theme(s), scenario(s)
// (compiled.go). Root fields with statements of their own (search,
// neighbourhood, reviewQueue, the analyses, what a mutation returns) read
// their nodes so and leave relationship fields to the loaders. Below a
// planned root, the relationship fields it knows (every one of the node
// types) come back with the read and are served from it; the fields it does
// not compile keep their resolvers and loaders:
//   - Document.passages and Actor.endorses(first) (paged per node);
//   - a link's end that is the node the list hangs from (Stance.target
//     under opposedBy, Authorship.document under authors, ...) and
//     Source.document: loaded by id, batched per request;
//   - every field of a list cut at the store's cap (see rodedraad.Fetched).
// A scalar field the planner does not know makes the store read every
// property of that node, so a new field is never read empty.

// relField is a relationship field of a node type: the relationship and
// the GraphQL type of its items.
type relField struct {
	rel  rodedraad.Rel
	item string
}

func linkField(q rodedraad.LinkQuery, item string) relField {
	return relField{rel: rodedraad.Rel{Query: q}, item: item}
}

var endorsedBy = relField{rel: rodedraad.Rel{Endorsers: true}, item: "Endorsement"}

// relFields lists the relationship fields per node type.
var relFields = map[string]map[string]relField{
	"Recommendation": {
		"document": linkField(recDocument, "Document"), "themes": linkField(recThemes, "Theme"),
		"assignedTo": linkField(recAssignedTo, "Actor"), "endorsedBy": endorsedBy,
		"opposedBy": linkField(opposedBy, "Stance"), "supports": linkField(supportsOut, "Interaction"),
		"conflictsWith": linkField(conflictsOut, "Interaction"), "supportedBy": linkField(supportsIn, "Interaction"),
		"conflictedBy": linkField(conflictsIn, "Interaction"), "overlaps": linkField(recOverlaps, "Overlap"),
		"scenarios": linkField(recScenarios, "Scenario"),
	},
	"Document": {
		"recommendations": linkField(docRecs, "Recommendation"), "authors": linkField(docAuthors, "Authorship"),
		"scenarios": linkField(docScenarios, "Scenario"),
	},
	"Actor": {
		"documents": linkField(actorDocuments, "Authorship"), "supports": linkField(supportsOut, "Stance"),
		"opposes": linkField(conflictsOut, "Stance"), "assignments": linkField(actorAssigned, "Recommendation"),
	},
	"Theme": {"recommendations": linkField(themeRecs, "Recommendation")},
	"Scenario": {
		"documents": linkField(scenarioDocs, "Document"), "includes": linkField(scenarioIncl, "Recommendation"),
		"supports": linkField(supportsOut, "Interaction"), "conflictsWith": linkField(conflictsOut, "Interaction"),
		"supportedBy": linkField(supportsIn, "Interaction"), "conflictedBy": linkField(conflictsIn, "Interaction"),
		"endorsedBy": endorsedBy, "opposedBy": linkField(opposedBy, "Stance"),
	},
}

// servedFields of a node type need nothing of the read (id is always
// read) or are served by their own resolver from the node's id.
var servedFields = []string{"__typename", "id", "passages", "endorses"}

// linkTypes are the GraphQL types of link items, with the edge properties
// their fields read; a field absent here is one of the link's ends.
var linkTypes = map[string]map[string]string{
	"Interaction": {"score": "score", "rationale": "rationale", "source": "source", "status": "status",
		"conflict": "conflict", "provenance": "provenance", "type": "", "fromId": "", "toId": "", "__typename": ""},
	"Endorsement": {"via": "", "role": "role", "status": "status", "source": "source", "provenance": "provenance", "__typename": ""},
	"Stance":      {"rationale": "rationale", "source": "source", "status": "status", "provenance": "provenance", "__typename": ""},
	"Overlap":     {"similarity": "similarity", "status": "status", "provenance": "provenance", "__typename": ""},
	"Authorship":  {"role": "role", "status": "status", "__typename": ""},
}

// otherEnd names the field of a link item that returns the link's other
// end, by item type and whether the list follows edges out of its node.
func otherEnd(item string, q rodedraad.LinkQuery) string {
	switch item {
	case "Interaction", "Overlap":
		return "other"
	case "Endorsement":
		return "actor"
	case "Stance":
		if q.Dir == rodedraad.In {
			return "actor"
		}
		return "target"
	case "Authorship":
		if q.Dir == rodedraad.In {
			return "actor"
		}
		return "document"
	}
	return ""
}

// implementors lists, per node type, the type conditions its fields may
// sit under: the type, the Node interface and the Interactor union.
var implementors = map[string][]string{
	"Recommendation": {"Recommendation", "Node", "Interactor"},
	"Scenario":       {"Scenario", "Node", "Interactor"},
	"Document":       {"Document", "Node"},
	"Actor":          {"Actor", "Node"},
	"Theme":          {"Theme", "Node"},
}

// interactorTypes are the types an Interactor (a link's other end with no
// fixed kind) can be.
var interactorTypes = []string{"Recommendation", "Scenario"}

// planner walks one operation's selection sets.
type planner struct {
	op *graphql.OperationContext
}

func plannerFor(ctx context.Context) planner {
	return planner{op: graphql.GetOperationContext(ctx)}
}

// node returns what fields ask of a node of GraphQL type typ.
func (p planner) node(typ string, sel ast.SelectionSet) rodedraad.Selection {
	var out rodedraad.Selection
	for _, f := range graphql.CollectFields(p.op, sel, implementors[typ]) {
		switch rf, ok := relFields[typ][f.Name]; {
		case ok:
			out.Rels = mergeRel(out.Rels, p.rel(rf, f))
		case !slices.Contains(servedFields, f.Name):
			out.Fields = appendNew(out.Fields, p.fieldGroups(f)...)
		}
	}
	return out
}

// fieldGroups are the field groups one scalar field of a node reads: a
// title or text in a language reads the translation too.
func (p planner) fieldGroups(f graphql.CollectedField) []string {
	switch f.Name {
	case "title", "text":
		if f.ArgumentMap(p.op.Variables)["lang"] != nil {
			return []string{f.Name, "translation"}
		}
	case "translation":
		return []string{"translation"}
	}
	return []string{f.Name}
}

// rel returns what one relationship field asks: of nodes directly, or of
// link items with their edge fields and other end.
func (p planner) rel(rf relField, f graphql.CollectedField) rodedraad.RelSelection {
	rs := rodedraad.RelSelection{Rel: rf.rel}
	if _, isNode := implementors[rf.item]; isNode {
		rs.Other = p.node(rf.item, f.Selections)
		return rs
	}
	end := otherEnd(rf.item, rf.rel.Query)
	for _, g := range graphql.CollectFields(p.op, f.Selections, []string{rf.item}) {
		if g.Name == end {
			rs.Other = mergeSelection(rs.Other, p.end(rf, g))
			continue
		}
		group, ok := linkTypes[rf.item][g.Name]
		if !ok {
			continue // the end the list hangs from: loaded by id
		}
		if group != "" {
			rs.EdgeFields = appendNew(rs.EdgeFields, group)
		}
	}
	return rs
}

// end is what a link item's other end asks: of a fixed kind, or of any
// interactor, merged over the kinds it can be.
func (p planner) end(rf relField, g graphql.CollectedField) rodedraad.Selection {
	if k := rf.rel.Query.OtherKind; k != "" {
		return p.node(string(k), g.Selections)
	}
	if rf.rel.Endorsers {
		return p.node("Actor", g.Selections)
	}
	var sel rodedraad.Selection
	for _, typ := range interactorTypes {
		sel = mergeSelection(sel, p.node(typ, g.Selections))
	}
	return sel
}

// mergeRel adds rs to rels, merged into the selection of the same
// relationship when one asks for it already (aliases, fragments).
func mergeRel(rels []rodedraad.RelSelection, rs rodedraad.RelSelection) []rodedraad.RelSelection {
	for i := range rels {
		if rels[i].Rel == rs.Rel {
			rels[i].EdgeFields = appendNew(rels[i].EdgeFields, rs.EdgeFields...)
			rels[i].Other = mergeSelection(rels[i].Other, rs.Other)
			return rels
		}
	}
	return append(rels, rs)
}

func mergeSelection(a, b rodedraad.Selection) rodedraad.Selection {
	a.Fields = appendNew(a.Fields, b.Fields...)
	for _, rs := range b.Rels {
		a.Rels = mergeRel(a.Rels, rs)
	}
	return a
}

func appendNew(list []string, items ...string) []string {
	for _, it := range items {
		if !slices.Contains(list, it) {
			list = append(list, it)
		}
	}
	return list
}
