import type { PersonState } from './resolution-store.js';

/**
 * Gives each new cluster a person id: an existing person keeps its id when it keeps records, and
 * when a person splits, the id stays with the part holding most of its records (ties: the part
 * whose first record key sorts first). Each old id is used at most once; the rest are new.
 */
export function assignPersonIds(clusters: string[][], before: PersonState[], newId: () => string): string[] {
  const personOf = new Map<string, string>();
  for (const p of before) for (const key of p.recordKeys) personOf.set(key, p.personId);
  const overlaps: { cluster: number; personId: string; shared: number }[] = [];
  clusters.forEach((keys, cluster) => {
    const counts = new Map<string, number>();
    for (const key of keys) {
      const personId = personOf.get(key);
      if (personId !== undefined) counts.set(personId, (counts.get(personId) ?? 0) + 1);
    }
    for (const [personId, shared] of counts) overlaps.push({ cluster, personId, shared });
  });
  overlaps.sort((a, b) => b.shared - a.shared || firstKey(clusters, a.cluster).localeCompare(firstKey(clusters, b.cluster)) || a.personId.localeCompare(b.personId));
  const ids: (string | undefined)[] = clusters.map(() => undefined);
  const used = new Set<string>();
  for (const { cluster, personId } of overlaps) {
    if (ids[cluster] !== undefined || used.has(personId)) continue;
    ids[cluster] = personId;
    used.add(personId);
  }
  return ids.map((id) => id ?? newId());
}

function firstKey(clusters: string[][], i: number): string {
  return clusters[i]?.[0] ?? '';
}
