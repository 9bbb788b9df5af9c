import {
  isSupportedCountry,
  ParseError,
  parsePhoneNumberWithError,
  validatePhoneNumberLength,
} from 'libphonenumber-js/max';
import type {
  CountryCode,
  PhoneNumber,
  PhoneNumberType,
  ValidatePhoneNumberLengthResult,
} from 'libphonenumber-js/max';
import { accept, reject } from './result.js';
import type { Normalized } from './result.js';

export type PhoneType =
  | 'mobile'
  | 'fixed_line'
  | 'fixed_line_or_mobile'
  | 'toll_free'
  | 'premium_rate'
  | 'shared_cost'
  | 'voip'
  | 'personal_number'
  | 'pager'
  | 'uan'
  | 'voicemail'
  | 'unknown';

export interface NormalizedPhone {
  e164: string;
  /** ISO 3166-1 alpha-2; absent for non-geographic numbers such as +800. */
  country?: string;
  type: PhoneType;
  extension?: string;
}

export type PhoneRejection =
  | 'NOT_A_NUMBER'
  | 'UNKNOWN_COUNTRY_HINT'
  | 'MISSING_COUNTRY'
  | 'TOO_SHORT'
  | 'TOO_LONG'
  | 'IMPOSSIBLE_NUMBER'
  | 'INVALID_NUMBER';

export type PhoneResult = Normalized<NormalizedPhone, PhoneRejection>;

const SEPARATORS = /[\s().-]+/g;
const CN_MOBILE = /^1[3-9]\d{9}$/;
const CN_MOBILE_PREFIX = /^1[3-9]/;

/**
 * Normalizes to E.164 and rejects numbers that cannot exist or are not in an assigned range (the
 * full metadata is used because the smaller sets cannot tell mobile from fixed line).
 *
 * Without a country hint and without an international prefix, only a number of CN mobile shape
 * (1[3-9] and 11 digits, optionally after 86) is taken as +86, and only if it is then a valid CN
 * number: nothing else implies a country, and such numbers are overwhelmingly CN mobiles. A hint
 * always wins over that guess, since it is the provider's word. Without a hint, a leading 00 is
 * read as the international prefix, as in China and most of the world; with one, the hint
 * country's own international prefix applies (011 in the US).
 */
export function normalizePhone(raw: string, countryHint?: string): PhoneResult {
  const phone = validPhone(raw, countryHint);
  return phone.ok ? accept(normalizedOf(phone.value)) : phone;
}

/**
 * The E.164 form `normalizePhone` would give, under the same rules, without the line type: telling
 * a number's type tries the metadata's pattern for each type in turn, and a call's routing only
 * compares numbers.
 */
export function phoneE164(raw: string, countryHint?: string): Normalized<string, PhoneRejection> {
  const phone = validPhone(raw, countryHint);
  return phone.ok ? accept(phone.value.number) : phone;
}

function validPhone(raw: string, countryHint?: string): Normalized<PhoneNumber, PhoneRejection> {
  const text = raw.normalize('NFKC').trim();
  if (!/\d/.test(text)) return reject('NOT_A_NUMBER');

  if (countryHint !== undefined) {
    const hint = countryHint.trim().toUpperCase();
    return isSupportedCountry(hint) ? parseAndCheck(text, hint) : reject('UNKNOWN_COUNTRY_HINT');
  }
  const compact = text.replace(SEPARATORS, '');
  if (compact.startsWith('+')) return parseAndCheck(text);
  if (compact.startsWith('00')) return parseAndCheck(`+${compact.slice(2)}`);
  const national = compact.startsWith('86') ? compact.slice(2) : compact;
  if (!CN_MOBILE.test(national)) return reject('MISSING_COUNTRY');
  // Only a guess: if it is not a valid CN number (say, a US number with its trunk 1), the
  // country is still unknown, and saying INVALID_NUMBER would blame the number.
  const guess = parseAndCheck(`+86${national}`);
  return guess.ok ? guess : reject('MISSING_COUNTRY');
}

function parseAndCheck(text: string, hint?: CountryCode): Normalized<PhoneNumber, PhoneRejection> {
  let phone: PhoneNumber;
  try {
    phone = parsePhoneNumberWithError(text, { defaultCountry: hint, extract: false });
  } catch (error) {
    if (error instanceof ParseError) return reject(parseFailure(error.message));
    throw error;
  }
  return check(phone, () => validatePhoneNumberLength(text, { defaultCountry: hint }));
}

function parseFailure(message: string): PhoneRejection {
  if (message === 'TOO_SHORT' || message === 'TOO_LONG') return message;
  if (message === 'INVALID_COUNTRY') return 'MISSING_COUNTRY';
  return 'NOT_A_NUMBER';
}

/**
 * A valid number is accepted without the length check, which parses the text a second time:
 * validity implies a possible length. Only a number that is refused pays for it, so that the
 * refusal names the first reason in this order: length, CN mobile length, validity.
 */
function check(phone: PhoneNumber, lengthOf: () => ValidatePhoneNumberLengthResult | undefined): Normalized<PhoneNumber, PhoneRejection> {
  const cnMobileMisfit = cnMobileLengthMisfit(phone);
  if (cnMobileMisfit === undefined && phone.isValid()) return accept(phone);
  const length = lengthOf();
  if (length === 'TOO_SHORT' || length === 'TOO_LONG') return reject(length);
  if (length !== undefined) return reject('IMPOSSIBLE_NUMBER');
  return reject(cnMobileMisfit ?? 'INVALID_NUMBER');
}

/** A CN mobile is exactly 11 digits; the plan's other lengths belong to other number kinds. */
function cnMobileLengthMisfit(phone: PhoneNumber): 'TOO_SHORT' | 'TOO_LONG' | undefined {
  if (phone.countryCallingCode !== '86' || !CN_MOBILE_PREFIX.test(phone.nationalNumber)) return undefined;
  const digits = phone.nationalNumber.length;
  return digits === 11 ? undefined : digits < 11 ? 'TOO_SHORT' : 'TOO_LONG';
}

function normalizedOf(phone: PhoneNumber): NormalizedPhone {
  const value: NormalizedPhone = { e164: phone.number, type: phoneType(phone.getType()) };
  if (phone.country !== undefined) value.country = phone.country;
  if (phone.ext !== undefined) value.extension = phone.ext;
  return value;
}

const PHONE_TYPES: Readonly<Record<PhoneNumberType, PhoneType>> = {
  MOBILE: 'mobile',
  FIXED_LINE: 'fixed_line',
  FIXED_LINE_OR_MOBILE: 'fixed_line_or_mobile',
  TOLL_FREE: 'toll_free',
  PREMIUM_RATE: 'premium_rate',
  SHARED_COST: 'shared_cost',
  VOIP: 'voip',
  PERSONAL_NUMBER: 'personal_number',
  PAGER: 'pager',
  UAN: 'uan',
  VOICEMAIL: 'voicemail',
};

function phoneType(type: PhoneNumberType | undefined): PhoneType {
  return type === undefined ? 'unknown' : PHONE_TYPES[type];
}

const LINE_TYPE_MEMO_LIMIT = 10_000;
const lineTypes = new Map<string, PhoneType>();

/**
 * The line type of a stored E.164 number ('unknown' if it does not parse), memoized: the matcher
 * asks it of every number two records share.
 */
export function lineTypeOf(e164: string): PhoneType {
  let type = lineTypes.get(e164);
  if (type === undefined) {
    const result = normalizePhone(e164);
    type = result.ok ? result.value.type : 'unknown';
    if (lineTypes.size >= LINE_TYPE_MEMO_LIMIT) lineTypes.clear();
    lineTypes.set(e164, type);
  }
  return type;
}
