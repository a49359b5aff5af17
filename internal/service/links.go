package service

import (
	"context"
	"slices"
	"time"

	"github.com/rs/zerolog"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/suggest"
)

// LinkOptions steer SuggestLinks.
type LinkOptions struct {
	// Method names the judge: a key of Service.Judges ("RULE", "LLM").
	Method string
	// DryRun proposes without writing.
	DryRun bool
	// Concurrency is how many pairs are judged at once (a remote model
	// benefits); 0 means 1.
	Concurrency int
	// Progress, when set, is told how many pairs are judged so far.
	Progress func(done, total int)
}

// LinksSuggested is the outcome of SuggestLinks.
type LinksSuggested struct {
	Compared  int // recommendations in scope
	Stats     suggest.RunStats
	Proposals []suggest.Proposal
	Edges     []rodedraad.Edge // the proposals as the PROPOSED edges they become
	Created   int              // proposals written (0 on a dry run)
}

// SuggestLinks proposes OVERLAPS, SUPPORTS and CONFLICTS_WITH edges between
// recommendations of different documents in scope (by default ACCEPTED and
// PROPOSED ones), pre-filtered by shared themes and textual similarity, and
// judged by the judge the method names. Each is stored PROPOSED, with its
// rationale, unless an edge of that type joins the pair already (whatever
// its status: a rejected suggestion is not proposed again). BAD_USER_INPUT
// for an unknown method or scope; nothing is written on any error.
func (s *Service) SuggestLinks(ctx context.Context, sc analysis.Scope, opts LinkOptions) (LinksSuggested, error) {
	judge, ok := s.Judges[opts.Method]
	if !ok {
		return LinksSuggested{}, rodedraad.Errorf(rodedraad.EINVALID, "method %q is not available: use one of %v (LLM needs RODEDRAAD_LLM_URL)", opts.Method, judgeNames(s.Judges))
	}
	if len(sc.Statuses) == 0 {
		sc.Statuses = []rodedraad.Status{rodedraad.StatusAccepted, rodedraad.StatusProposed}
	}
	g, recs, err := s.linkCandidates(ctx, sc)
	if err != nil {
		return LinksSuggested{}, err
	}
	log := zerolog.Ctx(ctx)
	log.Info().Int("recommendations", len(recs)).Str("judge", judge.Name()).Msg("links: judging pairs")
	start := time.Now()
	existing := edgeKeys(g)
	props, stats, err := suggest.Run(ctx, recs, judge, suggest.RunOptions{
		Concurrency: opts.Concurrency, Progress: opts.Progress, Existing: func(k string) bool { return existing[k] },
	})
	if err != nil {
		return LinksSuggested{}, err
	}
	log.Info().Int("pairs", stats.Judged).Int("proposals", len(props)).Dur("took", time.Since(start)).Msg("links: judged")
	out := LinksSuggested{Compared: len(recs), Stats: stats, Proposals: props, Edges: proposalEdges(props, judge.Name())}
	if opts.DryRun || len(props) == 0 {
		return out, nil
	}
	b := &rodedraad.Bundle{Edges: out.Edges}
	if _, err := s.store.Import(ctx, b, rodedraad.ImportOptions{KeepExisting: true, Timeout: s.BulkTimeout}); err != nil {
		return LinksSuggested{}, err
	}
	out.Created = len(b.Edges)
	return out, nil
}

// linkCandidates returns the snapshot and the recommendations in scope with
// their texts, documents and themes (of any status but REJECTED: an
// extracted recommendation's themes are PROPOSED with it).
func (s *Service) linkCandidates(ctx context.Context, sc analysis.Scope) (*analysis.Graph, []suggest.Rec, error) {
	g, err := s.Snapshot(ctx)
	if err != nil {
		return nil, nil, err
	}
	scoped, err := g.Restrict(sc)
	if err != nil {
		return nil, nil, err
	}
	texts, err := s.store.RecommendationTexts(ctx, recommendationIDs(scoped))
	if err != nil {
		return nil, nil, err
	}
	themes := themesOf(g)
	recs := make([]suggest.Rec, len(texts))
	for i, t := range texts {
		recs[i] = suggest.Rec{ID: t.ID, Document: t.Document, Language: t.Language,
			Title: t.Title, Text: t.Text, Themes: themes[t.ID]}
	}
	return g, recs, nil
}

// themesOf maps each recommendation to the themes it addresses, accepted
// (folded into the node) or proposed (an edge).
func themesOf(g *analysis.Graph) map[string][]string {
	out := map[string][]string{}
	for _, n := range g.Nodes {
		if n.Label == rodedraad.LabelRecommendation && len(n.Themes) > 0 {
			out[n.ID] = slices.Clone(n.Themes)
		}
	}
	for _, e := range g.Edges {
		if e.Type == rodedraad.RelAddresses && e.Status != rodedraad.StatusRejected && !slices.Contains(out[e.From], e.To) {
			out[e.From] = append(out[e.From], e.To)
		}
	}
	return out
}

// edgeKeys are the keys of every interaction edge in the graph, whatever
// its status.
func edgeKeys(g *analysis.Graph) map[string]bool {
	keys := map[string]bool{}
	for _, e := range g.Edges {
		switch e.Type {
		case rodedraad.RelOverlaps, rodedraad.RelSupports, rodedraad.RelConflictsWith:
			re := rodedraad.Edge{Type: e.Type, From: e.From, To: e.To}
			keys[re.Key()] = true
		}
	}
	return keys
}

// proposalEdges turns proposals into PROPOSED edges.
func proposalEdges(props []suggest.Proposal, judge string) []rodedraad.Edge {
	out := make([]rodedraad.Edge, 0, len(props))
	for _, p := range props {
		conf := p.Confidence
		e := rodedraad.Edge{Type: rodedraad.RelType(p.Type), From: p.From, To: p.To,
			Provenance: rodedraad.Provenance{Status: rodedraad.StatusProposed, Method: rodedraad.Method(p.Method),
				Confidence: &conf, Rationale: p.Rationale, CreatedBy: judge, Model: p.Model}}
		switch e.Type {
		case rodedraad.RelOverlaps:
			sim := p.Similarity
			e.Similarity = &sim
		default:
			score := p.Score
			e.Score = &score
		}
		out = append(out, e)
	}
	return out
}

func judgeNames(j map[string]suggest.Judge) []string {
	var out []string
	for k := range j {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
