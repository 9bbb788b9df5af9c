import type { MatchableRecord } from '../resolve/matchable-record.js';
import { MAX_BLOCK_SIZE } from '../resolve/neo4j-resolution-store.js';
import { compareRecords, comparisonVector } from '../resolve/scoring/compare-records.js';
import { levelWeight, MATCH_FIELDS, type MatchField, type MatchModel } from '../resolve/scoring/match-model.js';
import type { TrainingResult } from '../resolve/scoring/train.js';

export type LevelCounts = Map<MatchField, Map<string, number>>;

/** How many pairs showed each level of each field, 'missing' included: how much each estimate rests on. */
export function levelCounts(pairs: Array<[MatchableRecord, MatchableRecord]>): LevelCounts {
  const counts: LevelCounts = new Map(MATCH_FIELDS.map((field) => [field, new Map<string, number>()]));
  for (const [a, b] of pairs) {
    const vector = comparisonVector(compareRecords(a, b));
    for (const field of MATCH_FIELDS) {
      const levels = counts.get(field)!;
      levels.set(vector[field], (levels.get(vector[field]) ?? 0) + 1);
    }
  }
  return counts;
}

export interface TrainingSummary {
  start: MatchModel;
  result: TrainingResult;
  counts: LevelCounts;
  sample: { pairs: number; complete: boolean; blocks: number; seed: number };
}

/** Field and level names and numbers only: nothing here may carry a record's values. */
export function renderTrainingSummary({ start, result, counts, sample }: TrainingSummary): string[] {
  const { model, lambda, iterations, converged } = result;
  const drawn = sample.complete
    ? `all ${sample.pairs} candidate pairs`
    : `${sample.pairs} candidate pairs, a seeded sample (seed ${sample.seed}) of those`;
  return [
    `trained on ${drawn} sharing one of ${sample.blocks} blocking keys held by 2 to ${MAX_BLOCK_SIZE} records`,
    `EM: lambda ${lambda.toFixed(4)} (the estimated share of matches among them), ${iterations} iterations, ${converged ? 'converged' : 'did not converge'}`,
    '',
    `${'field'.padEnd(11)} ${'level'.padEnd(14)} ${'pairs'.padStart(6)}   ${'m default → trained'.padEnd(19)}   ${'u default → trained'.padEnd(19)}   weight log2(m/u), bits`,
    ...MATCH_FIELDS.flatMap((field) => fieldRows(field, start, model, counts.get(field) ?? new Map<string, number>())),
  ];
}

function fieldRows(field: MatchField, start: MatchModel, trained: MatchModel, counts: Map<string, number>): string[] {
  const rows = Object.entries(start.fields[field]).map(([level, before]) => {
    const after = trained.fields[field][level] ?? before;
    const weights = `${bits(levelWeight(start, field, level))} → ${bits(levelWeight(trained, field, level))}`;
    return `${level.padEnd(14)} ${String(counts.get(level) ?? 0).padStart(6)}   ${probability(before.m)} → ${probability(after.m)}     ${probability(before.u)} → ${probability(after.u)}     ${weights}`;
  });
  const missing = counts.get('missing') ?? 0;
  if (missing > 0) rows.push(`${'missing'.padEnd(14)} ${String(missing).padStart(6)}   (not known on both sides: weighs 0, not trained)`);
  return rows.map((row, i) => `${(i === 0 ? field : '').padEnd(11)} ${row}`);
}

// Seven characters either way, so the columns line up: u runs down to 1e-5, m up to 0.99999.
const probability = (p: number): string => (p < 0.001 ? p.toExponential(2) : p.toFixed(5));

const bits = (n: number): string => {
  const rounded = Number(n.toFixed(1));
  return `${rounded < 0 ? '-' : '+'}${Math.abs(rounded).toFixed(1)}`.padStart(5);
};
