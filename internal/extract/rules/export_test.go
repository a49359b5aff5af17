package rules

import "github.com/rodedraad/rodedraad/internal/extract"

// CuesOnly makes the extractor decide as rules/4 did, by the best cue score
// alone, so that BenchmarkRules can compare both in one run.
func CuesOnly() Option { return func(e *Extractor) { e.cuesOnly = true } }

// UnitVector is a unit of a text with its feature vector, for training the
// item model.
type UnitVector struct {
	Span  extract.Span
	Words int
	X     []float64
}

// Vectors returns the units of t (headings left out) with their features.
func Vectors(t extract.Text) []UnitVector {
	var out []UnitVector
	for _, uc := range unitContexts(t.Language, []rune(t.Content), extract.Segment(t.Content, t.Language)) {
		if uc.unit.Kind != extract.UnitHeading {
			out = append(out, UnitVector{Span: uc.unit.Span, Words: uc.words, X: features(uc)})
		}
	}
	return out
}

// FeatureNames returns the names of the features in vector order.
func FeatureNames() []string { return featureNames() }

// Threshold, MinShare and Weights are the committed model.
func Threshold() float64 { return itemThreshold }
func MinShare() float64  { return itemMinShare }
func Weights() []float64 { return itemWeights }

// LeastCount is how many of a text's n eligible units are proposed at
// least under least share share.
func LeastCount(share float64, n int) int { return leastCount(share, n) }

// DocThreshold is the least probability for a candidate in a text whose
// eligible units have probabilities probs.
func DocThreshold(probs []float64, th, share float64) float64 { return docThreshold(probs, th, share) }
