package main

import "testing"

func TestNormalise(t *testing.T) {
	rodedraad := `{"data":{"recommendations":{"edges":[{"node":{"id":"SR1","title":"R 1","kind":"GOAL",
		"themes":[{"id":"T2"},{"id":"T1"}],"document":{"id":"SD1"},
		"endorsedBy":[{"via":"STANCE","actor":{"id":"A2"}},{"via":"AUTHORED","actor":{"id":"A1"}},{"via":"AUTHORED","actor":{"id":"A2"}}],
		"conflictsWith":[{"score":-2,"other":{"id":"SR9"}}]}}]}}}`
	peer := `{"data":{"recommendations":[{"id":"SR1","title":"R 1","kind":"GOAL",
		"themes":[{"id":"T1"},{"id":"T2"}],"documents":[{"id":"SD1"}],"endorsedBy":[{"id":"A1"},{"id":"A2"}],
		"conflictsWithConnection":{"edges":[{"properties":{"score":-2},"node":{"id":"SR9"}}]}}]}}`
	otherScore := `{"data":{"recommendations":[{"id":"SR1","title":"R 1","kind":"GOAL",
		"themes":[{"id":"T1"},{"id":"T2"}],"documents":[{"id":"SD1"}],"endorsedBy":[{"id":"A1"},{"id":"A2"}],
		"conflictsWithConnection":{"edges":[{"properties":{"score":-1},"node":{"id":"SR9"}}]}}]}}`
	want, err := normalise([]byte(rodedraad), false)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, body string
		same       bool
	}{
		{"same content in the peer's shape", peer, true},
		{"another score", otherScore, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := normalise([]byte(tt.body), true)
			if err != nil {
				t.Fatal(err)
			}
			if d := firstDifference(want, got); (d == "") != tt.same {
				t.Errorf("difference %q, want same=%v", d, tt.same)
			}
		})
	}
	t.Run("errors are refused", func(t *testing.T) {
		if _, err := normalise([]byte(`{"errors":[{"message":"too complex"}]}`), false); err == nil {
			t.Error("an answer with errors must fail the check")
		}
	})
}
