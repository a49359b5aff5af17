package rules

import "github.com/rodedraad/rodedraad/internal/extract"

// addNeighbours sets, for every unit, the best cue score of the unit after
// it and the share of the other units of its section (the units between two
// headings) that have a cue of their own. A chapter of conclusions or an
// action list states most of its items without a cue; the share of cued
// neighbours tells such a chapter from background, whatever the genre.
func addNeighbours(ucs []unitContext) {
	for i := range ucs {
		if i+1 < len(ucs) && ucs[i+1].unit.Kind != extract.UnitHeading {
			ucs[i].nextScore = ucs[i+1].best
		}
	}
	for start := 0; start < len(ucs); {
		end := start + 1
		for end < len(ucs) && ucs[end].unit.Kind != extract.UnitHeading {
			end++
		}
		setSectionShare(ucs[start:end])
		start = end
	}
}

// setSectionShare sets the share of cued units among the other units of
// one section; a lone unit gets none.
func setSectionShare(sec []unitContext) {
	hits, n := 0, 0
	for _, uc := range sec {
		if uc.unit.Kind != extract.UnitHeading {
			n++
			if uc.best >= ruleThreshold {
				hits++
			}
		}
	}
	for i := range sec {
		own := 0
		if sec[i].best >= ruleThreshold {
			own = 1
		}
		if n > 1 {
			sec[i].sectionShare = float64(hits-own) / float64(n-1)
		}
	}
}
