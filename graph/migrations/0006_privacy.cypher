// Data-subject rights: erasure tombstones (keyed HMACs of erased record keys, nothing else), and the
// index the retention job seeks records past their source's retention period through.
CREATE CONSTRAINT erasure_tombstone_fingerprint IF NOT EXISTS FOR (t:ErasureTombstone) REQUIRE t.fingerprint IS UNIQUE;
CREATE INDEX record_source_observed IF NOT EXISTS FOR (r:Record) ON (r.sourceId, r.observedAtMs);
