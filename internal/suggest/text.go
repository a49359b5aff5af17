package suggest

import (
	"cmp"
	"strings"

	"github.com/rodedraad/rodedraad/internal/textsim"
)

// FullText returns the title and the text of r as one string, the title
// first because it carries the gist; the title is left out when the text
// already starts with it.
func (r Rec) FullText() string {
	title, text := strings.TrimSpace(r.Title), strings.TrimSpace(r.Text)
	switch {
	case title == "":
		return text
	case text == "" || strings.HasPrefix(text, title):
		return cmp.Or(text, title)
	default:
		return strings.TrimRight(title, ".!?:; ") + ". " + text
	}
}

// contentStems returns the distinct stems of r's content words: the text
// normalised, split, stripped of numbers, short words and stop words, and
// stemmed by r's language (guessed when r has none).
func contentStems(r Rec) []string {
	toks := textsim.Tokens(textsim.Normalize(r.FullText()))
	lang := r.Language
	if lang != textsim.Dutch && lang != textsim.English {
		lang = textsim.GuessLanguage(toks)
	}
	seen := map[string]bool{}
	var out []string
	for _, t := range toks {
		if len(t) < 3 || textsim.IsNumeric(t) || textsim.IsStopWord(lang, t) {
			continue
		}
		if s := textsim.Stem(lang, t); !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
