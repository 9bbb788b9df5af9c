import type { OutboundMessage } from '../platform/event-bus.js';
import { SIGNATURE_HEADER, SOURCE_ID_HEADER } from './ingest-message.js';
import { signEvent } from './signature.js';

/**
 * How a provider puts one event on the wire: key `<sourceId>:<sourceRecordId>` (one record's
 * updates stay ordered on one partition), the source id header, and an HMAC over the exact bytes.
 */
export interface ProviderMessage extends OutboundMessage {
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

export function providerMessage(event: { sourceId: string; sourceRecordId: string }, key: Buffer): ProviderMessage {
  const value = Buffer.from(JSON.stringify(event), 'utf8');
  return {
    key: `${event.sourceId}:${event.sourceRecordId}`,
    value,
    headers: { [SOURCE_ID_HEADER]: event.sourceId, [SIGNATURE_HEADER]: signEvent(value, key) },
  };
}
