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
