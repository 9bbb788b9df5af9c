// $updates: one row per record key (the newest update of the chunk for that record), carrying every
// event id the chunk had for it. The record changes only if the update is newer by
// (observedAtMs, eventId), which makes replays and reordering harmless; its last $remember event ids
// are kept so a redelivered event is recognized as a duplicate rather than as stale.
UNWIND $updates AS u
MERGE (r:Record {key: u.key})
  ON CREATE SET r.sourceId = u.sourceId, r.sourceRecordId = u.sourceRecordId,
                r.observedAtMs = -1, r.eventId = '', r.eventIds = []
WITH u, r, [id IN u.eventIds WHERE id IN r.eventIds] AS duplicates,
     (u.observedAtMs > r.observedAtMs OR (u.observedAtMs = r.observedAtMs AND u.eventId > r.eventId)) AS applies
SET r.eventIds = ([id IN u.eventIds WHERE NOT id IN duplicates] + r.eventIds)[0..$remember]
WITH u, r, duplicates, applies
CALL (u, r, applies) {
  WITH u, r WHERE applies
  SET r.eventId = u.eventId,
      r.observedAt = u.observedAt,
      r.observedAtMs = u.observedAtMs,
      r.retracted = (u.op = 'retract'),
      r.namesJson = u.namesJson,
      r.birthDate = u.birthDate,
      r.addressesJson = u.addressesJson,
      r.employer = u.employer,
      r.legalBasis = coalesce(u.legalBasis, r.legalBasis),
      r.updatedAt = datetime()
  WITH u, r
  CALL (r) {
    MATCH (r)-[old:HAS_PHONE|HAS_EMAIL|HAS_NATIONAL_ID|REPORTS_THIRD_PARTY]->()
    DELETE old
  }
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
}
RETURN r.key AS key, duplicates, applies
