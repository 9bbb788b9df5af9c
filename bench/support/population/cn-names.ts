import type { Random, Weighted } from './mulberry32.js';

export interface HanName {
  family: string;
  given: string;
  /** Pinyin as on a passport: Wang, Xiaoming. */
  familyLatin: string;
  givenLatin: string;
}

// Approximate shares of the population in per mille, in the 2020 census ranking. Characters are
// chosen so each has one reading: the population must not depend on how a romanizer guesses.
const SURNAMES =
  '王wang:71 李li:70 张zhang:67 刘liu:54 陈chen:46 杨yang:31 黄huang:22 赵zhao:20 吴wu:19 ' +
  '周zhou:19 徐xu:15 孙sun:15 马ma:13 朱zhu:12 胡hu:12 郭guo:11 何he:11 林lin:10 高gao:10 ' +
  '罗luo:9 郑zheng:8 梁liang:8 谢xie:7 宋song:6 唐tang:6 许xu:6 韩han:6 冯feng:6 邓deng:5 ' +
  '曹cao:5 彭peng:5 肖xiao:5 田tian:4 董dong:4 袁yuan:4 潘pan:4 蒋jiang:4 蔡cai:4 杜du:4 ' +
  '叶ye:4 程cheng:4 魏wei:4 苏su:3 欧阳ouyang:0.5 司马sima:0.2';

const HAN_THEN_LATIN = /^(\p{Script=Han}+)([a-z]+)$/u;

/** `王wang` → [王, wang]. */
function split(entry: string): [string, string] {
  const match = HAN_THEN_LATIN.exec(entry);
  return [match?.[1] ?? '', match?.[2] ?? ''];
}

const SURNAME_CHOICES: readonly Weighted<[string, string]>[] = SURNAMES.split(' ').map((entry) => {
  const [name = '', weight = '0'] = entry.split(':');
  return { value: split(name), weight: Number(weight) };
});
const SURNAME_LATIN: ReadonlyMap<string, string> = new Map(SURNAME_CHOICES.map((c) => c.value));

// Earlier characters are more popular (weight 1/√rank), which is what makes 王伟 and 李娜 recur.
const MALE =
  '伟wei 强qiang 磊lei 军jun 勇yong 杰jie 涛tao 超chao 刚gang 建jian 国guo 辉hui 鹏peng 宇yu 浩hao 博bo 斌bin 波bo 鑫xin 峰feng 志zhi 东dong 宏hong 明ming 文wen 轩xuan';
const FEMALE =
  '芳fang 娜na 敏min 静jing 丽li 艳yan 娟juan 秀xiu 英ying 霞xia 桂gui 兰lan 红hong 玲ling 婷ting 雪xue 琳lin 涵han 思si 怡yi 梅mei 慧hui 颖ying 欣xin';
const UNISEX =
  '小xiao 晓xiao 佳jia 嘉jia 子zi 梓zi 雨yu 天tian 立li 春chun 飞fei 华hua 平ping 海hai';

const entries = (list: string): [string, string][] => list.split(' ').map(split);
const PINYIN: ReadonlyMap<string, string> = new Map([MALE, FEMALE, UNISEX].flatMap(entries));

const ranked = (list: string): Weighted<string>[] =>
  entries(list).map(([value], i) => ({ value, weight: 1 / Math.sqrt(i + 1) }));
const GIVEN: Readonly<Record<'M' | 'F', Weighted<string>[]>> = {
  M: ranked(MALE),
  F: ranked(FEMALE),
};
const GIVEN_FIRST: Readonly<Record<'M' | 'F', Weighted<string>[]>> = {
  M: [...ranked(UNISEX), ...ranked(MALE)],
  F: [...ranked(UNISEX), ...ranked(FEMALE)],
};

export const COMMON_FULL_NAMES: Readonly<Record<'M' | 'F', readonly string[]>> = {
  M: ['王伟', '李伟', '张伟', '刘伟', '王强'],
  F: ['王芳', '李娜', '王静', '李静', '张敏'],
};

export function drawSurname(rng: Random): [string, string] {
  return rng.weighted(SURNAME_CHOICES);
}

/** A given name of one (25 %) or two characters, popular characters more often. */
export function drawGivenName(rng: Random, sex: 'M' | 'F'): string {
  if (rng.chance(0.25)) return rng.weighted(GIVEN[sex]);
  return rng.weighted(GIVEN_FIRST[sex]) + rng.weighted(GIVEN[sex]);
}

const ALL_GIVEN_CHARACTERS = [...PINYIN.keys()];

/** A Han typo is a wrong pick in the input method: always a real character, never a random glyph. */
export function drawAnyGivenCharacter(rng: Random): string {
  return rng.pick(ALL_GIVEN_CHARACTERS);
}

export function hanName(family: string, given: string): HanName {
  return {
    family,
    given,
    familyLatin: capitalize(SURNAME_LATIN.get(family) ?? ''),
    givenLatin: capitalize([...given].map((c) => PINYIN.get(c) ?? '').join('')),
  };
}

export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}
