// Two-phase locking of a resolution's reads (see lock-records.cypher): the persons of records this
// transaction has locked already, so their links are stable, taken before their members are read.
UNWIND $keys AS key
MATCH (:Record {key: key})-[:RESOLVES_TO]->(p:Person)
WITH DISTINCT p
ORDER BY p.id
SET p.id = p.id
