package rules

import "strings"

// actingSubjects are the subjects whose plain present tense states what a
// government or organisation does: "Het kabinet versterkt …", "Ook
// verdubbelt Nederland …". "We" is left out: letters use it as often to
// describe ("We halen ons drinkwater uit de bodem"), and the cue table
// names the verbs with which "we" commits.
var actingSubjects = []string{
	"het kabinet", "het rijk", "de regering", "de minister", "de provincie", "de gemeente",
	"het college", "gedeputeerde staten", "nederland",
}

// notAction are finite verbs that do not state an action: copulas,
// auxiliaries and verbs of thinking or seeing, which other cues weigh.
var notAction = setOf(`is zijn was waren wordt worden werd werden heeft hebben had hadden kan kunnen
	mag mogen moet moeten zou zouden zal zullen gaat gaan wil willen vindt vinden ziet zien weet weten
	kent kennen lijkt lijken blijft blijven staat staan merkt merken beoogt beogen verwacht verwachten
	hoopt hopen verwelkomt steunt onderschrijft waardeert betreurt constateert constateren concludeert concluderen deelt delen acht achten meent menen
	dat die dit het een de en of als om te met op in aan voor niet ook nog al uit tot want omdat
	wat slechts juist eerst zelfs vooral meest heel echt`)

// isActionVerb reports whether w looks like a finite present-tense verb of
// action after or before a singular subject: it ends in "-t".
func isActionVerb(w string) bool {
	return len(w) >= 4 && !notAction[w] && strings.HasSuffix(w, "t") && !strings.HasSuffix(w, "heid")
}

// statesAction reports whether a Dutch unit has an acting subject with a
// finite action verb right after it ("het kabinet versterkt") or right
// before it, as in inverted order ("Ook verdubbelt Nederland", "volgen we").
func statesAction(text string) bool {
	words := strings.Fields(strings.Map(keepWordRune, text))
	for i := range words {
		for _, s := range subjectWords {
			if n, ok := subjectAt(words, i, s); ok && verbBesides(words, i, n) {
				return true
			}
		}
	}
	return false
}

// subjectWords are the acting subjects split into words once, since
// statesAction tries each of them at every word of every unit.
var subjectWords = func() [][]string {
	out := make([][]string, len(actingSubjects))
	for i, s := range actingSubjects {
		out[i] = strings.Fields(s)
	}
	return out
}()

// subjectAt reports whether the subject's words start at words[i], and
// how many they are.
func subjectAt(words []string, i int, parts []string) (int, bool) {
	if i+len(parts) > len(words) {
		return 0, false
	}
	for j, p := range parts {
		if words[i+j] != p {
			return 0, false
		}
	}
	return len(parts), true
}

// verbBesides checks the word after the subject (words[i:i+n]) and the word
// before it for an action verb.
func verbBesides(words []string, i, n int) bool {
	return i+n < len(words) && isActionVerb(words[i+n]) || i > 0 && isActionVerb(words[i-1])
}

// keepWordRune keeps letters, digits and hyphens, and makes the rest a space.
func keepWordRune(r rune) rune {
	if r == '-' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0x80 {
		return r
	}
	return ' '
}
