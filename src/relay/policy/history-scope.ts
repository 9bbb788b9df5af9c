import type { CallRequest, ContactAttempt, PolicyProfile } from './call-policy.js';

/**
 * The earlier calls a profile's frequency rules can count, so that a decision reads only those.
 * Unanswered attempts pile up on a debtor who is dialled often and rarely reached; reading each of
 * them for every later decision would make a call's cost grow with the creditor's persistence.
 * - CN counts the debtor's conversations, on any creditor's case, and nothing else.
 * - US counts conversations and outbound attempts, both only on the case being decided.
 */
export interface HistoryScope {
  /** Also the outbound attempts on the decided case, answered or not. */
  caseAttempts: boolean;
}

export function historyScope(profile: PolicyProfile): HistoryScope {
  return { caseAttempts: profile === 'US' };
}

/** What a store must return for a decision on `onCase`: every conversation, and attempts in scope. */
export function inHistoryScope(
  scope: HistoryScope,
  onCase: Pick<CallRequest, 'caseId' | 'creditor'>,
): (call: ContactAttempt) => boolean {
  return (call) =>
    call.connected ||
    (scope.caseAttempts &&
      call.direction === 'outbound' &&
      call.caseId === onCase.caseId &&
      call.creditor === onCase.creditor);
}
