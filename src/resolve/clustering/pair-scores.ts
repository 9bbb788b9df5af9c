import type { MatchableRecord } from '../matchable-record.js';
import type { MatchModel } from '../scoring/match-model.js';
import type { PairScore } from '../scoring/pair-score.js';
import { scorePair } from '../scoring/score-pair.js';
import type { ValueFrequencies } from '../scoring/value-frequencies.js';

/** A pair of indices into the sorted records, i < j, with its score. */
export interface ScoredPair {
  i: number;
  j: number;
  score: PairScore;
}

/**
 * Scores of pairs of `records`, computed once and on demand: the merge check needs pairs that
 * blocking did not propose. Always scored lower index first, so one pair has one score.
 */
export class PairScores {
  private readonly cache = new Map<number, PairScore>();

  constructor(
    private readonly records: MatchableRecord[],
    private readonly model: MatchModel,
    private readonly freq: ValueFrequencies,
  ) {}

  get(i: number, j: number): PairScore {
    const [low, high] = i < j ? [i, j] : [j, i];
    const id = low * this.records.length + high;
    let score = this.cache.get(id);
    if (score === undefined) {
      score = scorePair(this.records[low]!, this.records[high]!, this.model, this.freq);
      this.cache.set(id, score);
    }
    return score;
  }
}
