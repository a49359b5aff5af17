package textsim

import (
	"strings"
	"unicode"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/dutch"
	"github.com/blevesearch/snowballstem/english"
	"golang.org/x/text/unicode/norm"
)

// Languages an item may declare; anything else is guessed from its stop words.
const (
	Dutch   = "nl"
	English = "en"
)

// Normalize lower-cases s, applies Unicode NFKC, strips diacritics, unifies apostrophes and drops
// a possessive or plural 's after a letter ("auto's" -> "auto", "Rutte's" -> "rutte").
func Normalize(s string) string {
	s = strings.ToLower(norm.NFKC.String(s))
	s = stripDiacritics(s)
	s = apostrophes.Replace(s)
	return dropApostropheS(s)
}

var apostrophes = strings.NewReplacer("\u2019", "'", "\u2018", "'", "`", "'")

// stripDiacritics decomposes s and removes the combining marks (é -> e, ë -> e).
func stripDiacritics(s string) string {
	isASCII := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			isASCII = false
			break
		}
	}
	if isASCII {
		return s
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

// dropApostropheS removes 's when it follows a letter and ends a word.
func dropApostropheS(s string) string {
	if !strings.Contains(s, "'s") {
		return s
	}
	rs := []rune(s)
	out := rs[:0]
	for i := 0; i < len(rs); i++ {
		if rs[i] == '\'' && i+1 < len(rs) && rs[i+1] == 's' && i > 0 && unicode.IsLetter(rs[i-1]) &&
			(i+2 == len(rs) || !unicode.IsLetter(rs[i+2]) && !unicode.IsDigit(rs[i+2])) {
			i++ // skip the s too
			continue
		}
		out = append(out, rs[i])
	}
	return string(out)
}

// Tokens splits normalised text into runs of letters and digits.
func Tokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// GuessLanguage returns Dutch or English by counting stop words in the tokens; ties go to Dutch,
// the language of most of the corpus.
func GuessLanguage(tokens []string) string {
	nl, en := 0, 0
	for _, t := range tokens {
		if _, ok := dutchStop[t]; ok {
			nl++
		}
		if _, ok := englishStop[t]; ok {
			en++
		}
	}
	if en > nl {
		return English
	}
	return Dutch
}

// IsStopWord reports whether token is a stop word of lang.
func IsStopWord(lang, token string) bool {
	var ok bool
	if lang == English {
		_, ok = englishStop[token]
	} else {
		_, ok = dutchStop[token]
	}
	return ok
}

// Stem stems a normalised token by lang (Dutch unless lang is English) with the Snowball
// stemmers: Porter's original Dutch algorithm and English (Porter2).
func Stem(lang, token string) string {
	env := snowballstem.NewEnv(token)
	if lang == English {
		english.Stem(env)
	} else {
		dutch.Stem(env)
	}
	return env.Current()
}

func set(words string) map[string]struct{} {
	m := make(map[string]struct{})
	for _, w := range strings.Fields(words) {
		m[w] = struct{}{}
	}
	return m
}

var dutchStop = set(`de het een en van in op te dat die is voor met aan er niet zijn om ook als bij
	of door naar uit tot over dan nog wel worden wordt werd zal zullen kan kunnen moet moeten
	deze dit ze zij hij wij we je u ik hun haar zich hem men al meer veel geen maar want wat
	was waren heeft hebben had hadden onder tegen na zo omdat waar hier daar zoals binnen
	tussen via per dus toch nu reeds alle elk elke iets ons onze mijn jouw uw welke wie hoe
	wanneer zodat mits sinds zonder vanaf`)

var englishStop = set(`the a an and or of to in on at by for with from as is are was were be been
	being it its this that these those which who whom what when where how not no but if then
	than so such can could will would shall should may might must do does did has have had
	into onto over under between through during before after about against within without
	their they them there here we our us you your he she his her i my me all any each more
	most other some only also very just both either neither per via`)
