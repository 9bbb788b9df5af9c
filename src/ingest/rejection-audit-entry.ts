import type { AuditEntry } from '../audit/audit-entry.js';
import type { InboundMessage } from '../platform/event-bus.js';
import type { Rejection } from './rejection.js';

/**
 * The audit record of one dead-lettered event: who claimed to send it, the reason code and where
 * the dead letter came from. Never the payload, the detail text or the headers' values.
 */
export function rejectionAuditEntry(
  rejection: Rejection,
  origin: Pick<InboundMessage, 'topic' | 'partition' | 'offset'>,
): AuditEntry {
  return {
    action: 'ingest.reject',
    actor: { subject: rejection.sourceId ?? 'unknown', role: 'source' },
    outcome: 'denied',
    reason: rejection.reason,
    ...(rejection.sourceId === undefined ? {} : { resources: { sourceId: rejection.sourceId } }),
    details: { topic: origin.topic, partition: origin.partition, offset: origin.offset },
  };
}
