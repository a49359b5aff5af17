// Package rules is the offline, deterministic extractor: it cuts a text into
// sentences, list items and headings, scores each unit against tables of
// Dutch and English cues per kind (recommendation, conclusion, commitment,
// goal, position), lets the heading or lead-in above a unit raise or set its
// kind, lets a logistic item model (weights learned from the development
// set's tuning texts) decide which units to propose, and tags them with
// themes (stemmed term lists) and actors (names and aliases). Every
// candidate quotes its unit verbatim.
package rules

import (
	"cmp"
	"context"
	"math"
	"slices"
	"strings"

	"github.com/rodedraad/rodedraad/internal/extract"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/textsim"
)

// Name is the extractor's name and version; bump the version when a change
// of the rules changes what they yield.
const Name = "rules/8"

// Extractor is the rules extractor. Its zero value is not usable; use New.
type Extractor struct {
	threshold float64
	minShare  float64
	minWords  int
	cuesOnly  bool // decide as rules/4 did, by the best cue score alone
}

// Option tunes New.
type Option func(*Extractor)

// WithThreshold sets the least confidence (the item model's probability) a
// unit needs to become a candidate; the default, itemThreshold, was chosen
// with the weights for recall on the tuning texts.
func WithThreshold(t float64) Option { return func(e *Extractor) { e.threshold = t } }

// WithMinShare sets the least share (0 to 1) of a text's units, headings
// and units under WithMinWords left out, that are proposed, the most
// probable first, even below the threshold; 0 turns it off. The default,
// itemMinShare, was chosen with the threshold.
func WithMinShare(s float64) Option { return func(e *Extractor) { e.minShare = s } }

// WithMinWords sets the fewest words a unit needs to become a candidate
// (default 3), so that stray fragments of a layout are not proposed.
func WithMinWords(n int) Option { return func(e *Extractor) { e.minWords = n } }

// New returns a rules extractor.
func New(opts ...Option) *Extractor {
	e := &Extractor{threshold: itemThreshold, minShare: itemMinShare, minWords: 3}
	for _, o := range opts {
		o(e)
	}
	return e
}

var _ extract.Extractor = (*Extractor)(nil)

// Name returns "rules/8".
func (e *Extractor) Name() string { return Name }

// Extract returns the candidates of t. It fails with EINVALID only when t's
// language is neither "nl" nor "en", and with the context's error when ctx
// ends; it never drops an item, since every quote is cut from t itself.
func (e *Extractor) Extract(ctx context.Context, t extract.Text, v extract.Vocabulary) (extract.Result, error) {
	if _, ok := cues[t.Language]; !ok {
		return extract.Result{}, rodedraad.Errorf(rodedraad.EINVALID, "language %q of document %q is not nl or en", t.Language, t.DocumentID)
	}
	rs := []rune(t.Content)
	tagger := newTagger(t.Language, v)
	ucs := unitContexts(t.Language, rs, extract.Segment(t.Content, t.Language))
	probs := e.probabilities(ucs)
	th := docThreshold(eligible(probs), e.threshold, e.minShare)
	var res extract.Result
	for i, uc := range ucs {
		if err := ctx.Err(); err != nil {
			return extract.Result{}, err
		}
		kind, conf := e.decide(uc, probs[i], th)
		if kind == "" {
			continue
		}
		res.Items = append(res.Items, e.candidate(t, rs, uc.unit, kind, conf, uc.text, tagger))
	}
	return res, nil
}

// probabilities returns the item model's probability per unit, or -1 for
// a unit that can never be a candidate: a heading or one under minWords.
func (e *Extractor) probabilities(ucs []unitContext) []float64 {
	out := make([]float64, len(ucs))
	for i, uc := range ucs {
		out[i] = -1
		if uc.unit.Kind != extract.UnitHeading && uc.words >= e.minWords {
			out[i] = itemProbability(features(uc))
		}
	}
	return out
}

// minShareUnits is the fewest eligible units a text needs before
// WithMinShare applies: a short text's units say too little about its genre.
const minShareUnits = 10

// shareUnits is the length, in eligible units, up to which a text's
// candidates are chosen by threshold and least share alone. Beyond it the
// least and the most number of candidates grow with the square root of the
// length: a long document carries more background (method, history,
// annexes) than the excerpts of at most 81 units the threshold and share
// were chosen on, and 0.6 of a 29-page framework's 666 units flooded the
// review queue with 399 candidates under rules/6.
const shareUnits = 80

// leastCount returns how many of a text's n eligible units are proposed at
// least, the most probable first, under least share share: share × n, and
// beyond shareUnits share × √(shareUnits × n) (at 666 units 138).
func leastCount(share float64, n int) int {
	if n < minShareUnits {
		return 0
	}
	return int(share * float64(scaledLength(n)))
}

// mostCount returns how many of a text's n eligible units are proposed at
// most: all of a text up to shareUnits, √(shareUnits × n) beyond (at 666
// units 230).
func mostCount(n int) int { return scaledLength(n) }

// scaledLength is n up to shareUnits and √(shareUnits × n) beyond.
func scaledLength(n int) int {
	if n <= shareUnits {
		return n
	}
	return int(math.Sqrt(float64(shareUnits * n)))
}

// docThreshold returns the least probability for a candidate in one text
// whose eligible units have probabilities probs: the threshold th, lowered
// so that at least leastCount of them are proposed, and raised so that at
// most mostCount are. A model learned on letters and guidance is unsure on
// a text of another genre (an action list, a plan's policy chapter, a
// motion) and scores all its units low; ranking within the text still holds
// there.
func docThreshold(probs []float64, th, share float64) float64 {
	th = lengthThreshold(th, len(probs))
	ps := slices.Clone(probs)
	slices.SortFunc(ps, func(a, b float64) int { return cmp.Compare(b, a) })
	if k := leastCount(share, len(ps)); k > 0 && ps[k-1] < th {
		return ps[k-1]
	}
	if m := mostCount(len(ps)); m < len(ps) && ps[m] >= th {
		return math.Nextafter(ps[m], 1)
	}
	return th
}

// lengthThreshold returns threshold th for a text of n eligible units: th
// up to shareUnits, and beyond it th × (n / shareUnits)^(1/8) (at 488 units
// 1.25 × th, at 666 units 1.30 × th). Since rules/8: the threshold was
// chosen on excerpts in which 40 to 90 % of the units are items, and rules/8
// chose a lower one (0.26) than rules/7 (0.29) to find the items of more
// genres; a whole report is mostly background, and its threshold rises
// with its length as slowly as its bounds (leastCount, mostCount) do. The
// exponent is set by hand, not learned: the devset has no text of more than
// 103 units.
func lengthThreshold(th float64, n int) float64 {
	if n <= shareUnits {
		return th
	}
	return th * math.Pow(float64(n)/shareUnits, 1.0/8)
}

// eligible returns the probabilities of the units that may become
// candidates (probabilities gives the others -1).
func eligible(probs []float64) []float64 {
	var ps []float64
	for _, p := range probs {
		if p >= 0 {
			ps = append(ps, p)
		}
	}
	return ps
}

// unitContexts scores every unit of a text by its cues and the section
// above it, then lets each see its neighbours: the item model weighs a
// plain sentence among advice otherwise than the same sentence among
// background.
func unitContexts(lang string, rs []rune, units []extract.Unit) []unitContext {
	out := make([]unitContext, len(units))
	sec, prev := section{}, 0.0
	for i, u := range units {
		out[i] = newUnitContext(lang, u, string(rs[u.Start:u.End]), sec, prev)
		sec, prev = sec.next(lang, u, out[i].text, ruleKind(out[i])), out[i].best
	}
	addNeighbours(out)
	return out
}

// newUnitContext scores unit u (raw, as written) by its cues and the
// section above it; prev is the best cue score of the unit before it.
func newUnitContext(lang string, u extract.Unit, raw string, sec section, prev float64) unitContext {
	text := normalize(raw)
	scores := cueScores(lang, u, text, sec)
	_, top := best(scores)
	fields := strings.Fields(text)
	return unitContext{lang: lang, unit: u, raw: raw, text: text, fields: fields, words: len(fields),
		scores: scores, best: top, sec: sec, prevScore: prev}
}

// ruleKind is the kind a unit hands down to a lead-in's list: its best cue's
// kind when that reaches ruleThreshold, as in rules/4.
func ruleKind(c unitContext) string {
	if c.best < ruleThreshold {
		return ""
	}
	k, _ := best(c.scores)
	return k
}

// decide returns the kind and confidence of a unit with item probability p
// (-1 for headings and short units), or "" when it is not proposed: its
// probability must reach th.
func (e *Extractor) decide(c unitContext, p, th float64) (string, float64) {
	if p < 0 {
		return "", 0
	}
	k, _ := best(c.scores)
	if e.cuesOnly {
		if c.best < ruleThreshold {
			return "", 0
		}
		return k, math.Round(c.best*100) / 100
	}
	if p < th {
		return "", 0
	}
	return kindOf(c, k), math.Round(p*100) / 100
}

// normalize lowers case, drops diacritics and makes every run of white space
// one space, so that a cue's "het streven" also matches a line wrapped
// between the two words.
func normalize(s string) string {
	return strings.Join(strings.Fields(textsim.Normalize(s)), " ")
}

// candidate builds the candidate of unit u.
func (e *Extractor) candidate(t extract.Text, rs []rune, u extract.Unit, kind string, conf float64, text string, tg *tagger) extract.Candidate {
	actors := tg.actors(text)
	return extract.Candidate{
		Quote:      string(rs[u.Start:u.End]),
		Start:      u.Start,
		End:        u.End,
		Page:       pageOf(t.Pages, u.Start),
		Kind:       kind,
		Themes:     tg.themes(text),
		Actors:     actors,
		Addressees: tg.addressees(text, kind, actors),
		Confidence: conf,
		Method:     "RULE",
		Extractor:  Name,
	}
}

// pageOf returns the 1-based page whose span holds offset, or 0.
func pageOf(pages []extract.Span, offset int) int {
	for i, p := range pages {
		if offset >= p.Start && offset < p.End {
			return i + 1
		}
	}
	return 0
}
