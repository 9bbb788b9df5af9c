import type { MatchModel } from '../scoring/match-model.js';
import type { PairScores } from './pair-scores.js';

/**
 * Whether two clusters may become one, judged on every cross pair, not only the link that
 * proposes the merge: no cross pair may have a cannot-link, and the cross pairs' mean total must
 * reach `clusterMinimum`. A record with two names or two phones can link to two different people;
 * the chain passes pair by pair, but the two people score poorly against each other, and the mean
 * over all cross pairs shows it. Members are in ascending order, so the sum is always the same.
 */
export function mayMerge(
  x: readonly number[],
  y: readonly number[],
  scores: PairScores,
  model: Pick<MatchModel, 'clusterMinimum'>,
): boolean {
  let sum = 0;
  for (const i of x) {
    for (const j of y) {
      const score = scores.get(i, j);
      if (score.cannotLink !== null) return false;
      sum += score.total;
    }
  }
  return sum / (x.length * y.length) >= model.clusterMinimum;
}
