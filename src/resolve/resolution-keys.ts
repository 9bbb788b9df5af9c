import { blockingKeys } from './clustering/blocking-keys.js';
import type { MatchableRecord } from './matchable-record.js';

/**
 * The keys a record is indexed under: the clustering's blocking keys, an address key (which also
 * counts how many records share an address, for term-frequency), and each frequent contact's
 * fingerprint: after a SIM change the old and the new subscriber record share no number and no
 * birth date, only their circle of contacts. A popular contact (a courier, a call centre) is held
 * by many records, and a key held by more than 100 finds nobody. No name-only key: under the link
 * gate a name needs an id, a phone, an email, a birth date or a contact circle beside it to link,
 * and those are keys already.
 */
export function resolutionKeys(record: MatchableRecord): string[] {
  const keys = new Set(blockingKeys(record));
  for (const address of record.addresses) if (address.key) keys.add(`ad:${address.key}`);
  for (const contact of record.thirdParties) if (contact.kind === 'frequent_contact') keys.add(`fc:${contact.fingerprint}`);
  return [...keys].sort();
}
