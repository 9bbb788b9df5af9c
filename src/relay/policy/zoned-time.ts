/**
 * Wall-clock arithmetic in IANA zones through Intl, so DST rules come from the runtime's tz data
 * and never from fixed offsets.
 */
export interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    // h23, because `hour12: false` renders midnight as 24 in some ICU versions.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The wall-clock date and time an instant shows in a zone. */
export function localDateTime(instant: Date, zone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const { type, value } of formatterFor(zone).formatToParts(instant)) {
    if (type !== 'literal') parts[type] = Number(value);
  }
  const { year = NaN, month = NaN, day = NaN, hour = NaN, minute = NaN, second = NaN } = parts;
  return { year, month, day, hour, minute, second };
}

const DAY_MS = 86_400_000;

const subSecond = (t: number) => ((t % 1000) + 1000) % 1000;

/** Milliseconds since local midnight; the sub-second part is the instant's own. */
export function localMillisOfDay(instant: Date, zone: string): number {
  const { hour, minute, second } = localDateTime(instant, zone);
  return ((hour * 60 + minute) * 60 + second) * 1000 + subSecond(instant.getTime());
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

function wallClockAsUtc(t: number, zone: string): number {
  const l = localDateTime(new Date(t), zone);
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second) + subSecond(t);
}

/**
 * The instant a zone's clock shows `minuteOfDay` on `date`. A wall time repeated by a fall-back
 * maps to its first occurrence, and one skipped by a spring-forward gap is read with the offset
 * before the gap (Temporal's `compatible` disambiguation). Assumes at most one offset change in
 * the surrounding two days, which holds for every zone in tz data.
 */
export function zonedInstant(zone: string, date: LocalDate, minuteOfDay: number): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  const offsetAt = (t: number) => wallClockAsUtc(t, zone) - t;
  const before = offsetAt(wall - DAY_MS);
  const after = offsetAt(wall + DAY_MS);
  const matches = [wall - before, wall - after].filter((t) => wallClockAsUtc(t, zone) === wall);
  return new Date(matches.length > 0 ? Math.min(...matches) : wall - before);
}

/** Formats a local time as HH:MM for audit details. */
export function formatLocalTime({ hour, minute }: Pick<LocalDateTime, 'hour' | 'minute'>): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

export function formatLocalDate({ year, month, day }: LocalDate): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
