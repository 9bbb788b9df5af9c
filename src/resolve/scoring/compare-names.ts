import type { NormalizedName } from '../normalize/name.js';
import { compareNames } from '../normalize/name-compare.js';
import type { NameMatch } from '../normalize/name-compare.js';

// Best first. 'missing' (one side only a surname that agrees) beats 'different': a record that
// also carries a bare surname should not be penalized for it when another name disagrees.
export const NAME_LEVEL_RANK: readonly NameMatch[] = [
  'exact',
  'swapped',
  'close',
  'missing',
  'different',
];

export interface NamePair {
  level: NameMatch;
  /** Latin keys of the two names, for the term-frequency adjustment. */
  keys: [string, string];
}

export interface NameComparison {
  /** The best level of any pair. */
  level: NameMatch;
  pairs: NamePair[];
}

/** A record may carry several names (aliases, scripts): every pair is compared. */
export function compareRecordNames(a: NormalizedName[], b: NormalizedName[]): NameComparison {
  const pairs = a.flatMap((x) =>
    b.map((y): NamePair => ({ level: compareNames(x, y), keys: [x.latinKey, y.latinKey] })),
  );
  const best = Math.min(...pairs.map((pair) => NAME_LEVEL_RANK.indexOf(pair.level)));
  return { level: NAME_LEVEL_RANK[best] ?? 'missing', pairs };
}
