/** One person's claim on a number, with how strongly their records support it (0..1). */
export interface PhoneClaim {
  e164: string;
  personId: string;
  lastSeenAtMs: number;
  strength: number;
}

/**
 * A number strongly held by two or more persons: a household or office line, or a number the
 * telecom recycled to a new subscriber. Either way no relay may dial it for one of them alone
 * until someone looks.
 */
export interface PhoneConflict {
  e164: string;
  /** Sorted. */
  personIds: string[];
  /** When the second claimant was first seen with it: the conflict exists from then on. */
  since: number;
  kind: 'SHARED_OR_RECYCLED';
}

// Weak claims (a single stale creditor mention) are the normal noise of a recycled number's old
// owner; only when both sides hold it with real evidence is a person's contact in doubt.
export const STRONG_CLAIM_STRENGTH = 0.5;

/** Conflicts sorted by number; a claim below `minStrength` is ignored. */
export function detectPhoneConflicts(
  claims: readonly PhoneClaim[],
  minStrength: number = STRONG_CLAIM_STRENGTH,
): PhoneConflict[] {
  // number → person → earliest strong sighting
  const claimants = new Map<string, Map<string, number>>();
  for (const claim of claims) {
    if (!(claim.strength >= minStrength)) continue;
    let persons = claimants.get(claim.e164);
    if (!persons) {
      persons = new Map();
      claimants.set(claim.e164, persons);
    }
    const earliest = persons.get(claim.personId);
    if (earliest === undefined || claim.lastSeenAtMs < earliest) {
      persons.set(claim.personId, claim.lastSeenAtMs);
    }
  }

  const conflicts: PhoneConflict[] = [];
  for (const [e164, persons] of claimants) {
    if (persons.size < 2) continue;
    const firstSightings = [...persons.values()].sort((a, b) => a - b);
    conflicts.push({
      e164,
      personIds: [...persons.keys()].sort(),
      since: firstSightings[1] ?? 0,
      kind: 'SHARED_OR_RECYCLED',
    });
  }
  return conflicts.sort((a, b) => (a.e164 < b.e164 ? -1 : a.e164 > b.e164 ? 1 : 0));
}
