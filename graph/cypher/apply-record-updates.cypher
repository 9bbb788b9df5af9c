// $updates: at most one update per record key (the newest of its batch). A record changes only if the
// update is newer by (observedAtMs, eventId); then its identifier relationships are replaced.
UNWIND $updates AS u
MERGE (r:Record {key: u.key})
  ON CREATE SET r.sourceId = u.sourceId, r.sourceRecordId = u.sourceRecordId, r.observedAtMs = -1, r.eventId = ''
WITH u, r
WHERE u.observedAtMs > r.observedAtMs OR (u.observedAtMs = r.observedAtMs AND u.eventId > r.eventId)
SET r.eventId = u.eventId,
    r.observedAt = u.observedAt,
    r.observedAtMs = u.observedAtMs,
    r.retracted = (u.op = 'retract'),
    r.namesJson = u.namesJson,
    r.birthDate = u.birthDate,
    r.addressesJson = u.addressesJson,
    r.employer = u.employer,
    r.updatedAt = datetime()
WITH u, r
OPTIONAL MATCH (r)-[old:HAS_PHONE|HAS_EMAIL|HAS_NATIONAL_ID|REPORTS_THIRD_PARTY]->()
DELETE old
WITH DISTINCT u, r
FOREACH (p IN u.phones |
  MERGE (ph:Phone {e164: p.e164})
  CREATE (r)-[:HAS_PHONE {status: p.status, lastSeenAt: p.lastSeenAt, verificationMethod: p.verificationMethod,
                          verifiedAt: p.verifiedAt, sourceId: u.sourceId}]->(ph))
FOREACH (m IN u.emails |
  MERGE (em:Email {address: m.address})
  CREATE (r)-[:HAS_EMAIL {lastSeenAt: m.lastSeenAt, verified: m.verified, sourceId: u.sourceId}]->(em))
FOREACH (n IN u.nationalIds |
  MERGE (ni:NationalId {fingerprint: n.fingerprint})
    ON CREATE SET ni.country = n.country, ni.type = n.type
  CREATE (r)-[:HAS_NATIONAL_ID {derivedBirthDate: n.derivedBirthDate, derivedSex: n.derivedSex}]->(ni))
FOREACH (t IN u.thirdParties |
  MERGE (tp:ThirdPartyPhone {fingerprint: t.fingerprint})
  CREATE (r)-[:REPORTS_THIRD_PARTY {kind: t.kind, weight: t.weight}]->(tp))
RETURN r.key AS key
