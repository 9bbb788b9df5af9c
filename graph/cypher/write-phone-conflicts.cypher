// Flags a number held by two or more persons (SHARED_OR_RECYCLED) and clears the flag when that no
// longer holds; written only when the set of claimants changed.
UNWIND $rows AS row
MATCH (ph:Phone {e164: row.e164})
WITH ph, row
WHERE coalesce(ph.conflictPersons, []) <> row.personIds
FOREACH (_ IN CASE WHEN size(row.personIds) > 0 THEN [1] ELSE [] END |
  SET ph.conflict = 'SHARED_OR_RECYCLED', ph.conflictSince = row.since, ph.conflictPersons = row.personIds)
FOREACH (_ IN CASE WHEN size(row.personIds) = 0 THEN [1] ELSE [] END |
  REMOVE ph.conflict, ph.conflictSince, ph.conflictPersons)
