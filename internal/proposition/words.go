package proposition

// words holds every fixed text of the draft in Dutch and English, by key:
// Dutch first, since the study team and the councils read Dutch.
var words = map[string][2]string{
	"title": {"Gedeelde propositie — concept", "Shared proposition — draft"},
	"intro": {"Dit concept is gemaakt uit grafiekversie %d van rodedraad. Elke uitspraak verwijst naar de aanbevelingen (R…) of conflicten (C…) waarop zij rust, en via hen naar de documenten met titel, jaar en bron. Het is een startpunt voor het studieteam, geen besluit.",
		"This draft was made from graph version %d of rodedraad. Every statement cites the recommendations (R…) or conflicts (C…) it rests on, and through them the documents with title, year and source. It is a starting point for the study team, not a decision."},
	"overall":    {"Over alle thema's", "Across all themes"},
	"summary":    {"Kern", "In short"},
	"red":        {"De rode draad", "The red thread"},
	"red.none":   {"Nog geen cluster heeft brede steun uit meerdere sectoren zonder zwaar conflict; dit zijn de best gesteunde vragen:", "No cluster has broad support from several sectors without a severe conflict yet; these are the best-supported asks:"},
	"choices":    {"Te maken keuzes", "Choices to make"},
	"gaps":       {"Lacunes", "Gaps"},
	"actors":     {"Wie moet handelen", "Who must act"},
	"scenarios":  {"Scenario's waar dit in past", "Scenarios this fits"},
	"changes":    {"Wat is veranderd sinds versie %d", "What changed since version %d"},
	"sources":    {"Bronnen", "Sources"},
	"dropped":    {"Weggelaten zinnen van het taalmodel", "Sentences of the language model left out"},
	"none":       {"Niets gevonden.", "Nothing found."},
	"notes":      {"Verwijzingen", "Citations"},
	"seeSources": {"titels en bronnen onder Bronnen", "titles and URLs under Sources"},
	"h.ask":      {"vraag", "ask"},
	"h.members":  {"formuleringen", "wordings"},
	"h.backers":  {"gesteund door", "backed by"},
	"h.support":  {"steun", "support"},
	"support":    {"%s; GAC %.2f; %d echo-documenten", "%s; GAC %.2f; %d echo documents"},
	"h.conflict": {"conflict", "conflict"},
	"h.sideA":    {"kant A", "side A"},
	"h.sideB":    {"kant B", "side B"},
	"h.state":    {"status", "status"},
	"h.doc":      {"document", "document"},
	"h.year":     {"jaar", "year"},
	"h.url":      {"bron", "source"},

	"s.theme": {"%s: %d vragen dragen de rode draad, %d keuzes staan open, %d lacunes.", "%s: %d asks carry the red thread, %d choices are open, %d gaps."},
	"s.all":   {"Over alle thema's dragen %d vragen de rode draad; %d van %d conflicten staan open.", "Across all themes %d asks carry the red thread; %d of %d conflicts are open."},
	"thread":  {"%s — %d formulering(en) in %d document(en), gesteund vanuit %s (GAC %.2f).", "%s — %d wording(s) in %d document(s), backed from %s (GAC %.2f)."},
	"choice":  {"%s (%s): kant A (%s) tegenover kant B (%s); ernst %d.", "%s (%s): side A (%s) against side B (%s); severity %d."},
	"decided": {"Besluit van het team: %s", "The team's decision: %s"},
	"because": {"Motivering: %s", "Rationale: %s"},
	"nobody":  {"niemand", "nobody"},

	"g.EMPTY":              {"Geen enkele aanbeveling gaat over dit thema.", "No recommendation addresses this theme."},
	"g.THIN":               {"Dun: maar %d aanbevelingen gaan over dit thema.", "Thin: only %d recommendations address this theme."},
	"g.SINGLE_PERSPECTIVE": {"Eén perspectief: gesteund vanuit hoogstens één sector.", "Single perspective: backed from at most one sector."},
	"g.NO_OWNER":           {"Niemand is aan zet: geen aanbeveling heeft een eigenaar.", "Nobody must act: no recommendation has an owner."},
	"g.unheard":            {"Niet gehoord: %s steunt hier niets.", "Not heard: %s backs nothing here."},
	"g.frame":              {"%s, buiten het kader van de studie, botst %d keer met dit thema.", "%s, outside the study's frame, clashes with this theme %d times."},
	"g.frameAll":           {"%s, buiten het kader van de studie, zit in %d tegenstrijdigheden (ernst %d).", "%s, outside the study's frame, is in %d contradictions (severity %d)."},
	"g.owner":              {"%d aanbevelingen zonder eigenaar.", "%d recommendations without an owner."},
	"actor":                {"%s (%s): aan zet voor %d aanbeveling(en).", "%s (%s): must act on %d recommendation(s)."},
	"scenario":             {"%s: %d aanbeveling(en) van dit thema passen erin.", "%s: %d recommendation(s) of this theme fit it."},

	"c.added":            {"Nieuw in de rode draad: %s.", "New in the red thread: %s."},
	"c.removed":          {"Niet meer in de rode draad: %s.", "No longer in the red thread: %s."},
	"c.grew":             {"%s bundelt nu ook %s.", "%s now also gathers %s."},
	"c.state":            {"Conflict %s: %s → %s.", "Conflict %s: %s → %s."},
	"c.none":             {"Geen verschil in rode draad of conflicten.", "No difference in red thread or conflicts."},
	"c.unknown":          {"Versie %d is onbekend: van die versie is geen concept bewaard.", "Version %d is unknown: no draft of that version was kept."},
	"OPEN":               {"open", "open"},
	"RESOLVED":           {"opgelost", "resolved"},
	"NOT_A_CONFLICT":     {"geen conflict", "not a conflict"},
	"ACCEPTED_TRADE_OFF": {"geaccepteerde afweging", "accepted trade-off"},
	"PUBLIC":             {"overheid", "public"},
	"PRIVATE":            {"bedrijfsleven", "private"},
	"KNOWLEDGE":          {"kennisinstellingen", "knowledge"},
	"CIVIL":              {"maatschappelijke organisaties", "civil society"},
}

// w returns the text of key in lang (nl or en); the key itself when unknown.
func w(lang, key string) string {
	v, ok := words[key]
	if !ok {
		return key
	}
	if lang == "en" {
		return v[1]
	}
	return v[0]
}
