package graph

import (
	"context"

	"github.com/rodedraad/rodedraad/graph/model"
	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/service"
)

// Analyses is what the coherence resolvers need of the service.
type Analyses interface {
	Coherence(ctx context.Context, sc analysis.Scope, opt analysis.Options) (*analysis.Report, error)
	Matrix(ctx context.Context, rows, cols analysis.Dimension, sc analysis.Scope) (analysis.Matrix, error)
	SuggestOverlaps(ctx context.Context, threshold float64, sc analysis.Scope) (service.Suggested, error)
}

// maxAnalysisList caps the ranked lists of a coherence report.
const maxAnalysisList = 1000

// top returns the first n items of a ranked list as pointers, the shape
// gqlgen lists take. BAD_USER_INPUT when n is outside 0..maxAnalysisList.
func top[T any](list []T, n int) ([]*T, error) {
	if n < 0 || n > maxAnalysisList {
		return nil, rodedraad.Errorf(rodedraad.EINVALID, "first %d is outside 0..%d", n, maxAnalysisList)
	}
	n = min(n, len(list))
	out := make([]*T, n)
	for i := range n {
		out[i] = &list[i]
	}
	return out, nil
}

func scopeOf(in *model.ScopeInput) analysis.Scope {
	if in == nil {
		return analysis.Scope{}
	}
	return analysis.Scope{Themes: in.Themes, Scenarios: in.Scenarios, Documents: in.Documents, Statuses: in.Statuses}
}

func redThreadOf(in *model.RedThreadOptions) analysis.Options {
	o := analysis.DefaultOptions()
	if in != nil {
		set(&o.MinGAC, in.MinGac)
		set(&o.MinSectors, in.MinSectors)
		set(&o.MaxSeverity, in.MaxSeverity)
		set(&o.MinEchoDocuments, in.MinEchoDocuments)
		set(&o.JoinSupports, in.JoinSupports)
	}
	return o
}

var kindOfLabel = map[rodedraad.Label]model.NodeKind{}

func init() {
	for k, l := range nodeKinds {
		kindOfLabel[l] = k
	}
}

func sectorScores(it *analysis.ConsensusItem, sectors [4]string) []*model.SectorScore {
	out := make([]*model.SectorScore, len(sectors))
	for i, s := range sectors {
		out[i] = &model.SectorScore{Sector: s, Endorse: it.Endorse[i], Oppose: it.Oppose[i], P: it.P[i]}
	}
	return out
}

// documentByID loads a document through the request's loader; nil when it
// no longer exists.
func documentByID(ctx context.Context, id string) (*rodedraad.Document, error) {
	n, err := nodeByID(ctx, id)
	d, _ := n.(*rodedraad.Document)
	return d, err
}

// recommendationByID loads a recommendation through the request's loader;
// nil when it no longer exists.
func recommendationByID(ctx context.Context, id string) (*rodedraad.Recommendation, error) {
	n, err := nodeByID(ctx, id)
	r, _ := n.(*rodedraad.Recommendation)
	return r, err
}
