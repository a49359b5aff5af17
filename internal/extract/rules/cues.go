package rules

import (
	"regexp"
	"strings"
)

// The kinds a candidate can have.
const (
	Recommendation = "RECOMMENDATION"
	Conclusion     = "CONCLUSION"
	Commitment     = "COMMITMENT"
	Goal           = "GOAL"
	Position       = "POSITION"
)

// cue is one signal of a kind: a pattern over a unit's normalised text
// (lower case, no diacritics) and how strongly it signals the kind.
type cue struct {
	kind    string
	weight  float64
	pattern *regexp.Regexp
	needs   []string // literals the pattern cannot match without (see match)
	gate    []string // words the pattern cannot match without (see gated)
}

// c builds a cue; patterns are anchored on word boundaries by the caller.
func c(kind string, weight float64, pattern string) cue {
	pattern = strings.ReplaceAll(pattern, `(\w+ )`, `([\w,]+ )`)
	return cue{kind: kind, weight: weight, pattern: regexp.MustCompile(pattern), needs: needs(pattern)}
}

// cues are the signals per language. They name verbs and constructions, never
// topics, so that they hold on texts the tables were not written from.
var cues = map[string][]cue{
	"nl": {
		c(Recommendation, 0.85, `\b(adviseer|adviseert|adviseren|adviseerde|adviezen aan)\b`),
		c(Recommendation, 0.85, `\b(beveelt|bevelen|bevolen)\b.*\baan\b`),
		c(Recommendation, 0.85, `\bverdient (het )?aanbeveling\b`),
		c(Recommendation, 0.7, `\b(stelt|stellen) (\w+ )*voor\b`),
		c(Recommendation, 0.65, `\b(dient|dienen) (\w+ ){0,6}te\b`),
		c(Recommendation, 0.7, `\bzou(den)? (\w+ ){0,4}moeten\b`),
		c(Recommendation, 0.55, `^([^,;:]*[,;:] )?(\w+ ){0,5}(moet|moeten)\b`),
		c(Recommendation, 0.35, `\b(moet|moeten)\b`),
		c(Recommendation, 0.7, `\b(vragen|vraagt|roept|roepen) (\w+ ){0,6}(bij|aan|op)\b`),
		c(Recommendation, 0.7, `^(aanbeveling|advies) \d+\b`),
		c(Recommendation, 0.6, `\b(kun|kan|moet|mag|wil) je\b|\bje (kunt|kan|moet|doet er goed aan)\b|\bu (kunt|moet|dient)\b`).gated("je", "u"),
		c(Recommendation, 0.55, `\b(is|zijn) (\w+ ){0,4}(verplicht|wenselijk|gewenst|aan te raden|raadzaam)\b|\bhet is (\w+ )?(wenselijk|raadzaam|aan te raden) (om|dat)\b`),
		c(Recommendation, 0.5, `\b(kan|kunnen) (\w+ ){0,4}(duidelijker|beter|sneller)\b`),
		c(Recommendation, 0.6, `^om [^,]+ te [^,]+, \w+ je\b`),
		c(Recommendation, 0.6, `\b(dat|als|wanneer) je (\w+ ){0,5}(moet|dient)\b|\bgeldt (\w+ )?dat\b.*\b(moet|moeten|dient|dienen)\b`),
		c(Recommendation, 0.5, `\bis (\w+ ){0,3}verantwoordelijk voor\b|\bvolstaat (\w+ ){0,2}(niet|nooit)\b`),
		c(Recommendation, 0.6, `\bbehoefte aan\b`),
		c(Recommendation, 0.8, `\b(verzoekt|verzoeken|verzocht)\b|\b(verzoek|vraag) (ik|wij|we) (u|je|de|het)\b`),
		c(Recommendation, 0.75, `\b(geadviseerd|aanbevolen) (wordt|om)\b|\b(wordt|worden) (\w+ ){0,3}(geadviseerd|aanbevolen)\b|\bhet (advies|voorstel) is (om|dat|\w+ (\w+ )*te)\b`),
		c(Commitment, 0.8, `\b(wij|we|ik) (gaan|zullen|ga|zal)\b`).gated("wij", "we", "ik"),
		c(Commitment, 0.75, `\b(gaan|zullen) (we|wij)\b`).gated("we", "wij"),
		c(Commitment, 0.8, `\b(ben|zijn) (\w+ )?voornemens\b`),
		c(Commitment, 0.7, `\b(zegt|zeggen|zegde|zegden) (\w+ ){0,4}toe\b|\btoegezegd\b`),
		c(Commitment, 0.75, `\b(zet|zetten)\b(\s\w+){0,8}\s(in op|zich in)\b|\bzet(ten)? (we |wij )?in op\b`),
		c(Commitment, 0.7, `\b(het kabinet|het rijk|de provincie|de gemeente|het college|nederland|de regering) (zal|zullen|gaat|werkt|zet)\b`).gated("zal", "zullen", "gaat", "werkt", "zet"),
		c(Commitment, 0.55, `^(\w+ ){0,3}(het kabinet|het rijk|de provincie|de gemeente|het college|de regering) \w+t\b`),
		c(Commitment, 0.65, `^(\w+ ){0,4}(we|wij) (zetten|werken|starten|onderzoeken|verkennen|hanteren|volgen|sluiten|versterken|geven|bundelen|bieden|nemen|maken|spreken|zorgen|ontwikkelen|besluiten|realiseren|stellen|bouwen)\b`).gated("we", "wij"),
		c(Commitment, 0.65, `\b(verkennen|onderzoeken|geven|spreken|starten) (we|wij)\b`).gated("we", "wij"),
		c(Commitment, 0.6, `\bkomt er\b|\bwordt (\w+ ){1,6}verhoogd\b`),
		c(Commitment, 0.45, `\b(zal|zullen)\b`).gated("zal", "zullen"),
		c(Commitment, 0.6, `\b(zal|zullen) (het|de) [a-z]+\b|^(\w+ ){0,2}(het|de) [a-z]+ (zal|zullen)\b`).gated("zal", "zullen"),
		c(Commitment, 0.8, `\b(het kabinet|we|wij|ik) (wil|willen) (\w+ ){0,6}(vragen|samenwerken|verkennen|onderzoeken|bespreken|agenderen)\b`),
		c(Commitment, 0.55, `\b(wordt|worden) (\w+ ){0,6}(gestart|opgezet|ingericht|uitgewerkt|opgesteld|ontwikkeld|verkend|bepaald|gerealiseerd|ingezet|uitgebreid)\b`),
		c(Commitment, 0.55, `\b(de komende (periode|maanden|jaren|tijd)|in 20[2-9]\d|vanaf nu) (wordt|worden|zal|zullen|gaat|gaan)\b`),
		c(Goal, 0.75, `\b(we|wij|het kabinet|nederland) (willen|wil)\b`).gated("willen", "wil"),
		c(Goal, 0.8, `\b(streven|streeft|streven we|gestreefd) naar\b|\bhet streven\b|\bstreeft ernaar\b`),
		c(Goal, 0.75, `\b(doel|doelstelling) (is|was)\b|\bhet (uiteindelijke |richtinggevende )?doel\b|\bals (\w+ )?doel\b`).gated("doel", "doelstelling"),
		c(Goal, 0.6, `\b(ambitie|ambities)\b`),
		c(Goal, 0.7, `\b(beoogt|beogen)\b|\bernaar (te )?streven\b|\bde bedoel\w* is\b|\bis (het )?de bedoel\w* dat\b`),
		c(Goal, 0.7, `\bdoel (\w+ ){1,2}(is|was)\b|\bmet als doel\b`),
		c(Goal, 0.45, `\b(gericht op|zodat)\b`),
		c(Goal, 0.55, `\b(draagt|dragen|draag) (\w+ ){0,3}bij aan\b|\bbijdragen aan\b`),
		c(Goal, 0.5, `^het (\w+ ){0,3}(beperken|verminderen|verbeteren|versterken|vergroten|verlagen|voorkomen|stimuleren|bevorderen|behouden) van\b`),
		c(Goal, 0.55, `^(in|uiterlijk in|voor|vanaf) 20[2-9]\d\b|\b(in|uiterlijk|voor) 20[3-9]0\b[^.]*\b(moet|is|zijn)\b`),
		c(Goal, 0.5, `\b(in|uiterlijk|voor) 20[3-9]\d\b`),
		c(Goal, 0.6, `\b(\w+-?vrije?|klimaatneutra\w*|emissieloze?|circulaire?|klimaatbestendige?|duurzame?)\b.*\b(in|uiterlijk|voor) 20[2-9]\d\b`),
		c(Conclusion, 0.85, `\b(concludeert|concluderen|concludeer|conclusie)\b|\bgeconcludeerd\b`),
		c(Conclusion, 0.85, `\buit (het|dit|ons) (onderzoek|rapport|analyse) (blijkt|bleek)\b`),
		c(Conclusion, 0.65, `\b(blijkt|bleek|gebleken)\b`),
		c(Conclusion, 0.75, `\b(constateert|constateren|constateer)\b`),
		c(Conclusion, 0.6, `^(constaterende|overwegende) dat\b`),
		c(Conclusion, 0.65, `\b(laat|laten) zien dat\b`),
		c(Conclusion, 0.55, `\bis (niet )?(houdbaar|langer vanzelfsprekend)\b|\b(hard|dringend) nodig\b`),
		c(Conclusion, 0.4, `\bnodig\b`),
		c(Conclusion, 0.65, `\b(merkt|merken) (\w+ ){0,3}op\b|\b(leert|geleerd) (\w+ )?dat\b|\bis (het )?duidelijk dat\b`),
		c(Conclusion, 0.6, `\b(is|zijn) (het |nog |er )?(niet|onvoldoende) (duidelijk|bekend)\b|\bvolgt niet duidelijk\b|\b(onduidelijk|onbekend|onmogelijk)\b`),
		c(Conclusion, 0.65, `\b(loop|loopt|lopen) (je |we |u )?(het )?risico\b`),
		c(Conclusion, 0.45, `\b(risico|gevaar|gevaren) (op|van|voor|met zich)\b|\bleidt tot\b`),
		c(Conclusion, 0.55, `\b(is|zijn) (er )?(meer|extra|nog) (\w+ )?nodig\b|\bkomen we er niet\b|\bgeen aanleiding\b`),
		c(Conclusion, 0.5, `\b(is|zijn) (\w+ ){0,3}(passend|aanvaardbaar|inpasbaar|in overeenstemming met)\b|\bpast (\w+ ){0,3}binnen\b`),
		c(Position, 0.75, `\bvolgens (\w+ ){1,4}(moet|moeten|is|zijn)\b|\bvolgens (hen|hem|haar)\b`),
		c(Position, 0.75, `\b(vindt|vinden|vond) dat\b|\bis van mening\b|\bmeent dat\b`).gated("vindt", "vinden", "vond", "mening", "meent"),
		c(Position, 0.65, `\b(geeft|geven) aan dat\b|\b(benadrukt|benadrukken)\b`),
		c(Position, 0.6, `\bis (het |zelfs )?(belangrijk|essentieel|cruciaal|noodzakelijk|van (groot )?belang)\b|\bvraagt (om )?een\b|\b(zijn|is) (\w+ ){1,6}(belangrijk|essentieel|cruciaal)\b`),
		c(Position, 0.6, `\b(mag|mogen) (\w+ ){0,3}niet\b`),
		c(Position, 0.55, `\b(is|zijn) (\w+ ){0,8}(noodzakelijk|vereist|onontbeerlijk|onmisbaar)\b|\bligt (\w+ ){0,6}voor de hand\b|\bhet is denkbaar\b`),
		c(Position, 0.75, `\b(moeten|moet) we\b|\bwe (moeten|moet)\b`).gated("we"),
		c(Position, 0.55, `^niet [a-z]+en\b`),
		c(Position, 0.6, `\bis (\w+ ){0,4}het uitgangspunt\b|\b(een )?(belangrijke|grote) stap\b`),
		c(Position, 0.8, `\b(verwelkomt|verwelkomen|steunt|steunen|onderschrijft|onderschrijven|waardeert|betreurt|is (\w+ )?(positief|kritisch|voorstander|tegenstander))\b`),
		c(Position, 0.7, `\boordeel\b.*\b(positief|negatief)\b|\bvolgens (het kabinet|de regering|ons|mij)\b|\bvindt het (\w+ )?(belangrijk|noodzakelijk|wenselijk)\b`),
		c(Position, 0.55, `\bvan (groot |wezenlijk |essentieel )?belang\b|\b(belangrijk|essentieel|noodzakelijk|cruciaal) (dat|om)\b|\bis (\w+ )?(alleen )?mogelijk als\b|\bis (\w+ ){0,5}(noodzakelijk|onmisbaar)\b|\bde taak van\b|\b(een rol en )?verantwoordelijkheid\b`),
	},
	"en": {
		c(Recommendation, 0.85, `\b(we|i) recommend\b|\bit is recommended\b|\brecommend(s|ed)?\b`),
		c(Recommendation, 0.75, `\b(called|calls|call) on\b|\burges?\b`),
		c(Recommendation, 0.65, `\b(should|must|ought to)\b`),
		c(Recommendation, 0.65, `\b(proposes|propose|it is proposed)\b`),
		c(Recommendation, 0.55, `\bneeds? to\b|\b(is|are) required to\b|\bthere is a need\b|\baction is required\b`),
		c(Commitment, 0.8, `\b(we|i) (will|shall|are committed to|commit to)\b|\bcommits? to\b`),
		c(Commitment, 0.7, `\b(the commission|the government|this proposal|the council) (will|puts|sets|establishes|adopts|introduces)\b`),
		c(Goal, 0.75, `\baims? to\b|\bour ambition\b|\b(objective|goal|vision|target) (of|is|to)\b|\blong-term vision\b`),
		c(Goal, 0.6, `\bto achieve\b`),
		c(Goal, 0.5, `\bby 20[2-9]\d\b`),
		c(Conclusion, 0.85, `\b(we|it) conclude[sd]?\b|\bconclusion\b`),
		c(Conclusion, 0.65, `\b(shows?|indicates?|demonstrates?|found) that\b|\bevidence\b`),
		c(Conclusion, 0.6, `\bthere is (currently )?a lack\b|\bgaps remain\b`),
		c(Position, 0.75, `\baccording to\b|\b(believes?|considers?|stated|states) that\b`),
		c(Position, 0.6, `\b(is|are) (essential|vital|key)\b|\bsupported the\b`),
	},
}

// dampers are per language the signs of history or background (back) and
// of looking ahead (ahead), which cancels the damping.
var dampers = map[string]struct{ back, ahead *regexp.Regexp }{
	"nl": {
		back:  regexp.MustCompile(`\b(werd|werden|was|waren)\b|\b(in|sinds) (19|20)\d\d (is|zijn|heeft|hebben)\b|\b(heeft|hebben) (\w+ ){0,6}(ge\w+en|\w*ge\w+[dt])\b|\bzou(den)? (\w+ )?kunnen\b|\bwellicht\b`),
		ahead: regexp.MustCompile(`\b(zal|zullen|gaat|gaan|willen|wil|streven)\b`),
	},
	"en": {
		back:  regexp.MustCompile(`\b(was|were|had been)\b|\b(has|have) been\b`),
		ahead: regexp.MustCompile(`\b(will|shall|aims?)\b`),
	},
}

// sectionKinds map words in a heading or lead-in to the kind of what
// follows it: "Aanbevelingen", "Conclusies", "Doelen", "Key findings".
var sectionKinds = []cue{
	c(Recommendation, 0.6, `\b(\w*aanbeveling(en)?|\w*advies|\w*adviezen|recommendations?|wij adviseren|we recommend)\b`),
	c(Conclusion, 0.55, `\b(\w*conclusies?|bevindingen|conclusions?|findings)\b`),
	c(Goal, 0.55, `\b(\w*doelen|\w*doelstellingen|ambities?|objectives?|goals?)\b`),
	c(Commitment, 0.5, `\b(\w*maatregelen|\w*acties|actiepunten|\w*agenda|measures|actions)\b`),
}

// imperatives are verbs that start a recommendation as a bare command
// ("Zorg dat ...", "Investeer in ...", "Ensure ..."), in normalised form.
var imperatives = map[string]map[string]bool{
	"nl": setOf(`zorg maak investeer stel ontwikkel versterk geef zet bouw neem richt kies voer breng leg
		start betrek houd benut beperk verbeter stimuleer creeer bied verken onderzoek help vergroot
		verminder verlaag verhoog faciliteer ondersteun organiseer reserveer bescherm veranker borg regel
		werk gebruik pas benoem formuleer maak schep verplicht verbied beloon koppel let vraag blijf denk
		controleer evalueer test check begrijp beoordeel communiceer documenteer publiceer deel draag
		review monitor volg reageer kijk probeer schrijf vermijd bekijk zoek doe wees plan bepaal
		overweeg weeg vul beschrijf hanteer informeer toets betrek creeer definieer patch scan
		alloceer investeer streef voorkom`),
	"en": setOf(`ensure make invest develop establish strengthen create provide set build adopt introduce
		support promote reduce increase improve use consider review give put take design align expand
		prioritise prioritize require prohibit fund monitor`),
}

func setOf(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range regexp.MustCompile(`\s+`).Split(words, -1) {
		if w != "" {
			m[w] = true
		}
	}
	return m
}
