import type { CallRequest, PolicyDecision } from './call-policy.js';
import { checkCallingHours, nextCallingTime } from './calling-hours.js';
import { checkFrequencyLimits } from './frequency-limits.js';
import { checkRestrictions } from './restrictions.js';
import { checkTarget } from './target-guard.js';
import { debtorTimeZones } from './time-zones.js';

/**
 * The telephony routing decision for one call through a relay binding. Rules run in a fixed order
 * (restrictions, target, calling hours, frequency) and the first refusal is the decision.
 */
export function evaluateCall(request: CallRequest): PolicyDecision {
  const { profile, now, direction } = request;
  const restricted = checkRestrictions(request.restrictions, direction);
  if (restricted !== undefined) return restricted;
  // A debtor calling back reaches the creditor's line, not a contact point of theirs, and is never
  // subject to calling hours or frequency caps, which limit what the collector initiates.
  if (direction === 'inbound') return { allow: true, rule: 'ALLOWED' };

  const misdirected = checkTarget(request.target, request.minLinkScore);
  if (misdirected !== undefined) return misdirected;
  const zones = debtorTimeZones(profile, request.location);
  const outsideHours = checkCallingHours(profile, zones, now);
  if (outsideHours !== undefined) return outsideHours;
  const limited = checkFrequencyLimits(request, zones);
  if (limited === undefined) return { allow: true, rule: 'ALLOWED' };
  // Point the retry at an instant when the call passes the hours as well as the cap.
  const retryAt = limited.retryAt && nextCallingTime(profile, zones, limited.retryAt);
  return { ...limited, retryAt: retryAt ?? limited.retryAt };
}
