import type { CallRequest, ContactAttempt } from '../../../src/relay/policy/call-policy.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** A US outbound call on case-1 of creditor-a to a New York debtor's own, well-linked number. */
export function callRequest(overrides: Partial<CallRequest> = {}): CallRequest {
  return {
    profile: 'US',
    now: new Date('2026-06-15T16:00:00Z'),
    direction: 'outbound',
    caseId: 'case-1',
    creditor: 'creditor-a',
    location: { phoneCountry: 'US', addressCountry: 'US', addressRegion: 'NY' },
    restrictions: [],
    target: { kind: 'own', link: 'RESOLVES_TO', superseded: false, linkScore: 20 },
    minLinkScore: 12,
    history: [],
    ...overrides,
  };
}

/** An unanswered outbound attempt on case-1 of creditor-a, unless told otherwise. */
export function attempt(
  at: Date | number | string,
  overrides: Partial<ContactAttempt> = {},
): ContactAttempt {
  return {
    at: new Date(at),
    caseId: 'case-1',
    creditor: 'creditor-a',
    direction: 'outbound',
    connected: false,
    ...overrides,
  };
}
