import type { CallRequest, PolicyDenial } from './call-policy.js';
import { latestRetry } from './latest-retry.js';
import { addDays, formatLocalDate, localDateTime, zonedInstant } from './zoned-time.js';

// Chinese banking-industry collection conduct guidance: at most three answered collection calls
// with a debtor per day, counted across all creditors.
export const CN_MAX_DAILY_CONVERSATIONS = 3;

const sameLocalDate = (a: Date, b: Date, zone: string) => {
  const x = localDateTime(a, zone);
  const y = localDateTime(b, zone);
  return x.year === y.year && x.month === y.month && x.day === y.day;
};

/**
 * Refuses an outbound call once the debtor had three conversations on their local calendar day.
 * Answered calls back from the debtor count too: the cap is on the debtor's burden, and counting
 * them is the stricter reading. Unanswered attempts never count.
 */
export function checkCnDailyConversations(
  request: Pick<CallRequest, 'now' | 'history'>,
  zones: readonly string[],
): PolicyDenial | undefined {
  const denials = zones.flatMap((zone) => {
    const conversations = request.history.filter(
      (e) => e.connected && sameLocalDate(e.at, request.now, zone),
    ).length;
    if (conversations < CN_MAX_DAILY_CONVERSATIONS) return [];
    const today = localDateTime(request.now, zone);
    const denial: PolicyDenial = {
      allow: false,
      rule: 'CN_DAILY_CONVERSATIONS',
      kind: 'limit',
      retryAt: zonedInstant(zone, addDays(today, 1), 0),
      details: {
        conversationsToday: conversations,
        maxConversations: CN_MAX_DAILY_CONVERSATIONS,
        zone,
        localDate: formatLocalDate(today),
      },
    };
    return [denial];
  });
  return latestRetry(denials);
}
