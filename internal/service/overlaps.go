package service

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/rs/zerolog"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/textsim"
)

// Suggestion is one near-duplicate pair found by SuggestOverlaps.
type Suggestion struct {
	textsim.Pair
	// Created is false when an OVERLAPS edge between the two existed already.
	Created bool
}

// Suggested is the outcome of SuggestOverlaps.
type Suggested struct {
	Compared    int
	Created     int
	Suggestions []Suggestion
}

// SuggestOverlaps compares the recommendations in scope (by default ACCEPTED
// and PROPOSED ones) by text similarity and stores every pair at or above
// threshold from different documents that is not linked yet as a PROPOSED
// OVERLAPS edge (method SIMILARITY, confidence = similarity), for review.
// Pairs that differ in a number or a year say so in their rationale.
// BAD_USER_INPUT for a threshold outside (0, 1].
func (s *Service) SuggestOverlaps(ctx context.Context, threshold float64, sc analysis.Scope) (Suggested, error) {
	if threshold <= 0 || threshold > 1 {
		return Suggested{}, rodedraad.Errorf(rodedraad.EINVALID, "threshold %v is outside (0, 1]", threshold)
	}
	if len(sc.Statuses) == 0 {
		sc.Statuses = []rodedraad.Status{rodedraad.StatusAccepted, rodedraad.StatusProposed}
	}
	g, err := s.Snapshot(ctx)
	if err != nil {
		return Suggested{}, err
	}
	scoped, err := g.Restrict(sc)
	if err != nil {
		return Suggested{}, err
	}
	texts, err := s.store.RecommendationTexts(ctx, recommendationIDs(scoped))
	if err != nil {
		return Suggested{}, err
	}
	log := zerolog.Ctx(ctx)
	log.Info().Int("recommendations", len(texts)).Float64("threshold", threshold).Msg("overlaps: comparing")
	start := time.Now()
	pairs := textsim.Suggest(textItems(texts), textsim.Options{Threshold: threshold})
	log.Info().Int("pairs", len(pairs)).Dur("took", time.Since(start)).Msg("overlaps: compared")
	out := Suggested{Compared: len(texts)}
	existing := overlapKeys(g)
	b := &rodedraad.Bundle{}
	for _, p := range pairs {
		e := overlapEdge(p)
		created := !existing[e.Key()]
		if created {
			b.Edges = append(b.Edges, e)
		}
		out.Suggestions = append(out.Suggestions, Suggestion{Pair: p, Created: created})
	}
	if len(b.Edges) > 0 {
		if _, err := s.store.Import(ctx, b, rodedraad.ImportOptions{}); err != nil {
			return Suggested{}, err
		}
	}
	out.Created = len(b.Edges)
	return out, nil
}

func recommendationIDs(g *analysis.Graph) []string {
	var ids []string
	for _, n := range g.Nodes {
		if n.Label == rodedraad.LabelRecommendation {
			ids = append(ids, n.ID)
		}
	}
	return ids
}

// textItems compares title and text together: titles carry the gist.
func textItems(texts []rodedraad.RecText) []textsim.Item {
	items := make([]textsim.Item, len(texts))
	for i, t := range texts {
		items[i] = textsim.Item{ID: t.ID, Document: t.Document, Language: t.Language, Text: t.Title + ". " + t.Text}
	}
	return items
}

// overlapKeys are the OVERLAPS edges already in the graph, whatever their
// status: a rejected suggestion is not proposed again.
func overlapKeys(g *analysis.Graph) map[string]bool {
	keys := map[string]bool{}
	for _, e := range g.Edges {
		if e.Type == rodedraad.RelOverlaps {
			re := rodedraad.Edge{Type: e.Type, From: e.From, To: e.To}
			keys[re.Key()] = true
		}
	}
	return keys
}

func overlapEdge(p textsim.Pair) rodedraad.Edge {
	sim := p.Similarity
	rationale := fmt.Sprintf("text similarity %.2f", sim)
	if p.NumberMismatch {
		rationale += "; the texts differ in " + strings.Join(p.Numbers, ", ") + ": check for a hidden contradiction"
	}
	return rodedraad.Edge{
		Type: rodedraad.RelOverlaps, From: p.A, To: p.B, Similarity: &sim,
		Provenance: rodedraad.Provenance{
			Status: rodedraad.StatusProposed, Method: rodedraad.MethodSimilarity,
			Confidence: &sim, Rationale: rationale, CreatedBy: "suggestOverlaps",
		},
	}
}
