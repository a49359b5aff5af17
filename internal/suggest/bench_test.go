package suggest

import (
	"fmt"
	"testing"
)

// BenchmarkPairs measures Pairs on 1k, 10k and 100k synthetic
// recommendations and reports the candidate pairs per op and their share
// of all n²/2 pairs, so that the growth of both can be read across sizes;
// similar, rare and overcap count the pairs found by similarity, by rare
// stems, and dropped by the cap per recommendation.
func BenchmarkPairs(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		recs := recsOf(synthRecs(n, 1))
		b.Run(fmt.Sprintf("n=%dk", n/1000), func(b *testing.B) {
			var stats PairStats
			for b.Loop() {
				_, stats = Pairs(recs, PairOptions{})
			}
			b.ReportMetric(float64(stats.Pairs), "pairs/op")
			b.ReportMetric(float64(stats.Similar), "similar/op")
			b.ReportMetric(float64(stats.Rare), "rare/op")
			b.ReportMetric(float64(stats.OverCap), "overcap/op")
			b.ReportMetric(100*float64(stats.Pairs)/(float64(n)*float64(n-1)/2), "%all")
		})
	}
}
