// Passages: the text of ingested documents, paragraph by paragraph. They are
// not entities, so they carry their own key and never reach the analyses.
CREATE CONSTRAINT passage_id IF NOT EXISTS FOR (p:Passage) REQUIRE p.id IS UNIQUE;
CREATE INDEX passage_document IF NOT EXISTS FOR (p:Passage) ON (p.document, p.start);
// Ingest finds an earlier version of a file by its hash or its path.
CREATE INDEX document_sha256 IF NOT EXISTS FOR (d:Document) ON (d.sha256);
CREATE INDEX document_path IF NOT EXISTS FOR (d:Document) ON (d.path);
// Full-text search over passages with the Dutch and the English analyser; the
// English index also covers the document id so that the two schemas differ.
CREATE FULLTEXT INDEX passage_text_nl IF NOT EXISTS FOR (p:Passage) ON EACH [p.text] OPTIONS {indexConfig: {`fulltext.analyzer`: 'dutch'}};
CREATE FULLTEXT INDEX passage_text_en IF NOT EXISTS FOR (p:Passage) ON EACH [p.text, p.document] OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
