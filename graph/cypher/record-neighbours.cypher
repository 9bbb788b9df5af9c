// The records whose resolution may change when these records go: the other records of their
// persons, records sharing a phone, email or national id with them (a shared number's conflict
// flag), and records in review-band matches with them or their persons.
UNWIND $keys AS key
MATCH (r:Record {key: key})
CALL (r) {
  MATCH (r)-[:RESOLVES_TO]->(:Person)<-[:RESOLVES_TO]-(o:Record)
  RETURN o
  UNION
  MATCH (r)-[:HAS_PHONE|HAS_EMAIL|HAS_NATIONAL_ID]->()<-[:HAS_PHONE|HAS_EMAIL|HAS_NATIONAL_ID]-(o:Record)
  RETURN o
  UNION
  MATCH (r)-[:POSSIBLE_MATCH]->(:Person)<-[:RESOLVES_TO]-(o:Record)
  RETURN o
  UNION
  MATCH (r)-[:RESOLVES_TO]->(:Person)<-[:POSSIBLE_MATCH]-(o:Record)
  RETURN o
}
WITH DISTINCT o
WHERE NOT o.key IN $keys AND NOT coalesce(o.retracted, false)
RETURN collect(o.key) AS keys
