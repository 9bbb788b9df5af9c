import type { CallRequest, ContactAttempt, PolicyDenial } from './call-policy.js';

type FrequencyInput = Pick<CallRequest, 'now' | 'caseId' | 'creditor' | 'history'>;

// Reg F §1006.14(b)(2)(i): a collector is presumed to harass if it calls about a particular debt
// (A) more than seven times within seven consecutive days, or (B) within seven consecutive days
// after a telephone conversation about it.
export const US_MAX_ATTEMPTS = 7;
export const US_WINDOW_MS = 7 * 86_400_000;

/**
 * A rolling 7 × 24 h window, stricter than the regulation's calendar days: calls only happen
 * 08:00–21:00 local, so any calls within seven calendar days are also within 7 × 24 h. An event
 * leaves the window exactly 7 × 24 h after it happened. Events dated after `now` (clock skew) count.
 */
const inWindow = (event: ContactAttempt, now: Date) =>
  now.getTime() - event.at.getTime() < US_WINDOW_MS;

/** The same debt: a case id is only unique within its creditor. */
const onCase = (event: ContactAttempt, request: FrequencyInput) =>
  event.caseId === request.caseId && event.creditor === request.creditor;

export function checkUsSevenInSeven(request: FrequencyInput): PolicyDenial | undefined {
  // Only the creditor's calls are attempts; a debtor's call back never is.
  const attempts = request.history
    .filter((e) => e.direction === 'outbound' && onCase(e, request) && inWindow(e, request.now))
    .map((e) => e.at.getTime())
    .sort((a, b) => a - b);
  if (attempts.length < US_MAX_ATTEMPTS) return undefined;
  // Allowed again once only US_MAX_ATTEMPTS - 1 attempts remain in the window.
  const agesOut = attempts[attempts.length - US_MAX_ATTEMPTS] ?? request.now.getTime();
  return {
    allow: false,
    rule: 'US_SEVEN_IN_SEVEN',
    kind: 'limit',
    retryAt: new Date(agesOut + US_WINDOW_MS),
    details: { attemptsInWindow: attempts.length, maxAttempts: US_MAX_ATTEMPTS, windowDays: 7 },
  };
}

export function checkUsAfterConversation(request: FrequencyInput): PolicyDenial | undefined {
  // A conversation is any answered call about the debt, whoever dialled.
  const conversations = request.history
    .filter((e) => e.connected && onCase(e, request) && inWindow(e, request.now))
    .map((e) => e.at.getTime());
  if (conversations.length === 0) return undefined;
  const last = Math.max(...conversations);
  return {
    allow: false,
    rule: 'US_AFTER_CONVERSATION',
    kind: 'limit',
    retryAt: new Date(last + US_WINDOW_MS),
    details: {
      hoursSinceConversation: Math.floor((request.now.getTime() - last) / 3_600_000),
      windowDays: 7,
    },
  };
}
