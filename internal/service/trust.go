package service

import (
	"context"

	"github.com/rodedraad/rodedraad/internal/bundle"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Auditor is the store's audit trail.
type Auditor interface {
	History(ctx context.Context, id string, limit int) ([]rodedraad.Change, error)
	Changes(ctx context.Context, f rodedraad.ChangeFilter) ([]rodedraad.Change, error)
}

// maxChanges caps one page of the audit trail.
const maxChanges = 500

// History returns the audit trail of one item, oldest first, at most
// limit entries (capped at 500). NOT_FOUND never: an item without
// changes has an empty history.
func (s *Service) History(ctx context.Context, id string, limit int) ([]rodedraad.Change, error) {
	a, ok := s.store.(Auditor)
	if !ok {
		return nil, rodedraad.Errorf(rodedraad.EUNAVAILABLE, "this store keeps no audit trail")
	}
	return a.History(ctx, id, clampLimit(limit))
}

// Changes returns audit entries newest first, filtered and paged by f
// (limit capped at 500).
func (s *Service) Changes(ctx context.Context, f rodedraad.ChangeFilter) ([]rodedraad.Change, error) {
	a, ok := s.store.(Auditor)
	if !ok {
		return nil, rodedraad.Errorf(rodedraad.EUNAVAILABLE, "this store keeps no audit trail")
	}
	f.Limit = clampLimit(f.Limit)
	return a.Changes(ctx, f)
}

func clampLimit(n int) int {
	if n <= 0 || n > maxChanges {
		return maxChanges
	}
	return n
}

// ImportBundleWith parses one bundle file and loads it like ImportBundle,
// with opts (DryRun, Overwrite, Timeout), and reports what changed per
// kind. An empty bundle is BAD_USER_INPUT; items a person changed since
// they were loaded make it a CONFLICT naming them unless opts.Overwrite.
func (s *Service) ImportBundleWith(ctx context.Context, name string, data []byte, opts rodedraad.ImportOptions) (rodedraad.ImportResult, error) {
	f, err := bundle.Parse(name, data)
	if err != nil {
		return rodedraad.ImportResult{}, err
	}
	b, err := bundle.Build(bundle.Options{Defaults: bundle.ImportDefaults, External: s.external(ctx)}, f)
	if err != nil {
		return rodedraad.ImportResult{}, err
	}
	if isEmpty(b) {
		return rodedraad.ImportResult{}, rodedraad.Errorf(rodedraad.EINVALID, "%s: de bundel is leeg / the bundle holds no items: nothing to load", name)
	}
	return s.store.Import(ctx, b, opts)
}

func isEmpty(b *rodedraad.Bundle) bool {
	return len(b.Nodes()) == 0 && len(b.Edges) == 0 && len(b.Passages) == 0
}

// existingIfSame turns the CONFLICT of a create whose id exists into
// success when the stored item and its edges equal what the create asks
// for: a client that retries a create after a lost answer gets the item,
// not CONFLICT. Any other error, or other content, stays as it was.
func (s *Service) existingIfSame(ctx context.Context, b *rodedraad.Bundle, n rodedraad.Node, createErr error) (rodedraad.Node, error) {
	if rodedraad.ErrorCode(createErr) != rodedraad.ECONFLICT {
		return nil, createErr
	}
	res, err := s.store.Import(ctx, b, rodedraad.ImportOptions{DryRun: true, Overwrite: true})
	if err != nil || len(res.Changes) > 0 {
		return nil, createErr
	}
	return s.store.Node(ctx, n.NodeID())
}
