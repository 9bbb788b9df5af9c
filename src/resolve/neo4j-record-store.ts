import { randomUUID } from 'node:crypto';
import { cypher } from '../platform/cypher-file.js';
import type { Neo4jGraph } from '../platform/neo4j-graph.js';
import type { ApplyOutcome, RecordStore } from './record-store.js';
import { newestPerRecord, recordKey, type SourceRecordUpdate } from './source-record.js';

/**
 * Applies a batch in one transaction: the event ledger filters out what was applied before, then the
 * newest update per record is written. Safe to run twice (driver retries, redelivered batches).
 */
export class Neo4jRecordStore implements RecordStore {
  constructor(private readonly graph: Neo4jGraph) {}

  async apply(updates: SourceRecordUpdate[]): Promise<ApplyOutcome> {
    if (updates.length === 0) return { freshEventIds: [], changedRecords: [] };
    const unique = [...new Map(updates.map((u) => [u.eventId, u])).values()];
    return this.graph.write(async (tx) => {
      const ledger = await tx.run<{ fresh: string[] }>(cypher('record-event-ledger'), {
        batch: randomUUID(),
        events: unique.map((u) => ({ eventId: u.eventId, key: recordKey(u.sourceId, u.sourceRecordId) })),
      });
      const fresh = new Set(ledger.records[0]?.get('fresh') ?? []);
      const toApply = newestPerRecord(unique.filter((u) => fresh.has(u.eventId)));
      if (toApply.length === 0) return { freshEventIds: [...fresh], changedRecords: [] };
      const applied = await tx.run<{ key: string }>(cypher('apply-record-updates'), {
        updates: toApply.map(toParams),
      });
      return { freshEventIds: [...fresh], changedRecords: applied.records.map((r) => r.get('key')) };
    });
  }
}

function toParams(u: SourceRecordUpdate) {
  return {
    key: recordKey(u.sourceId, u.sourceRecordId),
    eventId: u.eventId,
    sourceId: u.sourceId,
    sourceRecordId: u.sourceRecordId,
    observedAt: u.observedAt,
    observedAtMs: u.observedAtMs,
    op: u.op,
    namesJson: JSON.stringify(u.names),
    birthDate: u.birthDate,
    addressesJson: JSON.stringify(u.addresses),
    employer: u.employer,
    phones: u.phones,
    emails: u.emails,
    nationalIds: u.nationalIds,
    thirdParties: u.thirdParties,
  };
}
