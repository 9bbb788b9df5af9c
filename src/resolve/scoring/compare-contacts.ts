import type { MatchablePhone } from '../matchable-record.js';
import { lineTypeOf } from '../normalize/phone.js';
import type { PhoneStatus } from '../source-record.js';

export type PhoneLevel =
  | 'shared_active'
  | 'shared_fixed_line'
  | 'shared_tenure'
  | 'shared_stale'
  | 'different'
  | 'missing';
export type EmailLevel = 'exact' | 'different' | 'missing';

// A disconnected or reassigned number may since belong to someone else: sharing one is weaker.
const STALE: ReadonlySet<PhoneStatus> = new Set<PhoneStatus>(['disconnected', 'reassigned']);

export interface SharedPhone {
  e164: string;
  level: 'shared_active' | 'shared_fixed_line' | 'shared_tenure' | 'shared_stale';
}

// The order levels are preferred in when several numbers are shared.
const SHARED_LEVELS = ['shared_active', 'shared_tenure', 'shared_fixed_line', 'shared_stale'] as const;

export interface PhoneComparison {
  /** The best level of any shared number; 'different' or 'missing' when none is shared. */
  level: PhoneLevel;
  /** Every shared number, for the term-frequency adjustment. */
  shared: SharedPhone[];
}

/**
 * A mobile both records list as live is strong evidence; a fixed line less so. One a record lists as ended (the telecom
 * reports it disconnected or reassigned, as of its last sighting) is only as strong as *when* the
 * other record saw it: a sighting at or before the end falls in the same tenure, when the number was
 * the ending subscriber's, which is what a creditor's form filled in before a SIM change looks like;
 * a sighting after it may be the number's next holder.
 */
export function comparePhones(a: MatchablePhone[], b: MatchablePhone[]): PhoneComparison {
  if (a.length === 0 || b.length === 0) return { level: 'missing', shared: [] };
  const aSightings = sightings(a);
  const bSightings = sightings(b);
  const shared = [...aSightings.keys()]
    .filter((e164) => bSightings.has(e164))
    .map((e164): SharedPhone => ({ e164, level: sharedLevel(e164, aSightings.get(e164)!, bSightings.get(e164)!) }));
  const best = SHARED_LEVELS.find((level) => shared.some((phone) => phone.level === level));
  return { level: best ?? 'different', shared };
}

interface Sighting {
  live: boolean;
  /** The last time the record saw the number live, or when it ended. */
  lastSeenAtMs: number;
}

// A fixed line rings in a household or an office: sharing one says less than sharing a mobile.
function sharedLevel(e164: string, x: Sighting, y: Sighting): SharedPhone['level'] {
  const fixed = lineTypeOf(e164) === 'fixed_line';
  if (x.live && y.live) return fixed ? 'shared_fixed_line' : 'shared_active';
  if (x.live !== y.live) {
    const [live, ended] = x.live ? [x, y] : [y, x];
    if (live.lastSeenAtMs <= ended.lastSeenAtMs) return fixed ? 'shared_fixed_line' : 'shared_tenure';
  }
  return 'shared_stale';
}

// A number listed twice by one record counts as live if any listing is, as of its latest sighting.
function sightings(phones: MatchablePhone[]): Map<string, Sighting> {
  const byNumber = new Map<string, Sighting>();
  for (const phone of phones) {
    const live = !STALE.has(phone.status);
    const known = byNumber.get(phone.e164);
    if (known === undefined || (live && !known.live)) {
      byNumber.set(phone.e164, { live, lastSeenAtMs: phone.lastSeenAtMs });
    } else if (live === known.live) {
      known.lastSeenAtMs = Math.max(known.lastSeenAtMs, phone.lastSeenAtMs);
    }
  }
  return byNumber;
}

/** Emails are canonical already (one spelling per mailbox), so agreement is equality. */
export function compareEmails(a: string[], b: string[]): EmailLevel {
  if (a.length === 0 || b.length === 0) return 'missing';
  const bSet = new Set(b);
  return a.some((email) => bSet.has(email)) ? 'exact' : 'different';
}
