package neo4jstore

import (
	"strings"
	"unicode/utf8"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Search text limits. Lucene refuses more than 1,024 clauses (each word is
// one in each of two indexes, the last one two) and words whose automaton
// grows too large; both are the client's fault, not the server's.
const (
	maxSearchWords   = 64
	maxSearchWordLen = 100
)

// checkSearchText refuses search texts Lucene cannot run, naming the limit:
// BAD_USER_INPUT.
func checkSearchText(text string) error {
	words := searchWords(text)
	if len(words) > maxSearchWords {
		return rodedraad.Errorf(rodedraad.EINVALID, "text has %d words: search with at most %d", len(words), maxSearchWords)
	}
	for _, w := range words {
		if n := utf8.RuneCountInString(w); n > maxSearchWordLen {
			return rodedraad.Errorf(rodedraad.EINVALID, "text has a word of %d letters: words may have at most %d", n, maxSearchWordLen)
		}
	}
	return nil
}

// isFulltextFault reports whether Neo4j refused a full-text query for its
// text (too many clauses, a term too long): a client fault.
func isFulltextFault(ne *neo4j.Neo4jError) bool {
	if !strings.HasPrefix(ne.Code, "Neo.ClientError.") {
		return false
	}
	return strings.Contains(ne.Msg, "fulltext") && (strings.Contains(ne.Msg, "TooManyClauses") ||
		strings.Contains(ne.Msg, "too large") || strings.Contains(ne.Msg, "ParseException"))
}
