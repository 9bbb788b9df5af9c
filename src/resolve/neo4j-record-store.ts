import { cypher } from '../platform/cypher-file.js';
import type { Neo4jGraph } from '../platform/neo4j-graph.js';
import type { ApplyOutcome, RecordStore } from './record-store.js';
import { newestPerRecord, recordKey, type SourceRecordUpdate } from './source-record.js';

/** How many recent event ids a record remembers to tell a redelivery from a stale update. */
export const REMEMBERED_EVENT_IDS = 32;

/**
 * Applies a chunk in one statement: the newest update per record under the record's ordering rule.
 * Safe to run twice (driver retries, redelivered batches): a replayed event is never newer.
 */
export class Neo4jRecordStore implements RecordStore {
  constructor(private readonly graph: Neo4jGraph) {}

  async apply(updates: SourceRecordUpdate[]): Promise<ApplyOutcome> {
    if (updates.length === 0) return { freshEventIds: [], changedRecords: [] };
    const unique = [...new Map(updates.map((u) => [u.eventId, u])).values()];
    const idsByRecord = new Map<string, string[]>();
    for (const u of unique) {
      const key = recordKey(u.sourceId, u.sourceRecordId);
      idsByRecord.set(key, [...(idsByRecord.get(key) ?? []), u.eventId]);
    }
    const rows = newestPerRecord(unique).map((u) => toParams(u, idsByRecord.get(recordKey(u.sourceId, u.sourceRecordId)) ?? []));
    const result = await this.graph.write((tx) =>
      tx.run<{ key: string; duplicates: string[]; applies: boolean }>(cypher('apply-record-updates'), {
        updates: rows,
        remember: REMEMBERED_EVENT_IDS,
      }),
    );
    const duplicates = new Set(result.records.flatMap((r) => r.get('duplicates')));
    return {
      freshEventIds: unique.map((u) => u.eventId).filter((id) => !duplicates.has(id)),
      changedRecords: result.records.filter((r) => r.get('applies')).map((r) => r.get('key')),
    };
  }
}

function toParams(u: SourceRecordUpdate, eventIds: string[]) {
  return {
    key: recordKey(u.sourceId, u.sourceRecordId),
    eventId: u.eventId,
    eventIds,
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
