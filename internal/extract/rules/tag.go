package rules

import (
	"regexp"
	"slices"
	"strings"

	"github.com/rodedraad/rodedraad/internal/extract"
	"github.com/rodedraad/rodedraad/internal/textsim"
)

// tagger tags a unit's normalised text with the vocabulary's themes and
// actors. It prepares the stemmed terms and the actor names once per text.
type tagger struct {
	lang  string
	terms []themeTerm
	names []actorName
}

// themeTerm is one term of a theme as stems; a single stem of at least
// minInfix letters also matches inside a compound.
type themeTerm struct {
	theme string
	stems []string
}

// actorName is one normalised name or alias of an actor.
type actorName struct {
	id, name string
}

// minInfix is the shortest stem that may match inside a longer word:
// "waterstof" in "waterstofnetwerk", but not "won" in "wonderlijk".
const minInfix = 5

func newTagger(lang string, v extract.Vocabulary) *tagger {
	tg := &tagger{lang: lang}
	for _, th := range v.Themes {
		for _, term := range th.Terms[lang] {
			if stems := tg.stems(term); len(stems) > 0 {
				tg.terms = append(tg.terms, themeTerm{theme: th.ID, stems: stems})
			}
		}
	}
	for _, a := range v.Actors {
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			if n = textsim.Normalize(strings.TrimSpace(n)); n != "" {
				tg.names = append(tg.names, actorName{id: a.ID, name: n})
			}
		}
	}
	return tg
}

// stems returns the stems of a text's tokens, stop words left out.
func (tg *tagger) stems(text string) []string {
	var out []string
	for _, tok := range textsim.Tokens(textsim.Normalize(text)) {
		if !textsim.IsStopWord(tg.lang, tok) {
			out = append(out, textsim.Stem(tg.lang, tok))
		}
	}
	return out
}

// themes returns the ids of the themes whose terms occur in text, sorted.
func (tg *tagger) themes(text string) []string {
	stems := tg.stems(text)
	var ids []string
	for _, t := range tg.terms {
		if !slices.Contains(ids, t.theme) && t.matches(stems) {
			ids = append(ids, t.theme)
		}
	}
	slices.Sort(ids)
	return ids
}

// matches reports whether the term's stems occur in order in stems. A
// one-word term also matches as part of a compound.
func (t themeTerm) matches(stems []string) bool {
	if len(t.stems) == 1 {
		return slices.ContainsFunc(stems, func(s string) bool {
			return s == t.stems[0] || len(t.stems[0]) >= minInfix && strings.Contains(s, t.stems[0])
		})
	}
	for i := 0; i+len(t.stems) <= len(stems); i++ {
		if slices.Equal(stems[i:i+len(t.stems)], t.stems) {
			return true
		}
	}
	return false
}

// actors returns the ids of the actors named in text, in the order of the
// vocabulary, each once. Names match whole words, ignoring case and
// diacritics, since text and names are both normalised.
func (tg *tagger) actors(text string) []string {
	var ids []string
	for _, a := range tg.names {
		if !slices.Contains(ids, a.id) && wordIndex(text, a.name) >= 0 {
			ids = append(ids, a.id)
		}
	}
	return ids
}

// addressees returns the actors a recommendation asks to act: the subject
// of a modal ("de gemeente moet", "het Rijk dient") or the object of an
// advice ("wij adviseren de provincie", "calls on the Commission").
func (tg *tagger) addressees(text, kind string, actors []string) []string {
	if kind != Recommendation || len(actors) == 0 {
		return nil
	}
	var out []string
	for _, a := range tg.names {
		if slices.Contains(actors, a.id) && !slices.Contains(out, a.id) && tg.asked(text, a.name) {
			out = append(out, a.id)
		}
	}
	return out
}

// asked reports whether name stands where the one asked to act stands.
func (tg *tagger) asked(text, name string) bool {
	i := wordIndex(text, name)
	if i < 0 {
		return false
	}
	before, after := text[:i], text[i+len(name):]
	return modalAfter.MatchString(after) || adviceBefore.MatchString(before)
}

// modalAfter matches a modal verb right after a subject; adviceBefore
// matches an advising verb right before its object.
var (
	modalAfter   = regexp.MustCompile(`^\s*(\(\w+\)\s*)?(moet|moeten|dient|dienen|zou|zouden|gaat|should|must|needs to|is asked to)\b`)
	adviceBefore = regexp.MustCompile(`\b(adviseer|adviseert|adviseren|vragen|vraagt|roept|roepen|bevelen|beveelt|recommend|recommends|call on|calls on|called on|urge|urges)\s+((aan|bij|de|het|the|that)\s+)*$`)
)

// wordIndex returns the byte index of name in text as a whole word, or -1.
func wordIndex(text, name string) int {
	for from := 0; from <= len(text); {
		i := strings.Index(text[from:], name)
		if i < 0 {
			return -1
		}
		i += from
		if boundary(text, i-1) && boundary(text, i+len(name)) {
			return i
		}
		from = i + 1
	}
	return -1
}

// boundary reports whether byte i of text is outside it or not a letter or
// digit (names are normalised to ASCII-dominated text, so a byte test is
// enough for the letters around them).
func boundary(text string, i int) bool {
	if i < 0 || i >= len(text) {
		return true
	}
	b := text[i]
	return !(b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 0x80)
}
