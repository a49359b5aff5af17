// Package textsim finds near-duplicate texts across documents: recommendations that say the same
// thing in different studies. It is pure Go and does no I/O.
//
// Each text is normalised (lower case, NFKC, no diacritics, no trailing 's), split into words,
// stripped of stop words and stemmed by its language (Dutch or English, guessed from stop words
// when not given). Texts are compared by the cosine of TF-IDF vectors that combine word stems with
// character n-grams inside words; the n-grams make a Dutch compound ("waterstoffabriek") close to
// its split form ("waterstof fabriek"). Large sets use MinHash signatures and LSH banding to pick
// candidate pairs, which are then scored exactly. Pairs whose texts differ in a number or year
// are flagged: such near-duplicates often hide a contradiction.
package textsim

import (
	"cmp"
	"slices"
)

// Item is one text to compare.
type Item struct {
	ID       string
	Document string // pairs are only proposed between items of different documents
	Language string // Dutch ("nl"), English ("en") or "" to guess
	Text     string
}

// Pair is a proposed overlap between two items of different documents.
type Pair struct {
	A, B           string  // item ids, A < B
	Similarity     float64 // cosine in [0, 1]
	NumberMismatch bool    // each text has a number the other lacks
	Numbers        []string
}

// Options tune Suggest. The zero value is usable: every zero field takes its default.
type Options struct {
	Threshold  float64 // minimum similarity of a pair; default 0.5
	WordWeight float64 // share of word stems in the similarity, the rest is n-grams; default 0.5
	MinGram    int     // smallest character n-gram; default 3
	MaxGram    int     // largest character n-gram; default 5
	LSH        LSHMode // default LSHAuto
	LSHMinSize int     // LSHAuto uses LSH from this many items; default 2000
	Bands      int     // MinHash bands; default 24
	Rows       int     // MinHash rows per band; default 4
	Seed       uint64  // seed of the MinHash functions
	// MaxCandidates bounds, with LSH, how many candidates each item is
	// scored against; 0 means no bound. A corpus with a dense cluster of
	// similar texts puts thousands of items in one bucket, and scoring every
	// pair in it makes the work grow with the square of the corpus; with a
	// bound it grows linearly, at the price of missing some pairs inside
	// such a cluster (see BenchmarkPairs in internal/suggest).
	MaxCandidates int
}

// LSHMode says when Suggest narrows the pairs with MinHash/LSH.
type LSHMode int

const (
	LSHAuto LSHMode = iota // above Options.LSHMinSize items
	LSHOff                 // always score all pairs
	LSHOn                  // always use LSH
)

func (o Options) withDefaults() Options {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	if o.Threshold <= 0 {
		o.Threshold = 0.5
	}
	if o.WordWeight <= 0 || o.WordWeight > 1 {
		o.WordWeight = 0.5
	}
	def(&o.MinGram, 3)
	def(&o.MaxGram, 5)
	o.MaxGram = max(o.MaxGram, o.MinGram)
	def(&o.LSHMinSize, 2000)
	def(&o.Bands, 24)
	def(&o.Rows, 4)
	return o
}

// Suggest returns the pairs of items from different documents whose similarity is at least
// opts.Threshold, sorted by similarity descending, then by ids. With LSH some pairs near the
// threshold may be missed; Exact never misses one.
func Suggest(items []Item, opts Options) []Pair {
	opts = opts.withDefaults()
	c := newCorpus(items, opts)
	useLSH := opts.LSH == LSHOn || opts.LSH == LSHAuto && len(items) >= opts.LSHMinSize
	var raw []scored
	if useLSH {
		raw = c.lshPairs(opts)
	} else {
		raw = c.allPairs(opts.Threshold)
	}
	return c.pairs(raw)
}

// Exact scores all pairs of items from different documents and returns those with similarity at
// least threshold, in Suggest's order. It is the reference that LSH is measured against.
func Exact(items []Item, threshold float64) []Pair {
	return Suggest(items, Options{Threshold: threshold, LSH: LSHOff})
}

// scored is a pair of item indexes, i < j, with its similarity.
type scored struct {
	i, j int32
	sim  float64
}

// pairs turns scored index pairs into Pairs with ids in order, number checks and sorting.
func (c *corpus) pairs(raw []scored) []Pair {
	out := make([]Pair, 0, len(raw))
	for _, s := range raw {
		a, b := c.items[s.i], c.items[s.j]
		if a.ID > b.ID {
			a, b = b, a
		}
		p := Pair{A: a.ID, B: b.ID, Similarity: s.sim}
		if nums := numberMismatch(c.numbers[s.i], c.numbers[s.j]); nums != nil {
			p.NumberMismatch, p.Numbers = true, nums
		}
		out = append(out, p)
	}
	slices.SortFunc(out, func(x, y Pair) int {
		return cmp.Or(cmp.Compare(y.Similarity, x.Similarity), cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B))
	})
	return out
}
