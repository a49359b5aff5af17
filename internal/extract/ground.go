package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Grounding thresholds and bounds.
const (
	// GroundMinSimilarity is the least similarity a fuzzy match needs:
	// at most one edit in ten runes, e.g. a typo or a changed quote mark.
	GroundMinSimilarity = 0.9
	// Fuzzy matching applies only to quotes of this many runes or more
	// (shorter ones match too much by chance) and at most groundMaxFuzzy.
	groundMinFuzzy = 24
	groundMaxFuzzy = 2000
	gram           = 4 // rune q-gram length for the fuzzy seeds
	maxGramHits    = 8 // positions kept per q-gram of the quote
	fuzzyWindows   = 3 // candidate windows aligned in full
)

// Ground finds where a model's quote stands in content and returns the
// code-point span of that passage in content, a similarity score in
// [GroundMinSimilarity, 1] and true; false when the quote is empty or not
// in the text. A match that starts or ends inside a word is widened to the
// whole word, and its score lowered by the runes that adds. The caller stores content's own runes in the span, never the
// model's spelling.
//
// It tries, in turn and case-sensitively: the exact quote (score 1); the
// quote modulo layout — runs of white space, line-break hyphenation
// ("duurzaam- heid", "duurzaam-\nheid", soft hyphens), typographic quotes
// and dashes, ligatures (score 1); and last a fuzzy match of at least
// GroundMinSimilarity (1 - edit distance / passage length) for quotes of 24
// to 2000 runes. The fuzzy step costs O(n) for n runes of content (one map
// look-up per rune to vote for where the quote's 4-grams line up) plus an
// O(m²) alignment of an m-rune quote in each of the three best-voted
// windows: on a 100-page text (≈300,000 runes) tens of milliseconds, most
// of it spent normalising the text (see BenchmarkGround).
func Ground(content, quote string) (Span, float64, bool) {
	quote = strings.TrimSpace(quote)
	if quote == "" {
		return Span{}, 0, false
	}
	rs := []rune(content)
	sp, score, ok := match(content, rs, quote)
	if !ok {
		return Span{}, 0, false
	}
	return widen(rs, sp, score)
}

// match runs Ground's three steps and returns the first match.
func match(content string, rs []rune, quote string) (Span, float64, bool) {
	if i := strings.Index(content, quote); i >= 0 {
		start := utf8.RuneCountInString(content[:i])
		return Span{start, start + utf8.RuneCountInString(quote)}, 1, true
	}
	c, q := normalize(rs), normalize([]rune(quote))
	if len(q.runes) == 0 {
		return Span{}, 0, false
	}
	if sp, ok := c.index(q.runes); ok {
		return sp, 1, true
	}
	return c.fuzzy(q.runes)
}

// widen extends a match that starts or ends inside a word to the whole
// word, so that the passage is the text's own words, and lowers the score
// by the share of runes added; a match that falls below
// GroundMinSimilarity that way is rejected.
func widen(rs []rune, sp Span, score float64) (Span, float64, bool) {
	w := trimSpan(rs, wordSpan(rs, sp))
	if n := w.End - w.Start; n > sp.End-sp.Start {
		score *= float64(sp.End-sp.Start) / float64(n)
	}
	if score < GroundMinSimilarity || w.End <= w.Start {
		return Span{}, 0, false
	}
	return w, score, true
}

// normText is a text in the layout-free form Ground compares, with for each
// of its runes the index of the content rune it came from.
type normText struct {
	runes []rune
	src   []int
}

// normalize returns rs without layout: see Ground.
func normalize(rs []rune) normText {
	var n normText
	for i := 0; i < len(rs); {
		i = n.step(rs, i)
	}
	for len(n.runes) > 0 && n.runes[len(n.runes)-1] == ' ' {
		n.runes, n.src = n.runes[:len(n.runes)-1], n.src[:len(n.src)-1]
	}
	return n
}

// step normalises the rune(s) at rs[i] and returns where to go on.
func (n *normText) step(rs []rune, i int) int {
	r := rs[i]
	switch {
	case r == '\u00ad': // soft hyphen: invisible, and marks a word cut at a line end
		return n.joinCut(rs, i+1, false)
	case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff':
		return i + 1
	case unicode.IsSpace(r):
		if len(n.runes) > 0 && n.runes[len(n.runes)-1] != ' ' {
			n.add(' ', i)
		}
		return skipSpace(rs, i)
	case isDash(r) && n.afterLetter():
		return n.joinCut(rs, i+1, true)
	}
	n.addFolded(r, i)
	return i + 1
}

// joinCut handles a hyphen (or soft hyphen) before rs[j]. A hyphen, white
// space and a lower-case letter is a word cut at a line end: hyphen and
// space vanish. A hyphen, a line break and a capital is a compound cut
// there ("Noord-\nHolland"): only the break vanishes. Anything else keeps
// a real hyphen as "-".
func (n *normText) joinCut(rs []rune, j int, real bool) int {
	k := skipSpace(rs, j)
	after := k < len(rs) && unicode.IsLetter(rs[k])
	switch {
	case k > j && after && unicode.IsLower(rs[k]):
		return k
	case !real:
		return j
	case k > j && after && strings.ContainsRune(string(rs[j:k]), '\n'):
		n.add('-', j-1)
		return k
	}
	n.add('-', j-1)
	return j
}

// addFolded adds r in its comparable form: typographic quotes and dashes
// become ASCII, compatibility forms (ligatures) their NFKC letters.
func (n *normText) addFolded(r rune, i int) {
	switch {
	case r < utf8.RuneSelf:
		n.add(r, i)
	case r == '‘' || r == '’' || r == '‚' || r == '‛' || r == '`' || r == '´':
		n.add('\'', i)
	case r == '“' || r == '”' || r == '„' || r == '‟' || r == '«' || r == '»':
		n.add('"', i)
	case isDash(r):
		n.add('-', i)
	default:
		for _, f := range norm.NFKC.String(string(r)) {
			n.add(f, i)
		}
	}
}

func (n *normText) add(r rune, src int) {
	n.runes = append(n.runes, r)
	n.src = append(n.src, src)
}

// afterLetter reports whether the last rune added is a letter.
func (n *normText) afterLetter() bool {
	return len(n.runes) > 0 && unicode.IsLetter(n.runes[len(n.runes)-1])
}

// isDash reports whether r is a hyphen or dash.
func isDash(r rune) bool {
	return r == '-' || (r >= '\u2010' && r <= '\u2014') || r == '\u2212'
}

// skipSpace returns the index of the first non-space rune at or after i.
func skipSpace(rs []rune, i int) int {
	for i < len(rs) && unicode.IsSpace(rs[i]) {
		i++
	}
	return i
}

// index finds q in n and returns the content span it came from.
func (n normText) index(q []rune) (Span, bool) {
	hay, needle := string(n.runes), string(q)
	i := strings.Index(hay, needle)
	if i < 0 {
		return Span{}, false
	}
	s := utf8.RuneCountInString(hay[:i])
	return n.span(s, s+len(q)), true
}

// span maps the normalised runes [s, e) back to a content span.
func (n normText) span(s, e int) Span {
	return Span{n.src[s], n.src[e-1] + 1}
}

// wordSpan widens sp to whole words, so that a fuzzy match that starts or
// ends inside a word quotes the word in full.
func wordSpan(rs []rune, sp Span) Span {
	for sp.Start > 0 && isWordRune(rs[sp.Start-1]) && isWordRune(rs[sp.Start]) {
		sp.Start--
	}
	for sp.End < len(rs) && isWordRune(rs[sp.End-1]) && isWordRune(rs[sp.End]) {
		sp.End++
	}
	return sp
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// fuzzy finds the passage of n closest to q by edit distance and returns
// its content span and similarity when that is at least
// GroundMinSimilarity. Candidate windows come from q-gram votes: each 4-gram
// shared by quote (at j) and text (at i) votes for the quote starting near
// i-j; only the best-voted windows are aligned in full.
func (n normText) fuzzy(q []rune) (Span, float64, bool) {
	m := len(q)
	if m < groundMinFuzzy || m > groundMaxFuzzy || len(n.runes) < gram {
		return Span{}, 0, false
	}
	width := max(8, m/8) // a window's slack: the drift that one in ten edits allows
	best, bestSim := Span{}, 0.0
	for _, b := range topBuckets(votes(n.runes, q, width), (m-gram+1)/3) {
		lo := max(0, (b-2)*width)
		hi := min(len(n.runes), (b+3)*width+m)
		s, e, dist := align(q, n.runes[lo:hi])
		if sim := 1 - float64(dist)/float64(max(m, e-s)); e > s && sim > bestSim {
			best, bestSim = n.span(lo+s, lo+e), sim
		}
	}
	return best, bestSim, bestSim >= GroundMinSimilarity
}

// votes counts, per bucket of width runes, the shared q-grams that put the
// quote's start there. A q-gram repeated in the quote votes at most
// maxGramHits times, which bounds the count per text rune.
func votes(text, q []rune, width int) map[int]int {
	pos := map[[gram]rune][]int{}
	for j := 0; j+gram <= len(q); j++ {
		k := [gram]rune(q[j : j+gram])
		if len(pos[k]) < maxGramHits {
			pos[k] = append(pos[k], j)
		}
	}
	v := map[int]int{}
	for i := 0; i+gram <= len(text); i++ {
		for _, j := range pos[[gram]rune(text[i:i+gram])] {
			if d := i - j; d > -width {
				v[(d+width)/width-1]++ // floor division for d in (-width, ∞)
			}
		}
	}
	return v
}

// topBuckets returns up to fuzzyWindows buckets whose votes, with their
// neighbours', reach least, best first and at least three buckets apart.
func topBuckets(v map[int]int, least int) []int {
	var picked []int
	for len(picked) < fuzzyWindows {
		b, total := 0, 0
		for k := range v {
			t := v[k-1] + v[k] + v[k+1]
			if t > total || (t == total && k < b) {
				b, total = k, t
			}
		}
		if total < max(least, 1) {
			break
		}
		picked = append(picked, b)
		for d := -2; d <= 2; d++ {
			delete(v, b+d)
		}
	}
	return picked
}

// align returns the passage text[s:e] with the least edit distance to q
// (Sellers' semi-global alignment: the passage may start and end anywhere
// in text) and that distance. Each cell carries the start of its best path,
// so one pass gives both ends.
func align(q, text []rune) (s, e, dist int) {
	m := len(q)
	cost, from := make([]int, m+1), make([]int, m+1)
	next, nfrom := make([]int, m+1), make([]int, m+1)
	for i := range cost {
		cost[i] = i
	}
	dist = m + 1
	for j := 1; j <= len(text); j++ {
		next[0], nfrom[0] = 0, j
		for i := 1; i <= m; i++ {
			next[i], nfrom[i] = cost[i-1], from[i-1] // match or substitute
			if q[i-1] != text[j-1] {
				next[i]++
			}
			if c := cost[i] + 1; c < next[i] { // a text rune the quote lacks
				next[i], nfrom[i] = c, from[i]
			}
			if c := next[i-1] + 1; c < next[i] { // a quote rune the text lacks
				next[i], nfrom[i] = c, nfrom[i-1]
			}
		}
		if next[m] < dist {
			s, e, dist = nfrom[m], j, next[m]
		}
		cost, next, from, nfrom = next, cost, nfrom, from
	}
	return s, e, dist
}
