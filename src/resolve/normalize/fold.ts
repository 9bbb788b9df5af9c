// Letters that carry no combining mark, so NFD alone would leave them unmatched with plain Latin.
const LATIN_LIGATURES: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

const LATIN_WITH_MARKS = /(\p{Script=Latin})\p{M}+/gu;
const LIGATURE = /[ßæœøłđðþı]/gu;

/**
 * Compatibility-normalizes (full-width forms, ligatures), lower-cases, and strips diacritics from
 * Latin letters only: marks elsewhere are meaningful (Japanese dakuten turn か into が).
 */
export function foldText(raw: string): string {
  const decomposed = raw.normalize('NFKC').toLowerCase().normalize('NFD');
  return decomposed
    .replace(LATIN_WITH_MARKS, '$1')
    .normalize('NFC')
    .replace(LIGATURE, (c) => LATIN_LIGATURES[c] ?? c);
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export function containsCjk(text: string): boolean {
  return CJK.test(text);
}
