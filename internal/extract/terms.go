package extract

import (
	"fmt"
	"io/fs"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// ThemeTermsFile is where LoadThemeTerms reads the theme terms in its file
// system (seeds.Terms).
const ThemeTermsFile = "terms/themes.yaml"

// Languages are the languages every theme must have terms in.
var Languages = []string{"nl", "en"}

// themeTermsDoc is the shape of ThemeTermsFile.
type themeTermsDoc struct {
	Themes map[string]map[string][]string `yaml:"themes"`
}

// LoadThemeTerms reads ThemeTermsFile from fsys and returns the terms per
// theme id and language ("nl", "en"). A file that is not valid YAML, or a
// theme without terms in one of Languages, is EINVALID; a file that cannot be
// read comes back as it is.
func LoadThemeTerms(fsys fs.FS) (map[string]map[string][]string, error) {
	data, err := fs.ReadFile(fsys, ThemeTermsFile)
	if err != nil {
		return nil, fmt.Errorf("read theme terms: %w", err)
	}
	var doc themeTermsDoc
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, rodedraad.Errorf(rodedraad.EINVALID, "%s: %v", ThemeTermsFile, err)
	}
	if len(doc.Themes) == 0 {
		return nil, rodedraad.Errorf(rodedraad.EINVALID, "%s: no themes", ThemeTermsFile)
	}
	for _, id := range slices.Sorted(mapKeys(doc.Themes)) {
		for _, lang := range Languages {
			if len(doc.Themes[id][lang]) == 0 {
				return nil, rodedraad.Errorf(rodedraad.EINVALID, "%s: theme %s has no %s terms", ThemeTermsFile, id, lang)
			}
		}
	}
	return doc.Themes, nil
}

// WithTerms returns themes with each theme's Terms set from terms, keeping
// the terms a theme already has when terms lacks it.
func WithTerms(themes []Theme, terms map[string]map[string][]string) []Theme {
	out := slices.Clone(themes)
	for i, th := range out {
		if t, ok := terms[th.ID]; ok {
			out[i].Terms = t
		}
	}
	return out
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}
