package neo4jstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Search queries the Dutch and the English full-text indexes, over the
// items' own texts and over their translations, and merges the hits,
// keeping each node's best score, best first. The text is taken as words,
// not as Lucene syntax, so user input cannot break the query.
func (s *Store) Search(ctx context.Context, text string, kinds []rodedraad.Label, limit int) ([]rodedraad.Hit, error) {
	query := luceneTerms(text)
	if query == "" {
		return nil, rodedraad.Errorf(rodedraad.EINVALID, "text is empty: give one or more words to search for")
	}
	if err := checkSearchText(text); err != nil {
		return nil, err
	}
	labels := make([]string, 0, len(kinds))
	for _, k := range kinds {
		if err := checkLabel(k); err != nil {
			return nil, err
		}
		labels = append(labels, string(k))
	}
	return readOnce(ctx, s, func(tx neo4j.ManagedTransaction) ([]rodedraad.Hit, error) {
		res, err := tx.Run(ctx, `
			CALL () {
				CALL db.index.fulltext.queryNodes('entity_text_nl', $q) YIELD node, score RETURN node, score
				UNION ALL
				CALL db.index.fulltext.queryNodes('entity_text_en', $q) YIELD node, score RETURN node, score
				UNION ALL
				CALL db.index.fulltext.queryNodes('translation_text_nl', $q) YIELD node, score RETURN node, score
				UNION ALL
				CALL db.index.fulltext.queryNodes('translation_text_en', $q) YIELD node, score RETURN node, score
			}
			WITH node, max(score) AS score
			WHERE size($labels) = 0 OR any(l IN labels(node) WHERE l IN $labels)
			RETURN node, score ORDER BY score DESC, node.id LIMIT $limit`,
			map[string]any{"q": query, "labels": labels, "limit": limit})
		if err != nil {
			return nil, err
		}
		var hits []rodedraad.Hit
		for res.Next(ctx) {
			n, _, err := neo4j.GetRecordValue[dbtype.Node](res.Record(), "node")
			if err != nil {
				return nil, err
			}
			score, _, _ := neo4j.GetRecordValue[float64](res.Record(), "score")
			hits = append(hits, rodedraad.Hit{Node: nodeFrom(n), Score: score})
		}
		return hits, res.Err()
	})
}

// luceneTerms turns free text into OR-ed, escaped terms, with a prefix
// wildcard on the last word so that search-as-you-type finds "waterst*".
// Terms are lower-cased: the analysers lower-case the indexed text anyway,
// and Lucene reads an upper-case AND, OR or NOT as an operator, which alone
// or at either end of the text is a syntax error.
func luceneTerms(text string) string {
	words := searchWords(text)
	var terms []string
	for _, w := range words {
		w = strings.Trim(w, "-'")
		if w == "" {
			continue
		}
		terms = append(terms, escapeLucene(strings.ToLower(w)))
	}
	if len(terms) == 0 {
		return ""
	}
	last := terms[len(terms)-1]
	terms[len(terms)-1] = fmt.Sprintf("(%s OR %s*)", last, last)
	return strings.Join(terms, " ")
}

func escapeLucene(w string) string {
	var b strings.Builder
	for _, r := range w {
		if strings.ContainsRune(`+-&|!(){}[]^"~*?:\/'`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// searchWords splits free text into the words luceneTerms searches for.
func searchWords(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool {
		return !(r == '-' || r == '\'' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127)
	})
}
