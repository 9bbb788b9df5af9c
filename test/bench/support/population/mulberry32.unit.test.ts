import { strict as assert } from 'node:assert';
import { mulberry32, Random } from '../../../../bench/support/population/mulberry32.js';

describe('mulberry32 and Random', () => {
  it('the same seed gives the same stream, another seed another one', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const first = Array.from({ length: 5 }, () => a());
    assert.deepEqual(
      Array.from({ length: 5 }, () => b()),
      first,
    );
    assert.notDeepEqual(
      Array.from({ length: 5 }, () => c()),
      first,
    );
  });

  it('draws lie in [0, 1) and average about one half', () => {
    const next = mulberry32(1);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = next();
      assert.ok(x >= 0 && x < 1);
      sum += x;
    }
    assert.ok(Math.abs(sum / 10_000 - 0.5) < 0.02);
  });

  it('int stays within its inclusive bounds and reaches both', () => {
    const rng = new Random(3);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(rng.int(2, 5));
    assert.deepEqual([...seen].sort(), [2, 3, 4, 5]);
  });

  it('uuidV4 is an RFC 4122 version 4 UUID, and unique', () => {
    const rng = new Random(11);
    const ids = Array.from({ length: 1000 }, () => rng.uuidV4());
    for (const id of ids)
      assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('picking from an empty list fails loudly instead of returning undefined', () => {
    assert.throws(() => new Random(1).pick([]), RangeError);
  });
});
