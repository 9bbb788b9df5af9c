import type { MatchableRecord } from './matchable-record.js';
import { resolutionKeys } from './resolution-keys.js';

/**
 * Splits records into groups connected by pairs that share a resolution key and `related` accepts.
 * Unrelated records never influence each other's clusters, so each group is clustered on its own;
 * groups come out sorted by their first key, each sorted by key, whatever the input order.
 */
export function connectedGroups(records: MatchableRecord[], related: (a: MatchableRecord, b: MatchableRecord) => boolean): MatchableRecord[][] {
  const sorted = [...records].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const byKey = new Map<string, number[]>();
  sorted.forEach((record, i) => {
    for (const key of resolutionKeys(record)) byKey.set(key, [...(byKey.get(key) ?? []), i]);
  });
  const tried = new Set<number>();
  for (const members of byKey.values()) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const i = members[x]!;
        const j = members[y]!;
        const pair = i * sorted.length + j;
        if (tried.has(pair) || find(i) === find(j)) continue;
        tried.add(pair);
        if (related(sorted[i]!, sorted[j]!)) parent[find(j)] = find(i);
      }
    }
  }
  const groups = new Map<number, MatchableRecord[]>();
  sorted.forEach((record, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), record]);
  });
  return [...groups.values()];
}
