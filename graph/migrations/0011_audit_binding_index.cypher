// The relay sweeper finds bindings a crashed replica allocated but never audited (so never disclosed).
CREATE INDEX audit_record_binding IF NOT EXISTS FOR (r:AuditRecord) ON (r.bindingId);
