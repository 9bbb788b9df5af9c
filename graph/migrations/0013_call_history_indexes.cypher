// A compliance decision reads only the calls its frequency rules count: the debtor's conversations
// (connected is set only once telephony reports an answered call, so unanswered calls stay out of
// this index) and the outbound attempts on one case.
CREATE INDEX call_decision_conversations IF NOT EXISTS FOR (d:CallDecision) ON (d.personId, d.connected, d.atMs);
CREATE INDEX call_decision_case_time IF NOT EXISTS FOR (d:CallDecision) ON (d.creditor, d.caseId, d.atMs);
// Erasure finds a person's decisions by personId alone, which the (personId, atMs) index could not
// serve: it scanned every decision. Nothing reads by (personId, atMs) any more.
CREATE INDEX call_decision_person IF NOT EXISTS FOR (d:CallDecision) ON (d.personId);
DROP INDEX call_decision_person_time IF EXISTS;
