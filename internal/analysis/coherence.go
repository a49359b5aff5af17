package analysis

// CoherenceIndex = (sum of positive scores - sum of |negative scores|) /
// (sum of |scores|), in [-1, 1], over the interaction edges it rests on.
// With no edges the index is 0 and means nothing: check Edges.
type CoherenceIndex struct {
	ID       string  `json:"id,omitempty"`
	Name     string  `json:"name,omitempty"`
	Index    float64 `json:"index"`
	Edges    int     `json:"edges"`
	Positive int     `json:"positive"` // sum of positive scores
	Negative int     `json:"negative"` // sum of |negative scores|
}

func (c *CoherenceIndex) add(score int16) {
	c.Edges++
	if score > 0 {
		c.Positive += int(score)
	} else {
		c.Negative -= int(score)
	}
}

func (c *CoherenceIndex) finish() {
	if sum := c.Positive + c.Negative; sum > 0 {
		c.Index = float64(c.Positive-c.Negative) / float64(sum)
	}
}

// CoherenceIndexes holds the coherence index of the scope, of each theme and of
// each scenario shown by the scope.
type CoherenceIndexes struct {
	Scope CoherenceIndex `json:"scope"`
	// Themes: over the edges with at least one end addressing the theme, so
	// that conflicts with other themes count against it.
	Themes []CoherenceIndex `json:"themes"`
	// Scenarios: over the edges with both ends in the scenario (a scenario
	// counts as part of itself): how coherent the package it describes is.
	Scenarios []CoherenceIndex `json:"scenarios"`
}

// ComputeCoherenceIndexes returns the coherence indices of g.
func ComputeCoherenceIndexes(g *Graph) CoherenceIndexes {
	ix := g.ix
	per := make([]CoherenceIndex, len(g.Nodes)) // per theme and scenario node
	var res CoherenceIndexes
	var seen []int32
	for _, e := range ix.inter {
		res.Scope.add(e.score)
		seen = append(append(seen[:0], ix.recThemes.of(e.from)...), ix.recThemes.of(e.to)...)
		for i, t := range seen {
			if !containsBefore(seen, i, t) {
				per[t].add(e.score)
			}
		}
		for _, s := range intersect(ix.scenariosOf(e.from), ix.scenariosOf(e.to)) {
			per[s].add(e.score)
		}
	}
	res.Scope.finish()
	res.Themes = g.coherenceOf(per, g.shownThemes())
	res.Scenarios = g.coherenceOf(per, g.shownScens())
	return res
}

// containsBefore reports whether x occurs in xs before position i.
func containsBefore(xs []int32, i int, x int32) bool {
	for _, y := range xs[:i] {
		if y == x {
			return true
		}
	}
	return false
}

func (g *Graph) coherenceOf(per []CoherenceIndex, nodes []int32) []CoherenceIndex {
	out := make([]CoherenceIndex, 0, len(nodes))
	for _, n := range nodes {
		c := per[n]
		c.ID, c.Name = g.Nodes[n].ID, g.Nodes[n].Name
		c.finish()
		out = append(out, c)
	}
	return out
}
