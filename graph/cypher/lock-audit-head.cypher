// Takes the chain head's write lock before its values are read (Neo4j's documented pattern: a SET
// first, then reads), so concurrent appends from any replica wait here and each sees the head the
// previous one committed. The (chain, seq) key constraint would refuse a fork if this ever failed.
MERGE (h:AuditHead {chain: $chain})
  ON CREATE SET h.seq = 0, h.hash = $genesis, h.at = ''
SET h.lockedAt = timestamp()
WITH h
RETURN h.seq AS seq, h.hash AS hash, h.at AS at
