import type { MatchableRecord } from '../matchable-record.js';
import { formatPartialDate } from '../normalize/birth-date.js';
import { compact } from '../normalize/name.js';
import { birthDatesOf } from '../scoring/compare-birth-dates.js';

/**
 * Keys two records must share to be compared in a large component. Phones of every status are
 * keys (a disconnected number still tells where to look); third parties never are: a popular
 * contact (a mother, a courier) would put a whole neighbourhood in one block.
 *
 * A key's block grows with the graph until it holds 100 records and finds nobody, and every
 * record of a smaller block is loaded and scored on every event that touches the key. So the keys
 * built from common values are narrowed by the birth date: a name by the whole date the record
 * knows (only the year, if that is all it knows), a postcode and family name by the birth year,
 * which keeps a mistyped given name findable. In a million records a name and birth year, or a
 * postcode and surname, hold dozens of records (the commonest, over 100); a name and birth date
 * hold one or two. On the labelled corpora the wider keys linked no pair more; they found a few
 * more pairs for review, most of them not the same person.
 */
export function blockingKeys(record: MatchableRecord): string[] {
  const keys = new Set<string>();
  for (const id of record.nationalIds) keys.add(`nid:${id.fingerprint}`);
  for (const phone of record.phones) keys.add(`ph:${phone.e164}`);
  for (const email of record.emails) keys.add(`em:${email}`);
  const dates = birthDatesOf(record);
  const days = new Set(dates.map(formatPartialDate));
  const years = new Set(dates.map((date) => date.year));
  const families = new Set(
    record.names.flatMap((name) => (name.family === undefined ? [] : [compact(name.family)])),
  );
  for (const name of record.names) {
    if (name.latinKey === '') continue;
    for (const day of days) keys.add(`nb:${name.latinKey}|${day}`);
  }
  for (const address of record.addresses) {
    if (address.postcode === undefined) continue;
    for (const family of families) {
      if (family === '') continue;
      for (const year of years) keys.add(`pf:${address.postcode}|${family}|${year}`);
    }
  }
  return [...keys].sort();
}
