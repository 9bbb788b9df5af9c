import type { MatchableNationalId } from '../matchable-record.js';

export type NationalIdLevel = 'exact' | 'different' | 'missing';

/**
 * 'exact' when the records share any id (a fingerprint covers country, type and value, so equal
 * fingerprints are the same id). 'different' only when they hold an id of the same country and
 * type and share none: ids of different schemes say nothing about each other.
 */
export function compareNationalIds(
  a: MatchableNationalId[],
  b: MatchableNationalId[],
): NationalIdLevel {
  const bPrints = new Set(b.map((id) => id.fingerprint));
  if (a.some((id) => bPrints.has(id.fingerprint))) return 'exact';
  const bSchemes = new Set(b.map(scheme));
  return a.some((id) => bSchemes.has(scheme(id))) ? 'different' : 'missing';
}

function scheme(id: MatchableNationalId): string {
  return `${id.country}|${id.type}`;
}

/** True when both records' ids encode a sex and no sex is common to them. */
export function derivedSexesConflict(a: MatchableNationalId[], b: MatchableNationalId[]): boolean {
  const aSexes = new Set(a.flatMap((id) => (id.derivedSex === undefined ? [] : [id.derivedSex])));
  const bSexes = b.flatMap((id) => (id.derivedSex === undefined ? [] : [id.derivedSex]));
  return aSexes.size > 0 && bSexes.length > 0 && !bSexes.some((sex) => aSexes.has(sex));
}
