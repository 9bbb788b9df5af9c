// Two-phase locking of a resolution's reads: setting a node's key to itself changes nothing but
// takes the node's write lock until commit, so no concurrent resolution changes what this one has
// read (a record's fields and identifiers, and its RESOLVES_TO link) before it has written. (Setting
// an absent property to null would not do: it takes no lock unless the property name exists.)
UNWIND $keys AS key
MATCH (r:Record {key: key})
SET r.key = r.key
