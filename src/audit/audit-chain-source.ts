import type { AuditCheckpoint } from './audit-checkpoint.js';
import type { StoredAuditRecord } from './stored-audit-record.js';

export interface SeqBounds {
  first: number;
  last: number;
}

/**
 * What verification and export read: the graph, or an export file held in memory. Records are
 * addressed by the seq they are stored under, which tampering may have changed; that is the point.
 */
export interface AuditChainSource {
  readonly chain: string;
  /** Lowest and highest stored seq; undefined when no record is stored. */
  bounds(): Promise<SeqBounds | undefined>;
  /** Every record stored with fromSeq ≤ seq ≤ toSeq, by seq; several records claiming one seq all come. */
  records(fromSeq: number, toSeq: number): Promise<StoredAuditRecord[]>;
  checkpoints(fromSeq: number, toSeq: number): Promise<AuditCheckpoint[]>;
  /** The head the writers last recorded; undefined for a source without one (an export). */
  head(): Promise<{ seq: number; hash: string } | undefined>;
  /** Stored seqs of the records with fromTime ≤ at < toTime (ISO 8601). */
  seqsBetween(
    fromTime: string | undefined,
    toTime: string | undefined,
  ): Promise<SeqBounds | undefined>;
}
