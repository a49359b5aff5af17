package llm

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rodedraad/rodedraad/internal/extract"
)

// item is one item of the model's answer, as the schema asks for it.
type item struct {
	Quote      string   `json:"quote"`
	Kind       string   `json:"kind"`
	Themes     []string `json:"themes"`
	Actors     []string `json:"actors"`
	Addressees []string `json:"addressees"`
}

// parseAnswer reads {"items": [...]}; anything else is ErrShape.
func parseAnswer(content string) ([]item, error) {
	var a struct {
		Items *[]item `json:"items"`
	}
	if err := json.Unmarshal([]byte(content), &a); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrShape, err)
	}
	if a.Items == nil {
		return nil, fmt.Errorf("%w: no \"items\" array", ErrShape)
	}
	return *a.Items, nil
}

// vocab is the Vocabulary as sets, with each actor's names in lower case
// for finding them in a quote.
type vocab struct {
	themes map[string]bool
	names  map[string][]string // actor id -> lower-case name and aliases
}

func newVocab(v extract.Vocabulary) vocab {
	vc := vocab{themes: map[string]bool{}, names: map[string][]string{}}
	for _, t := range v.Themes {
		vc.themes[t.ID] = true
	}
	for _, a := range v.Actors {
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			if n = strings.ToLower(strings.TrimSpace(n)); n != "" {
				vc.names[a.ID] = append(vc.names[a.ID], n)
			}
		}
	}
	return vc
}

// grounder turns the items of a model's answers into candidates.
type grounder struct {
	text  extract.Text
	runes []rune // text.Content
	vocab vocab
	model string
}

// add parses the answer about chunk c and adds its grounded items to res,
// counting the others in res.Dropped.
func (g grounder) add(res *extract.Result, c chunk, answer string) error {
	items, err := parseAnswer(answer)
	if err != nil {
		return err
	}
	for _, it := range items {
		cand, ok := g.candidate(c, it)
		if !ok {
			res.Dropped++
			continue
		}
		res.Items = appendNew(res.Items, cand)
	}
	return nil
}

// minQuoteWords is the fewest words a kept quote has: fewer is a heading
// or a fragment ("Samenvatting"), not an item, however well it grounds.
const minQuoteWords = 4

// candidate grounds it in chunk c and keeps only known, named ids. It
// reports false for an item whose quote is not in the chunk, is shorter
// than minQuoteWords or whose kind is unknown: such an item is dropped.
func (g grounder) candidate(c chunk, it item) (extract.Candidate, bool) {
	if !slices.Contains(Kinds, it.Kind) {
		return extract.Candidate{}, false
	}
	sp, score, ok := extract.Ground(string(g.runes[c.Start:c.End]), it.Quote)
	if !ok {
		return extract.Candidate{}, false
	}
	start, end := c.Start+sp.Start, c.Start+sp.End
	quote := string(g.runes[start:end])
	if len(strings.Fields(quote)) < minQuoteWords {
		return extract.Candidate{}, false
	}
	actors := g.named(it.Actors, quote)
	return extract.Candidate{
		Quote: quote, Start: start, End: end, Page: pageOf(g.text.Pages, start),
		Kind:       it.Kind,
		Themes:     g.knownThemes(it.Themes),
		Actors:     actors,
		Addressees: subset(it.Addressees, actors),
		Confidence: score,
		Method:     "LLM", Extractor: Name, Model: g.model,
	}, true
}

// knownThemes returns the ids of ids that are themes, once each, in order.
func (g grounder) knownThemes(ids []string) []string {
	var out []string
	for _, id := range ids {
		if g.vocab.themes[id] && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// named returns the actor ids among ids whose name or an alias stands in
// quote: a Candidate's actors are those its quote names, and a small
// model's guesses beyond that are noise.
func (g grounder) named(ids []string, quote string) []string {
	q := strings.ToLower(quote)
	var out []string
	for _, id := range ids {
		if slices.Contains(out, id) {
			continue
		}
		if slices.ContainsFunc(g.vocab.names[id], func(n string) bool { return containsWord(q, n) }) {
			out = append(out, id)
		}
	}
	return out
}

// subset returns the ids of ids that are in of, once each, in order.
func subset(ids, of []string) []string {
	var out []string
	for _, id := range ids {
		if slices.Contains(of, id) && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// appendNew appends c unless an item with the same span is already there:
// a model may list one passage twice, e.g. as goal and as commitment.
func appendNew(cs []extract.Candidate, c extract.Candidate) []extract.Candidate {
	if slices.ContainsFunc(cs, func(o extract.Candidate) bool { return o.Start == c.Start && o.End == c.End }) {
		return cs
	}
	return append(cs, c)
}

// containsWord reports whether w stands in s as whole words, so that the
// alias "EZ" is not found in "bezwaar".
func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(w)
		if !wordRuneBefore(s, start) && !wordRuneAfter(s, end) {
			return true
		}
		i = start + 1
	}
}

func wordRuneBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return i > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func wordRuneAfter(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return i < len(s) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
