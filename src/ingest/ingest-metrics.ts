import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Label values are registered source ids, reason codes and partition numbers only. */
export function createIngestMetrics(registry: Registry) {
  return {
    applied: new Counter({
      name: 'recontact_ingest_events_applied_total',
      help: 'Identity updates applied to the graph for the first time, by source',
      labelNames: ['source'] as const,
      registers: [registry],
    }),
    duplicates: new Counter({
      name: 'recontact_ingest_events_duplicate_total',
      help: 'Identity updates seen again (redelivery, replay, duplicate send) and ignored, by source',
      labelNames: ['source'] as const,
      registers: [registry],
    }),
    rejected: new Counter({
      name: 'recontact_ingest_events_rejected_total',
      help: 'Identity updates sent to the dead-letter topic, by source and reason code',
      labelNames: ['source', 'reason'] as const,
      registers: [registry],
    }),
    dropped: new Counter({
      name: 'recontact_ingest_events_dropped_total',
      help: 'Identity updates not written and not dead-lettered (SUBJECT_ERASED: the record was erased), by source and reason',
      labelNames: ['source', 'reason'] as const,
      registers: [registry],
    }),
    retries: new Counter({
      name: 'recontact_ingest_transient_retries_total',
      help: 'Batch steps retried after a transient failure (a dependency down or slow)',
      labelNames: ['step'] as const,
      registers: [registry],
    }),
    lag: new Gauge({
      name: 'recontact_ingest_consumer_lag',
      help: 'Messages behind the partition high watermark after the last processed batch',
      labelNames: ['partition'] as const,
      registers: [registry],
    }),
    batchSeconds: new Histogram({
      name: 'recontact_ingest_batch_duration_seconds',
      help: 'Time to decode, apply, dead-letter and commit one chunk of a batch',
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
}

export type IngestMetrics = ReturnType<typeof createIngestMetrics>;

/** Rejections with no registered source share one label value, so junk can't explode cardinality. */
export const UNREGISTERED_SOURCE = 'unregistered';
