import { cypher } from '../platform/cypher-file.js';
import type { Neo4jGraph } from '../platform/neo4j-graph.js';
import type { ManagedTransaction } from 'neo4j-driver';
import type { ApplyOutcome, RecordStore } from './record-store.js';
import type { ResolutionOutcome } from './resolver.js';
import { lockResolution } from './resolution-lock.js';
import { screenErasedRecords } from './screen-erased-records.js';
import { storedRowOf, type StoredRecordRow } from './record-view.js';
import { newestPerRecord, recordKey, type SourceRecordUpdate } from './source-record.js';

/** How many recent event ids a record remembers to tell a redelivery from a stale update. */
export const REMEMBERED_EVENT_IDS = 32;

/**
 * Applies a chunk in one statement: the newest update per record under the record's ordering rule.
 * Safe to run twice (driver retries, redelivered batches): a replayed event is never newer.
 */
export type ResolveInTransaction = (
  tx: ManagedTransaction,
  changedKeys: string[],
  /** What the transaction has just written to some of them (null: retracted), so it is not read back. */
  written?: ReadonlyMap<string, StoredRecordRow | null>,
) => Promise<ResolutionOutcome>;

export class Neo4jRecordStore implements RecordStore {
  /**
   * With `resolve`, the changed records are resolved in the same transaction as they are written,
   * so a crash can never leave a record applied but unresolved (a redelivery would not redo it).
   */
  constructor(
    private readonly graph: Neo4jGraph,
    private readonly resolve?: ResolveInTransaction,
  ) {}

  async apply(updates: SourceRecordUpdate[]): Promise<ApplyOutcome> {
    if (updates.length === 0) return { freshEventIds: [], changedRecords: [], dropped: [], readmitted: [] };
    const unique = [...new Map(updates.map((u) => [u.eventId, u])).values()];
    return this.graph.write(async (tx) => {
      // One stripe of the resolution lock, taken before any record lock: erasure holds every
      // stripe, so a record cannot slip in between an erasure's tombstone and its deletes, while
      // chunks run side by side and meet only on the nodes their resolutions read and write.
      if (this.resolve) await lockResolution(tx, 'stripe');
      const { admitted, dropped, readmitted } = await screenErasedRecords(tx, unique);
      const outcome: ApplyOutcome = { freshEventIds: [], changedRecords: [], dropped, readmitted };
      if (admitted.length === 0) return outcome;
      const newest = newestPerRecord(admitted);
      const result = await tx.run<{ key: string; duplicates: string[]; applies: boolean }>(cypher('apply-record-updates'), {
        updates: toRows(newest, admitted),
        remember: REMEMBERED_EVENT_IDS,
      });
      const duplicates = new Set(result.records.flatMap((r) => r.get('duplicates')));
      outcome.freshEventIds = admitted.map((u) => u.eventId).filter((id) => !duplicates.has(id));
      outcome.changedRecords = result.records.filter((r) => r.get('applies')).map((r) => r.get('key'));
      if (this.resolve && outcome.changedRecords.length > 0) {
        outcome.resolution = await this.resolve(tx, outcome.changedRecords, writtenViews(newest, outcome.changedRecords));
      }
      return outcome;
    });
  }
}

/** The newest update per record, carrying every event id the chunk had for that record. */
function toRows(newest: SourceRecordUpdate[], all: SourceRecordUpdate[]) {
  const idsByRecord = new Map<string, string[]>();
  for (const u of all) {
    const key = recordKey(u.sourceId, u.sourceRecordId);
    idsByRecord.set(key, [...(idsByRecord.get(key) ?? []), u.eventId]);
  }
  return newest.map((u) => toParams(u, idsByRecord.get(recordKey(u.sourceId, u.sourceRecordId)) ?? []));
}

/** The views the changed records now hold: each one's newest update of the chunk is what applied. */
function writtenViews(newest: SourceRecordUpdate[], changed: string[]): Map<string, StoredRecordRow | null> {
  const byKey = new Map(newest.map((u) => [recordKey(u.sourceId, u.sourceRecordId), u]));
  return new Map(
    changed.flatMap((key) => {
      const u = byKey.get(key);
      return u === undefined ? [] : [[key, u.op === 'retract' ? null : storedRowOf(u)] as const];
    }),
  );
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
    legalBasis: u.legalBasis,
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
