// Relay: creditors' cases, the relay number pool, bindings, creditor lines and call decisions.
CREATE CONSTRAINT case_key IF NOT EXISTS FOR (c:Case) REQUIRE c.key IS UNIQUE;
CREATE INDEX case_status IF NOT EXISTS FOR (c:Case) ON (c.matchState);
CREATE CONSTRAINT relay_number_e164 IF NOT EXISTS FOR (n:RelayNumber) REQUIRE n.e164 IS UNIQUE;
CREATE INDEX relay_number_pool_state IF NOT EXISTS FOR (n:RelayNumber) ON (n.pool, n.state);
CREATE CONSTRAINT relay_binding_id IF NOT EXISTS FOR (b:RelayBinding) REQUIRE b.id IS UNIQUE;
// Set only while a binding is active: the database itself refuses to bind one number twice.
CREATE CONSTRAINT relay_binding_active_number IF NOT EXISTS FOR (b:RelayBinding) REQUIRE b.activeRelayNumber IS UNIQUE;
// Likewise at most one active binding per case.
CREATE CONSTRAINT relay_binding_active_case IF NOT EXISTS FOR (b:RelayBinding) REQUIRE b.activeCaseKey IS UNIQUE;
CREATE INDEX relay_binding_expiry IF NOT EXISTS FOR (b:RelayBinding) ON (b.state, b.expiresAtMs);
CREATE INDEX relay_binding_person IF NOT EXISTS FOR (b:RelayBinding) ON (b.personId);
CREATE CONSTRAINT creditor_line_key IF NOT EXISTS FOR (l:CreditorLine) REQUIRE l.key IS UNIQUE;
CREATE INDEX creditor_line_e164 IF NOT EXISTS FOR (l:CreditorLine) ON (l.e164);
CREATE CONSTRAINT call_decision_id IF NOT EXISTS FOR (d:CallDecision) REQUIRE d.callId IS UNIQUE;
CREATE INDEX call_decision_person_time IF NOT EXISTS FOR (d:CallDecision) ON (d.personId, d.atMs);
CREATE INDEX call_decision_binding IF NOT EXISTS FOR (d:CallDecision) ON (d.bindingId);
CREATE INDEX creditor_line_creditor IF NOT EXISTS FOR (l:CreditorLine) ON (l.creditor);
