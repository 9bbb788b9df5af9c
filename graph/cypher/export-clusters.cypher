// One page of one source's current records and their persons, in key order. Within a source every
// key starts `sourceId:`, so key order is sourceRecordId order, and the bounds ($after, $before)
// are a seek on the record key index that also provides the order: a page costs its own size,
// however large the graph.
MATCH (r:Record)
WHERE r.key > $after AND r.key < $before AND NOT coalesce(r.retracted, false)
WITH r ORDER BY r.key LIMIT toInteger($pageSize)
RETURN r.key AS key, r.sourceId AS sourceId, r.sourceRecordId AS sourceRecordId,
       COLLECT { MATCH (r)-[:RESOLVES_TO]->(p:Person) RETURN p.id }[0] AS personId
