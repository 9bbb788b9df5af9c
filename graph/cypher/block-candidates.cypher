// Records sharing a blocking key, through the index. A key held by more than $maxBlock records is
// too common to tell anyone apart (a switchboard, a very common name and year): it finds nobody.
UNWIND $blockKeys AS k
MATCH (b:BlockKey {value: k})
WITH b, COUNT { (b)<-[:IN_BLOCK]-() } AS size
WHERE size <= $maxBlock
MATCH (b)<-[:IN_BLOCK]-(r:Record)
RETURN b.value AS blockKey, collect(r.key) AS recordKeys
