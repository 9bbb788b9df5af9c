// Every blocking key the service still finds candidates through, with its records' keys: the pairs
// within one of these are the candidate pairs the service compares. A key held by one record pairs
// nobody; one held by more than $maxBlock records finds nobody (as in block-candidates). Read-only.
MATCH (b:BlockKey)
WITH b, COUNT { (b)<-[:IN_BLOCK]-() } AS size
WHERE size >= 2 AND size <= $maxBlock
RETURN COLLECT { MATCH (b)<-[:IN_BLOCK]-(r:Record) RETURN r.key } AS recordKeys
