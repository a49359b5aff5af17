package rules

import (
	"strings"

	"github.com/rodedraad/rodedraad/internal/textsim"
)

// antonymData lists opposite directions, one pair a line: the words of one
// side, "|", the words of the other. Dutch and English words share a line
// when they mean the same. Inflected forms are listed because the stemmer
// does not join them all ("verhoogt" stays apart from "verhogen").
const antonymData = `
verhogen verhoogt verhoog verhoogd verhoging vergroten vergroot vergroting toename toenemen omhoog
	increase increases increased raise raises higher | verlagen verlaagt verlaag verlaagd verlaging verminderen
	vermindert verminder vermindering verkleinen verkleint verklein afname afnemen omlaag decrease decreases
	decreased reduce reduces reduced reduction lower lowers
sluiten sluit sluiting gesloten close closes closed closure shut | openhouden openhoudt open openen
	heropenen openblijven behoud behouden reopen
uitbreiden uitbreiding breidt breid groeien groeit groei expand expands expansion extend enlarge grow growth |
	beperken beperkt beperk beperking inkrimpen inkrimping krimpen krimpt krimp restrict restricts restriction
	limit limits curb shrink
versnellen versnelt versnel versnelling vervroegen vervroeg vervroegd accelerate accelerates speed |
	uitstellen uitgesteld uitstel vertragen vertraagt vertraag vertraging delay delays postpone postpones
toestaan toegestaan toelaten toelaat allow allows allowed permitted | verbieden verbiedt verbied verbod
	verboden ban bans banned prohibit prohibits prohibited forbid
stimuleren stimuleert stimuleer stimulering aanmoedigen bevorderen bevordert bevorder encourage encourages
	stimulate stimulates promote promotes | ontmoedigen ontmoedigt ontmoedig ontmoediging afremmen
	discourage discourages deter
bouwen bouwt bouw nieuwbouw build builds construct | slopen sloopt sloop afbreken demolish demolishes demolition
invoeren voert voer invoering introduce introduces | afschaffen schaft schaf afschaffing abolish abolishes scrap
meer extra more | minder fewer less
`

// side is one side of an antonym pair: its line in antonymData and 0 or 1.
type side struct{ line, side int }

// lexicon maps a language's stems to the sides they belong to.
type lexicon map[string][]side

// lexicons holds the antonym lexicon stemmed for Dutch and for English:
// every word is stemmed both ways, since the lines mix the two languages.
var lexicons = map[string]lexicon{
	textsim.Dutch:   parseAntonyms(antonymData, textsim.Dutch),
	textsim.English: parseAntonyms(antonymData, textsim.English),
}

// parseAntonyms reads antonymData into a lexicon for lang. A line starts
// where a line does not begin with white space.
func parseAntonyms(data, lang string) lexicon {
	lex := lexicon{}
	line := -1
	sideNo := 0
	for _, row := range strings.Split(data, "\n") {
		if strings.TrimSpace(row) == "" {
			continue
		}
		if !strings.HasPrefix(row, "\t") {
			line, sideNo = line+1, 0
		}
		for _, w := range strings.Fields(row) {
			if w == "|" {
				sideNo = 1
				continue
			}
			lex.add(textsim.Stem(lang, textsim.Normalize(w)), side{line, sideNo})
		}
	}
	return lex
}

func (l lexicon) add(stem string, s side) {
	for _, x := range l[stem] {
		if x == s {
			return
		}
	}
	l[stem] = append(l[stem], s)
}

// negations are the words that turn an ask round. "niet alleen" and "not
// only" are not among them (see isNegation).
var negations = map[string]bool{"niet": true, "geen": true, "nooit": true, "not": true, "no": true,
	"never": true, "cannot": true}

// markers are the phrases by which a text presents itself as a means to
// another end: what follows the marker names that end.
var markers = [][]string{
	{"voorwaarde"}, {"voorwaarden"}, {"randvoorwaarde"}, {"nodig", "voor"}, {"noodzakelijk", "voor"},
	{"vereist", "voor"}, {"zodat"}, {"mogelijk", "maken"}, {"maakt", "mogelijk"},
	{"enables"}, {"enable"}, {"prerequisite"}, {"precondition"}, {"required", "for"}, {"needed", "for"},
	{"necessary", "for"}, {"so", "that"}, {"makes", "possible"},
}
