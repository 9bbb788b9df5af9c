import {
  compareBirthDates,
  EARLIEST_BIRTH_YEAR,
  isCalendarDate,
  parseBirthDate,
} from './birth-date.js';
import type { PartialDate } from './birth-date.js';
import { mod11_2CheckCharacter } from './iso7064.js';
import { accept, reject } from './result.js';
import type { Normalized } from './result.js';

export interface CnResidentId {
  /** Always the 18-character form, so a person's first- and second-generation cards agree. */
  id18: string;
  birthDate: string;
  sex: 'M' | 'F';
  regionCode: string;
}

export type CnResidentIdRejection =
  'BAD_LENGTH' | 'BAD_CHARACTERS' | 'BAD_CHECK_DIGIT' | 'BAD_BIRTH_DATE' | 'BAD_REGION';

export type CnResidentIdResult = Normalized<CnResidentId, CnResidentIdRejection>;

// Provincial-level codes of GB/T 2260, plus 83: residence permits for Taiwan residents are
// numbered under 83 (81 and 82 for Hong Kong and Macao residents) in this same 18-digit scheme.
const PROVINCE_CODES: ReadonlySet<string> = new Set(
  [
    '11 12 13 14 15', // north
    '21 22 23', // north-east
    '31 32 33 34 35 36 37', // east
    '41 42 43 44 45 46', // central and south
    '50 51 52 53 54', // south-west
    '61 62 63 64 65', // north-west
    '71 81 82 83', // Taiwan, Hong Kong, Macao
  ].flatMap((group) => group.split(' ')),
);

// The birth date on a card is a date in China Standard Time (UTC+8, no daylight saving).
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * Parses an 18-character id (17 digits and a MOD 11-2 check character) or a 15-digit
 * first-generation id, which GB 11643-1999 upgrades by inserting the century 19 and appending a
 * check character. Spaces are ignored and a lower-case x is accepted, as people type them.
 */
export function parseCnResidentId(raw: string, now: Date): CnResidentIdResult {
  const id = raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (!/^[0-9X]*$/.test(id)) return reject('BAD_CHARACTERS');
  if (id.length !== 18 && id.length !== 15) return reject('BAD_LENGTH');
  if (!/^\d{17}[\dX]$|^\d{15}$/.test(id)) return reject('BAD_CHARACTERS');

  let id18 = id;
  if (id.length === 15) {
    const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
    id18 = first17 + mod11_2CheckCharacter(first17);
  } else if (mod11_2CheckCharacter(id.slice(0, 17)) !== id.slice(17)) {
    return reject('BAD_CHECK_DIGIT');
  }

  if (!PROVINCE_CODES.has(id18.slice(0, 2))) return reject('BAD_REGION');
  const birth: PartialDate = {
    year: Number(id18.slice(6, 10)),
    month: Number(id18.slice(10, 12)),
    day: Number(id18.slice(12, 14)),
  };
  const birthDate = `${id18.slice(6, 10)}-${id18.slice(10, 12)}-${id18.slice(12, 14)}`;
  if (!isCalendarDate(birth) || birth.year < EARLIEST_BIRTH_YEAR || birthDate > chinaDate(now)) {
    return reject('BAD_BIRTH_DATE');
  }

  const sex = Number(id18[16]) % 2 === 1 ? 'M' : 'F';
  return accept({ id18, birthDate, sex, regionCode: id18.slice(0, 6) });
}

function chinaDate(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

export type BirthDateCrossCheck = 'consistent' | 'conflict' | 'unknown';

/**
 * Whether a record's own birth date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) agrees with the one its id
 * encodes. A near miss is still a conflict: the id's date is authoritative, so a typo in either
 * place means the record does not hold together as keyed.
 */
export function crossCheckBirthDate(
  derived: Pick<CnResidentId, 'birthDate'>,
  recordBirthDate: string,
): BirthDateCrossCheck {
  const fromId = parseBirthDate(derived.birthDate);
  const fromRecord = parseBirthDate(recordBirthDate);
  if (!fromId.ok || !fromRecord.ok) return 'unknown';
  const match = compareBirthDates(fromId.value, fromRecord.value);
  return match === 'exact' || match === 'compatible' ? 'consistent' : 'conflict';
}
