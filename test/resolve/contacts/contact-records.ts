import type { MatchablePhone, MatchableRecord } from '../../../src/resolve/matchable-record.js';

export const NOW = new Date('2024-06-01T00:00:00Z');
export const DAY_MS = 24 * 60 * 60 * 1000;

export function daysAgo(days: number): number {
  return NOW.getTime() - days * DAY_MS;
}

// Synthetic 138-0000-00xx style CN mobiles only.
export const PHONE_A = '+8613800000001';
export const PHONE_B = '+8613800000002';
export const PHONE_C = '+8613800000003';

export const TRUST = { 'demo-telco': 0.9, 'demo-registry': 0.95, 'demo-creditor': 0.6 } as const;

let counter = 0;

/** A record of `sourceId` holding the given phones (and emails), observed at its newest sighting. */
export function record(
  sourceId: keyof typeof TRUST,
  phones: MatchablePhone[],
  extra: Partial<MatchableRecord> = {},
): MatchableRecord {
  counter += 1;
  return {
    key: `${sourceId}:R${counter}`,
    sourceId,
    sourceTrust: TRUST[sourceId],
    observedAtMs: Math.max(0, ...phones.map((p) => p.lastSeenAtMs)),
    names: [],
    nationalIds: [],
    phones,
    emails: [],
    addresses: [],
    thirdParties: [],
    ...extra,
  };
}

export function phone(
  e164: string,
  status: MatchablePhone['status'],
  seenDaysAgo: number,
  verifiedDaysAgo?: number,
): MatchablePhone {
  return {
    e164,
    status,
    lastSeenAtMs: daysAgo(seenDaysAgo),
    ...(verifiedDaysAgo === undefined ? {} : { verifiedAtMs: daysAgo(verifiedDaysAgo) }),
  };
}
