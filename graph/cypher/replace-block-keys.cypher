// A record's blocking keys, rewritten only when they changed (most updates keep them); a retracted
// record has none and is found by nobody.
UNWIND $rows AS row
MATCH (r:Record {key: row.key})
WITH r, row
WHERE coalesce(r.blockKeys, []) <> row.blockKeys
SET r.blockKeys = row.blockKeys
WITH r, row
CALL (r) {
  MATCH (r)-[old:IN_BLOCK]->(:BlockKey)
  DELETE old
}
FOREACH (k IN row.blockKeys |
  MERGE (b:BlockKey {value: k})
  CREATE (r)-[:IN_BLOCK]->(b))
