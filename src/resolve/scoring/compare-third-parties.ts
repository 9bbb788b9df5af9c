import type { MatchableRecord } from '../matchable-record.js';

export type ThirdPartyLevel = 'strong_overlap' | 'overlap' | 'none' | 'missing';

// Household members and emergency contacts are shared by a whole family, so they would make
// siblings look alike; the circle of people someone calls is their own.
const CIRCLE_KIND = 'frequent_contact';

/** The Jaccard index at or above which two circles of contacts are called the same circle. */
export const STRONG_OVERLAP_JACCARD = 0.5;
/**
 * ... and the fewest shared contacts that may: two siblings who each list only their mother have a
 * Jaccard index of 1, which says nothing about whether they are one person.
 */
export const STRONG_OVERLAP_MIN_SHARED = 3;

/**
 * The signal of a SIM change: an old and a new number with the same circle of contacts. Weights
 * are ignored: sources scale them differently, and the set is what identifies the circle.
 */
export function compareThirdParties(a: MatchableRecord, b: MatchableRecord): ThirdPartyLevel {
  const aCircle = circle(a);
  const bCircle = circle(b);
  if (aCircle.size === 0 || bCircle.size === 0) return 'missing';
  let shared = 0;
  for (const fingerprint of aCircle) if (bCircle.has(fingerprint)) shared++;
  if (shared === 0) return 'none';
  const jaccard = shared / (aCircle.size + bCircle.size - shared);
  return jaccard >= STRONG_OVERLAP_JACCARD && shared >= STRONG_OVERLAP_MIN_SHARED
    ? 'strong_overlap'
    : 'overlap';
}

function circle(record: MatchableRecord): Set<string> {
  return new Set(
    record.thirdParties.filter((t) => t.kind === CIRCLE_KIND).map((t) => t.fingerprint),
  );
}
