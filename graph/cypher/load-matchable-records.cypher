// The current, non-retracted view of each record, with its identifiers: what the matcher compares.
UNWIND $keys AS key
MATCH (r:Record {key: key})
WHERE NOT coalesce(r.retracted, false)
OPTIONAL MATCH (r)-[hp:HAS_PHONE]->(p:Phone)
WITH r, collect(CASE WHEN p IS NULL THEN null ELSE
  {e164: p.e164, status: hp.status, lastSeenAt: hp.lastSeenAt, verifiedAt: hp.verifiedAt} END) AS phones
OPTIONAL MATCH (r)-[:HAS_EMAIL]->(e:Email)
WITH r, phones, collect(e.address) AS emails
OPTIONAL MATCH (r)-[hn:HAS_NATIONAL_ID]->(n:NationalId)
WITH r, phones, emails, collect(CASE WHEN n IS NULL THEN null ELSE
  {fingerprint: n.fingerprint, country: n.country, type: n.type,
   derivedBirthDate: hn.derivedBirthDate, derivedSex: hn.derivedSex} END) AS nationalIds
OPTIONAL MATCH (r)-[ht:REPORTS_THIRD_PARTY]->(t:ThirdPartyPhone)
RETURN r.key AS key, r.sourceId AS sourceId, r.observedAtMs AS observedAtMs, r.namesJson AS namesJson,
       r.birthDate AS birthDate, r.addressesJson AS addressesJson, r.employer AS employer,
       phones, emails, nationalIds,
       collect(CASE WHEN t IS NULL THEN null ELSE {fingerprint: t.fingerprint, kind: ht.kind, weight: ht.weight} END) AS thirdParties
