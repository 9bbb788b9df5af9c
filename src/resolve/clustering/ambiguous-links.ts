import type { MatchModel } from '../scoring/match-model.js';
import { mayMerge } from './merge-criterion.js';
import type { PairScores, ScoredPair } from './pair-scores.js';

/**
 * How much stronger (in bits: a thousandfold likelihood ratio) a record's link to one person must
 * be than its link to another, incompatible person for the stronger link to stand.
 */
export const AMBIGUITY_MARGIN = 10;

/**
 * Links that must not be made because their record is claimed by two people. When a record links
 * to two records that could not share a cluster with it (a cannot-link between them, or too little
 * evidence, by the merge rule), greedy merging would hand it to whichever link sorts first. Unless
 * one link wins by `AMBIGUITY_MARGIN`, both are withheld and left for review: a wrong link routes a
 * collector to someone else's phone, a missing one only waits for more evidence.
 */
export function ambiguousLinks(
  links: ScoredPair[],
  scores: PairScores,
  model: Pick<MatchModel, 'clusterMinimum'>,
): Set<ScoredPair> {
  const partners = new Map<number, { other: number; link: ScoredPair }[]>();
  for (const link of links) {
    for (const [self, other] of [
      [link.i, link.j],
      [link.j, link.i],
    ] as const) {
      partners.set(self, [...(partners.get(self) ?? []), { other, link }]);
    }
  }
  const withheld = new Set<ScoredPair>();
  for (const [self, claims] of partners) {
    claims.forEach((p, x) => {
      for (const q of claims.slice(x + 1)) {
        if (triangleHolds(self, p.other, q.other, scores, model)) continue;
        const difference = p.link.score.total - q.link.score.total;
        if (difference < AMBIGUITY_MARGIN) withheld.add(p.link);
        if (difference > -AMBIGUITY_MARGIN) withheld.add(q.link);
      }
    });
  }
  return withheld;
}

function triangleHolds(
  self: number,
  p: number,
  q: number,
  scores: PairScores,
  model: Pick<MatchModel, 'clusterMinimum'>,
): boolean {
  const sorted = (x: number, y: number): number[] => (x < y ? [x, y] : [y, x]);
  return (
    mayMerge(sorted(self, p), [q], scores, model) && mayMerge(sorted(self, q), [p], scores, model)
  );
}
