// Why these records are one person, for data-quality review: each record's link and evidence, the
// review-band matches touching the person, its ranked contact points and superseded numbers. The
// contact values are the only identifiers returned (the caller masks them); names, national ids
// and third parties' numbers are never read.
MATCH (p:Person {id: $personId})
CALL (p) {
  MATCH (r:Record)-[l:RESOLVES_TO]->(p)
  WITH r, l ORDER BY r.key
  RETURN collect({key: r.key, sourceId: r.sourceId, sourceRecordId: r.sourceRecordId, viaRecordKey: l.viaRecordKey,
                  score: l.score, evidenceJson: l.evidenceJson, ruleSetVersion: l.ruleSetVersion,
                  decidedAt: toString(l.decidedAt)}) AS records
}
// A possible match points from one record to the other record's person; either end may be ours.
CALL (p) {
  CALL (p) {
    MATCH (r:Record)-[m:POSSIBLE_MATCH]->(p)
    RETURN m.otherRecordKey AS recordKey, r.key AS otherRecordKey,
           COLLECT { MATCH (r)-[:RESOLVES_TO]->(q:Person) RETURN q.id }[0] AS otherPersonId, m
    UNION
    MATCH (r:Record)-[:RESOLVES_TO]->(p), (r)-[m:POSSIBLE_MATCH]->(q:Person)
    RETURN r.key AS recordKey, m.otherRecordKey AS otherRecordKey, q.id AS otherPersonId, m
  }
  WITH recordKey, otherRecordKey, otherPersonId, m ORDER BY m.score DESC, recordKey, otherRecordKey
  RETURN collect({recordKey: recordKey, otherRecordKey: otherRecordKey, otherPersonId: otherPersonId, score: m.score,
                  evidenceJson: m.evidenceJson, ruleSetVersion: m.ruleSetVersion,
                  decidedAt: toString(m.decidedAt)}) AS possibleMatches
}
CALL (p) {
  MATCH (p)-[c:HAS_CONTACT]->(x)
  WHERE x:Phone OR x:Email
  WITH c, x ORDER BY c.rank
  RETURN collect({kind: CASE WHEN x:Phone THEN 'phone' ELSE 'email' END, value: coalesce(x.e164, x.address),
                  rank: c.rank, score: c.score, status: c.status, reachable: c.reachable, sources: c.sources,
                  corroboration: c.corroboration, verified: c.verified, firstSeenAt: c.firstSeenAt,
                  lastSeenAt: c.lastSeenAt}) AS contacts
}
RETURN p.id AS personId, p.reachability AS reachability, toString(p.contactsRefreshedAt) AS contactsRefreshedAt, records, possibleMatches, contacts,
       COLLECT { MATCH (p)-[:BEST_CONTACT]->(b:Phone) RETURN b.e164 }[0] AS bestContact,
       COLLECT { MATCH (p)-[:SUPERSEDED]->(s:Phone) RETURN s.e164 ORDER BY s.e164 } AS superseded
