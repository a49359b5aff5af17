// Package rules is the offline, deterministic extractor: it cuts a text into
// sentences, list items and headings, scores each unit against tables of
// Dutch and English cues per kind (recommendation, conclusion, commitment,
// goal, position), lets the heading or lead-in above a unit raise or set its
// kind, and tags the units it keeps with themes (stemmed term lists) and
// actors (names and aliases). Every candidate quotes its unit verbatim.
package rules

import (
	"context"
	"strings"

	"github.com/rodedraad/rodedraad/internal/extract"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/textsim"
)

// Name is the extractor's name and version; bump the version when a change
// of the rules changes what they yield.
const Name = "rules/4"

// Extractor is the rules extractor. Its zero value is not usable; use New.
type Extractor struct {
	threshold float64
	minWords  int
}

// Option tunes New.
type Option func(*Extractor)

// WithThreshold sets the least confidence a unit needs to become a
// candidate (default 0.45).
func WithThreshold(t float64) Option { return func(e *Extractor) { e.threshold = t } }

// WithMinWords sets the fewest words a unit needs to become a candidate
// (default 3), so that stray fragments of a layout are not proposed.
func WithMinWords(n int) Option { return func(e *Extractor) { e.minWords = n } }

// New returns a rules extractor.
func New(opts ...Option) *Extractor {
	e := &Extractor{threshold: 0.45, minWords: 3}
	for _, o := range opts {
		o(e)
	}
	return e
}

var _ extract.Extractor = (*Extractor)(nil)

// Name returns "rules/4".
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
	var res extract.Result
	sec := section{}
	for _, u := range extract.Segment(t.Content, t.Language) {
		if err := ctx.Err(); err != nil {
			return extract.Result{}, err
		}
		text := normalize(string(rs[u.Start:u.End]))
		kind, conf := e.classify(t.Language, u, text, sec)
		sec = sec.next(t.Language, u, text, kind)
		if kind == "" || len(strings.Fields(text)) < e.minWords {
			continue
		}
		res.Items = append(res.Items, e.candidate(t, rs, u, kind, conf, text, tagger))
	}
	return res, nil
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
