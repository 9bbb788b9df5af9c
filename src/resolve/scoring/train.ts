import type { MatchableRecord } from '../matchable-record.js';
import { compareRecords, comparisonVector } from './compare-records.js';
import type { ComparisonVector } from './compare-records.js';
import { expectationMaximization } from './expectation-maximization.js';
import type { TrainingOptions, TrainingResult } from './expectation-maximization.js';
import type { MatchModel } from './match-model.js';

export type { TrainingOptions, TrainingResult } from './expectation-maximization.js';

/**
 * Unsupervised Fellegi–Sunter training: estimates m, u and the match rate lambda from unlabeled
 * candidate pairs. Thresholds are kept from `start`; term-frequency adjustment is not trained.
 * Pass the pairs blocking produces, not random pairs: the model's u is a rate among candidates.
 */
export function trainModel(
  pairs: Array<[MatchableRecord, MatchableRecord]>,
  start: MatchModel,
  opts: TrainingOptions = {},
): TrainingResult {
  return trainOnComparisons(
    pairs.map(([a, b]) => comparisonVector(compareRecords(a, b))),
    start,
    opts,
  );
}

/** EM on comparison vectors directly: one level per field, 'missing' contributing nothing. */
export function trainOnComparisons(
  vectors: ComparisonVector[],
  start: MatchModel,
  opts: TrainingOptions = {},
): TrainingResult {
  return expectationMaximization(vectors, start, opts);
}
