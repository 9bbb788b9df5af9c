import { strict as assert } from 'node:assert';
import { Batcher } from '../../src/platform/batcher.js';

/** A batch function whose batches finish when the test says so. */
function controlled() {
  const batches: { inputs: number[]; finish(fail?: boolean): void }[] = [];
  const run = (inputs: number[]) =>
    new Promise<string[]>((resolve, reject) =>
      batches.push({
        inputs,
        finish: (fail = false) =>
          fail ? reject(new Error('store down')) : resolve(inputs.map((i) => `out-${i}`)),
      }),
    );
  return { batches, run };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('Batcher (coalescing concurrent calls)', () => {
  it('when calls arrive in one turn, then they go as one batch and each gets its own output', async () => {
    const { batches, run } = controlled();
    const batcher = new Batcher(run, { maxInFlight: 2, maxBatch: 10 });
    const calls = [1, 2, 3].map((i) => batcher.call(i));
    await turn();
    assert.deepEqual(
      batches.map((b) => b.inputs),
      [[1, 2, 3]],
    );
    batches[0]!.finish();
    assert.deepEqual(await Promise.all(calls), ['out-1', 'out-2', 'out-3']);
  });

  it('when every slot is busy, then later calls wait and then go together as soon as a batch finishes', async () => {
    const { batches, run } = controlled();
    const batcher = new Batcher(run, { maxInFlight: 1, maxBatch: 10 });
    const first = batcher.call(1);
    await turn();
    const later = [2, 3, 4].map((i) => batcher.call(i));
    await turn();
    assert.equal(batches.length, 1, 'nothing else starts while the only slot is busy');
    batches[0]!.finish();
    await first;
    assert.deepEqual(
      batches.map((b) => b.inputs),
      [[1], [2, 3, 4]],
    );
    batches[1]!.finish();
    assert.deepEqual(await Promise.all(later), ['out-2', 'out-3', 'out-4']);
  });

  it('when more calls wait than a batch holds, then they are split and the rest go when a slot frees', async () => {
    const { batches, run } = controlled();
    const batcher = new Batcher(run, { maxInFlight: 1, maxBatch: 2 });
    const calls = [1, 2, 3].map((i) => batcher.call(i));
    await turn();
    batches[0]!.finish();
    await calls[1];
    assert.deepEqual(
      batches.map((b) => b.inputs),
      [[1, 2], [3]],
    );
    batches[1]!.finish();
    assert.equal(await calls[2], 'out-3');
  });

  it('when a batch fails, then only its calls fail and the next batch still runs', async () => {
    const { batches, run } = controlled();
    const batcher = new Batcher(run, { maxInFlight: 1, maxBatch: 10 });
    const failing = batcher.call(1);
    await turn();
    const next = batcher.call(2);
    batches[0]!.finish(true);
    await assert.rejects(failing, /store down/);
    await turn();
    batches[1]!.finish();
    assert.equal(await next, 'out-2');
  });

  it("when a batch returns fewer outputs than inputs, then its calls fail rather than get another call's output", async () => {
    const batcher = new Batcher((inputs: number[]) => Promise.resolve(inputs.slice(1)), {
      maxInFlight: 1,
      maxBatch: 10,
    });
    const results = await Promise.allSettled([batcher.call(1), batcher.call(2)]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['rejected', 'rejected'],
    );
  });
});
