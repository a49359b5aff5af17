package analysis

import "sync"

// Summary gives the headline numbers of a Report.
type Summary struct {
	Recommendations int `json:"recommendations"`
	Documents       int `json:"documents"`
	Actors          int `json:"actors"`
	Themes          int `json:"themes"`
	Scenarios       int `json:"scenarios"`
	// Interactions = Supports + Conflicts, between recommendations and
	// scenarios; Stances are actors' SUPPORTS/CONFLICTS_WITH.
	Interactions int `json:"interactions"`
	Supports     int `json:"supports"`
	Conflicts    int `json:"conflicts"`
	Overlaps     int `json:"overlaps"`
	Stances      int `json:"stances"`

	Contradictions       int     `json:"contradictions"`
	ActorInconsistencies int     `json:"actorInconsistencies"`
	ScenarioIncoherences int     `json:"scenarioIncoherences"`
	FrameGaps            int     `json:"frameGaps"`
	OwnershipGaps        int     `json:"ownershipGaps"`
	Isolated             int     `json:"isolated"`
	Components           int     `json:"components"`
	LargestShare         float64 `json:"largestShare"`
	CrossDocumentRatio   float64 `json:"crossDocumentRatio"`
	Communities          int     `json:"communities"`
	Modularity           float64 `json:"modularity"`
	RedThreadCandidates  int     `json:"redThreadCandidates"`
	// CoherenceIndex of the scope and the number of edges it rests on.
	CoherenceIndex float64 `json:"coherenceIndex"`
	CoherenceEdges int     `json:"coherenceEdges"`
	// Coverage of the influence matrix: interactions / (n x (n-1)).
	Coverage float64 `json:"coverage"`
}

// Report is the result of every analysis over one scope (docs/analyses.md
// defines each), except the text similarity that proposes overlaps (package
// textsim). Run computes it.
type Report struct {
	Scope                Scope                 `json:"scope"`
	Summary              Summary               `json:"summary"`
	Contradictions       []Contradiction       `json:"contradictions"`
	Conflicts            []ConflictGroup       `json:"conflicts"`
	ActorInconsistencies []ActorInconsistency  `json:"actorInconsistencies"`
	ScenarioIncoherence  []ScenarioIncoherence `json:"scenarioIncoherence"`
	BlindSpots           BlindSpots            `json:"blindSpots"`
	FrameGaps            []FrameGap            `json:"frameGaps"`
	EmptyThemeScenario   []EmptyCell           `json:"emptyThemeScenario"`
	EmptyThemeSector     []EmptyCell           `json:"emptyThemeSector"`
	OwnershipGaps        []OwnershipGap        `json:"ownershipGaps"`
	Isolated             []string              `json:"isolated"`
	Fragmentation        Fragmentation         `json:"fragmentation"`
	Communities          Communities           `json:"communities"`
	Influence            Influence             `json:"influence"`
	Consensus            Consensus             `json:"consensus"`
	OverlapClusters      []Component           `json:"overlapClusters"`
	Coherence            CoherenceIndexes      `json:"coherence"`
	Matrices             Matrices              `json:"matrices"`
}

// Run restricts g to sc and runs every analysis on the result, the
// independent ones in parallel. Errors: those of Restrict (EINVALID for an
// unknown status, NOT_FOUND for an unknown filter id).
func Run(g *Graph, sc Scope, opt Options) (*Report, error) {
	s, err := g.Restrict(sc)
	if err != nil {
		return nil, err
	}
	return RunScoped(s, opt), nil
}

// RunScoped runs every analysis on g as it is (already restricted).
func RunScoped(g *Graph, opt Options) *Report {
	c := &Report{Scope: g.scope}
	var wg sync.WaitGroup
	wg.Go(func() { c.Communities = ComputeCommunities(g) })
	wg.Go(func() { c.Matrices = BuildMatrices(g) })
	wg.Go(func() {
		c.Contradictions = ComputeContradictions(g)
		c.Conflicts = ComputeConflicts(g, c.Contradictions)
		c.ActorInconsistencies = ComputeActorInconsistencies(g)
		c.ScenarioIncoherence = ComputeScenarioIncoherences(g)
		c.FrameGaps = ComputeFrameGaps(g)
		c.BlindSpots = ComputeBlindSpots(g)
		c.OwnershipGaps = ComputeOwnershipGaps(g)
		c.Isolated = ComputeIsolated(g)
	})
	wg.Go(func() {
		c.Fragmentation = ComputeFragmentation(g)
		c.OverlapClusters = ComputeOverlapClusters(g)
		c.Coherence = ComputeCoherenceIndexes(g)
	})
	wg.Go(func() {
		c.Influence = ComputeInfluence(g)
		c.Consensus = ComputeConsensus(g, opt)
	})
	wg.Wait()
	c.EmptyThemeScenario = ComputeEmptyCells(g, c.Matrices.ThemeScenario)
	c.EmptyThemeSector = ComputeEmptyCells(g, c.Matrices.ThemeSector)
	c.Summary = g.summary(c)
	return c
}

func (g *Graph) summary(c *Report) Summary {
	ix := g.ix
	s := Summary{
		Recommendations: len(ix.recs), Documents: len(ix.docs), Actors: len(ix.actors),
		Themes: len(ix.themes), Scenarios: len(ix.scens),
		Interactions: len(ix.inter), Overlaps: len(ix.overlaps),
		Contradictions: len(c.Contradictions), ActorInconsistencies: len(c.ActorInconsistencies),
		ScenarioIncoherences: len(c.ScenarioIncoherence), FrameGaps: len(c.FrameGaps),
		OwnershipGaps: len(c.OwnershipGaps), Isolated: len(c.Isolated),
		Components: c.Fragmentation.Components, LargestShare: c.Fragmentation.LargestShare,
		CrossDocumentRatio: c.Fragmentation.CrossDocumentRatio,
		Communities:        len(c.Communities.Communities), Modularity: c.Communities.Modularity,
		RedThreadCandidates: len(c.Consensus.Candidates),
		CoherenceIndex:      c.Coherence.Scope.Index, CoherenceEdges: c.Coherence.Scope.Edges,
		Coverage: c.Influence.Coverage,
	}
	for _, e := range ix.inter {
		if e.score > 0 {
			s.Supports++
		} else {
			s.Conflicts++
		}
	}
	s.Stances = ix.stances
	return s
}
