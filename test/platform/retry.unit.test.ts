import { strict as assert } from 'node:assert';
import { retryUntil } from '../../src/platform/retry.js';

describe('retryUntil', () => {
  it('when work fails transiently, then it is retried until it succeeds', async () => {
    let calls = 0;
    const result = await retryUntil(
      async () => {
        calls++;
        if (calls < 3) throw new Error('not yet');
        return 'done';
      },
      { deadlineMs: 5_000, initialDelayMs: 1 },
    );
    assert.equal(result, 'done');
    assert.equal(calls, 3);
  });

  it('when the failure is deterministic, then it is rethrown at once', async () => {
    let calls = 0;
    await assert.rejects(
      retryUntil(
        async () => {
          calls++;
          throw new TypeError('bad');
        },
        { deadlineMs: 5_000, initialDelayMs: 1, retryIf: (e) => !(e instanceof TypeError) },
      ),
      TypeError,
    );
    assert.equal(calls, 1);
  });

  it('when the deadline passes, then the last error is rethrown', async () => {
    await assert.rejects(
      retryUntil(
        async () => {
          throw new Error('still down');
        },
        { deadlineMs: 30, initialDelayMs: 5 },
      ),
      /still down/,
    );
  });
});
