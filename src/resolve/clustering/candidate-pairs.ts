import type { MatchableRecord } from '../matchable-record.js';
import { blockingKeys } from './blocking-keys.js';

/**
 * Up to this many records every pair is scored (about 45,000 pairs); beyond it, only pairs that
 * share a blocking key, since a component that large is held together by some shared value
 * (a switchboard, a dormitory) rather than by one person.
 */
export const FULL_COMPARISON_LIMIT = 300;

/** Index pairs [i, j] with i < j into `records`, in ascending order. */
export function candidatePairs(records: MatchableRecord[]): [number, number][] {
  const n = records.length;
  if (n <= FULL_COMPARISON_LIMIT) {
    const all: [number, number][] = [];
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) all.push([i, j]);
    return all;
  }
  const blocks = new Map<string, number[]>();
  records.forEach((record, i) => {
    for (const key of blockingKeys(record)) {
      const block = blocks.get(key);
      if (block) block.push(i);
      else blocks.set(key, [i]);
    }
  });
  const pairs = new Set<number>();
  for (const block of blocks.values()) {
    for (let x = 0; x < block.length; x++) {
      for (let y = x + 1; y < block.length; y++) pairs.add(block[x]! * n + block[y]!);
    }
  }
  return [...pairs].sort((p, q) => p - q).map((p) => [Math.floor(p / n), p % n]);
}
