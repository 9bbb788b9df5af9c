// The transactional outbox: events queued in the transaction that caused them, published after.
CREATE CONSTRAINT outbox_event_id IF NOT EXISTS FOR (o:OutboxEvent) REQUIRE o.id IS UNIQUE;
CREATE INDEX outbox_event_time IF NOT EXISTS FOR (o:OutboxEvent) ON (o.atMs);
