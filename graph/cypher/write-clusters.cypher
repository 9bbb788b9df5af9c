// Replaces the resolution of a component: its records' links, its persons and their evidence.
UNWIND $recordKeys AS key
MATCH (r:Record {key: key})
CALL (r) {
  MATCH (r)-[old:RESOLVES_TO|POSSIBLE_MATCH]->(:Person)
  DELETE old
}
WITH count(*) AS unlinked
CALL () {
  UNWIND $retiredPersons AS id
  MATCH (p:Person {id: id})
  DETACH DELETE p
}
UNWIND $clusters AS c
MERGE (p:Person {id: c.personId})
  ON CREATE SET p.createdAt = datetime()
SET p.updatedAt = datetime(), p.recordCount = size(c.members)
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
WITH p, c
UNWIND c.members AS m
MATCH (r:Record {key: m.recordKey})
CREATE (r)-[:RESOLVES_TO {score: m.score, evidenceJson: m.evidenceJson, viaRecordKey: m.viaRecordKey,
                          ruleSetVersion: $ruleSetVersion, decidedAt: datetime()}]->(p)
WITH count(*) AS linked
UNWIND $possibleMatches AS pm
MATCH (r:Record {key: pm.recordKey}), (p:Person {id: pm.personId})
CREATE (r)-[:POSSIBLE_MATCH {score: pm.score, evidenceJson: pm.evidenceJson, otherRecordKey: pm.otherRecordKey,
                             ruleSetVersion: $ruleSetVersion, decidedAt: datetime()}]->(p)
