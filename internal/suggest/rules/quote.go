package rules

import (
	"fmt"
	"strings"
	"unicode"
)

// versus joins the two quotes of a rationale.
const versus = "tegenover/versus"

// excerptRunes is the longest excerpt a rationale quotes of one text.
const excerptRunes = 90

// quote returns `ID "excerpt"`: the part of t's text around focus (its
// start when focus is empty or absent), cut at words and marked with "…"
// where it was cut.
func quote(t *text, focus string) string {
	return fmt.Sprintf("%s %q", t.rec.ID, excerpt(t.raw, focus, excerptRunes))
}

// excerpt returns at most limit runes of s around the first occurrence of
// focus, compared case-insensitively.
func excerpt(s, focus string, limit int) string {
	rs := []rune(strings.Join(strings.Fields(s), " "))
	if len(rs) <= limit {
		return string(rs)
	}
	at := 0
	if focus != "" {
		if i := strings.Index(strings.ToLower(string(rs)), strings.ToLower(focus)); i >= 0 {
			at = len([]rune(strings.ToLower(string(rs))[:i]))
		}
	}
	from := max(0, min(at-limit/3, len(rs)-limit))
	to := min(len(rs), from+limit)
	from, to = wordStart(rs, from), wordEnd(rs, to)
	out := strings.TrimSpace(string(rs[from:to]))
	if from > 0 {
		out = "…" + out
	}
	if to < len(rs) {
		out += "…"
	}
	return out
}

// wordStart moves i forward to the start of a word, unless i is one.
func wordStart(rs []rune, i int) int {
	if i == 0 || unicode.IsSpace(rs[i-1]) {
		return i
	}
	for i < len(rs) && !unicode.IsSpace(rs[i]) {
		i++
	}
	return i
}

// wordEnd moves i back to the end of a word, unless i is one.
func wordEnd(rs []rune, i int) int {
	if i == len(rs) || unicode.IsSpace(rs[i]) {
		return i
	}
	for i > 0 && !unicode.IsSpace(rs[i-1]) {
		i--
	}
	return i
}

func fmtSim(x float64) string { return fmt.Sprintf("%.2f", x) }
