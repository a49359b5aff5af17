package suggest

import "sync"

// rarePairs returns the pairs, A < B by index, of recommendations from
// different documents that share at least opts.MinRareShared content stems
// used by at most opts.RareDF recommendations. A stem so rare names a
// specific object (a place, a plant, a measure), so sharing two of them
// hints at a relation even when the texts differ. Each rare stem's posting
// list is at most RareDF long, so the work is at most RareDF times the
// number of stems in the corpus.
func rarePairs(recs []Rec, opts PairOptions) []Pair {
	stems, n := stemIDs(recs)
	postings := rarePostings(stems, n, opts.RareDF)
	docs := documentNumbers(recs)
	shared := make([]int32, len(recs))
	var touched []int32
	var out []Pair
	for i, ids := range stems {
		for _, s := range ids {
			for _, j := range postings[s] {
				if int(j) <= i || docs[i] == docs[j] {
					continue
				}
				if shared[j] == 0 {
					touched = append(touched, j)
				}
				shared[j]++
			}
		}
		for _, j := range touched {
			if int(shared[j]) >= opts.MinRareShared {
				out = append(out, Pair{A: i, B: int(j), RareShared: int(shared[j])})
			}
			shared[j] = 0
		}
		touched = touched[:0]
	}
	return out
}

// stemIDs returns each recommendation's distinct content stems as ids, and
// the number of ids.
func stemIDs(recs []Rec) ([][]int32, int) {
	stems := make([][]string, len(recs))
	var wg sync.WaitGroup
	workers := 4
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(recs); i += workers {
				stems[i] = contentStems(recs[i])
			}
		})
	}
	wg.Wait()
	ids := map[string]int32{}
	out := make([][]int32, len(recs))
	for i, ss := range stems {
		for _, s := range ss {
			id, ok := ids[s]
			if !ok {
				id = int32(len(ids))
				ids[s] = id
			}
			out[i] = append(out[i], id)
		}
	}
	return out, len(ids)
}

// rarePostings lists, for each of the n stems used by at most maxDF
// recommendations, those recommendations in ascending order; other stems
// get no list.
func rarePostings(stems [][]int32, n, maxDF int) [][]int32 {
	df := make([]int, n)
	for _, ids := range stems {
		for _, s := range ids {
			df[s]++
		}
	}
	out := make([][]int32, n)
	for i, ids := range stems {
		for _, s := range ids {
			if df[s] <= maxDF {
				out[s] = append(out[s], int32(i))
			}
		}
	}
	return out
}

// documentNumbers numbers the documents of recs, so that comparing two
// recommendations' documents is an integer comparison.
func documentNumbers(recs []Rec) []int32 {
	nums := map[string]int32{}
	out := make([]int32, len(recs))
	for i, r := range recs {
		n, ok := nums[r.Document]
		if !ok {
			n = int32(len(nums))
			nums[r.Document] = n
		}
		out[i] = n
	}
	return out
}
