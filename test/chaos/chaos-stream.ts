import { randomInt, randomUUID } from 'node:crypto';
import type { ProviderMessage } from '../../src/ingest/provider-message.js';
import { shuffle } from '../support/shuffle.js';
import { signed } from '../support/test-sources.js';

export interface StreamEvent {
  key: string;
  eventId: string;
  observedAtMs: number;
  phone: string;
}

/** What one record must hold once every event is applied, computed here and never by the service. */
export interface ReferenceRecord {
  eventId: string;
  observedAtMs: number;
  phone: string;
  /** Every event of the record: each must have been seen by it exactly once. */
  eventIds: Set<string>;
}

export interface ChaosStream {
  messages: ProviderMessage[];
  events: StreamEvent[];
  reference: Map<string, ReferenceRecord>;
  /** Versions that share their predecessor's observation time, so only the event id orders them. */
  ties: number;
}

/** The ordering rule of the brief, written out independently: newer observation, then larger event id. */
export function newer(a: { observedAtMs: number; eventId: string }, b: { observedAtMs: number; eventId: string }): boolean {
  return a.observedAtMs !== b.observedAtMs ? a.observedAtMs > b.observedAtMs : a.eventId > b.eventId;
}

/**
 * `events` signed telecom updates, `versions` per record, globally shuffled so that most records see
 * an older version after a newer one; about one version in five repeats the previous observation
 * time. Each version carries its own number, so the final phone tells which version won.
 */
export function chaosStream(events: number, versions: number, tag = randomUUID().slice(0, 8)): ChaosStream {
  const records = Math.ceil(events / versions);
  const phoneBase = randomInt(50_000_000);
  const base = Date.UTC(2025, 0, 1);
  const all: { event: ReturnType<typeof upsert>; seen: StreamEvent }[] = [];
  let ties = 0;
  for (let r = 0; r < records; r++) {
    let observedAtMs = base + randomInt(3_600_000);
    for (let v = 0; v < versions && all.length < events; v++) {
      if (v > 0 && randomInt(5) === 0) ties++;
      else observedAtMs += 1_000 + randomInt(86_400_000);
      const phone = `+86199${String((phoneBase + r * versions + v) % 100_000_000).padStart(8, '0')}`;
      const event = upsert(`CHAOS-${tag}-${r}`, r, new Date(observedAtMs).toISOString(), phone);
      all.push({ event, seen: { key: `demo-telco:${event.sourceRecordId}`, eventId: event.eventId, observedAtMs, phone } });
    }
  }
  shuffle(all);
  return {
    messages: all.map(({ event }) => signed(event)),
    events: all.map(({ seen }) => seen),
    reference: referenceState(all.map(({ seen }) => seen)),
    ties,
  };
}

export function referenceState(events: StreamEvent[]): Map<string, ReferenceRecord> {
  const reference = new Map<string, ReferenceRecord>();
  for (const e of events) {
    const current = reference.get(e.key);
    if (current === undefined) {
      reference.set(e.key, { eventId: e.eventId, observedAtMs: e.observedAtMs, phone: e.phone, eventIds: new Set([e.eventId]) });
      continue;
    }
    current.eventIds.add(e.eventId);
    if (newer(e, current)) Object.assign(current, { eventId: e.eventId, observedAtMs: e.observedAtMs, phone: e.phone });
  }
  return reference;
}

/** No relations and a name shared by a thousandth of the records: resolution has little to link. */
function upsert(recordId: string, r: number, observedAt: string, phone: string) {
  return {
    eventId: randomUUID(),
    sourceId: 'demo-telco',
    sourceRecordId: recordId,
    observedAt,
    op: 'upsert' as const,
    subject: {
      names: [{ full: `测试${r % 1000}`, script: 'Hans' }],
      phones: [{ number: phone, status: 'active' as const, lastSeenAt: observedAt }],
    },
  };
}

/** The stream cut into `parts` consecutive slices, one per fault. */
export function segments<T>(items: T[], parts: number): T[][] {
  const size = Math.ceil(items.length / parts);
  return Array.from({ length: parts }, (_, i) => items.slice(i * size, (i + 1) * size));
}
