import { strict as assert } from 'node:assert';
import type { ComparisonVector } from '../../../src/resolve/scoring/compare-records.js';
import { DEFAULT_MODEL } from '../../../src/resolve/scoring/default-model.js';
import { MATCH_FIELDS } from '../../../src/resolve/scoring/match-model.js';
import type { MatchField, MatchModel } from '../../../src/resolve/scoring/match-model.js';
import { trainModel, trainOnComparisons } from '../../../src/resolve/scoring/train.js';
import type { MatchableRecord } from '../../../src/resolve/matchable-record.js';
import { mulberry32 } from '../../../bench/support/population/mulberry32.js';
import { record } from './records.js';

// The truth EM must find, with the default model's levels but other, moderate probabilities: u
// values as small as the default model's would barely occur in 20,000 samples.
const TRUTH: Record<MatchField, Record<string, [m: number, u: number]>> = {
  nationalId: { exact: [0.9, 0.05], different: [0.1, 0.95] },
  name: { exact: [0.7, 0.05], swapped: [0.1, 0.05], close: [0.15, 0.1], different: [0.05, 0.8] },
  birthDate: {
    exact: [0.6, 0.05],
    compatible: [0.25, 0.15],
    close: [0.1, 0.1],
    incompatible: [0.05, 0.7],
  },
  phone: { shared_active: [0.5, 0.05], shared_stale: [0.2, 0.1], different: [0.3, 0.85] },
  email: { exact: [0.6, 0.05], different: [0.4, 0.95] },
  address: { exact: [0.5, 0.1], same_postcode: [0.2, 0.2], different: [0.3, 0.7] },
  employer: { exact: [0.4, 0.1], close: [0.2, 0.1], different: [0.4, 0.8] },
  thirdParty: { strong_overlap: [0.4, 0.05], overlap: [0.3, 0.15], none: [0.3, 0.8] },
};
const TRUE_LAMBDA = 0.25;
const MISSING_RATE = 0.2;

function draw(random: () => number, levels: Record<string, [number, number]>, match: boolean) {
  let r = random();
  for (const [level, [m, u]] of Object.entries(levels)) {
    r -= match ? m : u;
    if (r < 0) return level;
  }
  return Object.keys(levels).at(-1)!;
}

function synthesize(count: number, seed: number): ComparisonVector[] {
  const random = mulberry32(seed);
  return Array.from({ length: count }, () => {
    const match = random() < TRUE_LAMBDA;
    const vector = {} as ComparisonVector;
    for (const field of MATCH_FIELDS) {
      vector[field] = random() < MISSING_RATE ? 'missing' : draw(random, TRUTH[field], match);
    }
    return vector;
  });
}

describe('trainModel (EM)', () => {
  it('recovers known m, u and lambda from synthetic comparison vectors', () => {
    const result = trainOnComparisons(synthesize(20_000, 42), DEFAULT_MODEL);
    assert.ok(result.converged, 'converged');
    assert.ok(Math.abs(result.lambda - TRUE_LAMBDA) < 0.02, `lambda ${result.lambda}`);
    for (const field of MATCH_FIELDS) {
      for (const [level, [m, u]] of Object.entries(TRUTH[field])) {
        const estimate = result.model.fields[field][level]!;
        assert.ok(Math.abs(estimate.m - m) < 0.03, `${field} ${level} m ${estimate.m} vs ${m}`);
        assert.ok(Math.abs(estimate.u - u) < 0.03, `${field} ${level} u ${estimate.u} vs ${u}`);
      }
    }
  });

  it('keeps the thresholds of the start model and names the result as trained', () => {
    const { model } = trainOnComparisons(synthesize(2_000, 7), DEFAULT_MODEL);
    assert.equal(model.linkThreshold, DEFAULT_MODEL.linkThreshold);
    assert.equal(model.reviewThreshold, DEFAULT_MODEL.reviewThreshold);
    assert.equal(model.clusterMinimum, DEFAULT_MODEL.clusterMinimum);
    assert.equal(model.version, `${DEFAULT_MODEL.version}+em`);
    assert.equal(
      trainOnComparisons(synthesize(100, 7), DEFAULT_MODEL, { version: 'fs-2' }).model.version,
      'fs-2',
    );
  });

  it("keeps probabilities inside (0, 1), and a field that is always 'missing' as it started", () => {
    const vectors = synthesize(2_000, 9).map((v) => ({
      ...v,
      email: 'missing',
      employer: 'exact',
    }));
    const { model } = trainOnComparisons(vectors, DEFAULT_MODEL);
    assert.deepEqual(model.fields.email, DEFAULT_MODEL.fields.email);
    const never = model.fields.employer.different!;
    assert.ok(never.m >= 1e-4 && never.u >= 1e-4, 'an unseen level is clamped, not 0');
    assert.ok(model.fields.employer.exact!.m <= 1 - 1e-4);
  });

  it('stops at maxIterations and says it did not converge', () => {
    const result = trainOnComparisons(synthesize(2_000, 3), DEFAULT_MODEL, { maxIterations: 2 });
    assert.equal(result.iterations, 2);
    assert.equal(result.converged, false);
  });

  it('learns from record pairs: agreement is likelier among matches than among non-matches', () => {
    const random = mulberry32(1);
    const pairs: [MatchableRecord, MatchableRecord][] = [];
    for (let i = 0; i < 400; i++) {
      const person = {
        names: [`Person${i} Example`],
        birthDate: `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`,
        phones: [`+1555555${String(1000 + i)}`],
        emails: [`p${i}@example.com`],
      };
      if (random() < 0.3) {
        pairs.push([record(`a:${i}`, person), record(`b:${i}`, { ...person, emails: [] })]);
      } else {
        const other = { ...person, names: [`Other${i} Sample`], birthDate: '1950-01-01' };
        pairs.push([
          record(`a:${i}`, person),
          record(`b:${i}`, { ...other, phones: ['+15555550000'] }),
        ]);
      }
    }
    const start: MatchModel = DEFAULT_MODEL;
    const { model, lambda, converged } = trainModel(pairs, start);
    assert.ok(converged);
    assert.ok(Math.abs(lambda - 0.3) < 0.06, `lambda ${lambda}`);
    assert.ok(model.fields.name.exact!.m > 0.9 && model.fields.name.exact!.u < 0.01);
    assert.ok(model.fields.phone.shared_active!.m > model.fields.phone.shared_active!.u);
  });
});
