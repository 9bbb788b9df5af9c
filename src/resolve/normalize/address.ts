import { containsCjk, foldText } from './fold.js';
import { canonicalPostcode } from './postcode.js';

export interface AddressInput {
  lines: string[];
  locality?: string;
  region?: string;
  postcode?: string;
  country?: string;
}

export interface NormalizedAddress {
  /** Words of the lines, locality and region, in order; abbreviations spelled out. */
  tokens: string[];
  postcode?: string;
  country?: string;
  /** `country|postcode|first line`, only when all three are known: anything less collides. */
  key?: string;
}

// Both sides of a comparison get the same expansion, so the St (street or saint) ambiguity costs
// nothing: "st marys rd" and "street marys road" are only ever compared with each other.
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  st: 'street',
  rd: 'road',
  ave: 'avenue',
  av: 'avenue',
  apt: 'apartment',
  blvd: 'boulevard',
  dr: 'drive',
  ln: 'lane',
  ct: 'court',
  hwy: 'highway',
  ste: 'suite',
  fl: 'floor',
  bldg: 'building',
};

// Chinese addresses have no spaces, but administrative and street units end in a suffix character,
// a good enough word boundary (北京市朝阳区建国路88号 → 北京市 朝阳区 建国路 88号) without a
// dictionary. Where it cuts a name oddly (市场 → 市 场), it cuts every record's copy the same way.
const CJK_SEGMENT = /.+?(?:街道|小区|单元|胡同|大道|[省市区县镇乡村路街道巷弄号栋幢楼层室])|.+$/gu;

// People space Chinese addresses inconsistently (建国路 88 号); joined, they segment the same way.
const HAN_SPACING = /(?<=[\p{Script=Han}\d])\s+(?=\p{Script=Han})|(?<=\p{Script=Han})\s+(?=\d)/gu;

export function normalizeAddress(input: AddressInput): NormalizedAddress {
  const [firstLine = '', ...otherLines] = input.lines;
  const firstTokens = addressTokens(firstLine);
  const tokens = [
    ...firstTokens,
    ...[...otherLines, input.locality, input.region].flatMap(addressTokens),
  ];

  const result: NormalizedAddress = { tokens };
  const country = canonicalCountry(input.country);
  if (country !== undefined) result.country = country;
  const postcode =
    input.postcode === undefined ? undefined : canonicalPostcode(input.postcode, country);
  if (postcode !== undefined) result.postcode = postcode;
  if (country !== undefined && postcode !== undefined && firstTokens.length > 0) {
    result.key = `${country}|${postcode}|${firstTokens.join(' ')}`;
  }
  return result;
}

export function addressTokens(text: string | undefined): string[] {
  if (text === undefined) return [];
  const words = foldText(text)
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(HAN_SPACING, '')
    .split(' ')
    .filter((word) => word !== '');
  return words.flatMap((word) =>
    containsCjk(word) ? (word.match(CJK_SEGMENT) ?? []) : [ABBREVIATIONS[word] ?? word],
  );
}

// UK is the commonest wrong code for GB; it is reserved by ISO precisely because people use it.
function canonicalCountry(raw: string | undefined): string | undefined {
  const code = raw?.trim().toUpperCase();
  if (code === undefined || !/^[A-Z]{2}$/.test(code)) return undefined;
  return code === 'UK' ? 'GB' : code;
}
