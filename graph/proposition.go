package graph

import (
	"bytes"
	"context"

	"github.com/rodedraad/rodedraad/graph/model"
	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/proposition"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Propositions is what the proposition query needs of the service.
type Propositions interface {
	Proposition(ctx context.Context, sc analysis.Scope, lang string, since *int64) (*proposition.Draft, error)
}

// propositionOf calls the service with the query's arguments.
func propositionOf(ctx context.Context, svc Propositions, scope *model.ScopeInput, lang *model.Lang, since *int) (*proposition.Draft, error) {
	var v *int64
	if since != nil {
		n := int64(*since)
		v = &n
	}
	l := "nl"
	if lang != nil {
		l = langOf(lang)
	}
	return svc.Proposition(ctx, scopeOf(scope), l, v)
}

// renderDraft renders a draft in a text format (md or html).
func renderDraft(d *proposition.Draft, format string) (string, error) {
	var buf bytes.Buffer
	if err := proposition.Write(&buf, format, d); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// clusterNodes loads nodes by id in one store call per 100, in order,
// skipping any that no longer exist or are not of type T.
func clusterNodes[T rodedraad.Node](ctx context.Context, svc Service, ids []string) ([]T, error) {
	out := make([]T, 0, len(ids))
	for i := 0; i < len(ids); i += rodedraad.MaxPageSize {
		ns, err := nodesInOrder(ctx, svc, ids[i:min(i+rodedraad.MaxPageSize, len(ids))])
		if err != nil {
			return nil, err
		}
		for _, n := range ns {
			if v, ok := n.(T); ok {
				out = append(out, v)
			}
		}
	}
	return out, nil
}

func backerIDs(bs []analysis.Backer) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = b.ID
	}
	return out
}

func clusterSectors(c *analysis.Cluster) []*model.SectorScore {
	it := analysis.ConsensusItem{Endorse: c.Endorse, Oppose: c.Oppose, P: c.P}
	return sectorScores(&it, [4]string(rodedraad.Sectors))
}
