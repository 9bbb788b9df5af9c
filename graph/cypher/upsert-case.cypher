// A creditor's case, (re)registered with its debtor's identifiers as the matcher sees them, and its
// link to the matched person replaced. Idempotent: the same registration twice writes the same state.
MERGE (c:Case {key: $key})
  ON CREATE SET c.creditor = $creditor, c.caseId = $caseId, c.state = 'open', c.registeredAt = $now
SET c.debtorJson = CASE WHEN coalesce(c.erased, false) THEN null ELSE $debtorJson END, c.matchState = $matchState, c.matchReason = $matchReason,
    c.matchScore = $matchScore, c.matchedAt = $now, c.updatedAt = $now
WITH c
OPTIONAL MATCH (c)-[old:CONCERNS]->()
DELETE old
WITH c
// A case whose subject was erased stays unlinked: a registration never re-attaches the person.
OPTIONAL MATCH (p:Person {id: $personId}) WHERE NOT coalesce(c.erased, false)
FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END |
  CREATE (c)-[:CONCERNS {score: $matchScore, matchedAt: $now, ruleSetVersion: $ruleSetVersion}]->(p))
RETURN c.registeredAt = $now AS created
