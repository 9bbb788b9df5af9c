import { compact } from './name.js';
import type { NormalizedName } from './name.js';
import { jaroWinkler } from './string-similarity.js';

export type NameMatch = 'exact' | 'swapped' | 'close' | 'different' | 'missing';

/**
 * Jaro-Winkler at or above this counts as the same name part mistyped or spelled another way:
 * smith/smyth 0.89, zhang/chang 0.87, xiaoming/xiaomin 0.98, catherine/katherine 0.93. Different
 * short names fall below it: fang/feng 0.85, wei/wai 0.80, li/lu 0.67. It is applied per part, so
 * that a shared surname (a few are shared by hundreds of millions) cannot carry an unrelated given
 * name over the line, as it would if whole names were compared.
 */
export const NAME_PART_CLOSE = 0.86;

/**
 * Order-independent keys: two names sharing one have the same words in some order. Blocking can
 * index them; `compareNames` uses them to recognize given and family names swapped.
 */
export function nameKeys(name: NormalizedName): string[] {
  if (name.latinTokens.length === 0) return [];
  const keys = new Set([[...name.latinTokens].sort().join(' ')]);
  if (name.family !== undefined && name.given !== undefined) {
    keys.add([compact(name.family), compact(name.given)].sort().join(' '));
  }
  return [...keys];
}

/**
 * Compares in Latin script, so 王伟, "Wei Wang" and "WANG Wei" are the same name. When one side
 * has only a surname or only a given name and it agrees, the answer is 'missing', not 'close': an
 * agreeing surname alone says little about who someone is.
 */
export function compareNames(a: NormalizedName, b: NormalizedName): NameMatch {
  if (a.latinTokens.length === 0 || b.latinTokens.length === 0) return 'missing';
  if (a.latinKey === b.latinKey) return 'exact';
  const bKeys = new Set(nameKeys(b));
  if (nameKeys(a).some((key) => bKeys.has(key))) return 'swapped';

  const aWhole = isWhole(a);
  const bWhole = isWhole(b);
  if (aWhole && bWhole) return partsClose(a, b) || hanGivenOneApart(a, b) ? 'close' : 'different';
  if (aWhole !== bWhole && isSinglePart(aWhole ? b : a)) {
    const [whole, part] = aWhole ? [a, b] : [b, a];
    const agrees = [whole.family, whole.given].some((p) => similar(p ?? '', part.latinKey));
    return agrees ? 'missing' : 'different';
  }
  return similar(a.latinKey, b.latinKey) || similar(sortedWords(a), sortedWords(b))
    ? 'close'
    : 'different';
}

function isWhole(name: NormalizedName): name is NormalizedName & { family: string; given: string } {
  return name.family !== undefined && name.given !== undefined;
}

/**
 * 王小雪 and 王思雪: one surname, and given names of two or more characters with exactly one
 * character different. In pinyin the two are far apart (xiaoxue, sixue), but in Han script this is
 * the usual slip of an input method, or siblings sharing a generation character; either way 'close',
 * which links only beside the same national id.
 */
function hanGivenOneApart(a: NormalizedName, b: NormalizedName): boolean {
  if (!a.isCjk || !b.isCjk || a.tokens.length !== 2 || b.tokens.length !== 2) return false;
  if (a.tokens[0] !== b.tokens[0]) return false;
  const x = [...a.tokens[1]!];
  const y = [...b.tokens[1]!];
  return x.length >= 2 && x.length === y.length && x.filter((c, i) => c !== y[i]).length === 1;
}

function isSinglePart(name: NormalizedName): boolean {
  return name.family !== undefined || name.given !== undefined || name.latinTokens.length === 1;
}

function partsClose(
  a: NormalizedName & { family: string; given: string },
  b: NormalizedName & { family: string; given: string },
): boolean {
  return (
    (similar(a.family, b.family) && similar(a.given, b.given)) ||
    (similar(a.family, b.given) && similar(a.given, b.family))
  );
}

function similar(x: string, y: string): boolean {
  return jaroWinkler(compact(x), compact(y)) >= NAME_PART_CLOSE;
}

function sortedWords(name: NormalizedName): string {
  return [...name.latinTokens].sort().join('');
}
