import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { PairSample } from '../../src/resolve/training-pairs.js';

const keys = (n: number, prefix = 'src:') => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);

/** Overlapping blocks, as blocking keys make them: many pairs are offered through several blocks. */
function blocks(): string[][] {
  const all = keys(60);
  return [all.slice(0, 20), all.slice(10, 30), all.slice(25, 60), all.filter((_, i) => i % 3 === 0), all.slice(0, 1)];
}

function distinctPairs(blockList: string[][]): Set<string> {
  const pairs = new Set<string>();
  for (const block of blockList) {
    for (const a of block) for (const b of block) if (a < b) pairs.add(`${a}|${b}`);
  }
  return pairs;
}

function sampleOf(blockList: string[][], size: number, seed: number): PairSample {
  const sample = new PairSample(size, seed);
  for (const block of blockList) sample.offerBlock(block);
  return sample;
}

const joined = (sample: PairSample) => sample.pairs().map(([a, b]) => `${a}|${b}`);

describe('PairSample (the seeded sample of candidate pairs that training reads)', () => {
  it('when no more distinct pairs are offered than it holds, then it keeps each exactly once and says it is complete', () => {
    const sample = sampleOf(blocks(), 10_000, 1);
    sample.offer('src:001', 'src:000');
    sample.offer('src:005', 'src:005');
    const pairs = joined(sample);
    assert.equal(sample.complete, true);
    assert.equal(new Set(pairs).size, pairs.length);
    assert.deepEqual(new Set(pairs), distinctPairs(blocks()));
    assert.ok(sample.pairs().every(([a, b]) => a < b));
  });

  it('when more pairs are offered than it holds, then it keeps exactly its size, distinct, and is not complete', () => {
    const sample = sampleOf(blocks(), 100, 1);
    const pairs = joined(sample);
    assert.equal(sample.complete, false);
    assert.equal(pairs.length, 100);
    assert.equal(new Set(pairs).size, 100);
    const all = distinctPairs(blocks());
    assert.ok(pairs.every((p) => all.has(p)));
  });

  it('when the same pairs arrive in any order and through any blocks, then the same seed gives the same sample', () => {
    const expected = joined(sampleOf(blocks(), 50, 7));
    fc.assert(
      fc.property(fc.shuffledSubarray(blocks(), { minLength: 5, maxLength: 5 }), fc.boolean(), (order, split) => {
        // The same pairs offered pair by pair, reversed, instead of block by block.
        const sample = new PairSample(50, 7);
        for (const block of order) {
          if (split) for (let i = block.length - 1; i >= 0; i--) for (let j = 0; j < i; j++) sample.offer(block[i]!, block[j]!);
          else sample.offerBlock([...block].reverse());
        }
        assert.deepEqual(joined(sample), expected);
      }),
      { numRuns: 50 },
    );
  });

  it('when it holds fewer than offered, then it keeps the lowest-ranked pairs: a prefix of the larger sample with the same seed', () => {
    const larger = joined(sampleOf(blocks(), 10_000, 3));
    assert.deepEqual(joined(sampleOf(blocks(), 80, 3)), larger.slice(0, 80));
  });

  it('when the seed changes, then the sample changes, and over many seeds every pair is about equally likely', () => {
    const pool = [keys(10)];
    const total = distinctPairs(pool).size;
    assert.notDeepEqual(joined(sampleOf(pool, 9, 1)), joined(sampleOf(pool, 9, 2)));
    const times = new Map<string, number>();
    const seeds = 600;
    for (let seed = 0; seed < seeds; seed++) for (const p of joined(sampleOf(pool, 9, seed))) times.set(p, (times.get(p) ?? 0) + 1);
    const expected = (seeds * 9) / total;
    assert.equal(times.size, total);
    for (const [pair, n] of times) assert.ok(Math.abs(n - expected) < expected * 0.5, `${pair}: ${n} times, expected about ${expected}`);
  });

  it('when its size is not a positive whole number, then it refuses with an example', () => {
    assert.throws(() => new PairSample(0, 1), /positive integer, e\.g\. 20000/);
    assert.throws(() => new PairSample(2.5, 1), RangeError);
  });
});
