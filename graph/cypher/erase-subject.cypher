// What erasure changes beyond the records: cases keep the creditor's reference but lose the debtor's
// identifiers and the link, stored call decisions lose the numbers they connected, and a tombstone
// (a keyed HMAC per record key) remembers what ingest must not take in again.
MATCH (p:Person {id: $personId})
CALL (p) {
  OPTIONAL MATCH (c:Case)-[m:CONCERNS]->(p)
  SET c.erased = true, c.erasedAt = $now, c.debtorJson = null, c.matchState = 'erased', c.updatedAt = $now
  DELETE m
  RETURN count(c) AS cases
}
CALL () {
  MATCH (d:CallDecision {personId: $personId})
  SET d.to = null, d.fromNumber = null
  RETURN count(d) AS callDecisions
}
CALL () {
  UNWIND $tombstones AS t
  MERGE (x:ErasureTombstone {fingerprint: t.fingerprint})
  SET x.sourceId = t.sourceId, x.legalBasis = t.legalBasis, x.erasedAt = $now
  RETURN count(x) AS tombstones
}
RETURN cases, callDecisions, tombstones
