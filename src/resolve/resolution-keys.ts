import { blockingKeys } from './clustering/blocking-keys.js';
import type { MatchableRecord } from './matchable-record.js';

/**
 * The keys a record is indexed under: the clustering's blocking keys plus an address key (which
 * also counts how many records share an address, for term-frequency). No name-only key: under the
 * link gate a name needs an id, a phone, an email or a birth date beside it to link, and those are
 * keys already, so a name-only block would only add candidates that can never link.
 */
export function resolutionKeys(record: MatchableRecord): string[] {
  const keys = new Set(blockingKeys(record));
  for (const address of record.addresses) if (address.key) keys.add(`ad:${address.key}`);
  return [...keys].sort();
}
