package service

import (
	"context"

	"github.com/rodedraad/rodedraad/internal/bundle"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// ImportBundle parses one bundle file (YAML or JSON) and upserts it in one
// transaction. References to ids that the bundle does not define are looked
// up in the graph. Items without provenance become ACCEPTED and MANUAL.
// BAD_USER_INPUT names the file, line and field of every problem; nothing
// is written on any error.
func (s *Service) ImportBundle(ctx context.Context, name string, data []byte) (rodedraad.Counts, error) {
	f, err := bundle.Parse(name, data)
	if err != nil {
		return rodedraad.Counts{}, err
	}
	b, err := bundle.Build(bundle.Options{Defaults: bundle.ImportDefaults, External: s.external(ctx)}, f)
	if err != nil {
		return rodedraad.Counts{}, err
	}
	if isEmpty(b) {
		return rodedraad.Counts{}, rodedraad.Errorf(rodedraad.EINVALID, "%s: de bundel is leeg / the bundle holds no items: nothing to load", name)
	}
	if _, err := s.store.Import(ctx, b, rodedraad.ImportOptions{}); err != nil {
		return rodedraad.Counts{}, err
	}
	return b.Count(), nil
}

// external resolves references a bundle does not define against the graph.
func (s *Service) external(ctx context.Context) func(ids []string) (map[string]rodedraad.Label, error) {
	return func(ids []string) (map[string]rodedraad.Label, error) {
		return s.store.Labels(ctx, ids)
	}
}
