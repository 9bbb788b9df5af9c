// Removes records for good (erasure, retention): the records with every relationship, the identifier
// and blocking-key nodes no other record holds, and persons left without records. Cases concerning
// such a person lose the link and are matched again later.
MATCH (r:Record) WHERE r.key IN $keys
OPTIONAL MATCH (r)-[:RESOLVES_TO]->(p:Person)
WITH collect(DISTINCT r) AS records, collect(DISTINCT p) AS persons
CALL (records) {
  UNWIND records AS r
  MATCH (r)-[:HAS_PHONE|HAS_EMAIL|HAS_NATIONAL_ID|REPORTS_THIRD_PARTY|IN_BLOCK]->(x)
  WITH DISTINCT x
  WHERE NOT EXISTS { (x)<-[:HAS_PHONE|HAS_EMAIL|HAS_NATIONAL_ID|REPORTS_THIRD_PARTY|IN_BLOCK]-(o:Record) WHERE NOT o.key IN $keys }
  DETACH DELETE x
  RETURN count(*) AS identifiers
}
CALL (records) {
  UNWIND records AS r
  DETACH DELETE r
  RETURN count(*) AS deleted
}
CALL (persons) {
  UNWIND persons AS p
  WITH p WHERE NOT EXISTS { (p)<-[:RESOLVES_TO]-(:Record) }
  CALL (p) {
    MATCH (c:Case)-[:CONCERNS]->(p)
    SET c.matchState = 'unmatched', c.matchReason = 'PERSON_GONE', c.updatedAt = $now
  }
  WITH p, p.id AS id
  DETACH DELETE p
  RETURN collect(id) AS emptiedPersons
}
RETURN deleted, identifiers, emptiedPersons
