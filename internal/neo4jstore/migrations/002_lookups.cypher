// Lookups that filters and keyset paging use.
CREATE INDEX recommendation_kind IF NOT EXISTS FOR (n:Recommendation) ON (n.kind);
CREATE INDEX entity_status IF NOT EXISTS FOR (n:Entity) ON (n.status);
CREATE INDEX actor_sector IF NOT EXISTS FOR (n:Actor) ON (n.sector);
CREATE INDEX document_year IF NOT EXISTS FOR (n:Document) ON (n.year);
