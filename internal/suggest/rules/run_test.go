package rules

import (
	"context"
	"testing"

	"github.com/rodedraad/rodedraad/internal/suggest"
)

// TestRun_WithRules runs the rules judge over a small set of several
// documents through suggest.Run: every planted relation comes back once,
// nothing inside one document, nothing between unrelated texts.
func TestRun_WithRules(t *testing.T) {
	recs := []suggest.Rec{
		{ID: "V1", Document: "Visie", Language: "nl", Themes: []string{"LUCHT"},
			Text: "Sluit de kooksfabriek van Tata Steel in IJmuiden vóór 2030 om de uitstoot van PAK te verminderen."},
		{ID: "V2", Document: "Visie", Language: "nl", Themes: []string{"MOBILITEIT"},
			Text: "Verhoog de parkeertarieven in Velsen-Noord om het autoverkeer te ontmoedigen."},
		{ID: "V3", Document: "Visie", Language: "nl", Themes: []string{"LUCHT"},
			Text: "Sluit de kooksfabriek van Tata Steel in IJmuiden vóór 2035 om de uitstoot van PAK te verminderen."},
		{ID: "G1", Document: "GGD", Language: "nl", Themes: []string{"LUCHT", "GEZONDHEID"},
			Text: "De kooksfabrieken van Tata Steel in IJmuiden moeten vóór 2030 sluiten om de uitstoot van PAK te verminderen."},
		{ID: "O1", Document: "Ondernemers", Language: "nl", Themes: []string{"MOBILITEIT"},
			Text: "Verlaag de parkeertarieven in Velsen-Noord om winkelend publiek te trekken."},
		{ID: "O2", Document: "Ondernemers", Language: "en", Themes: []string{"CULTUUR"},
			Text: "Publish the municipal budget for cultural events every spring."},
	}
	got, stats, err := suggest.Run(context.Background(), recs, New(Options{}), suggest.RunOptions{Concurrency: 2})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{
		"G1|OVERLAPS|V1":       0,  // the same ask
		"G1|CONFLICTS_WITH|V3": -1, // 2030 against 2035
		"O1|CONFLICTS_WITH|V2": -2, // raise against lower
	}
	for _, p := range got {
		key := suggest.Key(p)
		score, ok := want[key]
		if !ok || score != p.Score {
			t.Errorf("unexpected %s %+d: %s", key, p.Score, p.Rationale)
		}
		delete(want, key)
	}
	for key := range want {
		t.Errorf("missing %s (stats %+v)", key, stats)
	}
}
