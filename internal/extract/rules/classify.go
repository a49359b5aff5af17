package rules

import (
	"strings"

	"github.com/rodedraad/rodedraad/internal/extract"
)

// section is what the heading or lead-in above a unit says about the kind
// of the units under it.
type section struct {
	kind   string  // kind set by the last heading, "" when none
	weight float64 // how strongly it sets that kind
	lead   string  // kind set by a lead-in ending in ":" for the list items after it
	last   string  // kind of the last sentence, which a lead-in without a cue of its own continues
}

// next returns the section that holds after unit u (normalised text),
// which was classified as kind ("" when below the threshold). A lead-in
// without a cue of its own ("Daarom gelden regels voor het:") continues the
// kind of the sentence before it ("Het doel van de wet is …").
func (s section) next(lang string, u extract.Unit, text, kind string) section {
	switch {
	case u.Kind == extract.UnitHeading:
		k, w := strongest(sectionKinds, text)
		return section{kind: k, weight: w}
	case strings.HasSuffix(strings.TrimSpace(text), ":"):
		if s.lead = leadKind(lang, text); s.lead == "" {
			s.lead = s.last
		}
	case u.Kind != extract.UnitItem:
		s.lead = "" // running text ends the list a lead-in introduced
	}
	if u.Kind != extract.UnitItem {
		s.last = kind
	}
	return s
}

// leadKind is the kind a lead-in ("Wij adviseren:", "De doelen zijn:")
// gives the list after it: its own cue's kind or a section word's.
func leadKind(lang, text string) string {
	if k, w := score(lang, text); w >= 0.6 {
		return k
	}
	k, _ := strongest(sectionKinds, text)
	return k
}

// cueScores returns unit u's score per kind: its own cues, an imperative at
// its start, an acting subject, and the section and lead-in above it, damped
// for history and hedges. Headings have no scores.
func cueScores(lang string, u extract.Unit, text string, sec section) map[string]float64 {
	scores := map[string]float64{}
	if u.Kind == extract.UnitHeading {
		return scores
	}
	for _, cu := range cues[lang] {
		if cu.match(text) {
			scores[cu.kind] = combine(scores[cu.kind], cu.weight)
		}
	}
	if isImperative(lang, text) {
		scores[Recommendation] = combine(scores[Recommendation], imperativeWeight(u))
	}
	if lang == "nl" && statesAction(text) {
		scores[Commitment] = combine(scores[Commitment], actionWeight)
	}
	addContext(scores, u, sec)
	damp(scores, lang, text)
	return scores
}

// actionWeight is the weight of an acting subject with a present-tense
// verb: enough alone, since policy texts state their own acts that way.
const actionWeight = 0.6

// damp lowers every score of a unit that tells history or background ("in
// 2019 is …", "werd", "heeft … gedaan") or hedges ("zou kunnen",
// "wellicht"), unless it also looks ahead ("zal", "gaat", "willen").
func damp(scores map[string]float64, lang, text string) {
	if len(scores) == 0 || !looksBack(lang, text) {
		return
	}
	for k, v := range scores {
		scores[k] = v * dampFactor
	}
}

// looksBack reports whether a unit tells history or hedges and does not
// look ahead. Dutch tries the parts of its pattern that the literal
// pre-filter can skip (tellsHistory), since one pattern with every
// alternative is the costliest of all cues.
func looksBack(lang, text string) bool {
	if lang == "nl" {
		return tellsHistory(text) && !ahead.match(text)
	}
	d, ok := dampers[lang]
	return ok && d.back.MatchString(text) && !d.ahead.MatchString(text)
}

// dampFactor keeps a strong cue (0.85 becomes 0.64) and drops a weak one.
const dampFactor = 0.75

// addContext lets the section and the lead-in above u raise its kind: the
// context alone makes a list item a candidate, and confirms a cue elsewhere.
func addContext(scores map[string]float64, u extract.Unit, sec section) {
	if sec.lead != "" && u.Kind == extract.UnitItem {
		scores[sec.lead] = combine(scores[sec.lead], 0.6)
	}
	if sec.kind == "" {
		return
	}
	if u.Kind == extract.UnitItem || scores[sec.kind] > 0 {
		scores[sec.kind] = combine(scores[sec.kind], sec.weight)
	}
}

// best returns the best-scoring kind and its score, or "" and 0 when no cue
// fired. Ties go to the kind listed first in kindOrder, so the outcome never
// depends on map order.
func best(scores map[string]float64) (string, float64) {
	kind, top := "", 0.0
	for _, k := range kindOrder {
		if scores[k] > top {
			kind, top = k, scores[k]
		}
	}
	return kind, top
}

// ruleThreshold is the score at which rules/4 proposed a unit; since rules/5
// it decides only which kind a heading or lead-in hands down, and it is a
// feature of the item model.
const ruleThreshold = 0.45

var kindOrder = []string{Recommendation, Commitment, Goal, Conclusion, Position}

// combine adds evidence: two independent cues of 0.6 make 0.84, never 1.
func combine(a, b float64) float64 { return 1 - (1-a)*(1-b) }

// score returns the strongest kind of a text by its own cues.
func score(lang, text string) (string, float64) { return strongest(cues[lang], text) }

// strongest returns the kind and weight of the heaviest cue that matches.
func strongest(cs []cue, text string) (string, float64) {
	kind, w := "", 0.0
	for _, cu := range cs {
		if cu.weight > w && cu.match(text) {
			kind, w = cu.kind, cu.weight
		}
	}
	return kind, w
}

// isImperative reports whether text starts with a bare command verb
// ("Zorg dat", "Investeer in", "Ensure"), also after a short label
// ("Monitoren: Blijf controleren …", "Test met prototypes - Bouw …").
func isImperative(lang, text string) bool {
	f := strings.Fields(text)
	if len(f) > 1 && imperatives[lang][strings.Trim(f[0], ",.:;")] {
		return true
	}
	for i := 0; i+2 < len(f) && i < maxLabelWords; i++ {
		switch {
		case strings.HasSuffix(f[i], ":"):
			return imperatives[lang][strings.Trim(f[i+1], ",.:;")]
		case f[i+1] == "-":
			return imperatives[lang][strings.Trim(f[i+2], ",.:;")]
		}
	}
	return false
}

// maxLabelWords is the longest label before a command ("Kortom ook voor
// onderzoekers geldt: denk …").
const maxLabelWords = 6

// imperativeWeight is stronger for list items, where commands are the norm,
// than for running text, where a sentence may start with "Stel dat ...".
func imperativeWeight(u extract.Unit) float64 {
	if u.Kind == extract.UnitItem {
		return 0.7
	}
	return 0.55
}
