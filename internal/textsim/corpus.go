package textsim

import (
	"math"
	"runtime"
	"slices"
	"sync"
)

// corpus holds the items as unit TF-IDF vectors over one feature space of word stems and
// character n-grams.
type corpus struct {
	items   []Item
	doc     []int32    // document number of each item
	numbers [][]string // canonical numbers of each item, sorted
	vecs    []sparse
	nFeat   int

	candidates int64 // pairs LSH proposed for scoring, for benchmarks
}

// sparse is a vector with ascending feature ids.
type sparse struct {
	idx []uint32
	val []float32
}

// analysed is an item after normalisation, before it has feature ids.
type analysed struct {
	stems   []string
	numbers []string
}

func newCorpus(items []Item, opts Options) *corpus {
	c := &corpus{items: items, doc: make([]int32, len(items)), numbers: make([][]string, len(items))}
	docs := map[string]int32{}
	for i, it := range items {
		d, ok := docs[it.Document]
		if !ok {
			d = int32(len(docs))
			docs[it.Document] = d
		}
		c.doc[i] = d
	}
	an := make([]analysed, len(items))
	parallel(len(items), func(i int) { an[i] = analyse(items[i]) })
	for i := range an {
		c.numbers[i] = an[i].numbers
	}
	c.vectorise(an, opts)
	return c
}

// analyse normalises, tokenises, drops numbers and stop words, and stems one item.
func analyse(it Item) analysed {
	text := Normalize(it.Text)
	toks := Tokens(text)
	lang := it.Language
	if lang != Dutch && lang != English {
		lang = GuessLanguage(toks)
	}
	a := analysed{numbers: Numbers(text)}
	for _, t := range toks {
		if len(t) < 2 || IsNumeric(t) || IsStopWord(lang, t) {
			continue
		}
		a.stems = append(a.stems, Stem(lang, t))
	}
	return a
}

// IsNumeric reports whether t is all ASCII digits: a number, not a word.
func IsNumeric(t string) bool {
	for _, r := range t {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// vectorise gives every stem and n-gram an id, counts document frequencies and builds the unit
// vectors. Word and n-gram blocks are normalised apart and weighted, so that the cosine of two
// items is WordWeight x word cosine + (1 - WordWeight) x n-gram cosine.
func (c *corpus) vectorise(an []analysed, opts Options) {
	// Each distinct stem gets its features once: its own id, then the ids of its n-grams.
	grams := map[string]uint32{}
	stems := map[string][]uint32{}
	var isGram []bool
	newID := func(gram bool) uint32 {
		isGram = append(isGram, gram)
		return uint32(len(isGram) - 1)
	}
	features := func(stem string) []uint32 {
		if f, ok := stems[stem]; ok {
			return f
		}
		f := []uint32{newID(false)}
		forGrams(stem, opts.MinGram, opts.MaxGram, func(g string) {
			v, ok := grams[g]
			if !ok {
				v = newID(true)
				grams[g] = v
			}
			f = append(f, v)
		})
		stems[stem] = f
		return f
	}
	ids := make([][]uint32, len(an))
	for i, a := range an {
		var f []uint32
		for _, s := range a.stems {
			f = append(f, features(s)...)
		}
		ids[i] = f
	}
	parallel(len(ids), func(i int) { slices.Sort(ids[i]) })
	c.nFeat = len(isGram)
	df := make([]int32, c.nFeat)
	for _, f := range ids {
		for k, x := range f {
			if k == 0 || f[k-1] != x {
				df[x]++
			}
		}
	}
	n := float64(len(an))
	idf := make([]float64, c.nFeat)
	for x, d := range df {
		idf[x] = math.Log((n+1)/(float64(d)+1)) + 1
	}
	c.vecs = make([]sparse, len(an))
	parallel(len(an), func(i int) { c.vecs[i] = weigh(ids[i], idf, isGram, opts.WordWeight) })
}

// forGrams calls fn with every character n-gram of word with min <= n <= max.
func forGrams(word string, min, max int, fn func(string)) {
	var starts []int
	for i := range word {
		starts = append(starts, i)
	}
	starts = append(starts, len(word))
	runes := len(starts) - 1
	for n := min; n <= max && n <= runes; n++ {
		for k := 0; k+n <= runes; k++ {
			fn(word[starts[k]:starts[k+n]])
		}
	}
}

// weigh turns sorted feature ids (with repeats) into a unit vector of sublinear TF x IDF weights.
func weigh(f []uint32, idf []float64, isGram []bool, wordWeight float64) sparse {
	var v sparse
	var normW, normG float64
	for k := 0; k < len(f); {
		e := k
		for e < len(f) && f[e] == f[k] {
			e++
		}
		w := (1 + math.Log(float64(e-k))) * idf[f[k]]
		if isGram[f[k]] {
			normG += w * w
		} else {
			normW += w * w
		}
		v.idx = append(v.idx, f[k])
		v.val = append(v.val, float32(w))
		k = e
	}
	scaleW, scaleG := math.Sqrt(wordWeight/normW), math.Sqrt((1-wordWeight)/normG)
	var norm float64
	for k, x := range v.idx {
		s := scaleW
		if isGram[x] {
			s = scaleG
		}
		if math.IsInf(s, 0) || math.IsNaN(s) {
			s = 0
		}
		v.val[k] *= float32(s)
		norm += float64(v.val[k]) * float64(v.val[k])
	}
	// One block may be empty (only short words): renormalise so the vector stays unit length.
	if norm > 0 {
		inv := float32(1 / math.Sqrt(norm))
		for k := range v.val {
			v.val[k] *= inv
		}
	}
	return v
}

// cosine is the dot product of two unit vectors.
func cosine(a, b sparse) float64 {
	var dot float64
	i, j := 0, 0
	for i < len(a.idx) && j < len(b.idx) {
		switch {
		case a.idx[i] < b.idx[j]:
			i++
		case a.idx[i] > b.idx[j]:
			j++
		default:
			dot += float64(a.val[i]) * float64(b.val[j])
			i++
			j++
		}
	}
	return min(dot, 1)
}

// parallel runs fn(i) for i in [0, n) on all CPUs.
func parallel(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), max(n, 1))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < n; i += workers {
				fn(i)
			}
		})
	}
	wg.Wait()
}
