import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { signEvent, verifySignature } from '../../src/ingest/signature.js';

describe('event signatures', () => {
  const key = randomBytes(32);
  const value = Buffer.from('{"op":"upsert"}');

  it('when an event is signed, then the signature is 64 lower-case hex characters that verify', () => {
    const signature = signEvent(value, key);
    assert.match(signature, /^[0-9a-f]{64}$/);
    assert.equal(verifySignature(value, key, signature), true);
  });

  it('when one byte of the value changes, then the signature no longer verifies', () => {
    const signature = signEvent(value, key);
    const tampered = Buffer.from(value);
    tampered[2] = 0x4f;
    assert.equal(verifySignature(tampered, key, signature), false);
  });

  it('when the signature was made with another key, then it does not verify', () => {
    assert.equal(verifySignature(value, key, signEvent(value, randomBytes(32))), false);
  });

  it('when the signature is short, long, empty or not hex, then it is refused without throwing', () => {
    const good = signEvent(value, key);
    for (const bad of [
      '',
      good.slice(0, 62),
      `${good}00`,
      `${good.slice(0, 63)}z`,
      'zz'.repeat(32),
      ' '.repeat(64),
    ]) {
      assert.equal(verifySignature(value, key, bad), false, JSON.stringify(bad));
    }
  });
});
