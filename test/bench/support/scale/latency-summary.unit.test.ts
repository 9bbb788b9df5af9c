import { strict as assert } from 'node:assert';
import { summarize, type ProbeTiming } from '../../../../bench/support/scale/latency-summary.js';

describe('summarize', () => {
  it('gives the mean, nearest-rank percentiles, lock waits, time per statement and component size, overall and per kind', () => {
    const timings: ProbeTiming[] = [
      ...Array.from({ length: 99 }, (_, i) => ({ kind: 'update' as const, ms: i + 1, lockWaitMs: 0, statements: [{ statement: 'lock', ms: 0 }], componentRecords: 2 })),
      { kind: 'new', ms: 1_000, lockWaitMs: 900, statements: [{ statement: 'lock', ms: 900 }, { statement: 'apply', ms: 60 }], componentRecords: 1 },
    ];
    const s = summarize(timings);
    assert.equal(s.probes, 100);
    assert.equal(s.meanMs, (99 * 50 + 1_000) / 100);
    assert.equal(s.p50Ms, 50);
    assert.equal(s.p99Ms, 99, 'the 99th of 100 sorted times');
    assert.equal(s.maxMs, 1_000);
    assert.equal(s.meanComponentRecords, 1.99);
    assert.equal(s.meanLockWaitMs, 9);
    assert.equal(s.p99LockWaitMs, 0);
    assert.equal(s.byKind.update.p99Ms, 99, 'the 99th of 99 sorted times');
    assert.equal(s.byKind.new.meanMs, 1_000);
    assert.equal(s.byKind.joins.probes, 0);
    assert.deepEqual(s.msPerEvent, { 'outside statements': (99 * 50 + 40) / 100, lock: 9, apply: 0.6 });
    assert.deepEqual(Object.keys(s.msPerEvent), ['outside statements', 'lock', 'apply'], 'slowest first');
  });
});
