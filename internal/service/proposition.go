package service

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/proposition"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Proposition builds the draft of the shared proposition over the scope,
// in lang (nl or en), from the current graph. With since, the draft says
// what changed since the draft made at that graph version over the same
// scope. Each draft leaves a small record (the red-thread clusters and the
// conflicts' states) in the store's bookkeeping under its graph version
// and scope; a record does not change the graph version, so it costs no
// snapshot. Errors: BAD_USER_INPUT for an unknown lang or status,
// NOT_FOUND for an unknown scope id or a since version no draft was made
// at, UNAVAILABLE when Neo4j is.
func (s *Service) Proposition(ctx context.Context, sc analysis.Scope, lang string, since *int64) (*proposition.Draft, error) {
	if err := proposition.Check("md", lang); err != nil {
		return nil, err
	}
	in, err := s.propositionInput(ctx, sc, lang)
	if err != nil {
		return nil, err
	}
	if since != nil {
		if in.Previous, err = s.propositionRecord(ctx, sc, *since); err != nil {
			return nil, err
		}
	}
	d, err := proposition.Build(in)
	if err != nil {
		return nil, err
	}
	// Build again with the nodes the draft names, for titles in lang and
	// the documents' years and URLs.
	if in.Nodes, err = s.nodesByID(ctx, proposition.NeededIDs(d, in.Graph)); err != nil {
		return nil, err
	}
	if d, err = proposition.Build(in); err != nil {
		return nil, err
	}
	rec := proposition.NewRecord(in.GraphVersion, in.Report, in.Conflicts)
	if err := s.store.SetMetaValue(ctx, propositionKey(sc, in.GraphVersion), rec.Marshal()); err != nil {
		return nil, fmt.Errorf("keep the draft's record: %w", err)
	}
	return d, nil
}

// propositionInput gathers the scoped graph, its report, the stored
// conflicts and the graph version they were read at.
func (s *Service) propositionInput(ctx context.Context, sc analysis.Scope, lang string) (proposition.Input, error) {
	var in proposition.Input
	g, err := s.Snapshot(ctx)
	if err != nil {
		return in, err
	}
	in.GraphVersion = s.versionOf(g)
	if in.Graph, err = g.Restrict(sc); err != nil {
		return in, err
	}
	if in.Report, err = s.Coherence(ctx, sc, analysis.DefaultOptions()); err != nil {
		return in, err
	}
	if in.Conflicts, err = s.store.Conflicts(ctx, nil); err != nil {
		return in, err
	}
	in.Lang = lang
	return in, nil
}

// versionOf returns the graph version the cached snapshot g was read at.
func (s *Service) versionOf(g *analysis.Graph) int64 {
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	if s.cache.graph == g {
		return s.cache.version
	}
	return 0
}

// propositionRecord reads the record of the draft made at version over sc.
func (s *Service) propositionRecord(ctx context.Context, sc analysis.Scope, version int64) (*proposition.Record, error) {
	v, err := s.store.MetaValue(ctx, propositionKey(sc, version))
	if err != nil {
		return nil, err
	}
	if v == "" {
		return nil, rodedraad.Errorf(rodedraad.ENOTFOUND,
			"since %d: no draft was made at graph version %d over this scope; give the graph version an earlier draft states", version, version)
	}
	return proposition.UnmarshalRecord(v)
}

// propositionKey names the record of a draft by scope and graph version.
func propositionKey(sc analysis.Scope, version int64) string {
	b, _ := json.Marshal(sc)
	return fmt.Sprintf("proposition/%d/%s", version, b)
}

// nodesByID loads nodes in pages the store accepts.
func (s *Service) nodesByID(ctx context.Context, ids []string) (map[string]rodedraad.Node, error) {
	out := map[string]rodedraad.Node{}
	for i := 0; i < len(ids); i += rodedraad.MaxPageSize {
		page, err := s.Nodes(ctx, ids[i:min(i+rodedraad.MaxPageSize, len(ids))])
		if err != nil {
			return nil, err
		}
		for id, n := range page {
			out[id] = n
		}
	}
	return out, nil
}
