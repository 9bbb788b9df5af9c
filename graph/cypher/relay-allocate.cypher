// Binds one relay number to a case. The number's write lock is taken first (SET lockedAt), and its
// state is read after the lock: two replicas racing for one number serialize here, and the loser
// sees it bound. The unique constraints on activeRelayNumber and activeCaseKey are the backstop.
MATCH (n:RelayNumber {e164: $e164, pool: $pool})
SET n.lockedAt = $nowMs
WITH n
WHERE n.state = 'free' OR (n.state = 'quarantine' AND (n.quarantineUntilMs <= $nowMs OR n.lastPersonId = $personId))
MATCH (c:Case {key: $caseKey})
CREATE (b:RelayBinding {
  id: $bindingId, creditor: $creditor, caseId: $caseId, caseKey: $caseKey, personId: $personId,
  relayNumber: n.e164, activeRelayNumber: n.e164, activeCaseKey: $caseKey, purpose: $purpose,
  state: 'active', createdAt: $now, expiresAt: $expiresAt, expiresAtMs: $expiresAtMs
})
CREATE (b)-[:FOR_CASE]->(c), (b)-[:USES]->(n)
SET n.state = 'bound', n.lastPersonId = $personId, n.boundAt = $now
RETURN b {.*} AS binding
