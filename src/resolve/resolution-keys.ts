import { blockingKeys } from './clustering/blocking-keys.js';
import type { MatchableRecord } from './matchable-record.js';

/**
 * The keys a record is indexed under: the clustering's blocking keys, plus a name-only key (so a
 * telecom record, which carries no birth date, can meet a registry record) and an address key
 * (which also counts how many records share an address). Keys held by too many records find nobody.
 */
export function resolutionKeys(record: MatchableRecord): string[] {
  const keys = new Set(blockingKeys(record));
  for (const name of record.names) if (name.latinKey !== '') keys.add(`n:${name.latinKey}`);
  for (const address of record.addresses) if (address.key) keys.add(`ad:${address.key}`);
  return [...keys].sort();
}
