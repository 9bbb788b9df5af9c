// Current persons of records, with each person's records, best contact and superseded numbers.
UNWIND $keys AS key
MATCH (:Record {key: key})-[:RESOLVES_TO]->(p:Person)
WITH DISTINCT p
MATCH (p)<-[:RESOLVES_TO]-(r:Record)
WITH p, collect(r.key) AS recordKeys
OPTIONAL MATCH (p)-[:BEST_CONTACT]->(best:Phone)
OPTIONAL MATCH (p)-[:SUPERSEDED]->(old:Phone)
RETURN p.id AS personId, recordKeys, best.e164 AS bestContact, p.reachability AS reachability,
       collect(old.e164) AS superseded
