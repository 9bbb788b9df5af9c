// Writes a component's resolution as a diff: retired persons go, new persons are created, and a
// record's link is replaced only when its person or evidence changed (most updates change neither).
CALL () {
  UNWIND $retiredPersons AS id
  MATCH (p:Person {id: id})
  // A creditor's case about a person merged away is matched again by the relay sweeper, against
  // the records as they now stand; until then it reads as unmatched, never as someone else.
  CALL (p) {
    MATCH (c:Case)-[:CONCERNS]->(p)
    SET c.matchState = 'unmatched', c.matchReason = 'PERSON_RETIRED', c.matchedAt = ''
  }
  DETACH DELETE p
}
CALL () {
  UNWIND $clusters AS c
  MERGE (p:Person {id: c.personId})
    ON CREATE SET p.createdAt = datetime()
  WITH p, c
  WHERE p.recordCount IS NULL OR p.recordCount <> size(c.members) OR coalesce(p.superseded, []) <> c.superseded
  SET p.updatedAt = datetime(), p.recordCount = size(c.members), p.superseded = c.superseded
  WITH p, c
  CALL (p) {
    MATCH (p)-[old:SUPERSEDED]->(:Phone)
    DELETE old
  }
  // Numbers reassigned away from this person stay superseded through merges and splits: once a
  // number is known to reach someone else, it never again reaches this person.
  FOREACH (e164 IN c.superseded |
    MERGE (ph:Phone {e164: e164})
    CREATE (p)-[:SUPERSEDED]->(ph))
}
CALL () {
  UNWIND $members AS m
  MATCH (r:Record {key: m.recordKey})
  OPTIONAL MATCH (r)-[l:RESOLVES_TO]->(current:Person)
  WITH r, m, l, current
  WHERE l IS NULL OR current.id <> m.personId
     OR coalesce(l.evidenceJson, '') <> coalesce(m.evidenceJson, '')
     OR coalesce(l.viaRecordKey, '') <> coalesce(m.viaRecordKey, '')
  FOREACH (stale IN CASE WHEN l IS NULL THEN [] ELSE [l] END | DELETE stale)
  WITH r, m
  MATCH (p:Person {id: m.personId})
  CREATE (r)-[:RESOLVES_TO {score: m.score, evidenceJson: m.evidenceJson, viaRecordKey: m.viaRecordKey,
                            ruleSetVersion: $ruleSetVersion, decidedAt: datetime()}]->(p)
}
CALL () {
  UNWIND $unlinked AS key
  MATCH (:Record {key: key})-[l:RESOLVES_TO]->(:Person)
  DELETE l
}
CALL () {
  UNWIND $recordKeys AS key
  MATCH (:Record {key: key})-[l:POSSIBLE_MATCH]->(:Person)
  DELETE l
}
CALL () {
  UNWIND $possibleMatches AS pm
  MATCH (r:Record {key: pm.recordKey}), (p:Person {id: pm.personId})
  CREATE (r)-[:POSSIBLE_MATCH {score: pm.score, evidenceJson: pm.evidenceJson, otherRecordKey: pm.otherRecordKey,
                               ruleSetVersion: $ruleSetVersion, decidedAt: datetime()}]->(p)
}
