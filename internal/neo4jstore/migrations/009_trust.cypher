// The audit trail: one :Change per item a write changed. They are not
// entities, so the analyses never see them.
CREATE INDEX change_target IF NOT EXISTS FOR (c:Change) ON (c.target);
CREATE INDEX change_order IF NOT EXISTS FOR (c:Change) ON (c.version, c.seq);
CREATE INDEX change_actor IF NOT EXISTS FOR (c:Change) ON (c.actor);
// API tokens, kept as hashes of their secrets.
CREATE CONSTRAINT api_token_id IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT api_token_hash IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.hash IS UNIQUE;
// Idempotency keys of mutations, with the first answer.
CREATE CONSTRAINT idempotency_key IF NOT EXISTS FOR (k:IdempotencyKey) REQUIRE k.key IS UNIQUE;
