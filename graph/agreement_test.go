package graph_test

import (
	"fmt"
	"testing"

	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
)

func TestQuery_ReviewAgreement(t *testing.T) {
	store := neo4jtest.Seeded(t)
	srv := newServer(t, store)
	// anna and bram each decide R01.1 .. R01.3 and R02.1; they differ on R01.3.
	decide := map[string][]string{
		"anna": {"ACCEPT", "REJECT", "ACCEPT", "REJECT"},
		"bram": {"ACCEPT", "REJECT", "REJECT", "REJECT"},
	}
	items := []string{"R01.1", "R01.2", "R01.3", "R02.1"}
	for _, who := range []string{"anna", "bram"} {
		for i, id := range items {
			q := fmt.Sprintf(`mutation { review(input: {id: %q, decision: %s, reviewer: %q}) { node { id } } }`, id, decide[who][i], who)
			if _, errs := mustQuery(t, srv, q, nil); len(errs) > 0 {
				t.Fatalf("%s reviews %s: %+v", who, id, errs)
			}
		}
	}
	got := mustData[struct {
		ReviewAgreement []struct {
			ReviewerA, ReviewerB string
			Items, Agreed        int
			Kappa                *float64
		}
	}](t, srv, `{ reviewAgreement { reviewerA reviewerB items agreed kappa } }`, nil)
	if len(got.ReviewAgreement) != 1 {
		t.Fatalf("pairs = %+v, want anna/bram only", got.ReviewAgreement)
	}
	a := got.ReviewAgreement[0]
	// po = 3/4; anna accepts 2/4, bram 1/4: pe = .5*.25 + .5*.75 = .5; kappa = .25/.5 = .5.
	if a.ReviewerA != "anna" || a.ReviewerB != "bram" || a.Items != 4 || a.Agreed != 3 || a.Kappa == nil || *a.Kappa != 0.5 {
		t.Errorf("agreement = %+v (kappa %v), want anna/bram 4 items, 3 agreed, kappa 0.5", a, a.Kappa)
	}
}
