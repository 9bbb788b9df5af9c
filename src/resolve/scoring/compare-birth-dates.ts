import type { MatchableRecord } from '../matchable-record.js';
import { compareBirthDates, formatPartialDate, parseBirthDate } from '../normalize/birth-date.js';
import type { BirthDateMatch, PartialDate } from '../normalize/birth-date.js';

// Best first: a record with several dates agrees as well as its best-agreeing date does, so a
// pair is 'incompatible' (a cannot-link) only when no date of one fits any date of the other.
const RANK: readonly BirthDateMatch[] = ['exact', 'compatible', 'close', 'incompatible'];

/**
 * The record's own birth date and the dates its national ids encode (ids in `skip` left out).
 * All of them count: a record without its own date is still compared, one that states only a year
 * is compared at the precision its id gives, and adding a date can never make a pair agree less.
 * Where a record's own date and its id disagree (rare: ingest can cross-check them), the pair is
 * judged on whichever fits best.
 */
export function birthDatesOf(
  record: MatchableRecord,
  skip: ReadonlySet<string> = new Set(),
): PartialDate[] {
  const dates = new Map<string, PartialDate>();
  if (record.birthDate !== undefined)
    dates.set(formatPartialDate(record.birthDate), record.birthDate);
  for (const id of record.nationalIds) {
    if (id.derivedBirthDate === undefined || skip.has(id.fingerprint)) continue;
    const parsed = parseBirthDate(id.derivedBirthDate);
    if (parsed.ok) dates.set(formatPartialDate(parsed.value), parsed.value);
  }
  return [...dates.values()];
}

/**
 * A date derived from an id both records hold is not compared: the shared id already counted, and
 * the date it encodes would count the same fact twice.
 */
export function compareRecordBirthDates(a: MatchableRecord, b: MatchableRecord): BirthDateMatch {
  const bPrints = new Set(b.nationalIds.map((id) => id.fingerprint));
  const shared = new Set(a.nationalIds.map((id) => id.fingerprint).filter((f) => bPrints.has(f)));
  const aDates = birthDatesOf(a, shared);
  const bDates = birthDatesOf(b, shared);
  let best = RANK.length;
  for (const x of aDates) {
    for (const y of bDates) best = Math.min(best, RANK.indexOf(compareBirthDates(x, y)));
  }
  return RANK[best] ?? 'missing';
}
