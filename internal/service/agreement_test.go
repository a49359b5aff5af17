package service_test

import (
	"math"
	"testing"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/service"
)

func decisions(reviewer string, statuses ...rodedraad.Status) []service.Decision {
	out := make([]service.Decision, len(statuses))
	for i, s := range statuses {
		out[i] = service.Decision{Target: string(rune('a' + i)), Reviewer: reviewer, Status: s}
	}
	return out
}

func TestAgreements(t *testing.T) {
	const A, R = rodedraad.StatusAccepted, rodedraad.StatusRejected
	tests := []struct {
		name           string
		a, b           []rodedraad.Status
		items, agreed  int
		kappa          float64
		kappaUndefined bool
	}{
		// po = 1, pe = .5*.5 + .5*.5 = .5: kappa 1.
		{"Perfect", []rodedraad.Status{A, R, A, R}, []rodedraad.Status{A, R, A, R}, 4, 4, 1, false},
		// po = 0, pe = .5: kappa -1.
		{"Opposite", []rodedraad.Status{A, R, A, R}, []rodedraad.Status{R, A, R, A}, 4, 0, -1, false},
		// Worked by hand: 10 items, both accept 6, agree on 8 (5 AA, 3 RR, 1 AR, 1 RA).
		// po = .8, pa = pb = .6, pe = .36 + .16 = .52, kappa = .28 / .48 = .5833.
		{"Textbook", []rodedraad.Status{A, A, A, A, A, R, R, R, A, R}, []rodedraad.Status{A, A, A, A, A, R, R, R, R, A}, 10, 8, 0.28 / 0.48, false},
		// Both always accept: pe = 1, kappa undefined.
		{"NoVariation", []rodedraad.Status{A, A}, []rodedraad.Status{A, A}, 2, 2, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := service.Agreements(append(decisions("anna", tt.a...), decisions("bram", tt.b...)...))
			if len(got) != 1 {
				t.Fatalf("got %d pairs, want 1", len(got))
			}
			g := got[0]
			if g.A != "anna" || g.B != "bram" || g.Items != tt.items || g.Agreed != tt.agreed {
				t.Errorf("pair = %+v, want anna/bram with %d items, %d agreed", g, tt.items, tt.agreed)
			}
			switch {
			case tt.kappaUndefined && g.Kappa != nil:
				t.Errorf("kappa = %v, want undefined", *g.Kappa)
			case !tt.kappaUndefined && (g.Kappa == nil || math.Abs(*g.Kappa-tt.kappa) > 1e-9):
				t.Errorf("kappa = %v, want %v", g.Kappa, tt.kappa)
			}
		})
	}
	t.Run("NoSharedItemsNoPair", func(t *testing.T) {
		ds := []service.Decision{{Target: "x", Reviewer: "anna", Status: A}, {Target: "y", Reviewer: "bram", Status: A}}
		if got := service.Agreements(ds); len(got) != 0 {
			t.Errorf("reviewers without shared items form a pair: %+v", got)
		}
	})
}
