// Every node carries :Entity, so node(id:) finds any kind through one index.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
// Bookkeeping: schema and graph versions live on one node each.
CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (m:RodedraadMeta) REQUIRE m.key IS UNIQUE;
