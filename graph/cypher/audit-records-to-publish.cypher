// The records after the publish cursor, by seq: only what the SIEM message is made of (the record
// as hashed, and its hash). A seek on the (chain, seq) index.
MATCH (r:AuditRecord)
WHERE r.chain = $chain AND r.seq >= toInteger($fromSeq) AND r.seq <= toInteger($toSeq)
RETURN r.seq AS seq, r.canonical AS canonical, r.hash AS hash
ORDER BY r.seq
