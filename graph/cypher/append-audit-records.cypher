// One group commit: the sealed records and the new head, in the transaction that holds the head's lock.
UNWIND $records AS r
CREATE (a:AuditRecord)
SET a = r, a.seq = toInteger(r.seq)
WITH count(a) AS written
MATCH (h:AuditHead {chain: $chain})
SET h.seq = toInteger($seq), h.hash = $hash, h.at = $at
RETURN written
