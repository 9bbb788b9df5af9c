// One group commit in one round trip, for records sealed onto the head this replica last wrote:
// takes the head's write lock as lock-audit-head does (a SET first, then reads), appends only if the
// head is still the expected one, and returns the head as it was. When another replica appended in
// between, nothing is written and the caller seals onto the returned head (which, inside a
// transaction, it now holds locked).
// The batch's own writes, when they can run inline (AuditedWrite.inline), are spliced in at the
// marker below, each as a subquery that runs only when the head was current; each adds its outputs
// as one more column.
MERGE (h:AuditHead {chain: $chain})
  ON CREATE SET h.seq = 0, h.hash = $genesis, h.at = ''
SET h.lockedAt = timestamp()
WITH h, h.seq = toInteger($expectedSeq) AND h.hash = $expectedHash AS current
WITH h, current, h.seq AS seq, h.hash AS hash, h.at AS at
FOREACH (r IN CASE WHEN current THEN $records ELSE [] END |
  CREATE (a:AuditRecord)
  SET a = r, a.seq = toInteger(r.seq))
FOREACH (_ IN CASE WHEN current THEN [1] ELSE [] END |
  SET h.seq = toInteger($seq), h.hash = $hash, h.at = $at)
WITH current, seq, hash, at
// @inline-writes
RETURN *
