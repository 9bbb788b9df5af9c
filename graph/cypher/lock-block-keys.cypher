// Two-phase locking of a resolution's reads (see lock-records.cypher): a blocking key's members. A
// record joining or leaving a key does not lock it (a busy key is a dense node), but the transaction
// that moves it reads the same key afterwards, and waits here for whoever read it first.
UNWIND $values AS value
MATCH (b:BlockKey {value: value})
SET b.value = b.value
