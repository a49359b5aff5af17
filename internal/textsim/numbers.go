package textsim

import (
	"slices"
	"strings"
	"unicode"
)

// Numbers returns the numbers in normalised text s in canonical form, sorted and without
// duplicates. Thousands separators go ("1.000" and "1,000" -> "1000") and a decimal comma becomes a
// point ("2,5" -> "2.5"), so that Dutch and English spellings of one number compare equal.
func Numbers(s string) []string {
	var out []string
	rs := []rune(s)
	for i := 0; i < len(rs); {
		if !unicode.IsDigit(rs[i]) || i > 0 && unicode.IsLetter(rs[i-1]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && (unicode.IsDigit(rs[j]) ||
			(rs[j] == '.' || rs[j] == ',') && j+1 < len(rs) && unicode.IsDigit(rs[j+1])) {
			j++
		}
		out = append(out, canonicalNumber(string(rs[i:j])))
		i = j
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func canonicalNumber(n string) string {
	if isGrouped(n) {
		return strings.NewReplacer(".", "", ",", "").Replace(n)
	}
	return strings.ReplaceAll(n, ",", ".")
}

// isGrouped reports whether n looks like 1.000 or 12,500,000: one to three digits, then groups
// of a separator and exactly three digits.
func isGrouped(n string) bool {
	parts := strings.FieldsFunc(n, func(r rune) bool { return r == '.' || r == ',' })
	if len(parts) < 2 || len(parts[0]) > 3 {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 {
			return false
		}
	}
	return true
}

// numberMismatch returns the numbers that differ between two sorted number sets when each side
// has a number the other lacks (a substitution such as 2027 -> 2029). A number that only one
// side mentions is an addition, not a contradiction, and is not flagged.
func numberMismatch(a, b []string) []string {
	onlyA := difference(a, b)
	onlyB := difference(b, a)
	if len(onlyA) == 0 || len(onlyB) == 0 {
		return nil
	}
	diff := append(onlyA, onlyB...)
	slices.Sort(diff)
	return diff
}

func difference(a, b []string) []string {
	var out []string
	for _, x := range a {
		if _, found := slices.BinarySearch(b, x); !found {
			out = append(out, x)
		}
	}
	return out
}
