package suggest

import (
	"fmt"
	"testing"
)

// handRecs is a small hand-made set: two asks repeated across documents
// (Dutch and English), one pair in a single document, and unrelated asks.
func handRecs() []Rec {
	return []Rec{
		{ID: "A1", Document: "DA", Language: "nl", Themes: []string{"T1"},
			Text: "Sluit de kooksfabriek van Tata Steel in IJmuiden vóór 2030 om de uitstoot van PAK te verminderen."},
		{ID: "B1", Document: "DB", Language: "nl", Themes: []string{"T1", "T2"},
			Text: "De kooksfabrieken van Tata Steel in IJmuiden moeten vóór 2030 sluiten om de uitstoot van PAK te verminderen."},
		{ID: "A2", Document: "DA", Language: "en", Themes: []string{"T4"},
			Text: "Build a hydrogen pipeline from the port of IJmuiden to the steelworks by 2032."},
		{ID: "C2", Document: "DC", Language: "en", Themes: []string{"T4"},
			Text: "A hydrogen pipeline from the port of IJmuiden to the steelworks should be built by 2032."},
		{ID: "A3", Document: "DA", Language: "nl", Themes: []string{"T1"},
			Text: "Sluit de kooksfabriek van Tata Steel in IJmuiden vóór 2030 om de gezondheid te beschermen."},
		{ID: "B4", Document: "DB", Language: "nl", Themes: []string{"T6"},
			Text: "Leg meer fietspaden aan tussen Beverwijk en Heemskerk."},
		{ID: "C5", Document: "DC", Language: "en", Themes: []string{"T7"},
			Text: "Publish the municipal budget for cultural events every spring."},
	}
}

func pairIDs(recs []Rec, pairs []Pair) map[string]Pair {
	out := map[string]Pair{}
	for _, p := range pairs {
		out[recs[p.A].ID+"|"+recs[p.B].ID] = p
	}
	return out
}

func TestPairs(t *testing.T) {
	recs := handRecs()
	pairs, stats := Pairs(recs, PairOptions{})
	got := pairIDs(recs, pairs)
	t.Run("FindsSameAskAcrossDocuments", func(t *testing.T) {
		for _, key := range []string{"A1|B1", "A2|C2", "A3|B1"} {
			if _, ok := got[key]; !ok {
				t.Errorf("pair %s missing; got %v", key, keys(got))
			}
		}
		if p := got["A1|B1"]; p.Similarity < 0.4 || len(p.Themes) != 1 || p.Themes[0] != "T1" {
			t.Errorf("A1|B1 = %+v, want similarity >= 0.4 and shared theme T1", p)
		}
	})
	t.Run("NeverPairsOneDocument", func(t *testing.T) {
		for _, p := range pairs {
			if recs[p.A].Document == recs[p.B].Document {
				t.Errorf("pair %s|%s is in one document %s", recs[p.A].ID, recs[p.B].ID, recs[p.A].Document)
			}
		}
		if _, ok := got["A1|A3"]; ok {
			t.Error("A1 and A3 share document DA but were paired")
		}
	})
	t.Run("SkipsUnrelated", func(t *testing.T) {
		for key := range got {
			if key != "A1|B1" && key != "A2|C2" && key != "A3|B1" {
				t.Errorf("unexpected pair %s", key)
			}
		}
	})
	t.Run("OrdersIDs", func(t *testing.T) {
		for _, p := range pairs {
			if recs[p.A].ID > recs[p.B].ID {
				t.Errorf("pair %s|%s: A's id sorts after B's", recs[p.A].ID, recs[p.B].ID)
			}
		}
	})
	t.Run("Stats", func(t *testing.T) {
		if stats.Recs != 7 || stats.Documents != 3 || stats.Pairs != len(pairs) {
			t.Errorf("stats = %+v, want 7 recs, 3 documents, %d pairs", stats, len(pairs))
		}
	})
}

func keys(m map[string]Pair) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestPairs_Themes(t *testing.T) {
	text := "Verhoog de parkeertarieven in Velsen-Noord om het autoverkeer te beperken."
	tests := []struct {
		name   string
		a, b   []string
		paired bool
	}{
		{"SharedTheme", []string{"T1", "T2"}, []string{"T2"}, true},
		{"DisjointThemes", []string{"T1"}, []string{"T2"}, false},
		{"OneWithoutThemes", nil, []string{"T2"}, true},
		{"NeitherWithThemes", nil, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs := []Rec{{ID: "a", Document: "D1", Text: text, Themes: tt.a}, {ID: "b", Document: "D2", Text: text, Themes: tt.b}}
			pairs, stats := Pairs(recs, PairOptions{})
			if got := len(pairs) == 1; got != tt.paired {
				t.Fatalf("paired = %v, want %v (stats %+v)", got, tt.paired, stats)
			}
			if !tt.paired && stats.NoSharedTheme != 1 {
				t.Errorf("NoSharedTheme = %d, want 1", stats.NoSharedTheme)
			}
		})
	}
}

// TestPairs_RareStems checks that two texts which are not similar overall
// are still paired when they share rare content stems, and not when the
// shared stems are common.
func TestPairs_RareStems(t *testing.T) {
	recs := recsOf(synthRecs(300, 7))
	recs = append(recs,
		Rec{ID: "x1", Document: "X1", Language: "nl",
			Text: "Onderzoek of de hoogovenslak bij de Kennemerduinen de grondwaterstand verstoort, met metingen door de omgevingsdienst, een klankbordgroep van bewoners en een openbaar eindrapport."},
		Rec{ID: "x2", Document: "X2", Language: "nl",
			Text: "Verbied het storten van hoogovenslak in de Kennemerduinen."})
	opts := PairOptions{MinSimilarity: 0.9}
	pairs, _ := Pairs(recs, opts)
	p, ok := pairIDs(recs, pairs)["x1|x2"]
	if !ok || p.RareShared < 2 || p.Similarity != 0 {
		t.Fatalf("x1|x2 = %+v, found %v; want paired by two rare stems below the similarity floor", p, ok)
	}
	opts.MinRareShared = 3
	pairs, _ = Pairs(recs, opts)
	if p, ok := pairIDs(recs, pairs)["x1|x2"]; ok {
		t.Errorf("x1|x2 = %+v paired although three rare stems are required", p)
	}
}

// TestPairs_Planted checks on a synthetic set large enough for LSH that
// Pairs finds the planted paraphrases across documents.
func TestPairs_Planted(t *testing.T) {
	syn := synthRecs(3000, 2)
	recs := recsOf(syn)
	planted := plantedPairs(syn)
	pairs, _ := Pairs(recs, PairOptions{})
	got := pairIDs(recs, pairs)
	found := 0
	for key := range planted {
		if _, ok := got[key]; ok {
			found++
		}
	}
	if recall := float64(found) / float64(len(planted)); recall < 0.95 {
		t.Errorf("found %d of %d planted pairs (recall %.3f), want >= 0.95", found, len(planted), recall)
	}
	for _, p := range pairs {
		if recs[p.A].Document == recs[p.B].Document {
			t.Fatalf("pair %s|%s is in one document", recs[p.A].ID, recs[p.B].ID)
		}
	}
}

// TestPairs_FarBelowAllPairs checks that at n = 10k the filters alone,
// without the cap per recommendation, leave far fewer than the n²/2 pairs
// a quadratic judge run would face.
func TestPairs_FarBelowAllPairs(t *testing.T) {
	if testing.Short() {
		t.Skip("10k recommendations take a few seconds")
	}
	const n = 10_000
	_, stats := Pairs(recsOf(synthRecs(n, 3)), PairOptions{MaxPerRec: -1})
	if ratio := float64(stats.Pairs) / (n * (n - 1) / 2); ratio >= 0.01 || stats.Pairs == 0 {
		t.Errorf("%d pairs = %.4f of all pairs, want > 0 and < 0.01", stats.Pairs, ratio)
	}
}

// TestPairs_MaxPerRec checks the cap on one recommendation asked the same
// way in many documents: without a cap all pairs come back, with it each
// recommendation keeps at least its cap and the total stays within n x cap.
func TestPairs_MaxPerRec(t *testing.T) {
	var recs []Rec
	for i := range 12 {
		recs = append(recs, Rec{ID: fmt.Sprintf("R%02d", i), Document: fmt.Sprintf("D%02d", i),
			Text: "Verhoog de parkeertarieven in Velsen-Noord om het autoverkeer te beperken."})
	}
	all, _ := Pairs(recs, PairOptions{MaxPerRec: -1})
	if len(all) != 12*11/2 {
		t.Fatalf("uncapped: %d pairs, want %d", len(all), 12*11/2)
	}
	capped, stats := Pairs(recs, PairOptions{MaxPerRec: 3})
	if len(capped) > 12*3 || stats.OverCap != len(all)-len(capped) {
		t.Errorf("capped: %d pairs, %d over the cap; want at most 36 and %d over", len(capped), stats.OverCap, len(all)-len(capped))
	}
	per := map[int]int{}
	for _, p := range capped {
		per[p.A]++
		per[p.B]++
	}
	for i := range recs {
		if per[i] < 3 {
			t.Errorf("%s kept %d pairs, want at least 3", recs[i].ID, per[i])
		}
	}
}
