import type { ResolutionOutcome } from './resolver.js';
import type { SourceRecordUpdate } from './source-record.js';

export interface ApplyOutcome {
  /** Ids of events not seen before (now in the ledger), whether or not they changed a record. */
  freshEventIds: string[];
  /** Keys of records whose current view changed. */
  changedRecords: string[];
  /** Present when resolution ran in the same transaction. */
  resolution?: ResolutionOutcome;
}

/** Where source records live. Implementations must make `apply` idempotent by event id. */
export interface RecordStore {
  apply(updates: SourceRecordUpdate[]): Promise<ApplyOutcome>;
}
