import type { PolicyDenial, PolicyProfile, PolicyRuleId } from './call-policy.js';
import { PROFILE_ZONES } from './time-zones.js';
import {
  addDays,
  formatLocalTime,
  localDateTime,
  localMillisOfDay,
  zonedInstant,
} from './zoned-time.js';

export interface CallingHours {
  /** Local minute of the day the window opens (inclusive). */
  opens: number;
  /** Local minute of the day the window closes (exclusive: no call may start at that minute). */
  closes: number;
  rule: PolicyRuleId;
}

export const CALLING_HOURS: Readonly<Record<PolicyProfile, CallingHours>> = {
  // FDCPA §805(a)(1) (15 U.S.C. 1692c(a)(1)) and Reg F §1006.6(b)(1)(i): before 8 a.m. and after
  // 9 p.m. at the consumer's location are presumed inconvenient.
  US: { opens: 8 * 60, closes: 21 * 60, rule: 'US_CALLING_HOURS' },
  // Chinese banking-industry collection conduct guidance: collection calls only 08:00–22:00 local.
  CN: { opens: 8 * 60, closes: 22 * 60, rule: 'CN_CALLING_HOURS' },
};

/** No zone at all is an unknown location, which must fit every zone of the profile. */
const zonesOrAll = (profile: PolicyProfile, zones: readonly string[]) =>
  zones.length > 0 ? zones : PROFILE_ZONES[profile];

function isInsideIn(hours: CallingHours, zone: string, now: Date): boolean {
  const millis = localMillisOfDay(now, zone);
  return millis >= hours.opens * 60_000 && millis < hours.closes * 60_000;
}

export function isWithinCallingHours(
  profile: PolicyProfile,
  zones: readonly string[],
  now: Date,
): boolean {
  const hours = CALLING_HOURS[profile];
  return zonesOrAll(profile, zones).every((zone) => isInsideIn(hours, zone, now));
}

/**
 * The first instant at or after `from` inside calling hours in every zone; undefined only if the
 * zones' windows never overlap. An overlap opens when the last of its windows opens, so it is
 * enough to try each zone's local opening time over the next few days.
 */
export function nextCallingTime(
  profile: PolicyProfile,
  zones: readonly string[],
  from: Date,
): Date | undefined {
  if (isWithinCallingHours(profile, zones, from)) return from;
  const { opens } = CALLING_HOURS[profile];
  return zonesOrAll(profile, zones)
    .flatMap((zone) => {
      const today = localDateTime(from, zone);
      return [-1, 0, 1, 2, 3].map((days) => zonedInstant(zone, addDays(today, days), opens));
    })
    .filter((opening) => opening.getTime() > from.getTime())
    .sort((a, b) => a.getTime() - b.getTime())
    .find((opening) => isWithinCallingHours(profile, zones, opening));
}

const hhmm = (minute: number) =>
  formatLocalTime({ hour: Math.floor(minute / 60), minute: minute % 60 });

/** Refuses an outbound call outside calling hours in any of the debtor's candidate zones. */
export function checkCallingHours(
  profile: PolicyProfile,
  zones: readonly string[],
  now: Date,
): PolicyDenial | undefined {
  const hours = CALLING_HOURS[profile];
  const considered = zonesOrAll(profile, zones);
  const outside = considered.filter((zone) => !isInsideIn(hours, zone, now));
  if (outside.length === 0) return undefined;
  return {
    allow: false,
    rule: hours.rule,
    kind: 'hours',
    retryAt: nextCallingTime(profile, considered, now),
    details: {
      window: `${hhmm(hours.opens)}-${hhmm(hours.closes)}`,
      zones: considered.join(','),
      localTimes: considered.map((z) => `${z}=${formatLocalTime(localDateTime(now, z))}`).join(','),
      outsideIn: outside.join(','),
    },
  };
}
