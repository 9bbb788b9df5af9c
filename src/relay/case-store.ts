import type { MatchableRecord } from '../resolve/matchable-record.js';
import type { DebtorMatch } from './match-debtor.js';

export interface CaseRef {
  creditor: string;
  caseId: string;
}

/** A case as the service knows it; `personId` and `restrictions` never leave the service. */
export interface CaseState extends CaseRef {
  state: 'open' | 'closed';
  registeredAt: string;
  personId: string | null;
  reachability: 'reachable' | 'stale' | 'unreachable' | null;
  matchScore: number | null;
  lastRefreshedAt: string | null;
  restrictions: string[];
  erased: boolean;
}

export interface CaseStore {
  /** Matches the debtor against the graph (a read) and stores the case with its link (a write). */
  /** With `notify`, a match queues `contact.refreshed` for the creditor in the same transaction. */
  register(ref: CaseRef, debtor: MatchableRecord, now: Date, options?: { notify?: boolean }): Promise<{ created: boolean; match: DebtorMatch }>;
  /** Undefined when the creditor has no such case: another creditor's case looks exactly like none. */
  find(ref: CaseRef): Promise<CaseState | undefined>;
  close(ref: CaseRef, now: Date): Promise<boolean>;
  /** Open unmatched cases, oldest match attempt first, for re-matching as new data arrives. */
  unmatched(limit: number): Promise<{ ref: CaseRef; debtor: MatchableRecord }[]>;
}

export function caseKey(ref: CaseRef): string {
  return `${ref.creditor}|${ref.caseId}`;
}
