// An id index per kind, beside the unique one on :Entity: a page ordered by
// id walks it in order and stops after the page, instead of sorting every
// node of the kind.
CREATE INDEX recommendation_id IF NOT EXISTS FOR (n:Recommendation) ON (n.id);
CREATE INDEX document_id IF NOT EXISTS FOR (n:Document) ON (n.id);
CREATE INDEX actor_id IF NOT EXISTS FOR (n:Actor) ON (n.id);
CREATE INDEX theme_id IF NOT EXISTS FOR (n:Theme) ON (n.id);
CREATE INDEX scenario_id IF NOT EXISTS FOR (n:Scenario) ON (n.id);
CREATE INDEX conflict_id IF NOT EXISTS FOR (n:Conflict) ON (n.id);
