package suggest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
)

// The synthetic corpus imitates the recommendations of regional plans in
// the IJmond: Dutch (three in four) and English asks about objects named by
// compounds of common roots, so that object names follow a long tail like
// real ones, with places, years and percentages.
var (
	synRoots = strings.Fields(`water stof fabriek haven staal warmte net energie wind zon park lucht
		kwaliteit geluid natuur gebied woning bouw weg verkeer fiets pad spoor gemeente regio bedrijf
		werk inwoner gezondheid risico onderzoek programma plan beleid norm grens uitstoot stikstof
		koolstof opslag kabel leiding station bus vervoer dijk zee strand duin kust recreatie school
		zorg wijk buurt dorp centrum terrein industrie sluis kanaal brug tunnel vergunning toezicht
		meting sensor afval grondstof tuin bos boom groen klimaat hitte riool kooks oven gas stroom
		haven dak isolatie lucht fijnstof zand`)
	synPlaces = []string{"IJmuiden", "Velsen-Noord", "Beverwijk", "Heemskerk", "Wijk aan Zee",
		"Velsen-Zuid", "Santpoort", "Driehuis", "Castricum", "Uitgeest", "Haarlem", "Zaanstad",
		"Assendelft", "Spaarndam", "Bloemendaal", "Noordzeekanaal", "Velserbroek", "Tata-terrein"}
	synVerbsNL = strings.Fields(`verplaats sluit verminder versterk onderzoek realiseer bouw beperk
		stimuleer monitor verduurzaam ontwikkel leg vergroot bescherm verbeter begrens voer`)
	synInfNL = strings.Fields(`verplaatsen sluiten verminderen versterken onderzoeken realiseren
		bouwen beperken stimuleren monitoren verduurzamen ontwikkelen aanleggen uitbreiden
		beschermen verbeteren afbouwen invoeren`)
	synAdjNL    = strings.Fields(`nieuwe schone duurzame gezonde veilige regionale lokale extra betere groene`)
	synFillerNL = []string{"in overleg met de provincie", "samen met de omwonenden", "binnen het bestaande budget",
		"op korte termijn", "met voorrang", "zoals afgesproken in het convenant", "en meet het effect jaarlijks"}
	synWordsEN = strings.Fields(`hydrogen factory port steel heat network energy wind solar park air
		quality noise nature area housing road traffic cycling rail company jobs residents health
		risk research programme policy standard emission nitrogen carbon storage cable pipeline
		station transport dike coast beach school district village centre industry lock canal bridge
		permit enforcement monitoring waste material forest tree climate drought sewer dune harbour
		terminal freight furnace coke plant chimney dust odour groundwater soil biodiversity
		insulation heatpump grid substation battery electrolyser turbine subsidy levy covenant`)
	synVerbsEN  = strings.Fields(`relocate close reduce strengthen investigate realise build limit stimulate monitor develop expand protect improve introduce`)
	synFillerEN = []string{"together with the province", "in consultation with residents", "within the current budget",
		"as a matter of priority", "as agreed in the covenant", "and measure the effect every year"}
)

// synRec is a generated recommendation with its near-duplicate family
// (-1: none).
type synRec struct {
	Rec
	family int
}

// synthRecs generates n recommendations over max(n/50, 5) documents: about
// a third in families of two to four paraphrases of one ask, each in its
// own document, the rest unrelated.
func synthRecs(n int, seed uint64) []synRec {
	g := &synGen{r: rand.New(rand.NewPCG(seed, seed^0x5eed)), docs: max(n/50, 5)}
	var out []synRec
	for family := 0; len(out) < n/3; family++ {
		base, theme := g.sentence(), g.theme()
		for k, doc := range g.distinctDocs(2 + g.r.IntN(3)) {
			out = append(out, g.rec(len(out), family, doc, theme, g.paraphrase(base, k)))
		}
	}
	for len(out) < n {
		out = append(out, g.rec(len(out), -1, g.r.IntN(g.docs), g.theme(), g.sentence()))
	}
	return out[:n]
}

// recsOf returns the recommendations of s.
func recsOf(s []synRec) []Rec {
	out := make([]Rec, len(s))
	for i, x := range s {
		out[i] = x.Rec
	}
	return out
}

type synGen struct {
	r    *rand.Rand
	docs int
}

// synSentence is a generated ask as words, with its language.
type synSentence struct {
	words []string
	lang  string
}

func (g *synGen) rec(k, family, doc int, theme string, s synSentence) synRec {
	themes := []string{theme}
	if t := g.theme(); t != theme && g.r.IntN(4) == 0 {
		themes = append(themes, t)
	}
	return synRec{Rec{ID: fmt.Sprintf("R%06d", k), Document: fmt.Sprintf("D%04d", doc), Language: s.lang,
		Text: strings.Join(s.words, " "), Themes: themes}, family}
}

// theme draws one of eight themes, skewed like the seeds' theme counts.
func (g *synGen) theme() string {
	return fmt.Sprintf("T%d", 1+g.skew(8))
}

// skew draws an index in [0, n) with a long tail towards n.
func (g *synGen) skew(n int) int {
	u := g.r.Float64()
	return int(u * u * float64(n))
}

// distinctDocs draws n different document numbers.
func (g *synGen) distinctDocs(n int) []int {
	var out []int
	for len(out) < n {
		if d := g.r.IntN(g.docs); !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	return out
}

func (g *synGen) one(list []string) string { return list[g.r.IntN(len(list))] }

// object names a thing by a compound of two roots, the first skewed.
func (g *synGen) object() string {
	return synRoots[g.skew(len(synRoots))] + synRoots[g.r.IntN(len(synRoots))]
}

func (g *synGen) year() string    { return fmt.Sprint(2026 + g.r.IntN(25)) }
func (g *synGen) percent() string { return fmt.Sprintf("%d%%", 5*(1+g.r.IntN(19))) }

func (g *synGen) sentence() synSentence {
	if g.r.IntN(4) == 0 {
		return g.sentenceEN()
	}
	w := []string{g.one(synVerbsNL), "de", g.one(synAdjNL), g.object(), "en", "de", g.object()}
	if g.r.IntN(2) == 0 {
		w = []string{"De", "gemeente", "moet", "de", g.object(), "bij", g.one(synPlaces), g.one(synInfNL)}
	}
	w = append(w, "in", g.one(synPlaces))
	switch g.r.IntN(3) {
	case 0:
		w = append(w, "vóór", g.year())
	case 1:
		w = append(w, "met", g.percent())
	}
	w[0] = strings.ToUpper(w[0][:1]) + w[0][1:]
	return synSentence{words: append(w, g.one(synFillerNL)+"."), lang: "nl"}
}

func (g *synGen) sentenceEN() synSentence {
	w := []string{g.one(synVerbsEN), "the", g.one(synWordsEN), g.one(synWordsEN), "and", "the",
		g.one(synWordsEN), g.one(synWordsEN), "near", g.one(synPlaces)}
	switch g.r.IntN(3) {
	case 0:
		w = append(w, "by", g.year())
	case 1:
		w = append(w, "by", g.percent())
	}
	w[0] = strings.ToUpper(w[0][:1]) + w[0][1:]
	return synSentence{words: append(w, g.one(synFillerEN)+"."), lang: "en"}
}

// paraphrase rewords s for the k-th member of a family: the first keeps
// s, the others lose or gain a filler, swap two neighbours or split a
// compound.
func (g *synGen) paraphrase(s synSentence, k int) synSentence {
	w := append([]string(nil), s.words...)
	if k == 0 {
		return synSentence{words: w, lang: s.lang}
	}
	for range 1 + g.r.IntN(2) {
		i := g.r.IntN(len(w) - 1)
		switch g.r.IntN(3) {
		case 0:
			w[i], w[i+1] = w[i+1], w[i]
		case 1:
			w = append(w[:i], append([]string{g.filler(s.lang)}, w[i:]...)...)
		case 2:
			w[i] = splitCompound(w[i])
		}
	}
	return synSentence{words: w, lang: s.lang}
}

func (g *synGen) filler(lang string) string {
	if lang == "en" {
		return g.one(synFillerEN)
	}
	return g.one(synFillerNL)
}

// splitCompound writes a compound of two roots as two words.
func splitCompound(word string) string {
	for _, root := range synRoots {
		if rest, ok := strings.CutPrefix(word, root); ok && rest != "" {
			return root + " " + rest
		}
	}
	return word
}

// plantedPairs returns the pairs of family members in different
// documents, as "idA|idB" with the lower id first.
func plantedPairs(s []synRec) map[string]bool {
	byFamily := map[int][]Rec{}
	for _, x := range s {
		if x.family >= 0 {
			byFamily[x.family] = append(byFamily[x.family], x.Rec)
		}
	}
	out := map[string]bool{}
	for _, members := range byFamily {
		for i, a := range members {
			for _, b := range members[i+1:] {
				if a.Document != b.Document {
					out[min(a.ID, b.ID)+"|"+max(a.ID, b.ID)] = true
				}
			}
		}
	}
	return out
}
