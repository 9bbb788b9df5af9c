import { randomUUID } from 'node:crypto';
import { providerMessage, type ProviderMessage } from '../../src/ingest/provider-message.js';

export interface SyntheticStream {
  messages: ProviderMessage[];
  records: number;
  /** The fields the raw-ceiling writer stores for the same events. */
  rows: { key: string; eventId: string; observedAtMs: number; e164: string }[];
}

/**
 * `events` signed telecom updates over events / versions records, interleaved so that a record's
 * versions are spread through the stream as real feeds are. Numbers are synthetic CN mobiles.
 */
export function syntheticStream(events: number, versions: number, sourceId: string, key: Buffer, tag: string): SyntheticStream {
  const records = Math.ceil(events / versions);
  const messages: ProviderMessage[] = [];
  const rows: SyntheticStream['rows'] = [];
  for (let v = 0; v < versions; v++) {
    for (let r = 0; r < records && messages.length < events; r++) {
      const observedAt = new Date(Date.UTC(2024, 0, 1) + v * 60_000);
      const e164 = `+86199${String((r * 7 + v) % 100_000_000).padStart(8, '0')}`;
      const event = {
        eventId: randomUUID(),
        sourceId,
        sourceRecordId: `BENCH-${tag}-${r}`,
        observedAt: observedAt.toISOString(),
        op: 'upsert',
        subject: {
          names: [{ full: `测试${r % 1000}`, script: 'Hans' }],
          phones: [{ number: e164, status: 'active', lastSeenAt: observedAt.toISOString() }],
        },
      };
      messages.push(providerMessage(event, key));
      rows.push({ key: `${sourceId}:${event.sourceRecordId}`, eventId: event.eventId, observedAtMs: observedAt.getTime(), e164 });
    }
  }
  return { messages, records, rows };
}
