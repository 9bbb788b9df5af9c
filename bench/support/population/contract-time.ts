import type { Random } from './mulberry32.js';

export const DAY_MS = 24 * 60 * 60 * 1000;
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** RFC 3339 in China Standard Time, whole seconds, as CN providers send it. */
export function chinaDateTime(ms: number): string {
  return `${new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** A whole second uniformly between `fromMs` and `toMs` (both clamped to whole seconds). */
export function instantBetween(rng: Random, fromMs: number, toMs: number): number {
  const from = Math.ceil(Math.min(fromMs, toMs) / 1000);
  const to = Math.floor(Math.max(fromMs, toMs) / 1000);
  return (to < from ? from : rng.int(from, to)) * 1000;
}

/** A whole second between `minDays` and `maxDays` before `ms`. */
export function daysBefore(rng: Random, ms: number, minDays: number, maxDays: number): number {
  return instantBetween(rng, ms - maxDays * DAY_MS, ms - minDays * DAY_MS);
}
