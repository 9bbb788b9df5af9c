import { distance } from 'fastest-levenshtein';

// Winkler's published constants: the prefix bonus is 0.1 per shared leading character, capped at
// four characters, and only given when the plain Jaro score already shows real similarity.
const PREFIX_SCALE = 0.1;
const MAX_PREFIX = 4;
const BOOST_THRESHOLD = 0.7;

/** Jaro similarity in [0, 1], over code points so that CJK and astral characters count as one. */
export function jaro(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (s.length === 0 && t.length === 0) return 1;
  if (s.length === 0 || t.length === 0) return 0;

  const window = Math.max(0, Math.floor(Math.max(s.length, t.length) / 2) - 1);
  const sMatched = new Array<boolean>(s.length).fill(false);
  const tMatched = new Array<boolean>(t.length).fill(false);
  let matches = 0;
  for (let i = 0; i < s.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(t.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (tMatched[j] || s[i] !== t[j]) continue;
      sMatched[i] = tMatched[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;

  let halfTranspositions = 0;
  let k = 0;
  for (let i = 0; i < s.length; i++) {
    if (!sMatched[i]) continue;
    while (!tMatched[k]) k++;
    if (s[i] !== t[k]) halfTranspositions++;
    k++;
  }
  const m = matches;
  return (m / s.length + m / t.length + (m - halfTranspositions / 2) / m) / 3;
}

/** Jaro-Winkler similarity in [0, 1]: Jaro with a bonus for a common prefix. */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j <= BOOST_THRESHOLD) return j;
  const s = Array.from(a);
  const t = Array.from(b);
  let prefix = 0;
  while (prefix < MAX_PREFIX && prefix < s.length && s[prefix] === t[prefix]) prefix++;
  return j + prefix * PREFIX_SCALE * (1 - j);
}

/**
 * 1 − edit distance / longer length, in [0, 1]. Counts UTF-16 units (as fastest-levenshtein does),
 * which equals characters for every script in the Basic Multilingual Plane.
 */
export function levenshteinRatio(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - distance(a, b) / longer;
}
