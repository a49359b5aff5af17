package analysis

import "sync"

// Summary gives the headline numbers of a Coherence report.
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

// Coherence is every analysis of DESIGN.md section 4 over one scope, except
// the text similarity that proposes overlaps (package textsim).
type Coherence struct {
	Scope                Scope                 `json:"scope"`
	Summary              Summary               `json:"summary"`
	Contradictions       []Contradiction       `json:"contradictions"`
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
	Coherence            Coherences            `json:"coherence"`
	Matrices             Matrices              `json:"matrices"`
}

// Report restricts g to sc and runs every analysis on the result, the
// independent ones in parallel. Errors: those of Restrict (EINVALID for an
// unknown status, NOT_FOUND for an unknown filter id).
func Report(g *Graph, sc Scope, opt Options) (*Coherence, error) {
	s, err := g.Restrict(sc)
	if err != nil {
		return nil, err
	}
	return ReportScoped(s, opt), nil
}

// ReportScoped runs every analysis on g as it is (already restricted).
func ReportScoped(g *Graph, opt Options) *Coherence {
	c := &Coherence{Scope: g.scope}
	var wg sync.WaitGroup
	wg.Go(func() { c.Communities = ComputeCommunities(g) })
	wg.Go(func() { c.Matrices = ComputeMatrices(g) })
	wg.Go(func() {
		c.Contradictions = Contradictions(g)
		c.ActorInconsistencies = ActorInconsistencies(g)
		c.ScenarioIncoherence = ScenarioIncoherences(g)
		c.FrameGaps = FrameGaps(g)
		c.BlindSpots = ComputeBlindSpots(g)
		c.OwnershipGaps = OwnershipGaps(g)
		c.Isolated = Isolated(g)
	})
	wg.Go(func() {
		c.Fragmentation = ComputeFragmentation(g)
		c.OverlapClusters = OverlapClusters(g)
		c.Coherence = ComputeCoherence(g)
	})
	wg.Go(func() {
		c.Influence = ComputeInfluence(g)
		c.Consensus = ComputeConsensus(g, opt)
	})
	wg.Wait()
	c.EmptyThemeScenario = EmptyCells(g, c.Matrices.ThemeScenario)
	c.EmptyThemeSector = EmptyCells(g, c.Matrices.ThemeSector)
	c.Summary = g.summary(c)
	return c
}

func (g *Graph) summary(c *Coherence) Summary {
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
