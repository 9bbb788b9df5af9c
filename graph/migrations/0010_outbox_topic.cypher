// Each service publishes only its own topic's outbox events (several environments may share a graph).
CREATE INDEX outbox_event_topic IF NOT EXISTS FOR (o:OutboxEvent) ON (o.topic, o.atMs);
