import type { MatchableRecord } from '../matchable-record.js';
import { compact } from '../normalize/name.js';
import { birthDatesOf } from '../scoring/compare-birth-dates.js';

/**
 * Keys two records must share to be compared in a large component. Phones of every status are
 * keys (a disconnected number still tells where to look); third parties never are: a popular
 * contact (a mother, a courier) would put a whole neighbourhood in one block.
 */
export function blockingKeys(record: MatchableRecord): string[] {
  const keys = new Set<string>();
  for (const id of record.nationalIds) keys.add(`nid:${id.fingerprint}`);
  for (const phone of record.phones) keys.add(`ph:${phone.e164}`);
  for (const email of record.emails) keys.add(`em:${email}`);
  const years = new Set(birthDatesOf(record).map((date) => date.year));
  const families = new Set(
    record.names.flatMap((name) => (name.family === undefined ? [] : [compact(name.family)])),
  );
  for (const name of record.names) {
    if (name.latinKey === '') continue;
    for (const year of years) keys.add(`nb:${name.latinKey}|${year}`);
  }
  for (const address of record.addresses) {
    if (address.postcode === undefined) continue;
    for (const family of families) if (family !== '') keys.add(`pf:${address.postcode}|${family}`);
  }
  return [...keys].sort();
}
