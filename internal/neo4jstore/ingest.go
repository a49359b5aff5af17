package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// DocumentVersions returns the documents ingested from a file with this
// content hash or read from this path, or whose id is id or a version of it
// (id.v2, ...), oldest version first: what ingest needs to tell a
// re-ingest from a new version.
func (s *Store) DocumentVersions(ctx context.Context, sha256, path, id string) ([]*rodedraad.Document, error) {
	return readOnce(ctx, s, func(tx neo4j.ManagedTransaction) ([]*rodedraad.Document, error) {
		res, err := tx.Run(ctx, `
			CALL () {
				MATCH (d:Document {sha256: $sha}) RETURN d
				UNION
				MATCH (d:Document {path: $path}) RETURN d
				UNION
				MATCH (d:Entity {id: $id}) WHERE d:Document RETURN d
				UNION
				MATCH (d:Document) WHERE d.id STARTS WITH $id + '.v' RETURN d
			}
			RETURN d ORDER BY coalesce(d.version, 1), d.id`,
			map[string]any{"sha": sha256, "path": path, "id": id})
		if err != nil {
			return nil, err
		}
		var out []*rodedraad.Document
		for res.Next(ctx) {
			n, _, err := neo4j.GetRecordValue[dbtype.Node](res.Record(), "d")
			if err != nil {
				return nil, err
			}
			if d, ok := nodeFrom(n).(*rodedraad.Document); ok {
				out = append(out, d)
			}
		}
		return out, res.Err()
	})
}

// Quotes returns the source quotes of the recommendations a document
// contains, keyed by recommendation id: what a new version of the document
// is compared with.
func (s *Store) Quotes(ctx context.Context, document string) (map[string]string, error) {
	return readOnce(ctx, s, func(tx neo4j.ManagedTransaction) (map[string]string, error) {
		res, err := tx.Run(ctx, `MATCH (:Document {id: $doc})-[:CONTAINS]->(r:Recommendation)
			RETURN r.id AS id, coalesce(r.sourceQuote, r.text) AS quote`, map[string]any{"doc": document})
		if err != nil {
			return nil, err
		}
		out := map[string]string{}
		for res.Next(ctx) {
			rec := res.Record()
			id, _, _ := neo4j.GetRecordValue[string](rec, "id")
			q, _, _ := neo4j.GetRecordValue[string](rec, "quote")
			out[id] = q
		}
		return out, res.Err()
	})
}

// SearchPassages searches the text of ingested documents with the Dutch and
// the English analyser, best first. BAD_USER_INPUT when text has no words.
func (s *Store) SearchPassages(ctx context.Context, text string, limit int) ([]rodedraad.PassageHit, error) {
	query := luceneTerms(text)
	if query == "" {
		return nil, rodedraad.Errorf(rodedraad.EINVALID, "text is empty: give one or more words to search for")
	}
	if err := checkSearchText(text); err != nil {
		return nil, err
	}
	return readOnce(ctx, s, func(tx neo4j.ManagedTransaction) ([]rodedraad.PassageHit, error) {
		res, err := tx.Run(ctx, `
			CALL () {
				CALL db.index.fulltext.queryNodes('passage_text_nl', $q) YIELD node, score RETURN node, score
				UNION ALL
				CALL db.index.fulltext.queryNodes('passage_text_en', $q) YIELD node, score RETURN node, score
			}
			WITH node, max(score) AS score
			RETURN node, score ORDER BY score DESC, node.id LIMIT $limit`,
			map[string]any{"q": query, "limit": limit})
		if err != nil {
			return nil, err
		}
		var hits []rodedraad.PassageHit
		for res.Next(ctx) {
			n, _, err := neo4j.GetRecordValue[dbtype.Node](res.Record(), "node")
			if err != nil {
				return nil, err
			}
			score, _, _ := neo4j.GetRecordValue[float64](res.Record(), "score")
			hits = append(hits, rodedraad.PassageHit{Passage: passageFrom(n), Score: score})
		}
		return hits, res.Err()
	})
}

// Passages returns the passages of each document in text order, all of
// them or those of one page (page > 0), at most limit per document, in one
// statement: a list of documents asks for them all at once.
func (s *Store) Passages(ctx context.Context, documents []string, page, limit int) (map[string][]rodedraad.Passage, error) {
	return readOnce(ctx, s, func(tx neo4j.ManagedTransaction) (map[string][]rodedraad.Passage, error) {
		recs, err := records(ctx, tx, `UNWIND $docs AS doc
			CALL (doc) {
				MATCH (p:Passage {document: doc}) WHERE $page = 0 OR p.page = $page
				RETURN p ORDER BY p.start LIMIT $limit
			}
			RETURN doc, collect(p) AS ps`,
			map[string]any{"docs": documents, "page": page, "limit": limit})
		if err != nil {
			return nil, err
		}
		out := make(map[string][]rodedraad.Passage, len(recs))
		for _, r := range recs {
			doc, _, _ := neo4j.GetRecordValue[string](r, "doc")
			ps, _, _ := neo4j.GetRecordValue[[]any](r, "ps")
			for _, p := range ps {
				out[doc] = append(out[doc], passageFrom(p.(dbtype.Node)))
			}
		}
		return out, nil
	})
}
