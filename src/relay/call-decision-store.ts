import type { AuditEntry } from '../audit/audit-entry.js';

/** A routing decision as stored, so a carrier's retried webhook gets the same answer. */
export interface StoredCallDecision {
  callId: string;
  action: 'connect' | 'reject';
  /** Only for `connect`; only ever returned to the telephony layer. */
  to: string | null;
  reason: string;
  announcement: string | null;
  direction: 'outbound' | 'inbound' | null;
  bindingId: string | null;
  caseId: string | null;
  creditor: string | null;
  personId: string | null;
  /** The creditor line that placed an outbound call (a business number); never a debtor's number. */
  fromNumber: string | null;
  atMs: number;
}

export interface CallDecisionStore {
  /**
   * Keeps the first decision stored for a call id and returns it; the audit record is written in
   * the same transaction, so a decision is never stored without it, nor it without the decision.
   */
  save(decision: StoredCallDecision, audit: AuditEntry): Promise<StoredCallDecision>;
  /** Records whether a connected call became a conversation; false when the call id is unknown. */
  recordOutcome(callId: string, answered: boolean, endedAt: Date): Promise<StoredCallDecision | undefined>;
  /** The creditor line that last called through this binding, so the debtor's call-back reaches it. */
  lastOutboundLine(bindingId: string): Promise<string | undefined>;
}
