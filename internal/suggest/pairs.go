package suggest

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/rodedraad/rodedraad/internal/textsim"
)

// PairOptions tune Pairs. The zero value is usable: every zero field takes
// its default.
type PairOptions struct {
	// MinSimilarity is the textsim cosine from which two recommendations
	// are a candidate; default 0.4 (at 0.3 a 10k synthetic set gives 3x
	// the similar pairs and finds no more of its planted paraphrases).
	MinSimilarity float64
	// RareDF: a content stem is rare when at most this many
	// recommendations use it; default 20.
	RareDF int
	// MinRareShared is how many rare stems two recommendations must share
	// to be a candidate without reaching MinSimilarity; default 2.
	MinRareShared int
	// LSH says when textsim narrows the similar pairs with MinHash/LSH;
	// default textsim.LSHAuto (from 2000 recommendations on).
	LSH textsim.LSHMode
	// Seed of textsim's MinHash functions.
	Seed uint64
	// MaxPerRec caps the candidates per recommendation: a pair is kept
	// while either end has fewer than MaxPerRec better ones, so a run
	// judges at most n x MaxPerRec pairs however dense the texts are;
	// default 20, negative for no cap.
	MaxPerRec int
}

func (o PairOptions) withDefaults() PairOptions {
	if o.MinSimilarity <= 0 {
		o.MinSimilarity = 0.4
	}
	if o.RareDF <= 0 {
		o.RareDF = 20
	}
	if o.MinRareShared <= 0 {
		o.MinRareShared = 2
	}
	if o.MaxPerRec == 0 {
		o.MaxPerRec = 20
	}
	return o
}

// Pair is a candidate pair of recommendations from different documents.
type Pair struct {
	A, B       int      // indexes into the recommendations; A's id sorts first
	Similarity float64  // textsim cosine when it reached MinSimilarity, else 0
	RareShared int      // rare content stems both use, when at least MinRareShared
	Themes     []string // themes both address, sorted
}

// PairStats counts what Pairs considered.
type PairStats struct {
	Recs, Documents int
	Similar         int // pairs at MinSimilarity or above
	Rare            int // pairs sharing MinRareShared rare stems
	NoSharedTheme   int // candidates dropped because both have themes, none shared
	OverCap         int // candidates dropped by MaxPerRec
	Pairs           int // candidates returned
}

// Pairs returns the candidate pairs among recs for a Judge: two
// recommendations of different documents (equal Document strings are one
// document) that reach opts.MinSimilarity by textsim's TF-IDF cosine, or
// share opts.MinRareShared rare content stems, and that share a theme when
// both have themes; at most opts.MaxPerRec per recommendation, the best
// first. Pairs are sorted by similarity, then rare stems, descending, then
// by ids. The cost grows with the candidates, not with all n²/2 pairs:
// textsim narrows large sets with LSH, and rare stems by definition have
// short posting lists.
func Pairs(recs []Rec, opts PairOptions) ([]Pair, PairStats) {
	opts = opts.withDefaults()
	stats := PairStats{Recs: len(recs), Documents: countDocuments(recs)}
	similar := similarPairs(recs, opts)
	rare := rarePairs(recs, opts)
	stats.Similar, stats.Rare = len(similar), len(rare)
	out := keepSharedThemes(recs, merge(similar, rare), &stats)
	for k := range out {
		orient(recs, &out[k])
	}
	slices.SortFunc(out, func(x, y Pair) int {
		return cmp.Or(cmp.Compare(y.Similarity, x.Similarity), cmp.Compare(y.RareShared, x.RareShared),
			cmp.Compare(recs[x.A].ID, recs[y.A].ID), cmp.Compare(recs[x.B].ID, recs[y.B].ID))
	})
	if opts.MaxPerRec > 0 {
		out = capPerRec(out, len(recs), opts.MaxPerRec, &stats)
	}
	stats.Pairs = len(out)
	return out, stats
}

// capPerRec keeps, from pairs sorted best first, each pair while one of
// its ends has fewer than limit kept pairs. Every kept pair fills a place
// of an end that had room, so at most n x limit pairs remain.
func capPerRec(pairs []Pair, n, limit int, stats *PairStats) []Pair {
	count := make([]int, n)
	out := pairs[:0]
	for _, p := range pairs {
		if count[p.A] >= limit && count[p.B] >= limit {
			stats.OverCap++
			continue
		}
		count[p.A]++
		count[p.B]++
		out = append(out, p)
	}
	return out
}

func countDocuments(recs []Rec) int {
	docs := map[string]bool{}
	for _, r := range recs {
		docs[r.Document] = true
	}
	return len(docs)
}

// similarPairs returns the pairs, A < B by index, whose textsim similarity
// reaches opts.MinSimilarity. Items are named by index so that duplicate
// or empty ids cannot mix two recommendations up.
func similarPairs(recs []Rec, opts PairOptions) []Pair {
	items := make([]textsim.Item, len(recs))
	for i, r := range recs {
		items[i] = textsim.Item{ID: strconv.Itoa(i), Document: r.Document, Language: r.Language, Text: r.FullText()}
	}
	found := textsim.Suggest(items, textsim.Options{Threshold: opts.MinSimilarity, LSH: opts.LSH, Seed: opts.Seed,
		MaxCandidates: lshBound(opts.MaxPerRec)})
	out := make([]Pair, len(found))
	for k, p := range found {
		a, _ := strconv.Atoi(p.A)
		b, _ := strconv.Atoi(p.B)
		out[k] = Pair{A: min(a, b), B: max(a, b), Similarity: p.Similarity}
	}
	return out
}

// merge joins two lists of pairs keyed by (A, B) index, A < B, keeping
// each pair once with the similarity and rare count of both.
func merge(lists ...[]Pair) []Pair {
	var all []Pair
	for _, l := range lists {
		all = append(all, l...)
	}
	slices.SortFunc(all, func(x, y Pair) int { return cmp.Or(cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B)) })
	var out []Pair
	for _, p := range all {
		if n := len(out); n > 0 && out[n-1].A == p.A && out[n-1].B == p.B {
			out[n-1].Similarity = max(out[n-1].Similarity, p.Similarity)
			out[n-1].RareShared = max(out[n-1].RareShared, p.RareShared)
			continue
		}
		out = append(out, p)
	}
	return out
}

// keepSharedThemes drops the pairs whose two recommendations both have
// themes but share none, and records the shared themes of the others.
func keepSharedThemes(recs []Rec, pairs []Pair, stats *PairStats) []Pair {
	out := pairs[:0]
	for _, p := range pairs {
		a, b := recs[p.A].Themes, recs[p.B].Themes
		p.Themes = intersect(a, b)
		if len(a) > 0 && len(b) > 0 && len(p.Themes) == 0 {
			stats.NoSharedTheme++
			continue
		}
		out = append(out, p)
	}
	return out
}

// intersect returns the strings in both a and b, sorted and distinct.
func intersect(a, b []string) []string {
	var out []string
	for _, x := range a {
		if slices.Contains(b, x) && !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	slices.Sort(out)
	return out
}

// orient swaps the ends of p so that A's id sorts first.
func orient(recs []Rec, p *Pair) {
	if recs[p.B].ID < recs[p.A].ID {
		p.A, p.B = p.B, p.A
	}
}

// candidatesPerRec is how many LSH candidates a recommendation is scored
// against for each pair it may keep: ten times the cap leaves the best
// pairs to choose from while keeping the work linear in the corpus (at
// 100k synthetic recommendations unbounded scoring took 62 s, 119 times
// the 10k run).
const candidatesPerRec = 10

// lshBound is textsim's MaxCandidates for a per-recommendation cap; no cap
// means no bound.
func lshBound(maxPerRec int) int {
	if maxPerRec <= 0 {
		return 0
	}
	return candidatesPerRec * maxPerRec
}
