package rules

import (
	"strings"

	"github.com/rodedraad/rodedraad/internal/suggest"
)

// opposite proposes CONFLICTS_WITH when the texts take opposite sides of
// an antonym pair about shared objects, both negated or neither (a
// negated opposite, "niet verhogen" against "verlagen", is no conflict).
// The words near the two antonyms must share an object, so that "meer
// fietspaden" and "minder parkeerplaatsen" in texts about one town do not
// clash.
func opposite(m *match) (suggest.Proposal, bool) {
	if m.a.negated() != m.b.negated() || len(m.shared) < minShared || m.cover < relatedObject {
		return suggest.Proposal{}, false
	}
	for _, line := range m.opposed {
		ha, hb := m.a.sides[line], m.b.sides[line]
		near := sharedStems(m.a.objectsIn(ha.pos-window, ha.pos+window+1), m.b.objectsIn(hb.pos-window, hb.pos+window+1))
		if len(near) == 0 {
			continue
		}
		score, conf, nl, en := -1, 0.5, "verwant onderwerp", "related objects"
		if m.cover >= sameObject {
			score, conf, nl, en = -2, 0.7, "hetzelfde onderwerp", "the same object"
		}
		why := "Tegengestelde richting op " + nl + " (" + m.a.spell(m.shared) + ") / Opposite directions on " + en + ": " +
			quote(m.a, ha.word) + " (" + ha.word + ") " + versus + " " + quote(m.b, hb.word) + " (" + hb.word + ")."
		return conflict(m, score, conf, why), true
	}
	return suggest.Proposal{}, false
}

// negation proposes CONFLICTS_WITH -2 when alike texts about the same
// objects differ in that only one is negated.
func negation(m *match) (suggest.Proposal, bool) {
	// Opposite directions and one negation ("niet verhogen", "verlagen") agree.
	if m.a.negated() == m.b.negated() || len(m.opposed) > 0 || m.sim < negationSim || m.cover < negationCover || len(m.shared) < minShared {
		return suggest.Proposal{}, false
	}
	neg, pos := m.a, m.b
	if !neg.negated() {
		neg, pos = pos, neg
	}
	why := "Eén tekst ontkent wat de ander vraagt (\"" + neg.negWord + "\") / One text negates what the other asks: " +
		quote(pos, "") + " " + versus + " " + quote(neg, neg.negWord) + "."
	return conflict(m, -2, 0.6, why), true
}

// numbers proposes CONFLICTS_WITH -1 for near-duplicates that differ in
// a number: each names one the other lacks.
func (j *Judge) numbers(m *match) (suggest.Proposal, bool) {
	if len(m.onlyA) == 0 || len(m.onlyB) == 0 || m.sim < j.overlap || m.cover < numbersCover {
		return suggest.Proposal{}, false
	}
	na, nb := strings.Join(m.onlyA, ", "), strings.Join(m.onlyB, ", ")
	why := "Vrijwel dezelfde vraag met andere getallen (" + na + " tegenover " + nb + "): verborgen tegenspraak / " +
		"Nearly the same ask with different numbers (" + na + " against " + nb + "): a hidden contradiction: " +
		quote(m.a, m.onlyA[0]) + " " + versus + " " + quote(m.b, m.onlyB[0]) + "."
	return conflict(m, -1, 0.6, why), true
}

// enabling proposes SUPPORTS +1 from a text that presents itself as a
// means to the other: only it has an enabling marker, and what follows the
// marker names at least minShared objects and most of the other's.
func enabling(m *match) (suggest.Proposal, bool) {
	means, end := m.a, m.b
	if means.marker < 0 {
		means, end = end, means
	}
	if means.marker < 0 || end.marker >= 0 || means.negated() || end.negated() || len(end.objects) == 0 {
		return suggest.Proposal{}, false
	}
	goal := sharedStems(means.objectsIn(means.marker, len(means.words)), end.objects)
	if len(goal) < minShared || float64(len(goal))/float64(len(end.objects)) < 0.5 {
		return suggest.Proposal{}, false
	}
	marker := means.words[max(means.marker-1, 0)]
	why := "Maakt de ander mogelijk (" + means.spell(goal) + ") / Enables the other: " +
		quote(means, marker) + " " + versus + " " + quote(end, "") + "."
	return suggest.Proposal{Type: suggest.Supports, From: means.rec.ID, To: end.rec.ID, Score: 1,
		Similarity: m.sim, Confidence: 0.5, Rationale: why}, true
}

// overlaps proposes OVERLAPS for texts that ask the same.
func (j *Judge) overlaps(m *match) (suggest.Proposal, bool) {
	if m.sim < j.overlap || m.a.negated() != m.b.negated() || len(m.opposed) > 0 {
		return suggest.Proposal{}, false
	}
	why := "Beide vragen hetzelfde (gelijkenis " + fmtSim(m.sim) + ") / Both ask the same (similarity " + fmtSim(m.sim) + "): " +
		quote(m.a, "") + " " + versus + " " + quote(m.b, "") + "."
	return suggest.Proposal{Type: suggest.Overlaps, From: m.a.rec.ID, To: m.b.rec.ID, Similarity: m.sim,
		Confidence: m.sim, Rationale: why}, true
}

// conflict builds a CONFLICTS_WITH proposal from a to b.
func conflict(m *match, score int, confidence float64, why string) suggest.Proposal {
	return suggest.Proposal{Type: suggest.ConflictsWith, From: m.a.rec.ID, To: m.b.rec.ID, Score: score,
		Similarity: m.sim, Confidence: confidence, Rationale: why}
}
