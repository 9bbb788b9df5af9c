import assert from 'node:assert/strict';
import { MAX_POOL_NUMBERS, parseRelayPool } from '../../src/relay/relay-pool-spec.js';

describe('relay pool spec', () => {
  it('when numbers and ranges are listed, then every number appears once, sorted', () => {
    assert.deepEqual(parseRelayPool('+8617000000003, +8617000000000-+8617000000002,+8617000000001'), [
      '+8617000000000',
      '+8617000000001',
      '+8617000000002',
      '+8617000000003',
    ]);
  });

  it('when a part is not E.164, then the error names RELAY_POOL and the part', () => {
    assert.throws(() => parseRelayPool('+8617000000000,017000'), /RELAY_POOL: '017000' is not an E.164 number/);
  });

  it('when a range runs backwards or has ends of different lengths, then it is refused', () => {
    assert.throws(() => parseRelayPool('+8617000000009-+8617000000001'), /ends before it starts/);
    assert.throws(() => parseRelayPool('+861700000000-+8617000000001'), /same length/);
  });

  it('when a range is larger than the cap, then it is refused before being expanded', () => {
    assert.throws(() => parseRelayPool(`+8617000000000-+86170${String(MAX_POOL_NUMBERS + 5).padStart(8, '0')}`), /more than/);
  });

  it('when the spec is empty, then it says how to write one', () => {
    assert.throws(() => parseRelayPool(' , '), /has no numbers \(example/);
  });
});
