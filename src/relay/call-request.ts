import type { ContactContext } from './contact-context.js';
import type { CallRequest, PolicyProfile, Restriction } from './policy/call-policy.js';

const RESTRICTIONS = new Set<Restriction>(['cease_communication', 'attorney', 'dispute', 'deceased', 'erased']);

export interface PolicySettings {
  profile: PolicyProfile;
  minLinkScore: number;
}

/**
 * The policy's view of a case's context. Link confidence is the weaker of the case's match to the
 * person and the number's link to the person: either being doubtful is enough to hold back.
 */
export function callRequestOf(
  context: ContactContext & { best: NonNullable<ContactContext['best']> },
  direction: CallRequest['direction'],
  settings: PolicySettings,
  now: Date,
): CallRequest {
  const restrictions = context.restrictions.filter((r): r is Restriction => RESTRICTIONS.has(r as Restriction));
  if (context.erased && !restrictions.includes('erased')) restrictions.push('erased');
  return {
    profile: settings.profile,
    now,
    direction,
    caseId: context.case.caseId,
    creditor: context.case.creditor,
    location: context.location,
    restrictions,
    target: {
      kind: context.best.thirdParty ? 'third_party' : 'own',
      link: context.best.possibleMatchOnly ? 'POSSIBLE_MATCH' : 'RESOLVES_TO',
      superseded: context.best.superseded,
      linkScore: Math.min(context.caseScore ?? Number.NEGATIVE_INFINITY, context.best.linkScore),
    },
    minLinkScore: settings.minLinkScore,
    history: context.history,
  };
}

/**
 * A debtor calling back: the policy decides by restrictions only (the target is the creditor's
 * line, not a contact point), so the target is the caller's own, firmly linked number.
 */
export function inboundCallRequest(context: ContactContext, settings: PolicySettings, now: Date): CallRequest {
  const own = { e164: '', superseded: false, linkScore: Number.POSITIVE_INFINITY, possibleMatchOnly: false, thirdParty: false };
  const request = callRequestOf({ ...context, best: own, caseScore: Number.POSITIVE_INFINITY }, 'inbound', settings, now);
  return request;
}
