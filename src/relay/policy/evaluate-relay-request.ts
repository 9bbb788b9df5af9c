import type { PolicyDecision, RelayRequest } from './call-policy.js';
import { checkFrequencyLimits } from './frequency-limits.js';
import { checkRestrictions } from './restrictions.js';
import { checkTarget } from './target-guard.js';
import { debtorTimeZones } from './time-zones.js';

/**
 * Whether a relay binding may be issued for a case. A binding exists so that the creditor can call
 * the debtor, so it is judged as an outbound call: restrictions (API 423), target (409) and
 * frequency caps (429, Retry-After from `retryAt`). Calling hours are not checked: a binding may be
 * created at any time, and every call through it is checked at call time by `evaluateCall`.
 */
export function evaluateRelayRequest(request: RelayRequest): PolicyDecision {
  const restricted = checkRestrictions(request.restrictions, 'outbound');
  if (restricted !== undefined) return restricted;
  const misdirected = checkTarget(request.target, request.minLinkScore);
  if (misdirected !== undefined) return misdirected;
  const zones = debtorTimeZones(request.profile, request.location);
  return checkFrequencyLimits(request, zones) ?? { allow: true, rule: 'ALLOWED' };
}
