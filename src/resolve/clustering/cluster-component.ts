import type { MatchableRecord } from '../matchable-record.js';
import { decidePair } from '../scoring/decide-pair.js';
import type { MatchModel } from '../scoring/match-model.js';
import type { ValueFrequencies } from '../scoring/value-frequencies.js';
import { ambiguousLinks } from './ambiguous-links.js';
import { candidatePairs } from './candidate-pairs.js';
import { clusterEvidence } from './cluster-evidence.js';
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

  const clusters = new Clusters(sorted.length);
  const accepted: ScoredPair[] = [];
  for (const link of links) {
    const x = clusters.of(link.i);
    const y = clusters.of(link.j);
    if (x === y || !mayMerge(clusters.members(x), clusters.members(y), scores, model)) continue;
    clusters.merge(x, y);
    accepted.push(link);
  }
  const contested = new Set([...withheld].flatMap((pair) => [pair.i, pair.j]));
  accepted.push(...mergeOnClusterEvidence(clusters, scored, scores, model, contested));
  const clusterOf = sorted.map((_, i) => clusters.of(i));

  const possibleMatches: PossibleMatch[] = scored
    .filter((p) => clusterOf[p.i] !== clusterOf[p.j] && decidePair(p.score, model) !== 'no_link')
    .sort((p, q) => q.score.total - p.score.total || p.i - q.i || p.j - q.j)
    .map(({ i, j, score }) => ({
      recordKey: sorted[i]!.key,
      otherRecordKey: sorted[j]!.key,
      score,
    }));
  return { clusters: clusterOutcomes(sorted, clusters.all(), accepted), possibleMatches };
}

/**
 * Second pass, over what pairs left apart: two clusters that some cross pair makes worth a review
 * are compared field by field as whole persons (`clusterEvidence`), strongest first, and merge when
 * that comparison alone would link, under the same merge rule. Repeated until nothing merges, since
 * each merge completes a person further. A record that two incompatible people claim stays out.
 */
function mergeOnClusterEvidence(
  clusters: Clusters,
  scored: ScoredPair[],
  scores: PairScores,
  model: MatchModel,
  contested: ReadonlySet<number>,
): ScoredPair[] {
  const accepted: ScoredPair[] = [];
  const worthComparing = scored.filter((p) => p.score.cannotLink === null && p.score.total >= model.reviewThreshold);
  const isContested = (cluster: number) => clusters.members(cluster).some((i) => contested.has(i));
  for (;;) {
    const proposals = new Map<string, ScoredPair>();
    for (const pair of worthComparing) {
      const [x, y] = [clusters.of(pair.i), clusters.of(pair.j)].sort((p, q) => p - q) as [number, number];
      const id = `${x}:${y}`;
      if (x === y || proposals.has(id) || isContested(x) || isContested(y)) continue;
      proposals.set(id, clusterEvidence(clusters.members(x), clusters.members(y), scores));
    }
    const next = [...proposals.values()]
      .filter((p) => decidePair(p.score, model) === 'link')
      .sort((p, q) => q.score.total - p.score.total || p.i - q.i || p.j - q.j)
      .find((p) => mayMerge(clusters.members(clusters.of(p.i)), clusters.members(clusters.of(p.j)), scores, model));
    if (next === undefined) return accepted;
    clusters.merge(clusters.of(next.i), clusters.of(next.j));
    accepted.push(next);
  }
}

/** Disjoint clusters of record indices; a cluster is named by its lowest index. */
class Clusters {
  private readonly clusterOf: number[];
  private readonly byId = new Map<number, number[]>();

  constructor(size: number) {
    this.clusterOf = Array.from({ length: size }, (_, i) => i);
    for (let i = 0; i < size; i++) this.byId.set(i, [i]);
  }

  of(i: number): number {
    return this.clusterOf[i]!;
  }

  /** Ascending. */
  members(cluster: number): number[] {
    return this.byId.get(cluster)!;
  }

  merge(x: number, y: number): void {
    const [kept, absorbed] = x < y ? [x, y] : [y, x];
    const merged = [...this.members(kept), ...this.members(absorbed)].sort((p, q) => p - q);
    for (const i of this.members(absorbed)) this.clusterOf[i] = kept;
    this.byId.delete(absorbed);
    this.byId.set(kept, merged);
  }

  all(): number[][] {
    return [...this.byId.values()];
  }
}

// Code-unit order, the same on every machine and locale (localeCompare is neither).
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
