// Everything held about one person, for their subject access report: each record with the subject's
// own data (national ids as country and type only, third parties as counts by kind), the ranked
// contacts, the cases concerning them and their relay bindings. Never a fingerprint or a third
// party's number.
MATCH (p:Person {id: $personId})
CALL (p) {
  MATCH (r:Record)-[:RESOLVES_TO]->(p)
  WITH r ORDER BY r.key
  RETURN collect({
    key: r.key, sourceId: r.sourceId, sourceRecordId: r.sourceRecordId, legalBasis: r.legalBasis,
    observedAt: r.observedAt, retracted: coalesce(r.retracted, false), namesJson: r.namesJson,
    birthDate: r.birthDate, addressesJson: r.addressesJson, employer: r.employer,
    restrictions: coalesce(r.restrictions, []), restrictionDetailsJson: r.restrictionDetailsJson,
    phones: COLLECT { MATCH (r)-[h:HAS_PHONE]->(ph:Phone) RETURN {e164: ph.e164, status: h.status, lastSeenAt: h.lastSeenAt} ORDER BY ph.e164 },
    emails: COLLECT { MATCH (r)-[h:HAS_EMAIL]->(e:Email) RETURN {address: e.address, lastSeenAt: h.lastSeenAt, verified: h.verified} ORDER BY e.address },
    nationalIds: COLLECT { MATCH (r)-[:HAS_NATIONAL_ID]->(n:NationalId) RETURN {country: n.country, type: n.type} ORDER BY n.country, n.type },
    thirdParties: COLLECT { MATCH (r)-[t:REPORTS_THIRD_PARTY]->(:ThirdPartyPhone) RETURN t.kind }
  }) AS records
}
CALL (p) {
  MATCH (p)-[c:HAS_CONTACT]->(x)
  WHERE x:Phone OR x:Email
  WITH c, x ORDER BY c.rank
  RETURN collect({rank: c.rank, kind: CASE WHEN x:Phone THEN 'phone' ELSE 'email' END, value: coalesce(x.e164, x.address),
                  status: c.status, reachable: coalesce(c.reachable, false), verified: c.verified, lastSeenAt: c.lastSeenAt,
                  best: EXISTS { (p)-[:BEST_CONTACT]->(x) }}) AS contacts
}
RETURN p.id AS personId, p.reachability AS reachability, records, contacts,
       COLLECT { MATCH (c:Case)-[:CONCERNS]->(p) RETURN {creditor: c.creditor, caseId: c.caseId, registeredAt: c.registeredAt, state: c.state} ORDER BY c.creditor, c.caseId } AS cases,
       COLLECT { MATCH (b:RelayBinding {personId: p.id})
                 RETURN {id: b.id, creditor: b.creditor, caseId: b.caseId, relayNumber: b.relayNumber, state: b.state,
                         createdAt: b.createdAt, expiresAt: b.expiresAt, endedAt: b.endedAt, endReason: b.endReason}
                 ORDER BY b.createdAt } AS bindings
