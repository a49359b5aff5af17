package rodedraad

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// idPattern is what an id may look like: readable slugs such as D01, R01.4,
// A-RIVM, T2, SC1.2 or H.
var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._\-]{0,63}$`)

// ValidateID returns EINVALID when id is not a readable slug.
func ValidateID(field, id string) error {
	if !idPattern.MatchString(id) {
		return Errorf(EINVALID, "%s %q is not a valid id: use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit", field, id)
	}
	return nil
}

// ValidateEnum returns EINVALID when v is not one of allowed. An empty v is
// accepted unless required.
func ValidateEnum(field, v string, allowed []string, required bool) error {
	if v == "" && !required {
		return nil
	}
	if !slices.Contains(allowed, v) {
		return Errorf(EINVALID, "%s %q is not one of %s", field, v, strings.Join(allowed, ", "))
	}
	return nil
}

func requireText(field, v string) error {
	if strings.TrimSpace(v) == "" {
		return Errorf(EINVALID, "%s is required", field)
	}
	return nil
}

func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// Validate checks the provenance fields that have a fixed range, and that
// nothing made by a machine (RULE, SIMILARITY, LLM) is ACCEPTED without a
// person: such items start PROPOSED and are accepted with review.
func (p *Provenance) Validate() error {
	if p.Confidence != nil && (*p.Confidence < 0 || *p.Confidence > 1) {
		return Errorf(EINVALID, "confidence %v is outside 0..1", *p.Confidence)
	}
	if p.Status == StatusAccepted && p.ReviewedBy == "" && p.Method.MachineMade() {
		return Errorf(EINVALID, "status ACCEPTED with method %s: what a machine made starts PROPOSED; a person accepts it with review", p.Method)
	}
	return firstError(
		ValidateEnum("status", string(p.Status), Statuses, false),
		ValidateEnum("method", string(p.Method), Methods, false),
	)
}

// Validate returns EINVALID naming the first field that is wrong.
func (t *Theme) Validate() error {
	return firstError(ValidateID("id", t.ID), requireText("name", t.Name), validateTranslation(t.Translation), t.Provenance.Validate())
}

// Validate returns EINVALID naming the first field that is wrong.
func (a *Actor) Validate() error {
	return firstError(
		ValidateID("id", a.ID), requireText("name", a.Name),
		ValidateEnum("kind", a.Kind, ActorKinds, true),
		ValidateEnum("sector", a.Sector, Sectors, true),
		ValidateEnum("level", a.Level, ActorLevels, false),
		a.Provenance.Validate(),
	)
}

// Validate returns EINVALID naming the first field that is wrong.
func (d *Document) Validate() error {
	return firstError(
		ValidateID("id", d.ID), requireText("title", d.Title),
		ValidateEnum("kind", d.Kind, DocumentKinds, true),
		ValidateEnum("evidenceLevel", d.EvidenceLevel, EvidenceLevels, false),
		ValidateEnum("language", d.Language, Languages, false),
		validateYear("year", d.Year),
		d.Provenance.Validate(),
	)
}

// Validate returns EINVALID naming the first field that is wrong.
func (r *Recommendation) Validate() error {
	return firstError(
		ValidateID("id", r.ID), requireText("title", r.Title), requireText("text", r.Text),
		ValidateEnum("kind", r.Kind, RecommendationKinds, true),
		ValidateEnum("level", r.Level, RecommendationLevels, false),
		ValidateEnum("language", r.Language, Languages, false),
		validateYear("horizon", r.Horizon), r.validateTranslation(),
		r.Provenance.Validate(),
	)
}

func (r *Recommendation) validateTranslation() error {
	if r.Translation != nil && r.Translation.Language == r.Language {
		return Errorf(EINVALID, "translation.language %q is the recommendation's own language", r.Language)
	}
	return validateTranslation(r.Translation)
}

// Validate returns EINVALID naming the first field that is wrong.
func (s *Scenario) Validate() error {
	return firstError(
		ValidateID("id", s.ID), requireText("name", s.Name),
		validateYear("horizon", s.Horizon), s.Provenance.Validate(),
	)
}

func validateYear(field string, y int) error {
	if y != 0 && (y < 1900 || y > 2200) {
		return Errorf(EINVALID, "%s %d is not a year between 1900 and 2200", field, y)
	}
	return nil
}

// Validate checks an edge against the schema, given the labels of its ends:
// allowed endpoints, and the score, weight and similarity ranges.
// Interactions between recommendations and scenarios need a score on the
// Nilsson scale (SUPPORTS +1..+3, CONFLICTS_WITH -3..-1); actor stances take
// none. It returns EINVALID naming what is wrong.
func (e *Edge) Validate(from, to Label) error {
	allowed, ok := AllowedEndpoints[e.Type]
	if !ok {
		return Errorf(EINVALID, "type %q is not a relationship type", e.Type)
	}
	if !allowed.Allows(from, to) {
		return Errorf(EINVALID, "%s cannot go from %s %s to %s %s", e.Type, from, e.From, to, e.To)
	}
	if e.From == e.To {
		return Errorf(EINVALID, "%s cannot link %s to itself", e.Type, e.From)
	}
	return firstError(e.validateScore(from), e.validateRanges(), e.Provenance.Validate())
}

func (e *Edge) validateScore(from Label) error {
	interaction := (e.Type == RelSupports || e.Type == RelConflictsWith) && from != LabelActor
	switch {
	case !interaction && e.Score != nil:
		return Errorf(EINVALID, "score is only for SUPPORTS and CONFLICTS_WITH between recommendations and scenarios, not for %s from %s", e.Type, from)
	case !interaction:
		return nil
	case e.Score == nil:
		return Errorf(EINVALID, "score is required for %s from %s to %s", e.Type, e.From, e.To)
	case e.Type == RelSupports && (*e.Score < 1 || *e.Score > 3):
		return Errorf(EINVALID, "score %d is outside +1..+3 for SUPPORTS (Nilsson scale: +1 enabling, +2 reinforcing, +3 indivisible)", *e.Score)
	case e.Type == RelConflictsWith && (*e.Score < -3 || *e.Score > -1):
		return Errorf(EINVALID, "score %d is outside -3..-1 for CONFLICTS_WITH (Nilsson scale: -1 constraining, -2 counteracting, -3 cancelling)", *e.Score)
	}
	return nil
}

func (e *Edge) validateRanges() error {
	if e.Weight != nil && (*e.Weight < 0 || *e.Weight > 1) {
		return Errorf(EINVALID, "weight %v is outside 0..1", *e.Weight)
	}
	if e.Similarity != nil && (*e.Similarity < 0 || *e.Similarity > 1) {
		return Errorf(EINVALID, "similarity %v is outside 0..1", *e.Similarity)
	}
	if e.Type == RelOverlaps && e.Similarity == nil {
		return Errorf(EINVALID, "similarity is required for OVERLAPS")
	}
	if e.Type == RelAuthored {
		return ValidateEnum("role", e.Role, AuthorRoles, true)
	}
	return nil
}

// Key identifies an edge: one edge of a type between an ordered pair.
// OVERLAPS is symmetric and stored once, lower id first.
func (e *Edge) Key() string {
	from, to := e.From, e.To
	if e.Type == RelOverlaps && to < from {
		from, to = to, from
	}
	return fmt.Sprintf("%s|%s|%s", from, e.Type, to)
}

// Normalize orders OVERLAPS ends lower id first, as they are stored.
func (e *Edge) Normalize() {
	if e.Type == RelOverlaps && e.To < e.From {
		e.From, e.To = e.To, e.From
	}
}

func validateTranslation(t *Translation) error {
	if t == nil {
		return nil
	}
	return t.Validate()
}
