import type { ResolutionOutcome } from './resolver.js';
import type { SourceRecordUpdate } from './source-record.js';

/** An event about an erased record, not written: its source sent no new legal basis. */
export interface ErasedRecordDrop {
  eventId: string;
  sourceId: string;
  recordFingerprint: string;
}

/** An erased record sent again under a new legal basis: applied, and its tombstone cleared. */
export interface ErasedRecordReadmission {
  eventId: string;
  sourceId: string;
  recordFingerprint: string;
  legalBasis: string;
}

export interface ApplyOutcome {
  /** Ids of events not seen before (now in the ledger), whether or not they changed a record. */
  freshEventIds: string[];
  /** Keys of records whose current view changed. */
  changedRecords: string[];
  /** Events about erased records, left out of the write. */
  dropped: ErasedRecordDrop[];
  readmitted: ErasedRecordReadmission[];
  /** Present when resolution ran in the same transaction. */
  resolution?: ResolutionOutcome;
}

/** Where source records live. Implementations must make `apply` idempotent by event id. */
export interface RecordStore {
  apply(updates: SourceRecordUpdate[]): Promise<ApplyOutcome>;
}
