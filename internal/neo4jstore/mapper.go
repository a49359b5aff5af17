package neo4jstore

import (
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// props is a property map as Neo4j stores it: flat, with provenance spread
// over sourceDocument, sourcePage, ... so that every value is a primitive or
// a list of primitives. Empty values are stored as null (absent).
type props map[string]any

func (p props) set(key string, v any) {
	switch x := v.(type) {
	case string:
		if x == "" {
			v = nil
		}
	case int:
		if x == 0 {
			v = nil
		}
	case []string:
		if len(x) == 0 {
			v = nil
		}
	case *float64:
		if x == nil {
			v = nil
		} else {
			v = *x
		}
	case *int:
		if x == nil {
			v = nil
		} else {
			v = int64(*x)
		}
	case *time.Time:
		if x == nil {
			v = nil
		} else {
			v = *x
		}
	}
	p[key] = v
}

func (p props) str(key string) string {
	s, _ := p[key].(string)
	return s
}

func (p props) int(key string) int {
	n, _ := p[key].(int64)
	return int(n)
}

func (p props) intPtr(key string) *int {
	n, ok := p[key].(int64)
	if !ok {
		return nil
	}
	v := int(n)
	return &v
}

func (p props) floatPtr(key string) *float64 {
	switch f := p[key].(type) {
	case float64:
		return &f
	case int64:
		v := float64(f)
		return &v
	}
	return nil
}

func (p props) bool(key string) bool {
	b, _ := p[key].(bool)
	return b
}

func (p props) strings(key string) []string {
	list, _ := p[key].([]any)
	out := make([]string, 0, len(list))
	for _, v := range list {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func (p props) time(key string) *time.Time {
	switch t := p[key].(type) {
	case time.Time:
		return &t
	case dbtype.LocalDateTime:
		v := t.Time()
		return &v
	}
	return nil
}

func provenanceProps(p *rodedraad.Provenance, out props) {
	out.set("status", string(p.Status))
	out.set("method", string(p.Method))
	out.set("confidence", p.Confidence)
	out.set("sourceDocument", p.Source.Document)
	out.set("sourcePage", p.Source.Page)
	out.set("sourceQuote", p.Source.Quote)
	out.set("sourceUrls", p.Source.URLs)
	out.set("sourceStart", p.Source.Start)
	out.set("sourceEnd", p.Source.End)
	out.set("model", p.Model)
	out.set("rationale", p.Rationale)
	out.set("createdBy", p.CreatedBy)
	out.set("reviewedBy", p.ReviewedBy)
	out.set("reviewedAt", p.ReviewedAt)
}

func provenanceFrom(p props) rodedraad.Provenance {
	var created time.Time
	if t := p.time("createdAt"); t != nil {
		created = *t
	}
	return rodedraad.Provenance{
		Status: rodedraad.Status(p.str("status")), Method: rodedraad.Method(p.str("method")),
		Confidence: p.floatPtr("confidence"),
		Source: rodedraad.Source{
			Document: p.str("sourceDocument"), Page: p.str("sourcePage"),
			Quote: p.str("sourceQuote"), URLs: p.strings("sourceUrls"),
			Start: p.intPtr("sourceStart"), End: p.intPtr("sourceEnd"),
		},
		Rationale: p.str("rationale"), CreatedBy: p.str("createdBy"), Model: p.str("model"), CreatedAt: created,
		ReviewedBy: p.str("reviewedBy"), ReviewedAt: p.time("reviewedAt"),
	}
}

// nodeProps returns the properties to SET on a node, without id and
// createdAt (set once, on create).
func nodeProps(n rodedraad.Node) props {
	p := make(props, 32) // sized for a recommendation: growing the map cost a bulk load a tenth of its time
	switch n := n.(type) {
	case *rodedraad.Theme:
		p.set("name", n.Name)
		p.set("description", n.Description)
		p["inStudyScope"] = n.InStudyScope
		translationProps(n.Translation, p)
	case *rodedraad.Actor:
		p.set("name", n.Name)
		p.set("aliases", n.Aliases)
		p.set("aliasesText", strings.Join(n.Aliases, " "))
		p.set("kind", n.Kind)
		p.set("sector", n.Sector)
		p.set("level", n.Level)
		p.set("note", n.Note)
	case *rodedraad.Document:
		p.set("title", n.Title)
		p.set("kind", n.Kind)
		p.set("year", n.Year)
		p.set("date", n.Date)
		p.set("urls", n.URLs)
		p.set("language", n.Language)
		p.set("evidenceLevel", n.EvidenceLevel)
		p.set("summary", n.Summary)
		p.set("note", n.Note)
		ingestProps(&n.Ingest, p)
	case *rodedraad.Recommendation:
		p.set("title", n.Title)
		p.set("text", n.Text)
		p.set("kind", n.Kind)
		p.set("level", n.Level)
		p.set("horizon", n.Horizon)
		p.set("language", n.Language)
		p.set("uncertainty", n.Uncertainty)
		translationProps(n.Translation, p)
	case *rodedraad.Scenario:
		p.set("name", n.Name)
		p.set("description", n.Description)
		p.set("finding", n.Finding)
		p.set("horizon", n.Horizon)
		p.set("family", n.Family)
		p.set("familyName", n.FamilyName)
	case *rodedraad.Conflict:
		conflictProps(n, p)
	}
	provenanceProps(n.Prov(), p)
	return p
}

func ingestProps(in *rodedraad.Ingest, out props) {
	out.set("path", in.Path)
	out.set("fileName", in.FileName)
	out.set("format", in.Format)
	out.set("sha256", in.SHA256)
	out.set("pages", in.Pages)
	out.set("version", in.Version)
	out.set("supersedes", in.Supersedes)
}

func ingestFrom(p props) rodedraad.Ingest {
	return rodedraad.Ingest{Path: p.str("path"), FileName: p.str("fileName"), Format: p.str("format"), SHA256: p.str("sha256"),
		Pages: p.int("pages"), Version: p.int("version"), Supersedes: p.str("supersedes")}
}

// passageProps returns the properties of a passage node.
func passageProps(ps *rodedraad.Passage) props {
	return props{"id": ps.ID, "document": ps.Document, "index": int64(ps.Index), "page": int64(ps.Page),
		"start": int64(ps.Start), "end": int64(ps.End), "text": ps.Text}
}

func passageFrom(n dbtype.Node) rodedraad.Passage {
	p := props(n.Props)
	return rodedraad.Passage{ID: p.str("id"), Document: p.str("document"), Index: p.int("index"),
		Page: p.int("page"), Start: p.int("start"), End: p.int("end"), Text: p.str("text")}
}

// nodeFrom builds the domain node for a Neo4j node, by its label.
func nodeFrom(n dbtype.Node) rodedraad.Node {
	return nodeOf(labelOf(n.Labels), props(n.Props))
}

// nodeOf builds the domain node of a label from its properties, all of them
// or the few a compiled read projected; nil for an unknown label.
func nodeOf(label rodedraad.Label, p props) rodedraad.Node {
	id := p.str("id")
	prov := provenanceFrom(p)
	switch label {
	case rodedraad.LabelTheme:
		return &rodedraad.Theme{ID: id, Name: p.str("name"), Description: p.str("description"),
			InStudyScope: p.bool("inStudyScope"), Translation: translationFrom(p), Provenance: prov}
	case rodedraad.LabelActor:
		return &rodedraad.Actor{ID: id, Name: p.str("name"), Aliases: p.strings("aliases"), Kind: p.str("kind"),
			Sector: p.str("sector"), Level: p.str("level"), Note: p.str("note"), Provenance: prov}
	case rodedraad.LabelDocument:
		return &rodedraad.Document{ID: id, Title: p.str("title"), Kind: p.str("kind"), Year: p.int("year"),
			Date: p.str("date"), URLs: p.strings("urls"), Language: p.str("language"),
			EvidenceLevel: p.str("evidenceLevel"), Summary: p.str("summary"), Note: p.str("note"),
			Ingest: ingestFrom(p), Provenance: prov}
	case rodedraad.LabelRecommendation:
		return &rodedraad.Recommendation{ID: id, Title: p.str("title"), Text: p.str("text"), Kind: p.str("kind"),
			Level: p.str("level"), Horizon: p.int("horizon"), Language: p.str("language"),
			Uncertainty: p.str("uncertainty"), Translation: translationFrom(p), Provenance: prov}
	case rodedraad.LabelScenario:
		return &rodedraad.Scenario{ID: id, Name: p.str("name"), Description: p.str("description"),
			Finding: p.str("finding"), Horizon: p.int("horizon"), Family: p.str("family"),
			FamilyName: p.str("familyName"), Provenance: prov}
	case rodedraad.LabelConflict:
		return conflictFrom(id, p, prov)
	}
	return nil
}

// labelOf picks the domain label among a node's labels (all also carry Entity).
func labelOf(labels []string) rodedraad.Label {
	for _, l := range labels {
		for _, known := range rodedraad.Labels {
			if l == string(known) {
				return known
			}
		}
	}
	return ""
}

// edgeProps returns the properties to SET on a relationship.
func edgeProps(e *rodedraad.Edge) props {
	p := make(props, 24)
	p.set("score", e.Score)
	p.set("weight", e.Weight)
	p.set("similarity", e.Similarity)
	p.set("role", e.Role)
	p.set("page", e.Page)
	p.set("quote", e.Quote)
	p.set("conflictId", e.ConflictID)
	p.set("topic", e.Topic)
	p.set("summary", e.Summary)
	p.set("evidence", e.Evidence)
	provenanceProps(&e.Provenance, p)
	return p
}

// edgeFrom builds the domain edge for a relationship between from and to.
func edgeFrom(r dbtype.Relationship, from, to string) rodedraad.Edge {
	e := edgeOf(props(r.Props))
	e.Type, e.From, e.To = rodedraad.RelType(r.Type), from, to
	return e
}

// edgeOf builds an edge's properties, without its type and ends.
func edgeOf(p props) rodedraad.Edge {
	return rodedraad.Edge{
		Score: p.intPtr("score"), Weight: p.floatPtr("weight"), Similarity: p.floatPtr("similarity"),
		Role: p.str("role"), Page: p.str("page"), Quote: p.str("quote"),
		ConflictID: p.str("conflictId"), Topic: p.str("topic"), Summary: p.str("summary"),
		Evidence: p.strings("evidence"), Provenance: provenanceFrom(p),
	}
}

// translationProps stores a translation flat, beside the item's own text:
// the Dutch and English full-text indexes cover translationTitle and
// translationText (migration 005), so either language finds the item.
func translationProps(t *rodedraad.Translation, p props) {
	if t == nil {
		t = &rodedraad.Translation{}
	}
	p.set("translationLanguage", t.Language)
	p.set("translationTitle", t.Title)
	p.set("translationText", t.Text)
	p.set("translationMethod", t.Method)
}

func translationFrom(p props) *rodedraad.Translation {
	if p.str("translationLanguage") == "" {
		return nil
	}
	return &rodedraad.Translation{Language: p.str("translationLanguage"), Title: p.str("translationTitle"),
		Text: p.str("translationText"), Method: p.str("translationMethod")}
}
