// Resolution: persons, and the blocking keys that find candidate records through an index.
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (p:Person) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT block_key_value IF NOT EXISTS FOR (b:BlockKey) REQUIRE b.value IS UNIQUE;
// Records now remember their recent event ids themselves; the per-event ledger node is retired.
DROP CONSTRAINT applied_event_id IF EXISTS;
