import type { RecordComparison } from './compare-records.js';

/**
 * Facts that rule a match out whatever else agrees. The first that applies is reported.
 * - DIFFERENT_NATIONAL_ID: both hold an id of one country and type, and they share no id at all.
 *   A renewed passport gets a new number, so two records of one person that know only their
 *   passports will not link: the safe direction of error.
 * - NATIONAL_ID_SEX_CONFLICT: their ids encode different sexes.
 * - INCOMPATIBLE_BIRTH_DATE: no birth date of one fits any of the other's; a one-digit slip or
 *   swapped day and month is 'close', not a conflict.
 */
export type CannotLinkRule =
  'DIFFERENT_NATIONAL_ID' | 'NATIONAL_ID_SEX_CONFLICT' | 'INCOMPATIBLE_BIRTH_DATE';

export function cannotLinkRule(comparison: RecordComparison): CannotLinkRule | null {
  if (comparison.nationalId === 'different') return 'DIFFERENT_NATIONAL_ID';
  if (comparison.sexConflict) return 'NATIONAL_ID_SEX_CONFLICT';
  if (comparison.birthDate === 'incompatible') return 'INCOMPATIBLE_BIRTH_DATE';
  return null;
}
