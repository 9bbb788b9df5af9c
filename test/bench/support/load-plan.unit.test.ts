import { strict as assert } from 'node:assert';
import { latencyWindows, percentile } from '../../../bench/support/load-plan.js';

describe('the benchmark latency windows', () => {
  it('when a cold first window is slow, then only that window shows it', () => {
    // 100 requests per second for 3 s; those sent in the first second took 200 ms, the rest 5 ms.
    const sentAtMs = Array.from({ length: 300 }, (_, i) => i * 10);
    const latencies = sentAtMs.map((at) => (at < 1000 ? 200 : 5));
    const windows = latencyWindows(latencies, sentAtMs, 1000);
    assert.deepEqual(
      windows.map((w) => [w.fromS, w.requests, w.p99Ms]),
      [
        [0, 100, 200],
        [1, 100, 5],
        [2, 100, 5],
      ],
    );
    // The phase's own p99 only says that something was slow, not when.
    assert.equal(percentile([...latencies].sort((a, b) => a - b), 0.99), 200);
  });

  it('when the samples arrive out of send order, then each window takes its own percentiles', () => {
    const windows = latencyWindows([9, 1, 30, 2, 40], [4_900, 100, 7_000, 200, 5_100], 5_000);
    assert.deepEqual(windows, [
      { fromS: 0, requests: 3, p50Ms: 2, p99Ms: 9, maxMs: 9 },
      { fromS: 5, requests: 2, p50Ms: 30, p99Ms: 40, maxMs: 40 },
    ]);
  });

  it('when no request was answered in a window, then that window is left out rather than zero', () => {
    const windows = latencyWindows([3, 4], [100, 12_000], 5_000);
    assert.deepEqual(
      windows.map((w) => w.fromS),
      [0, 10],
    );
  });

  it('when a response reports a latency longer than its time since the start, then it counts in the first window', () => {
    // performance.now() minus the latency can fall a hair before the phase's start.
    const windows = latencyWindows([7], [-0.4], 5_000);
    assert.equal(windows[0]?.fromS, 0);
  });
});
