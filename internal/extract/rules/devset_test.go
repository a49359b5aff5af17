package rules_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/rodedraad/rodedraad/internal/extract"
	"github.com/rodedraad/rodedraad/internal/extract/rules"
)

// devDoc is one text of the development set with its gold items.
type devDoc struct {
	name, lang, split string
	text              string
	gold              []goldItem
}

// goldItem is what a careful reader marked, with its span in the text.
type goldItem struct {
	Kind  string `yaml:"kind"`
	Quote string `yaml:"quote"`
	span  extract.Span
}

const devsetDir = "../testdata/devset"

// MustDevset loads every text and gold file of the development set.
func MustDevset(tb testing.TB) []devDoc {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join(devsetDir, "*.gold.yaml"))
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no gold files in %s: %v", devsetDir, err)
	}
	var docs []devDoc
	for _, p := range paths {
		docs = append(docs, mustDevDoc(tb, p))
	}
	return docs
}

func mustDevDoc(tb testing.TB, goldPath string) devDoc {
	tb.Helper()
	var g struct {
		Language, Split string
		Items           []goldItem
	}
	data, err := os.ReadFile(goldPath)
	if err == nil {
		err = yaml.Unmarshal(data, &g)
	}
	name := strings.TrimSuffix(filepath.Base(goldPath), ".gold.yaml")
	text, terr := os.ReadFile(filepath.Join(devsetDir, name+".txt"))
	if err != nil || terr != nil {
		tb.Fatalf("%s: %v %v", name, err, terr)
	}
	d := devDoc{name: name, lang: g.Language, split: g.Split, text: string(text), gold: g.Items}
	for i := range d.gold {
		s, ok := findLoose(d.text, d.gold[i].Quote)
		if !ok {
			tb.Fatalf("%s: gold quote not in text: %q", name, d.gold[i].Quote)
		}
		d.gold[i].span = s
	}
	return d
}

// findLoose finds quote in text with every run of white space in either
// read as one space, and returns its rune span in text.
func findLoose(text, quote string) (extract.Span, bool) {
	norm, at := squeeze([]rune(text))
	q, _ := squeeze([]rune(quote))
	i := strings.Index(string(norm), string(q))
	if i < 0 || len(q) == 0 {
		return extract.Span{}, false
	}
	start := len([]rune(string(norm)[:i]))
	return extract.Span{Start: at[start], End: at[start+len(q)-1] + 1}, true
}

// squeeze collapses white space runs to one space and maps each rune of the
// result to its offset in rs.
func squeeze(rs []rune) ([]rune, []int) {
	var out []rune
	var at []int
	for i, r := range rs {
		if unicode.IsSpace(r) {
			if len(out) == 0 || out[len(out)-1] == ' ' {
				continue
			}
			r = ' '
		}
		out, at = append(out, r), append(at, i)
	}
	return out, at
}

// tally counts a split's outcome.
type tally struct{ gold, found, cands, correct, rightKind int }

func (t tally) recall() float64    { return ratio(t.found, t.gold) }
func (t tally) precision() float64 { return ratio(t.correct, t.cands) }
func (t tally) kindAcc() float64   { return ratio(t.rightKind, t.found) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// score compares candidates with gold: a gold item is found by a candidate
// that covers at least half of its span and is not much longer than it (at
// least a third of the candidate lies inside the item), so a unit that runs
// over several items finds none of them well; a candidate is correct when it
// finds some gold item; the kind is right when the candidate that finds the
// item best has it.
func score(d devDoc, items []extract.Candidate) tally {
	t := tally{gold: len(d.gold), cands: len(items)}
	for _, c := range items {
		if findsAny(c, d.gold) {
			t.correct++
		}
	}
	for _, g := range d.gold {
		if best, ok := bestCover(g, items); ok {
			t.found++
			if best.Kind == g.Kind {
				t.rightKind++
			}
		}
	}
	return t
}

// overlap is how many code points candidate and gold item share.
func overlap(c extract.Candidate, g goldItem) int {
	return max(0, min(c.End, g.span.End)-max(c.Start, g.span.Start))
}

// coverage is the share of the gold item's span the candidate covers.
func coverage(c extract.Candidate, g goldItem) float64 {
	return ratio(overlap(c, g), g.span.End-g.span.Start)
}

// finds says whether the candidate finds the gold item: it covers at least
// half of the item, and at least a third of the candidate is that item.
func finds(c extract.Candidate, g goldItem) bool {
	return coverage(c, g) >= 0.5 && ratio(overlap(c, g), c.End-c.Start) >= 1.0/3
}

// findsAny says whether the candidate finds some gold item.
func findsAny(c extract.Candidate, gold []goldItem) bool {
	for _, g := range gold {
		if finds(c, g) {
			return true
		}
	}
	return false
}

// bestCover is the candidate that finds the gold item with the largest
// coverage, if any finds it.
func bestCover(g goldItem, items []extract.Candidate) (extract.Candidate, bool) {
	var best extract.Candidate
	bestCov, ok := 0.0, false
	for _, c := range items {
		if cov := coverage(c, g); finds(c, g) && cov > bestCov {
			best, bestCov, ok = c, cov, true
		}
	}
	return best, ok
}

// devsetOnly is the environment variable that limits TestDevset to one
// split (RODEDRAAD_DEVSET_ONLY=tune), so that rules can be written and tuned
// without seeing how they do on the held-out texts.
const devsetOnly = "RODEDRAAD_DEVSET_ONLY"

// TestDevset measures recall, precision and kind accuracy per split and
// language, prints the table, and holds the floors reached when the rules
// were written, so that a change that loses quality fails.
func TestDevset(t *testing.T) {
	totals := map[[2]string]tally{}
	ex := rules.New()
	only := os.Getenv(devsetOnly)
	for _, d := range MustDevset(t) {
		if only != "" && d.split != only {
			continue
		}
		res, err := ex.Extract(context.Background(), extract.Text{DocumentID: d.name, Language: d.lang, Content: d.text}, extract.Vocabulary{})
		if err != nil {
			t.Fatal(err)
		}
		s := score(d, res.Items)
		t.Logf("%-24s %-7s %s gold %2d found %2d cands %2d correct %2d kind %2d", d.name, d.split, d.lang, s.gold, s.found, s.cands, s.correct, s.rightKind)
		k := [2]string{d.split, d.lang}
		totals[k] = add(totals[k], s)
	}
	t.Log("\n" + table(totals))
	for k, floor := range devsetFloors {
		if only != "" && k[0] != only {
			continue
		}
		got := totals[k]
		if got.gold == 0 {
			t.Errorf("%s/%s: no gold items; the devset lost a split", k[0], k[1])
			continue
		}
		if got.recall() < floor[0] || got.precision() < floor[1] || got.kindAcc() < floor[2] {
			t.Errorf("%s/%s: recall %.2f precision %.2f kind %.2f, floors %.2f %.2f %.2f", k[0], k[1], got.recall(), got.precision(), got.kindAcc(), floor[0], floor[1], floor[2])
		}
	}
}

func add(a, b tally) tally {
	return tally{a.gold + b.gold, a.found + b.found, a.cands + b.cands, a.correct + b.correct, a.rightKind + b.rightKind}
}

// table renders the totals as a Markdown table, Dutch first.
func table(totals map[[2]string]tally) string {
	var b strings.Builder
	b.WriteString("| split | language | gold | candidates | recall | precision | kind accuracy |\n|---|---|---|---|---|---|---|\n")
	for _, split := range []string{"tune", "heldout"} {
		for _, lang := range []string{"nl", "en"} {
			t := totals[[2]string{split, lang}]
			fmt.Fprintf(&b, "| %s | %s | %d | %d | %.2f | %.2f | %.2f |\n", split, lang, t.gold, t.cands, t.recall(), t.precision(), t.kindAcc())
		}
	}
	return b.String()
}

// devsetFloors are recall, precision and kind accuracy per split and
// language, a little under what the rules reached (docs/extraction.md).
var devsetFloors = map[[2]string][3]float64{
	{"tune", "nl"}:    {0.90, 0.57, 0.69},
	{"heldout", "nl"}: {0.86, 0.71, 0.45},
	{"tune", "en"}:    {0.93, 0.61, 0.79},
}
