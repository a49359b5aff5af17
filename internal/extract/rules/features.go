package rules

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/rodedraad/rodedraad/internal/extract"
)

// A unit's features are what the item model (model.go) weighs to decide
// whether a unit is worth proposing at all: the cue scores of rules/4 and
// signals of the constructions policy texts state their aims, acts, advice,
// findings and stances with, also where no cue fires ("We ontwikkelen …",
// "Daarom betrekt Zuid-Holland …", "Minder tijd kwijt aan …: …", "zijn de
// afgelopen jaren complexer geworden"). Each signal is a construction, never
// a topic, so that the weights hold on texts they were not learned from.

// signal is one binary feature: a pattern over the normalised text, or a
// test of the unit and its context.
type signal struct {
	name string
	test func(c unitContext) bool
}

// unitContext is what a feature may look at: the unit, its normalised text,
// its cue scores, the section above it and the strongest cue score of the
// unit before it.
type unitContext struct {
	lang      string
	unit      extract.Unit
	raw       string // the unit as written, for capitals
	text      string
	fields    []string // text's words
	words     int
	scores    map[string]float64
	best      float64
	sec       section
	prevScore float64
	nextScore float64 // best cue score of the unit after it (addNeighbours)
	// sectionShare is the share of the other units between the same two
	// headings that have a cue (addNeighbours).
	sectionShare float64
}

// cueSignal makes a signal of a pattern, with the literal pre-filter of the
// cue table (prefilter.go).
func cueSignal(name, pattern string, gate ...string) signal {
	cu := c("", 0, pattern).gated(gate...)
	signalCues = append(signalCues, cu)
	return signal{name: name, test: func(c unitContext) bool { return c.lang == "nl" && cu.match(c.text) }}
}

// signalCues are the patterns of the signals, for TestPrefilter_SameMatches.
var signalCues []cue

// signals are the binary features, in the order of the weight table. The
// weight table (weights.go) is generated from them; change both together
// (see TestModel_Weights).
var signals = []signal{
	{"rule hit", func(c unitContext) bool { return c.best >= ruleThreshold }},
	{"list item", func(c unitContext) bool { return c.unit.Kind == extract.UnitItem }},
	{"item under a lead-in", func(c unitContext) bool { return c.unit.Kind == extract.UnitItem && c.sec.lead != "" }},
	{"under a section heading", func(c unitContext) bool { return c.sec.kind != "" }},
	{"english", func(c unitContext) bool { return c.lang == "en" }},
	{"ends in colon", func(c unitContext) bool { return strings.HasSuffix(c.text, ":") }},
	{"question", func(c unitContext) bool { return strings.Contains(c.text, "?") }},
	{"short", func(c unitContext) bool { return c.words < 6 }},
	{"long", func(c unitContext) bool { return c.words > 40 }},
	{"previous unit has a cue", func(c unitContext) bool { return c.prevScore >= ruleThreshold }},
	{"next unit has a cue", func(c unitContext) bool { return c.nextScore >= ruleThreshold }},
	{"imperative", func(c unitContext) bool { return isImperative(c.lang, c.text) }},
	{"acting subject", func(c unitContext) bool { return c.lang == "nl" && statesAction(c.text) }},
	cueSignal("modal of duty or intent", `\b(moet|moeten|zal|zullen|dient|dienen|wil|willen|gaat|gaan)\b`, "moet", "moeten", "zal", "zullen", "dient", "dienen", "wil", "willen", "gaat", "gaan"),
	cueSignal("modal of possibility", `\b(kan|kunnen|mag|mogen|zou|zouden)\b`, "kan", "kunnen", "mag", "mogen", "zou", "zouden"),
	{"we as subject", weAsSubject},
	{"we with a verb", weWithVerb},
	{"proper name as subject", properNameActs},
	cueSignal("future passive", `\b(zal|zullen) (\w+ ){0,4}(worden|ge\w+[dt])\b`, "zal", "zullen"),
	{"first person plural", func(c unitContext) bool { return c.lang == "nl" && slices.ContainsFunc(c.fields, isWe) }},
	cueSignal("named organisation as subject", `^(\w+ ){0,2}(de|het) (provincie|gemeente|kabinet|rijk|regering|college|minister)\b`),
	cueSignal("act verb of policy", `\b(inzet(ten)? op|zet(ten)? (\w+ )?in op|werk(t|en)? (\w+ )?aan|zorg(t|en)? (\w+ )?voor|bijdragen aan|draagt (\w+ )?bij|samenwerking)\b`),
	cueSignal("aim word", `\b(ambitie\w*|doel\w*|streef\w*|streven|gestreefd|beoog\w*|gericht op|perspectief|visie)\b`),
	cueSignal("judgement word", `\b(belangrijk\w*|noodzakelijk|nodig|essentieel|vereist|behoefte|cruciaal|wenselijk|gewenst|van belang|vraagt om|vragen om)\b`),
	cueSignal("change", `\b(\w+er (ge)?worden|toegenomen|afgenomen|gestegen|gedaald|gegroeid|verslechterd|verbeterd|onder druk)\b`),
	cueSignal("pointer", `\b(neem contact|zie (hiervoor|ook|bijlage|paragraaf|hoofdstuk)|denk (bijvoorbeeld )?aan|lees meer|meer informatie|bekijken)\b`),
	{"address", func(c unitContext) bool {
		return strings.Contains(c.text, "@") || strings.Contains(c.text, "www.") || strings.Contains(c.text, "http")
	}},
	{"english need", func(c unitContext) bool { return c.lang == "en" && englishNeed.match(c.text) }},
	cueSignal("finding word", `\b(blijkt|bleek|conclu\w+|geconcludeerd|duidelijk|leert|laat zien|constat\w+|onderstre\w+)\b`),
	cueSignal("future year", `\b(in|voor|na|vanaf|uiterlijk|tot) 20[2-9]\d\b`, " 20"),
	cueSignal("date of an event", `\b\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) (19|20)\d\d\b`),
	{"history or hedge", func(c unitContext) bool { return c.lang == "nl" && looksBack(c.lang, c.text) }},
	cueSignal("description", `\b(is een|zijn een|bevat|betreft|omvat|wordt verstaan|bestaat uit)\b`),
	cueSignal("nominal act at start", `^(het |de )?(\w+ ){0,5}\w+(en|ing) van\b`),
	cueSignal("label with colon", `^[a-z][\w'’,/ -]{1,40}: [a-z]`, ": "),
	cueSignal("present passive of an act", `\b(wordt|worden) (\w+ ){0,6}(ge\w+d|ge\w+t|ge\w+en)\b`),
	cueSignal("reported speech", `\b(geeft|gaf|geven|gaven) (\w+ ){0,4}aan dat\b|\b(benadrukt|stelt|meldt|antwoordt|vindt|zegt) (\w+ ){0,2}dat\b`),
	cueSignal("we observe", `\b(zien|merken|constateren|signaleren) (we|wij)\b|\b(we|wij) (zien|merken|constateren|signaleren)\b`, "we", "wij"),
	cueSignal("target quantity", `\b(minimaal|tenminste|ten minste|maximaal|minstens|maximum|minimum|circa) (van )?\d|\d ?(%|procent)`, "minimaal", "tenminste", "minste", "maximaal", "minstens", "maximum", "minimum", "circa", "%", "procent"),
	cueSignal("state of affairs", `\b(kans(en|rijk)|knelpunt\w*|struikelblok\w*|probleem|problemen|uitdaging\w*|voordel\w*|nadel\w*|achter(lopen|loopt|stand)|voorspoedig|succesvol|onvoldoende|lastig)\b`),
	cueSignal("document as subject", `^(\w+ ){0,2}(dit|deze|het|de|een) (\w+ )?\w*(programma|plan|visie|verordening|rapport|nota|hoofdstuk|paragraaf|studie|brief|document|kader|strategie|regeling|monitor)\b`),
	{"so that", func(c unitContext) bool {
		return c.lang == "nl" && slices.ContainsFunc(c.fields, func(w string) bool { return purpose[strings.Trim(w, ",.;:")] })
	}},
}

// history and ahead are the Dutch damping patterns (cues.go) cut into
// parts that the literal pre-filter can skip, since the item model tries
// them on every unit.
var (
	history = []cue{
		c("", 0, `\b(werd|werden|was|waren)\b`).gated("werd", "werden", "was", "waren"),
		c("", 0, `\b(heeft|hebben) (\w+ ){0,6}(ge\w+en|\w*ge\w+[dt])\b`),
		c("", 0, `\bzou(den)? (\w+ )?kunnen\b|\bwellicht\b`),
	}
	sinceYear = regexp.MustCompile(`\b(in|sinds) (19|20)\d\d (is|zijn|heeft|hebben)\b`)
	ahead     = c("", 0, dampers["nl"].ahead.String()).gated("zal", "zullen", "gaat", "gaan", "willen", "wil", "streven")
)

// tellsHistory reports whether a Dutch unit tells history or hedges, as
// damp does.
func tellsHistory(text string) bool {
	for _, cu := range history {
		if cu.match(text) {
			return true
		}
	}
	return (strings.Contains(text, " 19") || strings.Contains(text, " 20")) && sinceYear.MatchString(text)
}

// purpose are the words that introduce an aim or effect.
var purpose = setOf(`om zodat opdat waardoor teneinde`)

// weLead are the words after which "we" follows its verb: "Zo verbeteren we
// …", "Daarom werken wij …".
var weLead = setOf(`zo daarom daarbij hiermee daarmee ook`)

func isWe(w string) bool { return w == "we" || w == "wij" || w == "ons" || w == "onze" }

// weAsSubject reports whether "we" or "wij" stands among the first five
// words, or right after a verb in "-en" ("werken wij").
func weAsSubject(c unitContext) bool {
	if c.lang != "nl" {
		return false
	}
	for i, w := range c.fields {
		if (w == "we" || w == "wij") && (i < 5 || strings.HasSuffix(c.fields[i-1], "en")) {
			return true
		}
	}
	return false
}

// weWithVerb reports whether a unit starts with "we" and a verb in "-en"
// ("We ontwikkelen …", "Samen bouwen we …" is weAsSubject), or with a lead
// word, a verb and "we" ("Zo verbeteren we …").
func weWithVerb(c unitContext) bool {
	f := c.fields
	if c.lang != "nl" || len(f) < 3 {
		return false
	}
	for i := 0; i < 3 && i+1 < len(f); i++ {
		if (f[i] == "we" || f[i] == "wij") && strings.HasSuffix(f[i+1], "en") {
			return true
		}
	}
	return weLead[f[0]] && strings.HasSuffix(f[1], "en") && (f[2] == "we" || f[2] == "wij")
}

// englishNeed is a need or requirement stated in English.
var englishNeed = c("", 0, `\b(needs? to|need for|a need|is required|are required|requires)\b`)

// properNameActs reports whether a Dutch unit has a capitalised name among
// its first words with an action verb or "is" beside it: "Daarom betrekt
// Zuid-Holland …", "Zuid-Holland staat voor …", "Ook verdubbelt Nederland
// …". The first word counts only when it is a hyphenated name, since
// every sentence starts with a capital.
func properNameActs(c unitContext) bool {
	if c.lang != "nl" {
		return false
	}
	raw, low := strings.Fields(c.raw), strings.Fields(c.text)
	if len(raw) != len(low) {
		return false
	}
	for i := 0; i < len(raw) && i < 4; i++ {
		if !isName(raw[i], i) {
			continue
		}
		if i+1 < len(low) && actsOrIs(low[i+1]) || i > 0 && actsOrIs(low[i-1]) {
			return true
		}
	}
	return false
}

// isName reports whether word w at position i looks like a name.
func isName(w string, i int) bool {
	r := []rune(w)
	if len(r) < 2 || !unicode.IsUpper(r[0]) {
		return false
	}
	return i > 0 || strings.Contains(w, "-")
}

func actsOrIs(w string) bool {
	w = strings.Trim(w, ",.;:")
	return w == "is" || w == "blijft" || w == "staat" || isActionVerb(w)
}

// features returns the feature vector of a unit: a constant, the cue scores
// per kind, the best of them, the unit's length and the signals, in the
// order of the weight table.
func features(c unitContext) []float64 {
	x := make([]float64, 0, featureCount)
	x = append(x, 1)
	for _, k := range kindOrder {
		x = append(x, c.scores[k])
	}
	x = append(x, c.best, math.Log1p(float64(c.words))/4, c.sectionShare)
	for _, s := range signals {
		x = append(x, b2f(s.test(c)))
	}
	return x
}

// featureCount is the length of a feature vector.
var featureCount = 1 + len(kindOrder) + 3 + len(signals)

// featureNames returns the names of the features in vector order, for the
// weight table's comments.
func featureNames() []string {
	names := []string{"constant"}
	for _, k := range kindOrder {
		names = append(names, "cue score "+strings.ToLower(k))
	}
	names = append(names, "best cue score", "length", "cued share of section")
	for _, s := range signals {
		names = append(names, s.name)
	}
	return names
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
