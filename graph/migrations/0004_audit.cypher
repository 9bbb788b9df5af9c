// Audit: one (:AuditRecord) per chain position, key = chain:seq, so two writers can never both
// store a seq; the (chain, seq) index serves verification's and the publisher's walks in seq order.
CREATE CONSTRAINT audit_record_key IF NOT EXISTS FOR (r:AuditRecord) REQUIRE r.key IS UNIQUE;
CREATE INDEX audit_record_chain_seq IF NOT EXISTS FOR (r:AuditRecord) ON (r.chain, r.seq);
CREATE INDEX audit_record_chain_at IF NOT EXISTS FOR (r:AuditRecord) ON (r.chain, r.at);
// Query filters (GET /v1/audit): each an index of its own, the chain and seq checked on the hits.
CREATE INDEX audit_record_person IF NOT EXISTS FOR (r:AuditRecord) ON (r.personId);
CREATE INDEX audit_record_case IF NOT EXISTS FOR (r:AuditRecord) ON (r.caseId);
CREATE INDEX audit_record_actor IF NOT EXISTS FOR (r:AuditRecord) ON (r.actorSubject);
CREATE INDEX audit_record_creditor IF NOT EXISTS FOR (r:AuditRecord) ON (r.creditor);
CREATE INDEX audit_record_action IF NOT EXISTS FOR (r:AuditRecord) ON (r.action);
// One head per chain: every append locks it first, which is what orders replicas' appends.
CREATE CONSTRAINT audit_head_chain IF NOT EXISTS FOR (h:AuditHead) REQUIRE h.chain IS UNIQUE;
// Signed checkpoints, key = chain:seq so replicas checkpointing the same head write one.
CREATE CONSTRAINT audit_checkpoint_key IF NOT EXISTS FOR (c:AuditCheckpoint) REQUIRE c.key IS UNIQUE;
CREATE INDEX audit_checkpoint_chain_seq IF NOT EXISTS FOR (c:AuditCheckpoint) ON (c.chain, c.seq);
// How far each chain has been published to the SIEM topic.
CREATE CONSTRAINT audit_publish_cursor_chain IF NOT EXISTS FOR (c:AuditPublishCursor) REQUIRE c.chain IS UNIQUE;
