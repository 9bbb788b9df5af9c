import type { PhoneStatus } from '../source-record.js';
import type { ContactPolicy } from './contact-policy.js';
import type { ContactSighting } from './contact-sightings.js';

/*
 * score = recency × trust × corroboration × verification × status
 *
 *   recency       = 2^(−ageDays / halfLifeDays), ageDays from the newest sighting by any source
 *                   (a future timestamp counts as now)
 *   trust         = 1 − Π over distinct sources of (1 − sourceTrust): the chance at least one
 *                   source is right; a source's own duplicates count once, at its highest trust
 *   corroboration = 1 + 0.15 × min(sources − 1, 3): agreeing independent sources are rewarded
 *                   beyond the trust product, which saturates quickly (0.9 and 0.6 → 0.96)
 *   verification  = 1 + 0.5 × 2^(−verificationAgeDays / halfLifeDays) for the newest
 *                   verification, 1 if never verified: an OTP last week is worth far more than
 *                   one three years ago
 *   status        = active 1, unknown 0.7, inactive 0.15, disconnected / reassigned / superseded
 *                   0 (listed, never reachable); the newest real status report wins; an
 *                   email weighs 0.7 (deliverability unknown) and is never `best`
 *
 * A contact scoring below policy.minReachableScore stays listed, marked not reachable.
 *
 * Recency dominates on purpose: a 0.9-trust number loses to a 0.6-trust one seen today once it
 * is log2(0.9 / 0.6) ≈ 0.58 half-lives old (53 days at the default), because a number someone
 * used last month beats one a careful source confirmed last season. The result is relative (at
 * most 1.45 × 1.5 ≈ 2.2), comparable across persons, and not a probability.
 */
export const CORROBORATION_BONUS = 0.15;
export const MAX_CORROBORATING_SOURCES = 3;
export const VERIFICATION_BONUS = 0.5;

export const STATUS_FACTOR: Readonly<Record<PhoneStatus, number>> = {
  active: 1,
  unknown: 0.7,
  inactive: 0.15,
  disconnected: 0,
  reassigned: 0,
};

export const DAY_MS = 24 * 60 * 60 * 1000;

export function decay(ageMs: number, policy: Pick<ContactPolicy, 'halfLifeDays'>): number {
  return 2 ** (-Math.max(0, ageMs) / DAY_MS / policy.halfLifeDays);
}

/** 1 − Π(1 − trust) over distinct sources, each at its highest trust. */
export function combinedTrust(sightings: readonly ContactSighting[]): number {
  const bySource = new Map<string, number>();
  for (const { sourceId, sourceTrust } of sightings) {
    const trust = Math.min(1, Math.max(0, sourceTrust));
    bySource.set(sourceId, Math.max(bySource.get(sourceId) ?? 0, trust));
  }
  let allWrong = 1;
  for (const trust of bySource.values()) allWrong *= 1 - trust;
  return 1 - allWrong;
}

export function corroborationFactor(distinctSources: number): number {
  return (
    1 + CORROBORATION_BONUS * Math.min(Math.max(0, distinctSources - 1), MAX_CORROBORATING_SOURCES)
  );
}

export function verificationFactor(
  newestVerifiedAtMs: number | undefined,
  nowMs: number,
  policy: Pick<ContactPolicy, 'halfLifeDays'>,
): number {
  if (newestVerifiedAtMs === undefined) return 1;
  return 1 + VERIFICATION_BONUS * decay(nowMs - newestVerifiedAtMs, policy);
}
