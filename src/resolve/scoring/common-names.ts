import type { ValueFrequencies } from './value-frequencies.js';
import { uniformFrequencies } from './value-frequencies.js';

// Shares of a national population, rounded to an order of magnitude: China's household register
// counts about 290,000 people named 张伟 or 王伟 of 1.4 billion (2e-4); US estimates put John Smith
// near 48,000 of 330 million (1.5e-4). Latin keys as `NormalizedName.latinKey` builds them:
// family name first, pinyin without tones (王丽 and 王力 are both "wang li").
const SHARES: Readonly<Record<string, number>> = {
  'zhang wei': 2e-4,
  'wang wei': 2e-4,
  'wang fang': 2e-4,
  'li wei': 2e-4,
  'li na': 2e-4,
  'zhang min': 1.5e-4,
  'li jing': 1.5e-4,
  'wang jing': 1.5e-4,
  'liu wei': 1.5e-4,
  'wang xiuying': 1.5e-4,
  'zhang li': 1e-4,
  'li xiuying': 1e-4,
  'wang li': 1e-4,
  'zhang jing': 1e-4,
  'zhang xiuying': 1e-4,
  'li qiang': 1e-4,
  'wang min': 1e-4,
  'li min': 1e-4,
  'wang lei': 1e-4,
  'liu yang': 1e-4,
  'wang yan': 1e-4,
  'wang yong': 1e-4,
  'li jun': 1e-4,
  'zhang yong': 1e-4,
  'li jie': 1e-4,
  'zhang jie': 1e-4,
  'zhang lei': 1e-4,
  'wang qiang': 1e-4,
  'li juan': 1e-4,
  'wang jun': 1e-4,
  'smith john': 1.5e-4,
  'smith james': 1e-4,
  'smith michael': 1e-4,
  'smith robert': 1e-4,
  'smith david': 1e-4,
  'smith mary': 1e-4,
  'johnson james': 1e-4,
  'garcia maria': 1e-4,
  'rodriguez maria': 1e-4,
  'hernandez maria': 1e-4,
  'martinez maria': 1e-4,
  'lopez maria': 1e-4,
};

// Word order is not part of the look-up: "Wang Wei" read Western-style is the key "wei wang", and
// it is just as common.
const BY_WORDS: ReadonlyMap<string, number> = new Map(
  Object.entries(SHARES).map(([key, share]) => [sortedWords(key), share]),
);

function sortedWords(key: string): string {
  return key
    .split(' ')
    .filter((w) => w !== '')
    .sort()
    .join(' ');
}

/** The built-in share of a very common name; 0 for any other. */
export function commonNameShare(latinKey: string): number {
  return BY_WORDS.get(sortedWords(latinKey)) ?? 0;
}

/** No counts, only the built-in table: for a service that has not counted its graph yet. */
export const commonNameFrequencies: ValueFrequencies = {
  ...uniformFrequencies,
  nameShare: commonNameShare,
};
