import type { AuditOutcome, AuditRecord } from './audit-entry.js';

export const MAX_QUERY_LIMIT = 500;
export const DEFAULT_QUERY_LIMIT = 100;

export interface AuditFilter {
  personId?: string;
  caseId?: string;
  /** The acting subject. */
  actor?: string;
  creditor?: string;
  action?: string;
  outcome?: AuditOutcome;
  /** ISO 8601, inclusive. */
  from?: string;
  /** ISO 8601, exclusive. */
  to?: string;
  /** A `nextCursor` from the previous page: only records with a lower seq. */
  after?: number;
  /** At most MAX_QUERY_LIMIT; DEFAULT_QUERY_LIMIT when unset. */
  limit?: number;
}

/** Newest first (descending seq): an auditor usually asks what happened lately. */
export interface AuditPage {
  records: AuditRecord[];
  /** Pass as `after` for the next (older) page; null when this page was the last. */
  nextCursor: number | null;
}

export interface AuditReader {
  query(filter: AuditFilter): Promise<AuditPage>;
}
