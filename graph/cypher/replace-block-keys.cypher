// A record's blocking keys, replaced wholesale; a retracted record has none and is found by nobody.
UNWIND $rows AS row
MATCH (r:Record {key: row.key})
CALL (r) {
  MATCH (r)-[old:IN_BLOCK]->(:BlockKey)
  DELETE old
}
FOREACH (k IN row.blockKeys |
  MERGE (b:BlockKey {value: k})
  CREATE (r)-[:IN_BLOCK]->(b))
