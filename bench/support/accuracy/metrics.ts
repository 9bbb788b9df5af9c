/**
 * How a clustering is scored against the truth. Records are keyed `sourceId:sourceRecordId`; the
 * truth maps each to its true person, the prediction to the person it resolves to. A record the
 * prediction leaves unresolved (absent or undefined) counts as a cluster of its own.
 */
export type Truth = ReadonlyMap<string, string>;
export type Prediction = ReadonlyMap<string, string | undefined>;

export interface PairwiseScores {
  /** Record pairs of one true person. */
  truePairs: number;
  /** Record pairs put in one predicted person. */
  predictedPairs: number;
  /** Pairs that are both. */
  correctPairs: number;
  precision: number;
  recall: number;
  f1: number;
}

export function pairs(n: number): number {
  return (n * (n - 1)) / 2;
}

/**
 * Pairwise precision and recall from contingency counts (records per true × predicted person), so
 * the cost is linear in the records rather than quadratic in a large cluster. Only records in the
 * truth are scored; with no pairs to find or none claimed, the score is a vacuous 1.
 */
export function pairwiseScores(truth: Truth, predicted: Prediction): PairwiseScores {
  const trueSizes = new Map<string, number>();
  const predictedSizes = new Map<string, number>();
  const cells = new Map<string, Map<string, number>>();
  for (const [key, trueId] of truth) {
    trueSizes.set(trueId, (trueSizes.get(trueId) ?? 0) + 1);
    const predictedId = predicted.get(key);
    if (predictedId === undefined) continue;
    predictedSizes.set(predictedId, (predictedSizes.get(predictedId) ?? 0) + 1);
    const row = cells.get(predictedId) ?? new Map<string, number>();
    row.set(trueId, (row.get(trueId) ?? 0) + 1);
    cells.set(predictedId, row);
  }
  const truePairs = sumOf(trueSizes.values(), pairs);
  const predictedPairs = sumOf(predictedSizes.values(), pairs);
  let correctPairs = 0;
  for (const row of cells.values()) correctPairs += sumOf(row.values(), pairs);
  const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs;
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePairs, predictedPairs, correctPairs, precision, recall, f1 };
}

/** The most records any one predicted person holds among the scored ones (an unresolved record is 1). */
export function largestCluster(truth: Truth, predicted: Prediction): number {
  const sizes = new Map<string, number>();
  let largest = truth.size > 0 ? 1 : 0;
  for (const key of truth.keys()) {
    const predictedId = predicted.get(key);
    if (predictedId === undefined) continue;
    const size = (sizes.get(predictedId) ?? 0) + 1;
    sizes.set(predictedId, size);
    largest = Math.max(largest, size);
  }
  return largest;
}

/**
 * For each true person, the predicted person holding most of their records; a tie goes to the
 * smaller id so the choice never depends on read order. Persons none of whose records resolved
 * are absent.
 */
export function majorityPersons(truth: Truth, predicted: Prediction): Map<string, string> {
  const votes = new Map<string, Map<string, number>>();
  for (const [key, trueId] of truth) {
    const predictedId = predicted.get(key);
    if (predictedId === undefined) continue;
    const tally = votes.get(trueId) ?? new Map<string, number>();
    tally.set(predictedId, (tally.get(predictedId) ?? 0) + 1);
    votes.set(trueId, tally);
  }
  const majority = new Map<string, string>();
  for (const [trueId, tally] of votes) {
    let best: [string, number] | undefined;
    for (const [id, n] of tally) {
      if (best === undefined || n > best[1] || (n === best[1] && id < best[0])) best = [id, n];
    }
    if (best) majority.set(trueId, best[0]);
  }
  return majority;
}

export interface BestContactMiss {
  truePersonId: string;
  /** Their true current number. */
  expected: string;
  /** The predicted person holding most of their records, if any record resolved. */
  predictedPersonId: string | undefined;
  /** That person's best contact, if it has one. */
  best: string | undefined;
}

export interface BestContactScore {
  /** True persons whose current number some record lists: the ones a ranking could get right. */
  persons: number;
  correct: number;
  accuracy: number;
  misses: BestContactMiss[];
}

/**
 * The share of true persons for whom the predicted person holding most of their records offers
 * their true current number as its best contact: what a collector calling "this person" reaches.
 */
export function bestContactAccuracy(
  truth: Truth,
  predicted: Prediction,
  currentPhone: ReadonlyMap<string, string>,
  bestContact: ReadonlyMap<string, string>,
): BestContactScore {
  const majority = majorityPersons(truth, predicted);
  const misses: BestContactMiss[] = [];
  for (const [truePersonId, current] of currentPhone) {
    const predictedPersonId = majority.get(truePersonId);
    const best = predictedPersonId === undefined ? undefined : bestContact.get(predictedPersonId);
    if (best !== current) misses.push({ truePersonId, expected: current, predictedPersonId, best });
  }
  const persons = currentPhone.size;
  const correct = persons - misses.length;
  return { persons, correct, accuracy: persons === 0 ? 1 : correct / persons, misses };
}

export function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

function sumOf(values: Iterable<number>, f: (n: number) => number): number {
  let sum = 0;
  for (const v of values) sum += f(v);
  return sum;
}
