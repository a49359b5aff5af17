package doctext

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// edgeLines is how many non-empty lines at the top and at the bottom of a
// page may be a running header or footer.
const edgeLines = 2

// dropRunningLines removes running headers and footers: lines at the top or
// bottom of a page that, with their numbers ignored, stand at the top or
// bottom of more than half of the pages (at least three), such as a running
// title, "Pagina 3 van 29" or a bare page number. Short documents are left
// alone: two pages give too little evidence.
func dropRunningLines(pages []string) []string {
	if len(pages) < 3 {
		return pages
	}
	seen := map[string]int{}
	for _, p := range pages {
		keys := map[string]bool{}
		for _, l := range edges(strings.Split(p, "\n")) {
			keys[runningKey(l)] = true
		}
		for k := range keys {
			seen[k]++
		}
	}
	out := make([]string, len(pages))
	for i, p := range pages {
		out[i] = dropEdges(p, func(k string) bool { return seen[k] >= 3 && 2*seen[k] > len(pages) })
	}
	return out
}

// edges returns the first and last edgeLines non-empty lines.
func edges(lines []string) []string {
	var out []string
	for _, i := range edgeIndexes(lines) {
		out = append(out, lines[i])
	}
	return out
}

// edgeIndexes returns the indexes of the first and last edgeLines
// non-empty lines, each once.
func edgeIndexes(lines []string) []int {
	var full []int
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			full = append(full, i)
		}
	}
	if len(full) <= 2*edgeLines {
		return full
	}
	return append(full[:edgeLines:edgeLines], full[len(full)-edgeLines:]...)
}

// dropEdges removes the edge lines of page whose key is running.
func dropEdges(page string, running func(string) bool) string {
	lines := strings.Split(page, "\n")
	drop := map[int]bool{}
	for _, i := range edgeIndexes(lines) {
		drop[i] = running(runningKey(lines[i]))
	}
	kept := lines[:0]
	for i, l := range lines {
		if !drop[i] {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "\n")
}

// runningKey is a line with its numbers (Arabic or Roman) replaced by #,
// lower-cased and with single spaces, so that "Pagina 3 van 29" and
// "Pagina 4 van 29" share a key.
func runningKey(line string) string {
	line = strings.ToLower(strings.Join(strings.Fields(line), " "))
	if roman.MatchString(line) {
		return "#"
	}
	return digits.ReplaceAllString(line, "#")
}

var (
	digits = regexp.MustCompile(`\d+`)
	roman  = regexp.MustCompile(`^[ivxlc]{1,7}$`)
)

// markParagraphs adds a blank line after each line of a page that ends a
// sentence and stops well short of the page's longest line: in text that
// comes line by line, that is where a paragraph ends.
func markParagraphs(page string) string {
	lines := strings.Split(page, "\n")
	longest := 0
	for _, l := range lines {
		longest = max(longest, utf8.RuneCountInString(l))
	}
	var b strings.Builder
	for i, l := range lines {
		b.WriteString(l)
		if i == len(lines)-1 {
			break
		}
		b.WriteByte('\n')
		if endsParagraph(l, longest) && strings.TrimSpace(lines[i+1]) != "" {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// endsParagraph reports whether line ends in . ! or ? (perhaps before a
// closing quote or bracket) and is under 80% of the longest line.
func endsParagraph(line string, longest int) bool {
	line = strings.TrimRightFunc(line, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(closers, r) })
	if line == "" || 5*utf8.RuneCountInString(line) >= 4*longest {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(line)
	return strings.ContainsRune(".!?", r)
}

// closers may follow the end of a sentence.
const closers = `"')]”’»`
