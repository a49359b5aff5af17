package textsim

import (
	"cmp"
	"math"
	"slices"
	"sync/atomic"
)

// lshPairs finds candidate pairs with MinHash signatures over each item's feature set and LSH
// banding (items that agree on all rows of some band), then scores the candidates exactly.
func (c *corpus) lshPairs(opts Options) []scored {
	sigs := c.signatures(opts)
	bands := make([]band, opts.Bands)
	parallel(opts.Bands, func(b int) { bands[b] = c.band(sigs, b, opts) })
	var candidates atomic.Int64
	out := c.perItem(func(i int, s *scratch) {
		if s.seen == nil {
			s.seen, s.dense = make([]int32, len(c.vecs)), make([]float32, c.nFeat)
		}
		// Scatter item i into a dense vector: each candidate then costs one pass over its own
		// features, without the branches of a sorted merge.
		vi := c.vecs[i]
		for k, x := range vi.idx {
			s.dense[x] = vi.val[k]
		}
		defer func() {
			for _, x := range vi.idx {
				s.dense[x] = 0
			}
		}()
		var n int64
		limit := int64(opts.MaxCandidates)
	bandLoop:
		for b := range bands {
			p := bands[b].pos[i]
			if p < 0 {
				continue
			}
			// Later entries of the group have larger item numbers, so each pair is seen from i < j.
			for _, j := range bands[b].items[p+1 : bands[b].end[p]] {
				if s.seen[j] == int32(i)+1 || c.doc[i] == c.doc[j] {
					continue
				}
				if limit > 0 && n >= limit {
					break bandLoop
				}
				s.seen[j] = int32(i) + 1
				n++
				if sim := s.dot(c.vecs[j]); sim >= opts.Threshold {
					s.out = append(s.out, scored{int32(i), j, sim})
				}
			}
		}
		candidates.Add(n)
	})
	c.candidates = candidates.Load()
	return out
}

// band holds the items sorted by their hash of one band's rows: group members are adjacent and in
// ascending item order.
type band struct {
	items []int32 // item numbers sorted by key, then number
	end   []int32 // for each position in items, the end of its group
	pos   []int32 // for each item, its position in items, or -1 when it has no features
}

func (c *corpus) band(sigs []uint32, b int, opts Options) band {
	k := opts.Bands * opts.Rows
	type entry struct {
		key  uint64
		item int32
	}
	var es []entry
	for i, v := range c.vecs {
		if len(v.idx) == 0 {
			continue // an empty signature would collide with every other empty one
		}
		key := uint64(b) + 1
		for _, h := range sigs[i*k+b*opts.Rows : i*k+(b+1)*opts.Rows] {
			key = mix64(key ^ uint64(h))
		}
		es = append(es, entry{key, int32(i)})
	}
	slices.SortFunc(es, func(x, y entry) int { return cmp.Or(cmp.Compare(x.key, y.key), cmp.Compare(x.item, y.item)) })
	bd := band{items: make([]int32, len(es)), end: make([]int32, len(es)), pos: make([]int32, len(c.vecs))}
	for i := range bd.pos {
		bd.pos[i] = -1
	}
	for p := len(es) - 1; p >= 0; p-- {
		bd.items[p], bd.pos[es[p].item] = es[p].item, int32(p)
		bd.end[p] = int32(p + 1)
		if p+1 < len(es) && es[p+1].key == es[p].key {
			bd.end[p] = bd.end[p+1]
		}
	}
	return bd
}

// signatures computes Bands x Rows MinHash values per item by one-permutation hashing: each
// feature is hashed once into one of the k bins, and a bin keeps its smallest hash. Bins left
// empty borrow the value of a pseudo-random non-empty bin chosen by the bin number alone ("optimal
// densification", Shrivastava 2017), so that two items still agree on a bin with probability
// close to the Jaccard similarity of their feature sets.
func (c *corpus) signatures(opts Options) []uint32 {
	k := opts.Bands * opts.Rows
	seed := mix64(opts.Seed + 0x9e3779b97f4a7c15)
	sigs := make([]uint32, len(c.vecs)*k)
	parallel(len(c.vecs), func(i int) {
		sig := sigs[i*k : (i+1)*k]
		full := make([]bool, k)
		for m := range sig {
			sig[m] = math.MaxUint32
		}
		for _, x := range c.vecs[i].idx {
			h := mix64(uint64(x) ^ seed)
			bin := (h & math.MaxUint32) * uint64(k) >> 32
			if v := uint32(h >> 32); v <= sig[bin] {
				sig[bin], full[bin] = v, true
			}
		}
		densify(sig, full, seed)
	})
	return sigs
}

// densify fills each empty bin m from the first non-empty bin in a probe sequence that depends
// only on m and the seed.
func densify(sig []uint32, full []bool, seed uint64) {
	k := uint64(len(sig))
	if !slices.Contains(full, true) {
		return
	}
	for m := range sig {
		if full[m] {
			continue
		}
		for t := uint64(1); ; t++ {
			j := mix64(seed^uint64(m)<<32^t) % k
			if full[j] {
				sig[m] = sig[j]
				break
			}
		}
	}
}

// mix64 is the splitmix64 finaliser.
func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}
