// Two-phase locking of a resolution's reads (see lock-records.cypher): how many records hold a
// number and which persons claim it.
UNWIND $e164s AS e164
MATCH (p:Phone {e164: e164})
SET p.e164 = p.e164
