// Binds relay numbers to cases, one request per row, in order: each row's subquery sees what the
// rows before it bound. It runs in the audit log's transaction after the chain head is locked, so
// the requests of one chain never race each other. The write locks below — the case's, then the
// number's, each taken (SET) before its state is read — serialize them with anything else; the
// unique constraints on activeCaseKey and activeRelayNumber are the backstop.
UNWIND range(0, size($requests) - 1) AS i
CALL (i) {
  WITH $requests[i] AS r
  OPTIONAL MATCH (c:Case {key: r.caseKey})
  SET c.relayLockedAt = r.nowMs
  WITH r, c
  OPTIONAL MATCH (held:RelayBinding {activeCaseKey: r.caseKey})
  // A binding past its expiry holds the case until the sweeper ends (and audits) it: none is added before.
  CALL (r, c, held) {
    WITH r, c WHERE c IS NOT NULL AND held IS NULL
    // Three index seeks, each stopping at its first hit: the debtor's own quarantined number (their
    // call log knows it), a free number, a number whose quarantine is over.
    CALL (r) {
      MATCH (n:RelayNumber {pool: $pool, lastPersonId: r.personId}) WHERE n.state = 'quarantine'
      RETURN n, 0 AS rank LIMIT 1
      UNION
      MATCH (n:RelayNumber {pool: $pool, state: 'free'})
      RETURN n, 1 AS rank LIMIT 1
      UNION
      MATCH (n:RelayNumber {pool: $pool, state: 'quarantine'}) WHERE n.quarantineUntilMs <= r.nowMs
      RETURN n, 2 AS rank LIMIT 1
    }
    WITH r, c, n ORDER BY rank LIMIT 1
    SET n.lockedAt = r.nowMs
    WITH r, c, n
    WHERE n.state = 'free' OR (n.state = 'quarantine' AND (n.quarantineUntilMs <= r.nowMs OR n.lastPersonId = r.personId))
    CREATE (b:RelayBinding {
      id: r.bindingId, creditor: r.creditor, caseId: r.caseId, caseKey: r.caseKey, personId: r.personId,
      relayNumber: n.e164, activeRelayNumber: n.e164, activeCaseKey: r.caseKey, purpose: r.purpose,
      state: 'active', createdAt: r.now, expiresAt: r.expiresAt, expiresAtMs: r.expiresAtMs
    })
    CREATE (b)-[:FOR_CASE]->(c), (b)-[:USES]->(n)
    SET n.state = 'bound', n.lastPersonId = r.personId, n.boundAt = r.now
    // An aggregate, so the subquery yields its one row even when nothing was bound.
    RETURN collect(b {.*}) AS created
  }
  WITH created[0] AS bound, CASE WHEN held.expiresAtMs > r.nowMs THEN held {.*} END AS active
  RETURN CASE WHEN bound IS NOT NULL THEN 'created' WHEN active IS NOT NULL THEN 'existing' ELSE 'exhausted' END AS outcome,
         coalesce(bound, active) AS binding
}
RETURN i, outcome, binding
ORDER BY i
