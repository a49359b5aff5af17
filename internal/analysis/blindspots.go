package analysis

import (
	"cmp"
	"slices"
)

// Blind-spot flags.
const (
	FlagEmpty             = "EMPTY"
	FlagThin              = "THIN"
	FlagSinglePerspective = "SINGLE_PERSPECTIVE"
	FlagNoOwner           = "NO_OWNER"
)

// BlindSpots is the per-theme coverage with its flags.
type BlindSpots struct {
	// Median number of recommendations over the study's themes (in study
	// scope and shown by the scope).
	Median float64 `json:"median"`
	// ThinBelow = max(Median/4, 3): a theme with 0 < count < ThinBelow is THIN.
	ThinBelow float64     `json:"thinBelow"`
	Themes    []BlindSpot `json:"themes"`
}

// BlindSpot is one theme's coverage.
type BlindSpot struct {
	Theme        string `json:"theme"`
	Name         string `json:"name,omitempty"`
	InStudyScope bool   `json:"inStudyScope"`
	// Recommendations addressing the theme, and their distinct documents.
	Recommendations int `json:"recommendations"`
	Documents       int `json:"documents"`
	// Sectors of the actors endorsing those recommendations.
	Sectors []string `json:"sectors,omitempty"`
	// Owners: distinct actors the recommendations are assigned to.
	Owners int      `json:"owners"`
	Flags  []string `json:"flags,omitempty"`
}

// ComputeBlindSpots returns coverage and flags for every theme shown by the
// scope. EMPTY: no recommendation. THIN: fewer than max(median/4, 3), where
// the median is over the study's themes ("fewer than a quarter of the median,
// and fewer than 3 always counts as thin"). SINGLE_PERSPECTIVE: endorsed from
// at most one sector. NO_OWNER: none of its recommendations is assigned. An
// EMPTY theme carries no other flag.
func ComputeBlindSpots(g *Graph) BlindSpots {
	var res BlindSpots
	var study []int
	for _, t := range g.shownThemes() {
		b := g.themeCoverage(t)
		if b.InStudyScope {
			study = append(study, b.Recommendations)
		}
		res.Themes = append(res.Themes, b)
	}
	res.Median = median(study, halfInt)
	res.ThinBelow = max(res.Median/4, 3)
	for i := range res.Themes {
		res.Themes[i].Flags = flags(&res.Themes[i], res.ThinBelow)
	}
	return res
}

func (g *Graph) themeCoverage(t int32) BlindSpot {
	ix := g.ix
	recs := ix.themeRecs.of(t)
	var docs, owners, endorsers []int32
	for _, r := range recs {
		docs = append(docs, ix.recDocs.of(r)...)
		owners = append(owners, ix.recAssigned.of(r)...)
		endorsers = append(endorsers, ix.endorsers.of(r)...)
	}
	return BlindSpot{
		Theme: g.Nodes[t].ID, Name: g.Nodes[t].Name, InStudyScope: g.Nodes[t].InStudyScope,
		Recommendations: len(recs), Documents: distinct(docs), Owners: distinct(owners),
		Sectors: g.sectorsOf(endorsers),
	}
}

func distinct(xs []int32) int {
	slices.Sort(xs)
	return len(slices.Compact(xs))
}

func flags(b *BlindSpot, thinBelow float64) []string {
	if b.Recommendations == 0 {
		return []string{FlagEmpty}
	}
	var f []string
	if float64(b.Recommendations) < thinBelow {
		f = append(f, FlagThin)
	}
	if len(b.Sectors) <= 1 {
		f = append(f, FlagSinglePerspective)
	}
	if b.Owners == 0 {
		f = append(f, FlagNoOwner)
	}
	return f
}

// FrameGap is a theme outside the study's scope that takes part in
// contradictions: either side addresses it.
type FrameGap struct {
	Theme          string `json:"theme"`
	Name           string `json:"name,omitempty"`
	Contradictions int    `json:"contradictions"`
	// Severity is the sum of the severities of those contradictions.
	Severity int    `json:"severity"`
	Pairs    []Pair `json:"pairs"`
}

// ComputeFrameGaps lists the out-of-scope themes in contradictions, by total
// severity (descending) then id.
func ComputeFrameGaps(g *Graph) []FrameGap {
	ix := g.ix
	byTheme := map[int32]*FrameGap{}
	for _, e := range ix.conflicts() {
		themes := append(slices.Clone(ix.recThemes.of(e.from)), ix.recThemes.of(e.to)...)
		slices.Sort(themes)
		for _, t := range slices.Compact(themes) {
			if g.Nodes[t].InStudyScope {
				continue
			}
			f := byTheme[t]
			if f == nil {
				f = &FrameGap{Theme: g.Nodes[t].ID, Name: g.Nodes[t].Name}
				byTheme[t] = f
			}
			f.Contradictions++
			f.Severity += ix.severity(e)
			f.Pairs = append(f.Pairs, Pair{g.Nodes[e.from].ID, g.Nodes[e.to].ID})
		}
	}
	out := make([]FrameGap, 0, len(byTheme))
	for _, f := range byTheme {
		out = append(out, *f)
	}
	slices.SortFunc(out, func(a, b FrameGap) int {
		return cmp.Or(cmp.Compare(b.Severity, a.Severity), cmp.Compare(a.Theme, b.Theme))
	})
	return out
}

// OwnershipGap is a recommendation of kind RECOMMENDATION assigned to nobody.
type OwnershipGap struct {
	ID        string   `json:"id"`
	Name      string   `json:"name,omitempty"`
	Documents []string `json:"documents,omitempty"`
	Themes    []string `json:"themes,omitempty"`
}

// ComputeOwnershipGaps lists the recommendations of kind RECOMMENDATION that no
// actor is assigned to, by id.
func ComputeOwnershipGaps(g *Graph) []OwnershipGap {
	ix := g.ix
	var out []OwnershipGap
	for _, r := range ix.recs {
		n := &g.Nodes[r]
		if n.Kind != "RECOMMENDATION" || len(ix.recAssigned.of(r)) > 0 {
			continue
		}
		out = append(out, OwnershipGap{
			ID: n.ID, Name: n.Name,
			Documents: g.sortedIDs(ix.recDocs.of(r)), Themes: g.sortedIDs(ix.recThemes.of(r)),
		})
	}
	slices.SortFunc(out, func(a, b OwnershipGap) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// ComputeIsolated lists, by id, the recommendations with no SUPPORTS,
// CONFLICTS_WITH or OVERLAPS edge to another recommendation or scenario.
func ComputeIsolated(g *Graph) []string {
	ix := g.ix
	linked := make([]bool, len(g.Nodes))
	mark := func(es []iedge) {
		for _, e := range es {
			if e.from != e.to {
				linked[e.from], linked[e.to] = true, true
			}
		}
	}
	mark(ix.inter)
	mark(ix.overlaps)
	var out []string
	for _, r := range ix.recs {
		if !linked[r] {
			out = append(out, g.Nodes[r].ID)
		}
	}
	slices.Sort(out)
	return out
}
