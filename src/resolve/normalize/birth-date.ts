import { accept, reject } from './result.js';
import type { Normalized } from './result.js';

/** A birth date as precise as the source knew it: year, year and month, or a full date. */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

export type BirthDateRejection = 'BAD_FORMAT' | 'BAD_DATE' | 'TOO_EARLY' | 'IN_FUTURE';
export type BirthDateResult = Normalized<PartialDate, BirthDateRejection>;

export type BirthDateMatch = 'exact' | 'compatible' | 'close' | 'incompatible' | 'missing';

// Nobody born earlier is alive, and CN resident ids cannot encode an earlier year either.
export const EARLIEST_BIRTH_YEAR = 1900;

const SHAPE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. With `now`, a date that has not yet begun (in UTC)
 * is rejected; a partial date is in the future only if its whole year or month is.
 */
export function parseBirthDate(raw: string, now?: Date): BirthDateResult {
  const match = SHAPE.exec(raw.trim());
  if (!match) return reject('BAD_FORMAT');
  const date = toPartialDate(match);
  if (!isCalendarDate(date)) return reject('BAD_DATE');
  if (date.year < EARLIEST_BIRTH_YEAR) return reject('TOO_EARLY');
  if (now && isAfter(date, now)) return reject('IN_FUTURE');
  return accept(date);
}

function isAfter(date: PartialDate, now: Date): boolean {
  const text = formatPartialDate(date);
  return text > now.toISOString().slice(0, text.length);
}

function toPartialDate(match: RegExpExecArray): PartialDate {
  const [, year, month, day] = match;
  const date: PartialDate = { year: Number(year) };
  if (month !== undefined) date.month = Number(month);
  if (day !== undefined) date.day = Number(day);
  return date;
}

export function isCalendarDate({ year, month, day }: PartialDate): boolean {
  if (month === undefined) return day === undefined;
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;
  return day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, zero-padded, so that strings compare in date order. */
export function formatPartialDate({ year, month, day }: PartialDate): string {
  const parts = [String(year).padStart(4, '0')];
  if (month !== undefined) parts.push(String(month).padStart(2, '0'));
  if (month !== undefined && day !== undefined) parts.push(String(day).padStart(2, '0'));
  return parts.join('-');
}

/**
 * 'exact' needs two full dates: two records that both say only "1990" agree, but that is weak
 * evidence, so it is 'compatible'. 'close' catches the two commonest keying errors: one wrong
 * digit, and day and month swapped (US versus everyone else).
 */
export function compareBirthDates(a?: PartialDate, b?: PartialDate): BirthDateMatch {
  if (!a || !b) return 'missing';
  const x = formatPartialDate(a);
  const y = formatPartialDate(b);
  const shared = Math.min(x.length, y.length);
  if (x.slice(0, shared) === y.slice(0, shared)) {
    return x.length === 10 && y.length === 10 ? 'exact' : 'compatible';
  }
  if (differsInOneDigit(x.slice(0, shared), y.slice(0, shared))) return 'close';
  if (a.year === b.year && a.day !== undefined && a.month === b.day && a.day === b.month) {
    return 'close';
  }
  return 'incompatible';
}

function differsInOneDigit(x: string, y: string): boolean {
  let differences = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) differences++;
  return differences === 1;
}
