import type { CallRequest, PolicyDenial } from './call-policy.js';
import { checkCnDailyConversations } from './cn-frequency.js';
import { latestRetry } from './latest-retry.js';
import { checkUsAfterConversation, checkUsSevenInSeven } from './us-frequency.js';

/** The profile's caps on outbound calls; a debtor's own calls are never capped. */
export function checkFrequencyLimits(
  request: Pick<CallRequest, 'profile' | 'now' | 'caseId' | 'creditor' | 'history'>,
  zones: readonly string[],
): PolicyDenial | undefined {
  if (request.profile === 'CN') return checkCnDailyConversations(request, zones);
  const denials = [checkUsSevenInSeven(request), checkUsAfterConversation(request)];
  return latestRetry(denials.filter((d) => d !== undefined));
}
