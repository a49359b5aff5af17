// Translations: every recommendation carries its title and text in the other
// language beside its own (translationTitle, translationText), and conflicts
// their topic and summary. The Dutch analyser reads the Dutch renderings, so
// that "woningbouw" or "fijnstof" find items whose own text is English; the
// English index also covers the conflicts' own topic and summary, which keeps
// the two schemas apart.
CREATE FULLTEXT INDEX translation_text_nl IF NOT EXISTS FOR (n:Recommendation|Conflict) ON EACH [n.translationTitle, n.translationText] OPTIONS {indexConfig: {`fulltext.analyzer`: 'dutch'}};
CREATE FULLTEXT INDEX translation_text_en IF NOT EXISTS FOR (n:Recommendation|Conflict) ON EACH [n.translationTitle, n.translationText, n.topic, n.summary] OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
