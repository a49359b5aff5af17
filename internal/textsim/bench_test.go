package textsim

import (
	"testing"
	"time"
)

// BenchmarkSuggest compares Suggest with LSH against Exact on 10k synthetic items and reports
// the speedup of LSH, its recall of the exact pairs and how many candidate pairs it scored.
func BenchmarkSuggest(b *testing.B) {
	items := synthItems(synthCorpus(10_000, 1))
	var lshTime, exactTime time.Duration
	var rec float64
	for b.Loop() {
		t0 := time.Now()
		lsh := Suggest(items, Options{LSH: LSHOn})
		t1 := time.Now()
		exact := Exact(items, 0.5)
		lshTime, exactTime = lshTime+t1.Sub(t0), exactTime+time.Since(t1)
		rec = recall(b, lsh, exact)
	}
	b.ReportMetric(float64(lshTime.Milliseconds())/float64(b.N), "lsh-ms/op")
	b.ReportMetric(float64(exactTime.Milliseconds())/float64(b.N), "exact-ms/op")
	b.ReportMetric(exactTime.Seconds()/lshTime.Seconds(), "speedup")
	b.ReportMetric(rec, "recall")
	c := newCorpus(items, Options{}.withDefaults())
	c.lshPairs(Options{}.withDefaults())
	b.ReportMetric(float64(c.candidates), "candidates")
}

func BenchmarkSuggest_LSH10k(b *testing.B)  { benchSuggest(b, 10_000, LSHOn) }
func BenchmarkExact_10k(b *testing.B)       { benchSuggest(b, 10_000, LSHOff) }
func BenchmarkSuggest_LSH100k(b *testing.B) { benchSuggest(b, 100_000, LSHOn) }

func benchSuggest(b *testing.B, n int, mode LSHMode) {
	items := synthItems(synthCorpus(n, 1))
	var pairs int
	for b.Loop() {
		pairs = len(Suggest(items, Options{LSH: mode}))
	}
	b.ReportMetric(float64(pairs), "pairs")
}
