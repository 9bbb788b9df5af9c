// Every person's claim on these numbers, from their ranked contact points.
UNWIND $e164s AS e164
MATCH (:Phone {e164: e164})<-[c:HAS_CONTACT]-(p:Person)
RETURN e164, p.id AS personId, c.firstSeenAt AS firstSeenAt, c.status AS status, c.reachable AS reachable
