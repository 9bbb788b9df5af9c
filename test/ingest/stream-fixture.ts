import { randomUUID } from 'node:crypto';
import type { OutboundMessage } from '../../src/platform/event-bus.js';
import { shuffle } from '../support/shuffle.js';
import { signed, telcoEvent } from '../support/test-sources.js';
import { seen, type SeenEvent } from './ingest-harness.js';

export interface LabelledStream {
  messages: OutboundMessage[];
  events: SeenEvent[];
  /** What each record must look like once everything is applied, whatever the delivery order. */
  expected: Map<string, { eventId: string; phone: string }>;
}

/**
 * `records` records with `versions` updates each, shuffled so that a record's updates arrive out of
 * order; the newest observation of each record is its expected final state.
 */
export function labelledStream(records: number, versions: number, tag = randomUUID().slice(0, 8)): LabelledStream {
  const all: { event: ReturnType<typeof telcoEvent>; phone: string }[] = [];
  const expected = new Map<string, { eventId: string; phone: string }>();
  for (let r = 0; r < records; r++) {
    const recordId = `STREAM-${tag}-${r}`;
    for (let v = 0; v < versions; v++) {
      const phone = `+86199${String((r * versions + v) % 100_000_000).padStart(8, '0')}`;
      const observedAt = new Date(Date.UTC(2024, 0, 1, 0, 0, v)).toISOString();
      const event = telcoEvent({ recordId, observedAt, phone });
      all.push({ event, phone });
      if (v === versions - 1) expected.set(`demo-telco:${recordId}`, { eventId: event.eventId, phone });
    }
  }
  shuffle(all);
  return { messages: all.map(({ event }) => signed(event)), events: all.map(({ event }) => seen(event)), expected };
}
