import type { ManagedTransaction } from 'neo4j-driver';
import { cypher } from '../platform/cypher-file.js';
import type { ErasedRecordDrop, ErasedRecordReadmission } from './record-store.js';
import type { SourceRecordUpdate } from './source-record.js';

export interface Screening {
  admitted: SourceRecordUpdate[];
  dropped: ErasedRecordDrop[];
  readmitted: ErasedRecordReadmission[];
}

/**
 * Keeps erased records erased: an update about a record with an erasure tombstone is left out unless
 * it names a legal basis other than the one in force when the record was erased; such an update is
 * admitted and the tombstone cleared, in the same transaction as the write.
 */
export async function screenErasedRecords(tx: ManagedTransaction, updates: SourceRecordUpdate[]): Promise<Screening> {
  const fingerprints = [...new Set(updates.map((u) => u.recordFingerprint))];
  const result = await tx.run<{ fingerprint: string; legalBasis: string | null }>(cypher('erasure-tombstones'), { fingerprints });
  if (result.records.length === 0) return { admitted: updates, dropped: [], readmitted: [] };
  const tombstones = new Map(result.records.map((r) => [r.get('fingerprint'), r.get('legalBasis')]));
  const screening: Screening = { admitted: [], dropped: [], readmitted: [] };
  for (const u of updates) {
    if (!tombstones.has(u.recordFingerprint)) {
      screening.admitted.push(u);
    } else if (u.legalBasis !== null && u.legalBasis !== tombstones.get(u.recordFingerprint)) {
      screening.admitted.push(u);
      screening.readmitted.push({ eventId: u.eventId, sourceId: u.sourceId, recordFingerprint: u.recordFingerprint, legalBasis: u.legalBasis });
    } else {
      screening.dropped.push({ eventId: u.eventId, sourceId: u.sourceId, recordFingerprint: u.recordFingerprint });
    }
  }
  const cleared = [...new Set(screening.readmitted.map((r) => r.recordFingerprint))];
  if (cleared.length > 0) {
    await tx.run('UNWIND $cleared AS fingerprint MATCH (t:ErasureTombstone {fingerprint: fingerprint}) DELETE t', { cleared });
  }
  return screening;
}
