import type { ComparisonVector } from './compare-records.js';
import { MATCH_FIELDS } from './match-model.js';
import type { LevelProbability, MatchField, MatchModel } from './match-model.js';

export interface TrainingOptions {
  maxIterations?: number;
  /** Stop when no probability (nor lambda) moves by more than this in one iteration. */
  tolerance?: number;
  /** The share of pairs assumed to match at the start; EM moves it. */
  initialLambda?: number;
  /** The trained model's version; `<start version>+em` by default. */
  version?: string;
}

export interface TrainingResult {
  model: MatchModel;
  /** The estimated share of the training pairs that are matches. */
  lambda: number;
  iterations: number;
  converged: boolean;
}

// A probability of exactly 0 or 1 would make a weight infinite, and one unseen level in training
// would then veto or force every future pair showing it.
const FLOOR = 1e-4;
const clamp = (p: number): number => Math.min(1 - FLOOR, Math.max(FLOOR, p));

/** Identical vectors are grouped: there are few distinct ones, however many pairs. */
interface Pattern {
  /** Per field in `MATCH_FIELDS` order: the level's index in the model, or -1 if not counted. */
  levels: number[];
  count: number;
}

interface Parameters {
  m: number[][];
  u: number[][];
  lambda: number;
}

export function expectationMaximization(
  vectors: ComparisonVector[],
  start: MatchModel,
  opts: TrainingOptions,
): TrainingResult {
  const maxIterations = opts.maxIterations ?? 200;
  const tolerance = opts.tolerance ?? 1e-6;
  const levelNames = MATCH_FIELDS.map((field) => Object.keys(start.fields[field]));
  const patterns = toPatterns(vectors, levelNames);
  let params: Parameters = {
    m: MATCH_FIELDS.map((field, f) => levelNames[f]!.map((l) => clamp(start.fields[field][l]!.m))),
    u: MATCH_FIELDS.map((field, f) => levelNames[f]!.map((l) => clamp(start.fields[field][l]!.u))),
    lambda: clamp(opts.initialLambda ?? 0.5),
  };
  let iterations = 0;
  let converged = false;
  while (!converged && iterations < maxIterations && patterns.length > 0) {
    const next = maximize(patterns, expect(patterns, params), params);
    converged = largestChange(params, next) < tolerance;
    params = next;
    iterations++;
  }
  return {
    model: toModel(start, levelNames, params, opts.version),
    lambda: params.lambda,
    iterations,
    converged,
  };
}

function toPatterns(vectors: ComparisonVector[], levelNames: string[][]): Pattern[] {
  const byKey = new Map<string, Pattern>();
  for (const vector of vectors) {
    const levels = MATCH_FIELDS.map((field, f) => levelNames[f]!.indexOf(vector[field]));
    const key = levels.join(',');
    const pattern = byKey.get(key);
    if (pattern) pattern.count++;
    else byKey.set(key, { levels, count: 1 });
  }
  return [...byKey.values()];
}

/** E-step: each pattern's posterior probability of being a match, computed in log space. */
function expect(patterns: Pattern[], { m, u, lambda }: Parameters): number[] {
  return patterns.map(({ levels }) => {
    let logOdds = Math.log(lambda) - Math.log(1 - lambda);
    levels.forEach((l, f) => {
      if (l >= 0) logOdds += Math.log(m[f]![l]!) - Math.log(u[f]![l]!);
    });
    return 1 / (1 + Math.exp(-logOdds));
  });
}

/** M-step: m and u as posterior-weighted level frequencies among pairs where the field is known. */
function maximize(patterns: Pattern[], posteriors: number[], previous: Parameters): Parameters {
  const mCounts = previous.m.map((levels) => levels.map(() => 0));
  const uCounts = previous.u.map((levels) => levels.map(() => 0));
  let matches = 0;
  let total = 0;
  patterns.forEach(({ levels, count }, i) => {
    const p = posteriors[i]!;
    matches += p * count;
    total += count;
    levels.forEach((l, f) => {
      if (l < 0) return;
      mCounts[f]![l]! += p * count;
      uCounts[f]![l]! += (1 - p) * count;
    });
  });
  return {
    m: normalize(mCounts, previous.m),
    u: normalize(uCounts, previous.u),
    lambda: clamp(matches / total),
  };
}

// A field never observed for one class keeps its previous estimate rather than becoming 0/0.
function normalize(counts: number[][], previous: number[][]): number[][] {
  return counts.map((levels, f) => {
    const sum = levels.reduce((s, c) => s + c, 0);
    return sum > 0 ? levels.map((c) => clamp(c / sum)) : previous[f]!;
  });
}

function largestChange(a: Parameters, b: Parameters): number {
  let largest = Math.abs(a.lambda - b.lambda);
  for (const [x, y] of [
    [a.m, b.m],
    [a.u, b.u],
  ] as const) {
    x.forEach((levels, f) =>
      levels.forEach((p, l) => (largest = Math.max(largest, Math.abs(p - y[f]![l]!)))),
    );
  }
  return largest;
}

function toModel(
  start: MatchModel,
  levelNames: string[][],
  { m, u }: Parameters,
  version: string | undefined,
): MatchModel {
  const fields = {} as Record<MatchField, Record<string, LevelProbability>>;
  MATCH_FIELDS.forEach((field, f) => {
    fields[field] = Object.fromEntries(
      levelNames[f]!.map((level, l) => [level, { m: m[f]![l]!, u: u[f]![l]! }]),
    );
  });
  return { ...start, version: version ?? `${start.version}+em`, fields };
}
