/** How contact ranking weighs age and what it still calls reachable. */
export interface ContactPolicy {
  /** A sighting loses half its weight every this many days. */
  halfLifeDays: number;
  /** A best phone last seen longer ago than this makes the person `stale`, not `reachable`. */
  staleAfterDays: number;
  /** Below this score a contact is kept in the list but no longer offered as reachable. */
  minReachableScore: number;
}

// A quarter's half-life: a number nobody has seen for a year keeps ~6 % of its weight. With
// minReachableScore 0.01 an unverified active telecom number (0.9) stays offered for about 19
// months after its last sighting, a creditor-only number of unknown status (0.6 × 0.7) for 16.
export const DEFAULT_CONTACT_POLICY: Readonly<ContactPolicy> = Object.freeze({
  halfLifeDays: 90,
  staleAfterDays: 180,
  minReachableScore: 0.01,
});

/** Fails fast on a policy that would make every score NaN or every contact stale. */
export function assertValidContactPolicy(policy: ContactPolicy): void {
  if (!(policy.halfLifeDays > 0) || !Number.isFinite(policy.halfLifeDays)) {
    throw new RangeError('halfLifeDays must be a positive number of days, e.g. 90');
  }
  if (!(policy.staleAfterDays >= 0) || !Number.isFinite(policy.staleAfterDays)) {
    throw new RangeError('staleAfterDays must be zero or a positive number of days, e.g. 180');
  }
  if (!(policy.minReachableScore >= 0) || !Number.isFinite(policy.minReachableScore)) {
    throw new RangeError('minReachableScore must be zero or a small positive score, e.g. 0.01');
  }
}
