// Forgets how these records were resolved (persons, links, block keys), for a rebuild from scratch.
UNWIND $keys AS key
MATCH (r:Record {key: key})
OPTIONAL MATCH (r)-[:RESOLVES_TO]->(p:Person)
DETACH DELETE p
WITH DISTINCT r
CALL (r) {
  MATCH (r)-[l:IN_BLOCK|POSSIBLE_MATCH]->()
  DELETE l
}
REMOVE r.blockKeys
