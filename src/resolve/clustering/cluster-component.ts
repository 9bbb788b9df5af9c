import type { MatchableRecord } from '../matchable-record.js';
import { decidePair } from '../scoring/decide-pair.js';
import type { MatchModel } from '../scoring/match-model.js';
import type { ValueFrequencies } from '../scoring/value-frequencies.js';
import { ambiguousLinks } from './ambiguous-links.js';
import { candidatePairs } from './candidate-pairs.js';
import { clusterOutcomes } from './cluster-outcomes.js';
import type { ClusteringResult, PossibleMatch } from './clustering-result.js';
import { mayMerge } from './merge-criterion.js';
import { PairScores } from './pair-scores.js';
import type { ScoredPair } from './pair-scores.js';

/**
 * Resolves one connected component into clusters (persons). A function of the set of records
 * alone: they are sorted by key first and every tie is broken by keys, so recomputing a component
 * after any change, in any arrival order, gives what a full rebuild gives.
 *
 * Greedy agglomerative: pairs that `decidePair` would link, strongest first, merge their clusters
 * when `mayMerge` allows it. Linking is transitive, so every merge is judged on all the pairs it
 * would join; before that, a record claimed by two incompatible people is linked to neither
 * (`ambiguousLinks`). A withheld or refused link becomes a possible match for review instead.
 */
export function clusterComponent(
  records: MatchableRecord[],
  model: MatchModel,
  freq: ValueFrequencies,
): ClusteringResult {
  const sorted = [...records].sort((a, b) => compareKeys(a.key, b.key));
  if (sorted.some((record, i) => i > 0 && record.key === sorted[i - 1]?.key)) {
    throw new RangeError('clusterComponent needs records with distinct keys');
  }
  const scores = new PairScores(sorted, model, freq);
  const scored = candidatePairs(sorted).map(([i, j]) => ({ i, j, score: scores.get(i, j) }));
  const linkable = scored.filter((pair) => decidePair(pair.score, model) === 'link');
  const withheld = ambiguousLinks(linkable, scores, model);
  const links = linkable
    .filter((pair) => !withheld.has(pair))
    .sort((p, q) => q.score.total - p.score.total || p.i - q.i || p.j - q.j);

  const clusterOf = sorted.map((_, i) => i);
  const members = new Map<number, number[]>(sorted.map((_, i) => [i, [i]]));
  const accepted: ScoredPair[] = [];
  for (const link of links) {
    const x = clusterOf[link.i]!;
    const y = clusterOf[link.j]!;
    if (x === y || !mayMerge(members.get(x)!, members.get(y)!, scores, model)) continue;
    const [kept, absorbed] = x < y ? [x, y] : [y, x];
    const merged = [...members.get(kept)!, ...members.get(absorbed)!].sort((p, q) => p - q);
    for (const i of members.get(absorbed)!) clusterOf[i] = kept;
    members.delete(absorbed);
    members.set(kept, merged);
    accepted.push(link);
  }

  const possibleMatches: PossibleMatch[] = scored
    .filter((p) => clusterOf[p.i] !== clusterOf[p.j] && decidePair(p.score, model) !== 'no_link')
    .sort((p, q) => q.score.total - p.score.total || p.i - q.i || p.j - q.j)
    .map(({ i, j, score }) => ({
      recordKey: sorted[i]!.key,
      otherRecordKey: sorted[j]!.key,
      score,
    }));
  return { clusters: clusterOutcomes(sorted, [...members.values()], accepted), possibleMatches };
}

// Code-unit order, the same on every machine and locale (localeCompare is neither).
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
