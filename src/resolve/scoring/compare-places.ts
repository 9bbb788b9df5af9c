import type { NormalizedAddress } from '../normalize/address.js';
import { foldText } from '../normalize/fold.js';
import { levenshteinRatio } from '../normalize/string-similarity.js';

export type AddressLevel = 'exact' | 'same_postcode' | 'different' | 'missing';
export type EmployerLevel = 'exact' | 'close' | 'different' | 'missing';

export interface AddressComparison {
  level: AddressLevel;
  /** Every shared address key, for the term-frequency adjustment. */
  sharedKeys: string[];
  /** Whether any two addresses share a postcode (always so when they share a key). */
  samePostcode: boolean;
}

/**
 * Only addresses with a key or a postcode are compared: free-text lines alone are spelled too
 * many ways to tell a different address from the same one written differently.
 */
export function compareAddresses(
  a: NormalizedAddress[],
  b: NormalizedAddress[],
): AddressComparison {
  const aComparable = a.filter(isComparable);
  const bComparable = b.filter(isComparable);
  if (aComparable.length === 0 || bComparable.length === 0) {
    return { level: 'missing', sharedKeys: [], samePostcode: false };
  }
  const bKeys = new Set(bComparable.flatMap((address) => address.key ?? []));
  const sharedKeys = [...new Set(aComparable.flatMap((address) => address.key ?? []))].filter(
    (key) => bKeys.has(key),
  );
  const samePostcode = aComparable.some((x) => bComparable.some((y) => postcodesAgree(x, y)));
  const level = sharedKeys.length > 0 ? 'exact' : samePostcode ? 'same_postcode' : 'different';
  return { level, sharedKeys, samePostcode };
}

function isComparable(address: NormalizedAddress): boolean {
  return address.key !== undefined || address.postcode !== undefined;
}

// A postcode is only comparable within a country; an unknown country is given the benefit.
function postcodesAgree(x: NormalizedAddress, y: NormalizedAddress): boolean {
  if (x.postcode === undefined || x.postcode !== y.postcode) return false;
  return x.country === undefined || y.country === undefined || x.country === y.country;
}

// Legal forms say nothing about which company it is, and sources include or drop them at will.
const LEGAL_FORMS: ReadonlySet<string> = new Set(
  'inc incorporated ltd limited llc plc co corp corporation company gmbh ag sa srl bv pte'.split(
    ' ',
  ),
);
const CJK_LEGAL_FORMS = /(?:股份有限公司|有限责任公司|有限公司|集团|公司)+$/u;

/**
 * Close is one or two typing slips in a longer name (edit ratio ≥ 0.8); two companies whose names
 * differ in one word of three are 'different'.
 */
export const EMPLOYER_CLOSE = 0.8;

export function compareEmployers(a: string | undefined, b: string | undefined): EmployerLevel {
  const x = employerKey(a);
  const y = employerKey(b);
  if (x === '' || y === '') return 'missing';
  if (x === y) return 'exact';
  return levenshteinRatio(x, y) >= EMPLOYER_CLOSE ? 'close' : 'different';
}

export function employerKey(employer: string | undefined): string {
  if (employer === undefined) return '';
  const words = foldText(employer)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && !LEGAL_FORMS.has(word));
  return words.join('').replace(CJK_LEGAL_FORMS, '');
}
