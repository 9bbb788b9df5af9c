import type { MatchablePhone } from '../matchable-record.js';
import type { PhoneStatus } from '../source-record.js';

export type PhoneLevel = 'shared_active' | 'shared_stale' | 'different' | 'missing';
export type EmailLevel = 'exact' | 'different' | 'missing';

// A disconnected or reassigned number may since belong to someone else: sharing one is weaker.
const STALE: ReadonlySet<PhoneStatus> = new Set<PhoneStatus>(['disconnected', 'reassigned']);

export interface SharedPhone {
  e164: string;
  level: 'shared_active' | 'shared_stale';
}

export interface PhoneComparison {
  /** The best level of any shared number; 'different' or 'missing' when none is shared. */
  level: PhoneLevel;
  /** Every shared number, for the term-frequency adjustment. */
  shared: SharedPhone[];
}

export function comparePhones(a: MatchablePhone[], b: MatchablePhone[]): PhoneComparison {
  if (a.length === 0 || b.length === 0) return { level: 'missing', shared: [] };
  const aLive = liveness(a);
  const bLive = liveness(b);
  const shared = [...aLive.keys()]
    .filter((e164) => bLive.has(e164))
    .map((e164): SharedPhone => ({
      e164,
      level:
        aLive.get(e164) === true && bLive.get(e164) === true ? 'shared_active' : 'shared_stale',
    }));
  if (shared.some((phone) => phone.level === 'shared_active')) {
    return { level: 'shared_active', shared };
  }
  return { level: shared.length > 0 ? 'shared_stale' : 'different', shared };
}

// A number listed twice by one record counts as live if any listing is.
function liveness(phones: MatchablePhone[]): Map<string, boolean> {
  const live = new Map<string, boolean>();
  for (const phone of phones) {
    live.set(phone.e164, live.get(phone.e164) === true || !STALE.has(phone.status));
  }
  return live;
}

/** Emails are canonical already (one spelling per mailbox), so agreement is equality. */
export function compareEmails(a: string[], b: string[]): EmailLevel {
  if (a.length === 0 || b.length === 0) return 'missing';
  const bSet = new Set(b);
  return a.some((email) => bSet.has(email)) ? 'exact' : 'different';
}
