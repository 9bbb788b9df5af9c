// Everything a compliance decision about one case needs, in one read: the matched person, their
// best contact and how firmly it is theirs, restrictions, recent calls across all creditors, and —
// for a routed call — whether the caller is one of the creditor's lines or the debtor.
// Asked by case (caseKey), or for a call by relay number (relayNumber, callId): then the call's
// earlier decision and the number's active binding come with it, so routing reads once.
// $lookups holds several such questions, each with its own from, nowMs and sinceMs, answered one
// row each, in order: concurrent requests share one statement.
UNWIND range(0, size($lookups) - 1) AS i
CALL (i) {
  WITH $lookups[i] AS q
  OPTIONAL MATCH (prev:CallDecision {callId: q.callId})
  OPTIONAL MATCH (b:RelayBinding {activeRelayNumber: q.relayNumber}) WHERE b.expiresAtMs > q.nowMs
  WITH q, prev, b
  OPTIONAL MATCH (c:Case {key: coalesce(q.caseKey, b.caseKey)})
  OPTIONAL MATCH (c)-[m:CONCERNS]->(p:Person)
  OPTIONAL MATCH (p)-[:BEST_CONTACT]->(best:Phone)
  RETURN prev {.*} AS previous, b {.id, .creditor, .caseId, .personId} AS binding,
         c.creditor AS creditor, c.caseId AS caseId, c.state AS caseState, coalesce(c.erased, false) AS erased,
         p.id AS personId, reduce(acc = [], rs IN [(p)<-[:RESOLVES_TO]-(r:Record) WHERE r.restrictions IS NOT NULL | r.restrictions] | acc + rs) AS restrictions, m.score AS caseScore,
         best.e164 AS bestE164,
         best IS NOT NULL AND EXISTS { (p)-[:SUPERSEDED]->(best) } AS bestSuperseded,
         [(best)<-[:HAS_PHONE]-(r:Record)-[l:RESOLVES_TO]->(p) | coalesce(l.score, -1.0)] AS bestLinkScores,
         [(best)<-[:HAS_PHONE]-(r:Record)-[:POSSIBLE_MATCH]->(p) | r.key] AS bestPossibleOnly,
         [(p)<-[:RESOLVES_TO]-(:Record)-[:REPORTS_THIRD_PARTY]->(t:ThirdPartyPhone) | t.fingerprint] AS thirdPartyFingerprints,
         COLLECT { MATCH (p)<-[:RESOLVES_TO]-(r:Record) WHERE r.addressesJson IS NOT NULL
           RETURN r.addressesJson ORDER BY coalesce(r.observedAtMs, 0) DESC LIMIT 1 }[0] AS newestAddresses,
         // Only the calls the profile's frequency rules count (HistoryScope): the debtor's
         // conversations, and with $caseAttempts the case's outbound attempts, whoever they
         // reached. Each comes from an index of its own, so unanswered calls out of scope are never
         // read. Lists, not maps: each map's keys would cost the driver a decode per call.
         COLLECT {
           CALL (p, c, q) {
             MATCH (d:CallDecision) USING INDEX SEEK d:CallDecision(personId, connected, atMs)
             WHERE d.personId = p.id AND d.connected = true AND d.atMs >= q.sinceMs AND d.action = 'connect'
             RETURN d
             UNION
             UNWIND CASE WHEN $caseAttempts THEN [c] ELSE [] END AS onCase
             MATCH (d:CallDecision) USING INDEX SEEK d:CallDecision(creditor, caseId, atMs)
             WHERE d.creditor = onCase.creditor AND d.caseId = onCase.caseId AND d.atMs >= q.sinceMs
               AND d.direction = 'outbound' AND d.action = 'connect'
             RETURN d
           }
           RETURN [d.atMs, d.caseId, d.creditor, d.direction, coalesce(d.connected, false)]
         } AS history,
         q.from IS NOT NULL AND EXISTS { (:CreditorLine {key: c.creditor + '|' + q.from}) } AS fromCreditorLine,
         // From the person's few contacts, never from the caller's number: written as a pattern
         // on :Phone {e164}, the planner may scan the whole phone index for every call.
         q.from IS NOT NULL AND q.from IN [(p)-[:HAS_CONTACT]->(ph:Phone) | ph.e164] AS fromDebtor,
         COLLECT { MATCH (l:CreditorLine {creditor: c.creditor}) RETURN l.e164 } AS creditorLines
}
RETURN i, previous, binding, creditor, caseId, caseState, erased, personId, restrictions, caseScore, bestE164,
       bestSuperseded, bestLinkScores, bestPossibleOnly, thirdPartyFingerprints, newestAddresses, history,
       fromCreditorLine, fromDebtor, creditorLines
ORDER BY i
