import type { MatchableRecord } from '../matchable-record.js';
import { commonNameShare } from './common-names.js';
import type { ValueFrequencies } from './value-frequencies.js';

/**
 * Name shares are compared with shares in a national population (see `REFERENCE_NAME_SHARE`). A
 * graph smaller than this cannot tell a name carried by 1 in 100,000 from one carried by 1 in
 * 10,000, and most of its repeats are one person described by several sources; so a small graph is
 * counted as if it had this many records, and the built-in table speaks for the common names.
 */
export const MIN_NAME_POPULATION = 1_000_000;

/**
 * Counts over a record set: a whole graph for rebuilds and training, a fixture in tests. Counting
 * over one connected component would make every value in it look common.
 */
export function countingFrequencies(records: MatchableRecord[]): ValueFrequencies {
  const names = new Map<string, number>();
  const phones = new Map<string, number>();
  const addresses = new Map<string, number>();
  for (const record of records) {
    countOnce(
      names,
      record.names.map((name) => name.latinKey).filter((key) => key !== ''),
    );
    countOnce(
      phones,
      record.phones.map((phone) => phone.e164),
    );
    countOnce(
      addresses,
      record.addresses.flatMap((address) => address.key ?? []),
    );
  }
  const population = Math.max(records.length, MIN_NAME_POPULATION);
  return {
    nameShare: (key) => Math.max((names.get(key) ?? 0) / population, commonNameShare(key)),
    phoneHolders: (e164) => phones.get(e164) ?? 0,
    addressHolders: (key) => addresses.get(key) ?? 0,
  };
}

// A record that lists a value twice still holds it once.
function countOnce(counts: Map<string, number>, values: string[]): void {
  for (const value of new Set(values)) counts.set(value, (counts.get(value) ?? 0) + 1);
}
