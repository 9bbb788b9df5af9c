// Records every event id once. Ids first seen now carry this batch's token, so the ids returned are
// exactly the events that were not applied before (redeliveries and duplicates drop out here).
UNWIND $events AS e
MERGE (a:AppliedEvent {eventId: e.eventId})
  ON CREATE SET a.batch = $batch, a.recordKey = e.key, a.appliedAt = datetime()
WITH a
WHERE a.batch = $batch
RETURN collect(a.eventId) AS fresh
