// Ends active bindings and quarantines their numbers; the number remembers whom it reached, so only
// that debtor may get it back before the quarantine is over.
UNWIND $bindingIds AS bindingId
MATCH (b:RelayBinding {id: bindingId})-[:USES]->(n:RelayNumber)
WHERE b.state = 'active'
SET b.state = $state, b.endReason = $reason, b.endedAt = $now,
    b.activeRelayNumber = null, b.activeCaseKey = null,
    n.state = 'quarantine', n.quarantineUntilMs = $nowMs + $quarantineMs, n.lastPersonId = b.personId
RETURN b {.*} AS binding
