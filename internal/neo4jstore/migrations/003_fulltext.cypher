// Full-text search over every kind, once with the Dutch and once with the
// English analyser: the corpus mixes both languages. IF NOT EXISTS also skips
// an index with the same schema under another name, so the English one
// covers the id as well, which keeps the two schemas apart.
CREATE FULLTEXT INDEX entity_text_nl IF NOT EXISTS FOR (n:Recommendation|Document|Actor|Theme|Scenario) ON EACH [n.title, n.name, n.text, n.summary, n.description, n.finding, n.aliasesText] OPTIONS {indexConfig: {`fulltext.analyzer`: 'dutch'}};
CREATE FULLTEXT INDEX entity_text_en IF NOT EXISTS FOR (n:Recommendation|Document|Actor|Theme|Scenario) ON EACH [n.title, n.name, n.text, n.summary, n.description, n.finding, n.aliasesText, n.id] OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
