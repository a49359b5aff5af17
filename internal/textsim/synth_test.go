package textsim

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Vocabulary of the synthetic corpus: Dutch roots (joined into compounds), English words, and
// stop words, so that unrelated texts still share many words and n-grams.
var (
	synthRootsNL = strings.Fields(`water stof fabriek haven staal warmte net energie wind zon park
		lucht kwaliteit geluid hinder natuur gebied woning bouw weg verkeer fiets pad spoor lijn
		gemeente provincie regio bedrijf werk gelegenheid inwoner gezondheid risico onderzoek
		programma plan visie advies beleid norm grens waarde uitstoot stikstof koolstof opslag
		kabel leiding station trein bus vervoer dijk zee strand duin kust recreatie toerisme
		school onderwijs zorg wijk buurt dorp stad centrum kantoor terrein industrie sluis kanaal
		brug tunnel vergunning toezicht handhaving monitoring meting sensor data scenario
		transitie circulair afval grondstof kringloop hergebruik tuin bos boom groen klimaat
		hitte droogte regen riool`)
	synthVerbsNL = strings.Fields(`sluiten verminderen versterken onderzoeken realiseren bouwen
		verplaatsen beperken stimuleren monitoren verduurzamen ontwikkelen aanleggen uitbreiden
		beschermen verbeteren afbouwen opzetten invoeren`)
	synthAdjNL   = strings.Fields(`nieuwe schone duurzame gezonde veilige regionale lokale extra betere groene grote kleine`)
	synthStopNL  = strings.Fields(`de het een en van in op te dat voor met aan door naar om bij`)
	synthWordsEN = strings.Fields(`hydrogen factory port steel heat network energy wind solar park
		air quality noise nuisance nature area housing construction road traffic cycling rail
		municipality province region company jobs residents health risk research programme plan
		vision advice policy standard limit emission nitrogen carbon storage cable pipeline station
		transport dike coast beach recreation tourism school education care district village
		city centre industry lock canal bridge permit enforcement monitoring measurement data
		scenario transition circular waste material reuse forest tree green climate drought sewer
		farmland dune harbour terminal quay crane warehouse logistics freight barge shipping
		furnace blast oven coke plant chimney smoke particulate dust odour sulphur ammonia
		groundwater soil contamination remediation biodiversity habitat meadow bird fish
		insulation retrofit heatpump boiler grid substation transformer battery electrolyser
		offshore turbine subsidy budget tax levy tender contract covenant agreement council
		alderman minister ministry agency inspectorate citizen neighbourhood participation
		consultation hearing objection appeal court ruling zoning framework strategy roadmap`)
	synthVerbsEN = strings.Fields(`close reduce strengthen investigate realise build relocate limit
		stimulate monitor develop expand protect improve phase set introduce`)
	synthStopEN = strings.Fields(`the a of to in on for with by and from at`)
)

// synthItem is a generated item with the family it belongs to (-1: unrelated).
type synthItem struct {
	Item
	family int
}

// synthCorpus generates n items: about half in near-duplicate families spread over documents
// (paraphrases with swapped, inserted and deleted words, split or joined compounds and changed
// numbers), the rest unrelated texts from the same vocabulary.
func synthCorpus(n int, seed uint64) []synthItem {
	g := &synth{r: rand.New(rand.NewPCG(seed, seed^0x5eed)), docs: max(n/100, 5)}
	var out []synthItem
	for family := 0; len(out) < n/2; family++ {
		base := g.sentence()
		for range 2 + g.r.IntN(4) {
			out = append(out, g.item(len(out), family, g.paraphrase(base)))
		}
	}
	for len(out) < n {
		out = append(out, g.item(len(out), -1, g.sentence()))
	}
	return out[:n]
}

type synth struct {
	r    *rand.Rand
	docs int
}

type synthSentence struct {
	words []string
	en    bool
}

func (g *synth) item(k, family int, s synthSentence) synthItem {
	lang := Dutch
	if s.en {
		lang = English
	}
	if g.r.IntN(4) == 0 {
		lang = "" // let the package guess
	}
	return synthItem{Item{
		ID:       fmt.Sprintf("r%06d", k),
		Document: fmt.Sprintf("doc%03d", g.r.IntN(g.docs)),
		Language: lang,
		Text:     strings.Join(s.words, " "),
	}, family}
}

// pick draws a stop word with a skew towards the first entries, like word frequencies.
func (g *synth) pick(list []string) string {
	u := g.r.Float64()
	return list[int(u*u*float64(len(list)))]
}

// content draws a content word uniformly.
func (g *synth) content(list []string) string { return list[g.r.IntN(len(list))] }

func (g *synth) number() string {
	switch g.r.IntN(3) {
	case 0:
		return fmt.Sprint(2025 + g.r.IntN(26))
	case 1:
		return fmt.Sprint(10*(1+g.r.IntN(50))) + " MW"
	default:
		return fmt.Sprint(5*(1+g.r.IntN(20))) + "%"
	}
}

func (g *synth) sentence() synthSentence {
	if g.r.IntN(4) == 0 {
		return g.sentenceEN()
	}
	var w []string
	for range 3 + g.r.IntN(4) {
		w = append(w, g.pick(synthStopNL))
		if g.r.IntN(3) == 0 {
			w = append(w, g.content(synthAdjNL))
		}
		w = append(w, g.content(synthRootsNL)+g.content(synthRootsNL))
		if g.r.IntN(2) == 0 {
			w = append(w, g.content(synthRootsNL))
		}
	}
	if g.r.IntN(2) == 0 {
		w = append(w, "in", g.number())
	}
	w = append(w, g.content(synthVerbsNL))
	return synthSentence{words: w}
}

func (g *synth) sentenceEN() synthSentence {
	w := []string{g.content(synthVerbsEN)}
	for range 3 + g.r.IntN(4) {
		w = append(w, g.pick(synthStopEN), g.content(synthWordsEN), g.content(synthWordsEN))
	}
	if g.r.IntN(2) == 0 {
		w = append(w, "by", g.number())
	}
	return synthSentence{words: w, en: true}
}

// paraphrase applies a few random edits to a copy of s.
func (g *synth) paraphrase(s synthSentence) synthSentence {
	w := append([]string(nil), s.words...)
	for range g.r.IntN(5) {
		i := g.r.IntN(len(w))
		switch g.r.IntN(6) {
		case 0: // swap neighbours
			if i+1 < len(w) {
				w[i], w[i+1] = w[i+1], w[i]
			}
		case 1: // insert a word
			w = append(w[:i], append([]string{g.content(synthAdjNL)}, w[i:]...)...)
		case 2: // delete a word
			if len(w) > 4 {
				w = append(w[:i], w[i+1:]...)
			}
		case 3: // split a compound at a root boundary
			w[i] = g.split(w[i])
		case 4: // join two words into a compound
			if i+1 < len(w) {
				w = append(w[:i], append([]string{w[i] + w[i+1]}, w[i+2:]...)...)
			}
		case 5: // change a number
			for k, x := range w {
				if x != "" && x[0] >= '0' && x[0] <= '9' {
					w[k] = g.number()
					break
				}
			}
		}
	}
	return synthSentence{words: w, en: s.en}
}

// split splits a compound of two known roots with a space ("waterstof" -> "water stof").
func (g *synth) split(word string) string {
	for _, root := range synthRootsNL {
		if rest, ok := strings.CutPrefix(word, root); ok && rest != "" {
			return root + " " + rest
		}
	}
	return word
}

func synthItems(s []synthItem) []Item {
	out := make([]Item, len(s))
	for i, x := range s {
		out[i] = x.Item
	}
	return out
}
