import type { RestrictionReason } from '../../contracts/api/subjects.v1.js';
import type { SubjectHoldings } from './subject-holdings.js';

export interface SubjectRestriction {
  reason: RestrictionReason;
  /** When it was first placed; null for one placed without details. */
  since: string | null;
  note: string | null;
}

/** An erased record's tombstone: the keyed HMAC of its key and the legal basis it was held under. */
export interface ErasureTombstone {
  fingerprint: string;
  sourceId: string;
  legalBasis: string;
}

export interface ErasedRecord {
  key: string;
  sourceId: string;
  /** The basis an event about the record named, if any; else the source's registered one applies. */
  legalBasis: string | null;
}

export interface ErasureOutcome {
  records: number;
  casesMarkedErased: number;
  tombstones: number;
  /** Other persons' records re-resolved because the erased ones no longer stand beside them. */
  reresolvedRecords: number;
}

/**
 * A data subject's data in the identity graph, as privacy officers act on it. Every method answers
 * undefined when there is no such person, so a caller cannot tell a malformed id from an unknown one.
 */
export interface SubjectStore {
  restrictions(personId: string): Promise<SubjectRestriction[] | undefined>;
  /** Held on each of the person's records, so the restriction stays with them through merges and splits. */
  restrict(personId: string, reason: RestrictionReason, note: string | null, now: Date): Promise<SubjectRestriction[] | undefined>;
  /** Lifts one reason, or every reason when none is given. */
  lift(personId: string, reason: RestrictionReason | undefined): Promise<SubjectRestriction[] | undefined>;
  holdings(personId: string): Promise<SubjectHoldings | undefined>;
  /**
   * Removes the person and their records in one transaction, leaving a tombstone per record, and
   * re-resolves the persons whose components the records were part of.
   */
  erase(personId: string, now: Date, tombstoneOf: (record: ErasedRecord) => ErasureTombstone): Promise<ErasureOutcome | undefined>;
}
