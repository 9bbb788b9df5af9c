import type { MatchableRecord } from '../matchable-record.js';
import type { ScoredPair } from './pair-scores.js';
import type { ClusterLink, ClusterOutcome } from './clustering-result.js';

/**
 * Each cluster's accepted links form a tree (every one joined two clusters). Walked breadth-first
 * from the first record, lower indices first, each record gets the link that brought it in.
 */
export function clusterOutcomes(
  records: MatchableRecord[],
  clusters: number[][],
  accepted: ScoredPair[],
): ClusterOutcome[] {
  const neighbours = new Map<number, ScoredPair[]>();
  for (const pair of accepted) {
    for (const end of [pair.i, pair.j]) neighbours.set(end, [...(neighbours.get(end) ?? []), pair]);
  }
  return clusters
    .map((members) => [...members].sort((p, q) => p - q))
    .sort((p, q) => p[0]! - q[0]!)
    .map((members) => ({
      recordKeys: members.map((i) => records[i]!.key),
      links: treeLinks(members[0]!, records, neighbours),
    }));
}

function treeLinks(
  root: number,
  records: MatchableRecord[],
  neighbours: Map<number, ScoredPair[]>,
): ClusterLink[] {
  const links: ClusterLink[] = [];
  const seen = new Set([root]);
  const queue = [root];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const parent = next;
    const children = (neighbours.get(parent) ?? [])
      .map((pair) => ({ child: pair.i === parent ? pair.j : pair.i, score: pair.score }))
      .filter(({ child }) => !seen.has(child))
      .sort((p, q) => p.child - q.child);
    for (const { child, score } of children) {
      seen.add(child);
      queue.push(child);
      links.push({ recordKey: records[child]!.key, viaRecordKey: records[parent]!.key, score });
    }
  }
  return links;
}
