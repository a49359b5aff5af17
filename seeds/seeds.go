// Package seeds embeds the IJmond corpus as bundle files (docs/seed-format.md):
// themes, actors, one file per document with its recommendations, scenario
// sets, positions, and the support and conflict links. Load it with
// bundle.Load(seeds.FS, bundle.Options{Defaults: bundle.SeedDefaults}).
package seeds

import "embed"

// FS holds every seed file, at paths such as documents/D01.yaml.
//
//go:embed *.yaml documents/*.yaml
var FS embed.FS

// Terms holds the data beside the bundle files that are not bundles
// themselves, at terms/themes.yaml: the words that signal each theme, per
// language (extract.LoadThemeTerms reads it).
//
//go:embed terms/*.yaml
var Terms embed.FS
