import { isHanOnly, romanizeHan, romanizeSurname, splitHanName } from './cjk-name.js';
import { containsCjk, foldText } from './fold.js';

export interface NameInput {
  full?: string;
  given?: string;
  family?: string;
  /** ISO 15924 code the source declared, such as Hans or Latn. */
  script?: string;
}

export interface NormalizedName {
  /** Words in their own script, folded; family name first when known. */
  tokens: string[];
  /** Latin script (pinyin for Chinese, given name without spaces: 王小明 → wang, xiaoming). */
  family?: string;
  given?: string;
  /**
   * Latin-script words: pinyin syllables for Chinese, so 王小明 gives wang, xiao, ming. Kana and
   * Hangul are kept as written: such names only meet records in the same script.
   */
  latinTokens: string[];
  /** Family then given, each without spaces; the written words when the parts are unknown. */
  latinKey: string;
  isCjk: boolean;
}

interface Part {
  tokens: string[];
  latinTokens: string[];
  /** The part's Latin form: a Chinese given name is one word (xiaoming), as on passports. */
  latin: string;
}

// Scripts whose names are written family name first, also when romanized ("WANG Wei").
const FAMILY_FIRST_SCRIPTS: ReadonlySet<string> = new Set(
  'Hans Hant Hani Jpan Kore Hang'.split(' '),
);
// In lower case inside a Western name, these belong to the family name (Ludwig van Beethoven).
const FAMILY_PARTICLES: ReadonlySet<string> = new Set(
  'van von der den de del della di da du la le dos das bin ibn al'.split(' '),
);
// Middle dots separate the parts of names transliterated into Chinese (约翰·史密斯), whose order
// follows the original language, so no family name is assumed.
const NAME_DOTS = /[·・•‧]/u;

/**
 * Given and family win over full when present. A full name is split by the conventions of its
 * script: Chinese surname first (with compound surnames), a comma means "Family, Given", an
 * all-capitals word among mixed-case ones is the family name ("WANG Wei", "Jean DUPONT"), a
 * CJK `script` means family first, and otherwise the last word is (with lower-case particles).
 */
export function normalizeName(input: NameInput): NormalizedName {
  const family = nonEmpty(input.family);
  const given = nonEmpty(input.given);
  if (family !== undefined || given !== undefined) {
    return fromParts(
      family === undefined ? undefined : familyPart(family),
      given === undefined ? undefined : givenPart(given),
    );
  }
  const full = nonEmpty(input.full);
  if (full === undefined) return { tokens: [], latinTokens: [], latinKey: '', isCjk: false };
  return containsCjk(full) ? fromCjkFull(full) : fromLatinFull(full, input.script);
}

function fromCjkFull(full: string): NormalizedName {
  if (NAME_DOTS.test(full)) return unsplit(full.split(NAME_DOTS).map(givenPart).map(asOneWord));
  const words = full.split(/\s+/).filter((w) => w !== '');
  const [first = '', ...rest] = words;
  if (rest.length > 0) return fromParts(familyPart(first), givenPart(rest.join('')));
  if (isHanOnly(full) && Array.from(full).length >= 2) {
    const { family, given } = splitHanName(full);
    return fromParts(familyPart(family), givenPart(given));
  }
  return unsplit([givenPart(full)]);
}

function fromLatinFull(full: string, script: string | undefined): NormalizedName {
  const comma = full.indexOf(',');
  if (comma >= 0) {
    return fromParts(familyPart(full.slice(0, comma)), givenPart(full.slice(comma + 1)));
  }
  const words = full.split(/\s+/).filter((w) => w !== '');
  if (words.length < 2) return unsplit([givenPart(full)]);
  const isFamily = familyWords(words, script);
  return fromParts(
    familyPart(words.filter((_, i) => isFamily(i)).join(' ')),
    givenPart(words.filter((_, i) => !isFamily(i)).join(' ')),
  );
}

function familyWords(words: string[], script: string | undefined): (index: number) => boolean {
  const capitals = words.map(isAllCapitals);
  if (capitals.some(Boolean) && !capitals.every(Boolean)) return (i) => capitals[i] === true;
  if (script !== undefined && FAMILY_FIRST_SCRIPTS.has(script)) return (i) => i === 0;
  let start = words.length - 1;
  while (start > 1 && FAMILY_PARTICLES.has(words[start - 1] ?? '')) start--;
  return (i) => i >= start;
}

function isAllCapitals(word: string): boolean {
  const letters = word.replace(/\P{L}/gu, '');
  return (
    letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()
  );
}

function familyPart(raw: string): Part {
  const text = foldText(raw).replace(/\s+/g, '');
  if (isHanOnly(text)) return hanPart(text, romanizeSurname(text));
  return wordsPart(raw);
}

function givenPart(raw: string): Part {
  const text = foldText(raw).replace(/\s+/g, '');
  if (isHanOnly(text)) return hanPart(text, romanizeHan(text));
  return wordsPart(raw);
}

function hanPart(han: string, syllables: string[]): Part {
  return { tokens: [han], latinTokens: syllables, latin: syllables.join('') };
}

// Apostrophes join (O'Brien → obrien); hyphens and dots separate (Jean-Luc → jean luc).
function wordsPart(raw: string): Part {
  const words = foldText(raw)
    .replace(/['’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  const romanized = words.map((w) => (isHanOnly(w) ? romanizeHan(w) : [w]));
  return {
    tokens: words,
    latinTokens: romanized.flat(),
    latin: romanized.map((syllables) => syllables.join('')).join(' '),
  };
}

// A transliterated name part is one word in Latin script too (阿卜杜拉 → abudula).
function asOneWord(part: Part): Part {
  return { ...part, latinTokens: part.latin === '' ? [] : [compact(part.latin)] };
}

function fromParts(family: Part | undefined, given: Part | undefined): NormalizedName {
  const parts = [family, given].filter((p): p is Part => p !== undefined && p.tokens.length > 0);
  const name = unsplit(parts);
  if (family && family.tokens.length > 0) name.family = family.latin;
  if (given && given.tokens.length > 0) name.given = given.latin;
  if (name.family !== undefined && name.given !== undefined) {
    name.latinKey = `${compact(name.family)} ${compact(name.given)}`;
  }
  return name;
}

function unsplit(parts: Part[]): NormalizedName {
  const tokens = parts.flatMap((p) => p.tokens);
  const latinTokens = parts.flatMap((p) => p.latinTokens);
  return { tokens, latinTokens, latinKey: latinTokens.join(' '), isCjk: tokens.some(containsCjk) };
}

function nonEmpty(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

export function compact(latin: string): string {
  return latin.replace(/\s+/g, '');
}
