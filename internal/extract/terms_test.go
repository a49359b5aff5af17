package extract_test

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rodedraad/rodedraad/internal/bundle"
	"github.com/rodedraad/rodedraad/internal/extract"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/seeds"
)

func TestLoadThemeTerms(t *testing.T) {
	t.Run("EverySeedThemeHasTermsInBothLanguages", func(t *testing.T) {
		terms, err := extract.LoadThemeTerms(seeds.Terms)
		if err != nil {
			t.Fatal(err)
		}
		b, err := bundle.Load(seeds.FS, bundle.Options{Defaults: bundle.SeedDefaults})
		if err != nil {
			t.Fatal(err)
		}
		if len(b.Themes) == 0 {
			t.Fatal("the seeds have no themes")
		}
		for _, th := range b.Themes {
			for _, lang := range extract.Languages {
				if n := len(terms[th.ID][lang]); n < 20 {
					t.Errorf("theme %s has %d %s terms, want at least 20", th.ID, n, lang)
				}
			}
		}
	})
	bad := []struct{ name, yaml, want string }{
		{"ErrMissingLanguage", "themes:\n  T1:\n    nl: [innovatie]\n", "theme T1 has no en terms"},
		{"ErrNoThemes", "themes: {}\n", "no themes"},
		{"ErrNotYAML", "themes: [\n", "terms/themes.yaml"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{extract.ThemeTermsFile: {Data: []byte(tt.yaml)}}
			_, err := extract.LoadThemeTerms(fsys)
			var re *rodedraad.Error
			if !errors.As(err, &re) || re.Code != rodedraad.EINVALID || !strings.Contains(re.Message, tt.want) {
				t.Errorf("err = %v, want EINVALID containing %q", err, tt.want)
			}
		})
	}
	t.Run("ErrNoFile", func(t *testing.T) {
		if _, err := extract.LoadThemeTerms(fstest.MapFS{}); err == nil {
			t.Error("no error for a missing file")
		}
	})
}

func TestWithTerms(t *testing.T) {
	themes := []extract.Theme{{ID: "T1"}, {ID: "X", Terms: map[string][]string{"nl": {"eigen"}}}}
	got := extract.WithTerms(themes, map[string]map[string][]string{"T1": {"nl": {"innovatie"}}})
	if got[0].Terms["nl"][0] != "innovatie" || got[1].Terms["nl"][0] != "eigen" {
		t.Errorf("WithTerms = %+v", got)
	}
	if themes[0].Terms != nil {
		t.Error("WithTerms changed its input")
	}
}
