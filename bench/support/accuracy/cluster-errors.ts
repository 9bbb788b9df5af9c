import type { Prediction, Truth } from './metrics.js';

/** A predicted person holding records of several true persons. */
export interface FalseMerge {
  predictedPersonId: string;
  /** Its records grouped by true person, largest group first. */
  parts: { truePersonId: string; recordKeys: string[] }[];
  /** Record pairs across different true persons. */
  wrongPairs: number;
}

/** A true person whose records ended in several predicted persons (or unresolved). */
export interface Split {
  truePersonId: string;
  /** Its records grouped by predicted person, largest group first; an unresolved record alone. */
  fragments: { predictedPersonId: string | undefined; recordKeys: string[] }[];
  /** Record pairs across different fragments. */
  missedPairs: number;
}

export interface ClusterErrors {
  /** Most wrong pairs first. */
  falseMerges: FalseMerge[];
  /** Most missed pairs first. */
  splits: Split[];
}

/** Record pairs between different groups: every pair minus those inside a group. */
export function crossPairs(sizes: readonly number[]): number {
  const total = sizes.reduce((a, b) => a + b, 0);
  return (total * total - sizes.reduce((a, b) => a + b * b, 0)) / 2;
}

export function clusterErrors(truth: Truth, predicted: Prediction): ClusterErrors {
  const byPredicted = new Map<string, Map<string, string[]>>();
  const byTrue = new Map<string, Map<string, string[]>>();
  for (const [key, truePersonId] of truth) {
    const predictedPersonId = predicted.get(key);
    // An unresolved record is its own fragment; the key cannot collide with a person id.
    const fragment = predictedPersonId ?? `\u0000${key}`;
    push(byTrue, truePersonId, fragment, key);
    if (predictedPersonId !== undefined) push(byPredicted, predictedPersonId, truePersonId, key);
  }

  const falseMerges: FalseMerge[] = [];
  for (const [predictedPersonId, groups] of byPredicted) {
    if (groups.size < 2) continue;
    const parts = [...groups]
      .map(([truePersonId, recordKeys]) => ({ truePersonId, recordKeys }))
      .sort(bySize);
    falseMerges.push({
      predictedPersonId,
      parts,
      wrongPairs: crossPairs(parts.map((p) => p.recordKeys.length)),
    });
  }
  const splits: Split[] = [];
  for (const [truePersonId, groups] of byTrue) {
    if (groups.size < 2) continue;
    const fragments = [...groups]
      .map(([id, recordKeys]) => ({
        predictedPersonId: id.startsWith('\u0000') ? undefined : id,
        recordKeys,
      }))
      .sort(bySize);
    splits.push({
      truePersonId,
      fragments,
      missedPairs: crossPairs(fragments.map((f) => f.recordKeys.length)),
    });
  }
  falseMerges.sort(
    (a, b) => b.wrongPairs - a.wrongPairs || (a.predictedPersonId < b.predictedPersonId ? -1 : 1),
  );
  splits.sort(
    (a, b) => b.missedPairs - a.missedPairs || (a.truePersonId < b.truePersonId ? -1 : 1),
  );
  return { falseMerges, splits };
}

function push(
  index: Map<string, Map<string, string[]>>,
  outer: string,
  inner: string,
  key: string,
): void {
  const groups = index.get(outer) ?? new Map<string, string[]>();
  index.set(outer, groups);
  const keys = groups.get(inner);
  if (keys) keys.push(key);
  else groups.set(inner, [key]);
}

function bySize(a: { recordKeys: string[] }, b: { recordKeys: string[] }): number {
  return (
    b.recordKeys.length - a.recordKeys.length || (a.recordKeys[0]! < b.recordKeys[0]! ? -1 : 1)
  );
}
