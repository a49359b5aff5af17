package textsim

import (
	"runtime"
	"slices"
	"sync"
)

// posting is one item's weight for a feature.
type posting struct {
	item int32
	w    float32
}

// allPairs scores every pair of items from different documents exactly, through an inverted
// index: each item accumulates dot products with the later items that share a feature, so pairs
// without a common feature cost nothing.
func (c *corpus) allPairs(threshold float64) []scored {
	index := make([][]posting, c.nFeat)
	for i, v := range c.vecs {
		for k, x := range v.idx {
			index[x] = append(index[x], posting{int32(i), v.val[k]})
		}
	}
	return c.perItem(func(i int, s *scratch) {
		for k, x := range c.vecs[i].idx {
			list := index[x]
			// Items are in ascending order in each list: skip to those after i.
			from, _ := slices.BinarySearchFunc(list, int32(i)+1, func(p posting, t int32) int { return int(p.item - t) })
			wi := float64(c.vecs[i].val[k])
			for _, p := range list[from:] {
				s.add(p.item, wi*float64(p.w))
			}
		}
		s.flush(c, int32(i), threshold)
	})
}

// scratch is one worker's dense accumulator of dot products and its results.
type scratch struct {
	acc     []float64
	touched []int32
	seen    []int32   // LSH: item i+1 when j is already a candidate of i
	dense   []float32 // LSH: the current item's vector, by feature id
	out     []scored
}

// dot is the cosine of v and the vector scattered in s.dense, computed like cosine (in float64,
// in feature order) so that both give the same value.
func (s *scratch) dot(v sparse) float64 {
	var d float64
	for k, x := range v.idx {
		d += float64(s.dense[x]) * float64(v.val[k])
	}
	return min(d, 1)
}

func (s *scratch) add(j int32, v float64) {
	if s.acc[j] == 0 {
		s.touched = append(s.touched, j)
	}
	s.acc[j] += v
}

// flush keeps the accumulated pairs (i, j) at or above threshold from different documents and
// resets the accumulator.
func (s *scratch) flush(c *corpus, i int32, threshold float64) {
	for _, j := range s.touched {
		// Rescore near the threshold with cosine, so that LSH and all pairs agree to the bit.
		if s.acc[j] >= threshold-1e-6 && c.doc[i] != c.doc[j] {
			if sim := cosine(c.vecs[i], c.vecs[j]); sim >= threshold {
				s.out = append(s.out, scored{i, j, sim})
			}
		}
		s.acc[j] = 0
	}
	s.touched = s.touched[:0]
}

// perItem runs fn for every item on all CPUs, each worker with its own scratch, and gathers the
// pairs the workers kept.
func (c *corpus) perItem(fn func(i int, s *scratch)) []scored {
	n := len(c.vecs)
	workers := min(runtime.GOMAXPROCS(0), max(n, 1))
	parts := make([]*scratch, workers)
	var wg sync.WaitGroup
	for w := range workers {
		s := &scratch{acc: make([]float64, n)}
		parts[w] = s
		wg.Go(func() {
			for i := w; i < n; i += workers {
				fn(i, s)
			}
		})
	}
	wg.Wait()
	var out []scored
	for _, s := range parts {
		out = append(out, s.out...)
	}
	return out
}
