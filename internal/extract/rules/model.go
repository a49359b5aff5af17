package rules

import (
	"math"

	"github.com/rodedraad/rodedraad/internal/extract"
)

// The item model decides which units become candidates. rules/4 proposed a
// unit when one kind's cue score reached a threshold, and missed the aims,
// acts and findings that policy texts state without any cue. rules/5 weighs
// the cue scores together with signals of construction and context
// (features.go) in a logistic regression whose weights were learned from the
// tuning texts of the development set only (weights.go; the command that
// makes them is in TestModel_Weights). The cues still choose the kind.
// Since rules/6 the weights and threshold are chosen on texts of sources the
// model did not learn from, and a text's own ranking lowers the threshold on
// a text whose units all score low (docThreshold); since rules/7 that
// ranking also bounds a long text's candidates, and a unit counts as a
// positive example only if the devset measure would count it (not much
// longer than the item it covers). Since rules/8 the threshold also rises
// with a long text's length (lengthThreshold).

// itemProbability returns the model's probability that a careful reader
// marks the unit with feature vector x.
func itemProbability(x []float64) float64 {
	z := 0.0
	for i, w := range itemWeights {
		z += w * x[i]
	}
	return 1 / (1 + math.Exp(-z))
}

// kindOf returns the kind of a unit the model proposes: the best cue's kind,
// else the kind the section or lead-in above it hands down, else the kind
// its signals suggest. Findings come last, since a plain statement that a
// reader marks is most often one.
func kindOf(c unitContext, cueKind string) string {
	switch {
	case cueKind != "":
		return cueKind
	case c.unit.Kind == extract.UnitItem && c.sec.lead != "":
		return c.sec.lead
	case c.sec.kind != "":
		return c.sec.kind
	}
	for _, g := range kindGuesses {
		if g.cue.match(c.text) {
			return g.kind
		}
	}
	return Conclusion
}

// kindGuesses are weak signs of a kind for units without a cue, tried in
// order.
var kindGuesses = []struct {
	kind string
	cue  cue
}{
	{Goal, c(Goal, 0, `^(zo|daarmee|hiermee) \w+ (we|wij)\b`)},
	{Goal, c(Goal, 0, `\b(ambitie\w*|doel\w*|streef\w*|streven|gestreefd)\b|^(het |de )?(\w+ ){0,3}\w+en van\b`)},
	{Commitment, c(Commitment, 0, `^(\w+ ){0,4}(we|wij)\b|^[a-z][\w'’,/ -]{1,40}: [a-z]|\b\w+en (we|wij)\b|\bzet(ten)? (\w+ )?in op\b`).gated("we", "wij", ": ", "op")},
	{Recommendation, c(Recommendation, 0, `\b(moet|moeten|dient|dienen)\b`)},
	{Recommendation, c(Recommendation, 0, `\b(needs? to|need for|a need|is required|are required)\b`)},
	{Position, c(Position, 0, `\b(most|more) effective\b|\bwill be (essential|key|crucial)\b`)},
	{Position, c(Position, 0, `\b(belangrijk\w*|noodzakelijk|essentieel|vereist|cruciaal)\b`)},
}
