package service

import (
	"context"
	"sort"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Decision is one reviewer's last decision on one item.
type Decision = rodedraad.ReviewDecision

// Agreement is how two reviewers agree on the items both decided: Cohen's
// kappa, (po - pe) / (1 - pe), with po the share of items they decided
// alike and pe the share expected by chance from each one's own rates of
// ACCEPTED and REJECTED. Kappa is nil when it is undefined (no shared
// items, or both always gave one and the same decision).
type Agreement struct {
	A, B          string
	Items, Agreed int
	Kappa         *float64
}

// Decisions lists each reviewer's last decision per item.
type Decisions interface {
	ReviewDecisions(ctx context.Context) ([]Decision, error)
}

// ReviewAgreement returns Cohen's kappa for every pair of reviewers who
// decided at least one item in common, from the audit trail, which keeps
// every reviewer's decision.
func (s *Service) ReviewAgreement(ctx context.Context) ([]Agreement, error) {
	d, ok := s.store.(Decisions)
	if !ok {
		return nil, rodedraad.Errorf(rodedraad.EUNAVAILABLE, "this store keeps no review decisions")
	}
	ds, err := d.ReviewDecisions(ctx)
	if err != nil {
		return nil, err
	}
	return Agreements(ds), nil
}

// Agreements computes Agreement for every pair of reviewers, ordered by
// reviewer names.
func Agreements(ds []Decision) []Agreement {
	by := map[string]map[string]rodedraad.Status{} // reviewer -> target -> status
	for _, d := range ds {
		if by[d.Reviewer] == nil {
			by[d.Reviewer] = map[string]rodedraad.Status{}
		}
		by[d.Reviewer][d.Target] = d.Status
	}
	names := make([]string, 0, len(by))
	for n := range by {
		names = append(names, n)
	}
	sort.Strings(names)
	var out []Agreement
	for i, a := range names {
		for _, b := range names[i+1:] {
			if ag := pairAgreement(a, b, by[a], by[b]); ag.Items > 0 {
				out = append(out, ag)
			}
		}
	}
	return out
}

func pairAgreement(a, b string, da, db map[string]rodedraad.Status) Agreement {
	ag := Agreement{A: a, B: b}
	acceptA, acceptB := 0, 0
	for t, sa := range da {
		sb, ok := db[t]
		if !ok {
			continue
		}
		ag.Items++
		if sa == sb {
			ag.Agreed++
		}
		if sa == rodedraad.StatusAccepted {
			acceptA++
		}
		if sb == rodedraad.StatusAccepted {
			acceptB++
		}
	}
	if ag.Items == 0 {
		return ag
	}
	n := float64(ag.Items)
	po := float64(ag.Agreed) / n
	pa, pb := float64(acceptA)/n, float64(acceptB)/n
	pe := pa*pb + (1-pa)*(1-pb)
	if pe < 1 {
		k := (po - pe) / (1 - pe)
		ag.Kappa = &k
	}
	return ag
}
