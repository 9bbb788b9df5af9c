import { pinyin } from 'pinyin-pro';

// Two-character surnames, simplified and traditional. Without this list 欧阳娜娜 would split as
// 欧 + 阳娜娜. Only names of three or more characters are checked: a two-character full name is
// always surname + given name (东方 as a name is 东 + 方), since the given name cannot be empty.
const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  ...'欧阳 司马 诸葛 上官 慕容 东方 皇甫 尉迟 公孙 令狐 长孙 宇文 夏侯 轩辕 端木'.split(' '),
  ...'司徒 司空 西门 独孤 南宫 百里 呼延 澹台 公冶 太史 申屠 闻人 万俟 钟离 宗政'.split(' '),
  ...'濮阳 淳于 赫连 拓跋 东郭 第五 鲜于 闾丘 亓官 子车 巫马 公良 乐正 左丘'.split(' '),
  ...'歐陽 司馬 諸葛 東方 尉遲 公孫 長孫 軒轅 西門 獨孤 南宮 鍾離 聞人 閭丘'.split(' '),
]);

const HAN_ONLY = /^\p{Script=Han}+$/u;

export function isHanOnly(text: string): boolean {
  return HAN_ONLY.test(text);
}

/** Splits a Chinese full name written without a space: the surname comes first. */
export function splitHanName(name: string): { family: string; given: string } {
  const chars = Array.from(name);
  const familyLength =
    chars.length >= 3 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  return {
    family: chars.slice(0, familyLength).join(''),
    given: chars.slice(familyLength).join(''),
  };
}

// Toneless Mandarin pinyin. ü is written u, as Latin-script records have it once diacritics are
// stripped (Lü → lu), so 吕 and "Lu" meet; passports' "LYU" is left to fuzzy comparison. Japanese
// and Korean names in Han characters get a Mandarin reading too (山田 → shantian): wrong as a
// reading, but consistent, so they still meet the same name written the same way.
const PINYIN = { toneType: 'none', type: 'array', v: 'u' } as const;

/** Pinyin syllables of a surname, read as a surname (单 shan, 曾 zeng, 解 xie, 长孙 zhangsun). */
export function romanizeSurname(han: string): string[] {
  return pinyin(han, { ...PINYIN, mode: 'surname' }).filter((s) => s !== '');
}

export function romanizeHan(han: string): string[] {
  return pinyin(han, PINYIN).filter((s) => s !== '');
}
