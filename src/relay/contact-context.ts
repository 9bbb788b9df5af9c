import type { StoredCallDecision } from './call-decision-store.js';
import type { CaseRef } from './case-store.js';
import type { ContactAttempt, DebtorLocation } from './policy/call-policy.js';

/**
 * What a compliance decision about one case knows. The best contact's number is here because the
 * telephony route needs it; nothing built from this may reach a creditor.
 */
export interface ContactContext {
  case: CaseRef;
  caseState: 'open' | 'closed';
  erased: boolean;
  personId: string | null;
  restrictions: string[];
  caseScore: number | null;
  best: {
    e164: string;
    superseded: boolean;
    /** The strongest link of a record holding it to the person; +∞ for the person's first record. */
    linkScore: number;
    /** True when only review-band (POSSIBLE_MATCH) records hold it. */
    possibleMatchOnly: boolean;
    /** True when the person's own records report it as a relative's or contact's number. */
    thirdParty: boolean;
  } | null;
  location: DebtorLocation;
  /** Only the calls the configured profile counts: see HistoryScope. */
  history: ContactAttempt[];
  fromCreditorLine: boolean;
  fromDebtor: boolean;
  creditorLines: string[];
}

/** What routing one call needs, read at once: its earlier decision, the active binding, the context. */
export interface CallContext {
  previous: StoredCallDecision | undefined;
  binding: { bindingId: string; creditor: string; caseId: string; personId: string } | undefined;
  context: ContactContext | undefined;
}

export interface ContactContextReader {
  forCase(ref: CaseRef, now: Date, from?: string): Promise<ContactContext | undefined>;
  forCall(call: { relayNumber: string; callId: string; from: string }, now: Date): Promise<CallContext>;
}
