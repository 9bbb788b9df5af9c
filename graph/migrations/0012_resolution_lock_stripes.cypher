// The resolution lock becomes striped: streaming chunks each hold one stripe and run side by side,
// while rebuild, erasure and the retention purge hold them all. Stripes are merged on first use, so
// their id must be unique for two first users to meet on the same node. Concurrent first uses of the
// former single lock could have left duplicates; they carry nothing and go first.
MATCH (l:ResolutionLock)
WITH l.id AS id, collect(l) AS locks
WHERE size(locks) > 1
UNWIND tail(locks) AS duplicate
DELETE duplicate;
CREATE CONSTRAINT resolution_lock_id IF NOT EXISTS FOR (l:ResolutionLock) REQUIRE l.id IS UNIQUE;
