package rules_test

import (
	"flag"
	"fmt"
	"go/format"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/extract"
	"github.com/rodedraad/rodedraad/internal/extract/rules"
)

var train = flag.Bool("train", false, "learn the item model from the devset's tuning texts and write weights.go")

// The item model's training set is every non-heading unit of the tuning
// texts; a unit is positive when it finds a gold item (covers at least half
// of it and is not much longer), which is when TestDevset counts it as a
// correct candidate.
const (
	ridge       = 1.0  // L2 penalty on every weight but the constant
	newtonSteps = 30   // Newton steps; the loss is strictly convex, so they reach its one minimum
	minRecall   = 0.88 // cross-validated Dutch recall on the tuning texts the threshold must reach
)

// minShares are the least shares of a text's units to propose that the
// threshold is chosen with (rules.WithMinShare). Not 0 since rules/8: the
// cross-validation cannot reward it (no tuning text has all its units
// score low), but a text of a new genre must still propose its best units.
var minShares = []float64{0.3, 0.4, 0.5, 0.6, 0.65}

// sources groups the devset's texts that come from one publication or one
// site: a model must be measured on a source it did not learn from, since
// two chapters of one report share their wording.
var sources = map[string]string{
	"nl-brabant-grondwater-aandachtspunten":   "brabant-grondwater",
	"nl-brabant-grondwater-uitvoeringsagenda": "brabant-grondwater",
	"nl-moza-intentieverklaring":              "moza",
	"nl-moza-programma":                       "moza",
	"nl-algoritmekader-duurzaamheid":          "algoritmekader",
	"nl-ai-verordening":                       "algoritmekader",
	// Held out for rules/7; tuning texts from rules/8 on. The Overijssel texts
	// share a province's wind and solar policy, the Zuid-Holland ones a
	// programme of quick studies.
	"nl-overijssel-statenvoorstel-wind":  "overijssel-wind",
	"nl-overijssel-overleg-wind":         "overijssel-wind",
	"nl-overijssel-ppe-wind":             "overijssel-wind",
	"nl-res-west-overijssel-tussenstand": "overijssel-wind",
	"nl-zh-snelstudie-publiek-vervoer":   "zh-snelstudies",
	"nl-zh-statenbrief-deelmobiliteit":   "zh-snelstudies",
	"nl-zh-snelstudie-ideale-wijk":       "zh-snelstudies",
	// Held out for rules/8: two parts of one national programme.
	"nl-pas-stikstof-noodzaak": "pas",
	"nl-pas-adviezen":          "pas",
}

// sourceOf returns the source of a devset text: its group, else its name.
func sourceOf(name string) string {
	if s, ok := sources[name]; ok {
		return s
	}
	return name
}

// labelled is one tuning text's units with their labels.
type labelled struct {
	doc   devDoc
	units []rules.UnitVector
	pos   []bool
}

// MustTuningSet returns the units and labels of the devset's tuning texts.
func MustTuningSet(tb testing.TB) []labelled {
	tb.Helper()
	var out []labelled
	for _, d := range MustDevset(tb) {
		if d.split != "tune" {
			continue
		}
		l := labelled{doc: d, units: rules.Vectors(extract.Text{DocumentID: d.name, Language: d.lang, Content: d.text})}
		for _, u := range l.units {
			l.pos = append(l.pos, findsAny(extract.Candidate{Start: u.Span.Start, End: u.Span.End}, d.gold))
		}
		out = append(out, l)
	}
	return out
}

// TestModel_Weights learns the item model's weights and threshold from the
// tuning texts and checks that weights.go holds them, so that a change of
// the features cannot ship with stale weights. To regenerate weights.go:
//
//	go test ./internal/extract/rules -run TestModel_Weights -args -train
func TestModel_Weights(t *testing.T) {
	set := MustTuningSet(t)
	w := fitLogistic(set)
	c := chooseThreshold(set, crossValidated(set, sourceOf))
	t.Logf("threshold %.2f, least share %.2f: leave-one-source-out Dutch recall %.3f precision %.3f", c.th, c.share, c.recall, c.precision)
	if testing.Verbose() {
		logCrossValidated(t, "leave-one-text-out", set, crossValidated(set, func(name string) string { return name }), c)
		logCrossValidated(t, "leave-one-source-out", set, crossValidated(set, sourceOf), c)
	}
	if *train {
		src, err := format.Source(weightsSource(w, c))
		if err == nil {
			err = os.WriteFile("weights.go", src, 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
		return
	}
	if got := rules.Threshold(); math.Abs(got-c.th) > 1e-9 {
		t.Errorf("threshold in weights.go is %.2f, training gives %.2f; regenerate with -train", got, c.th)
	}
	if got := rules.MinShare(); math.Abs(got-c.share) > 1e-9 {
		t.Errorf("least share in weights.go is %.2f, training gives %.2f; regenerate with -train", got, c.share)
	}
	names := rules.FeatureNames()
	if len(rules.Weights()) != len(names) {
		t.Fatalf("weights.go has %d weights for %d features; regenerate with -train", len(rules.Weights()), len(names))
	}
	for i, got := range rules.Weights() {
		if math.Abs(got-round4(w[i])) > 2e-4 {
			t.Errorf("weight of %q in weights.go is %.4f, training gives %.4f; regenerate with -train", names[i], got, w[i])
		}
	}
}

// fitLogistic fits the weights by Newton's method on the ridge-penalised
// log loss.
func fitLogistic(set []labelled) []float64 {
	n := len(rules.FeatureNames())
	w := make([]float64, n)
	for range newtonSteps {
		grad, hess := make([]float64, n), make([][]float64, n)
		for i := range hess {
			hess[i] = make([]float64, n)
		}
		for _, l := range set {
			for j, u := range l.units {
				p := sigmoid(dot(w, u.X))
				y := 0.0
				if l.pos[j] {
					y = 1
				}
				for a := range n {
					grad[a] += (p - y) * u.X[a]
					for b := range n {
						hess[a][b] += p * (1 - p) * u.X[a] * u.X[b]
					}
				}
			}
		}
		for a := 1; a < n; a++ {
			grad[a] += ridge * w[a]
			hess[a][a] += ridge
		}
		hess[0][0] += 1e-9
		step := solve(hess, grad)
		for a := range w {
			w[a] -= step[a]
		}
	}
	return w
}

// solve solves A x = b for a symmetric positive definite A by Cholesky
// decomposition.
func solve(a [][]float64, b []float64) []float64 {
	n := len(b)
	l := make([][]float64, n)
	for i := range l {
		l[i] = make([]float64, n)
		for j := 0; j <= i; j++ {
			s := a[i][j]
			for k := range j {
				s -= l[i][k] * l[j][k]
			}
			if i == j {
				l[i][i] = math.Sqrt(s)
			} else {
				l[i][j] = s / l[j][j]
			}
		}
	}
	y := make([]float64, n)
	for i := range n {
		s := b[i]
		for k := range i {
			s -= l[i][k] * y[k]
		}
		y[i] = s / l[i][i]
	}
	x := make([]float64, n)
	for i := n - 1; i >= 0; i-- {
		s := y[i]
		for k := i + 1; k < n; k++ {
			s -= l[k][i] * x[k]
		}
		x[i] = s / l[i][i]
	}
	return x
}

// crossValidated returns, per tuning text, each unit's probability under a
// model fitted to the texts of the other groups (group names a text's
// group: its source, or the text itself): how the model does on text it
// did not learn from, which is what the threshold must be chosen on.
func crossValidated(set []labelled, group func(string) string) [][]float64 {
	out := make([][]float64, len(set))
	for i, l := range set {
		g := group(l.doc.name)
		var rest []labelled
		for _, o := range set {
			if group(o.doc.name) != g {
				rest = append(rest, o)
			}
		}
		w := fitLogistic(rest)
		for _, u := range l.units {
			out[i] = append(out[i], sigmoid(dot(w, u.X)))
		}
	}
	return out
}

// choice is a threshold and least share with the Dutch recall and
// precision they give.
type choice struct{ th, share, recall, precision float64 }

// chooseThreshold returns, over minShares and thresholds in steps of 0.01,
// the choice whose cross-validated Dutch recall reaches minRecall with the
// highest precision; the zero choice when none does. Recall first, since on
// texts the rules were not tuned on recall falls much more than precision
// (rules/5: recall 0.91 to 0.48, precision 0.65 to 0.77).
func chooseThreshold(set []labelled, probs [][]float64) choice {
	var best choice
	for _, share := range minShares {
		for i := 5; i <= 95; i++ {
			th := float64(i) / 100
			all := measure(set, probs, th, share, "nl")
			if all.recall() >= minRecall && all.precision() > best.precision {
				best = choice{th, share, all.recall(), all.precision()}
			}
		}
	}
	return best
}

// logCrossValidated logs, for the choice c, the recall and precision of
// every text and of each language under cross-validated probabilities.
func logCrossValidated(t *testing.T, name string, set []labelled, probs [][]float64, c choice) {
	for i, l := range set {
		s := score(l.doc, candidatesAt(l, probs[i], c.th, c.share))
		t.Logf("%s %-40s gold %2d found %2d cands %2d recall %.2f precision %.2f", name, l.doc.name, s.gold, s.found, s.cands, s.recall(), s.precision())
	}
	for _, lang := range []string{"nl", "en"} {
		s := measure(set, probs, c.th, c.share, lang)
		t.Logf("%s %s: gold %d cands %d recall %.3f precision %.3f", name, lang, s.gold, s.cands, s.recall(), s.precision())
	}
}

// measure scores the candidates of the texts of one language at threshold
// th and least share share.
func measure(set []labelled, probs [][]float64, th, share float64, lang string) tally {
	var all tally
	for i, l := range set {
		if l.doc.lang == lang {
			all = add(all, score(l.doc, candidatesAt(l, probs[i], th, share)))
		}
	}
	return all
}

// candidatesAt returns the units the model proposes, as the extractor does:
// at least three words, and a probability of at least the text's threshold
// (rules.DocThreshold).
func candidatesAt(l labelled, probs []float64, th, share float64) []extract.Candidate {
	var ps []float64
	for j, u := range l.units {
		if u.Words >= 3 {
			ps = append(ps, probs[j])
		}
	}
	th = rules.DocThreshold(ps, th, share)
	var out []extract.Candidate
	for j, u := range l.units {
		if probs[j] >= th && u.Words >= 3 {
			out = append(out, extract.Candidate{Start: u.Span.Start, End: u.Span.End})
		}
	}
	return out
}

// weightsSource renders weights.go.
func weightsSource(w []float64, c choice) []byte {
	var b strings.Builder
	b.WriteString("// Code generated by TestModel_Weights from the devset's tuning texts; DO NOT EDIT.\n")
	b.WriteString("// Regenerate: go test ./internal/extract/rules -run TestModel_Weights -args -train\n\npackage rules\n\n")
	b.WriteString("// itemThreshold is the least probability of the item model for a candidate.\n")
	fmt.Fprintf(&b, "const itemThreshold = %.2f\n\n", c.th)
	b.WriteString("// itemMinShare is the least share of a text's units that are proposed.\n")
	fmt.Fprintf(&b, "const itemMinShare = %.2f\n\n", c.share)
	b.WriteString("// itemWeights are the item model's weights, in the order of features.\nvar itemWeights = []float64{\n")
	for i, name := range rules.FeatureNames() {
		fmt.Fprintf(&b, "\t%.4f, // %s\n", round4(w[i]), name)
	}
	b.WriteString("}\n")
	return []byte(b.String())
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}
