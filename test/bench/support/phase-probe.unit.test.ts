import { strict as assert } from 'node:assert';
import { setTimeout as sleep } from 'node:timers/promises';
import { startPhaseProbe } from '../../../bench/support/phase-probe.js';

/** Keeps the event loop busy for `ms`, as a long synchronous task in the service would. */
function blockFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('the benchmark phase probe', () => {
  it('when the event loop is blocked for 80 ms, then its delay maximum and busy share show it', async () => {
    const probe = startPhaseProbe();
    await sleep(30);
    blockFor(80);
    await sleep(30);
    const result = probe.stop();
    assert.ok(result.eventLoopDelayMs.max >= 60, `delay max ${result.eventLoopDelayMs.max} ms`);
    // Most of the timer's runs were on time: lateness, not the 10 ms interval itself.
    assert.ok(result.eventLoopDelayMs.p50 < 5, `delay p50 ${result.eventLoopDelayMs.p50} ms`);
    assert.ok(result.eventLoopUtilization >= 0.4, `busy share ${result.eventLoopUtilization}`);
    assert.ok(result.cores.benchProcess > 0.3, `process cores ${result.cores.benchProcess}`);
    assert.ok(result.cores.machine >= result.cores.benchProcess * 0.5, `machine cores ${result.cores.machine}`);
  });

  it('when the thread allocates short-lived garbage, then its young-generation pauses are counted', async () => {
    const probe = startPhaseProbe();
    let keep = 0;
    for (let round = 0; round < 20; round++) {
      // About 40 MB per round, dropped at once: the young generation fills and is scavenged.
      for (let i = 0; i < 200_000; i++) keep += { n: i, s: `item-${i}` }.s.length;
      await sleep(1);
    }
    const { gc } = probe.stop();
    assert.ok(keep > 0);
    assert.ok(gc.young.count >= 1, `young collections ${gc.young.count}`);
    assert.ok(gc.young.totalMs > 0 && gc.young.maxMs <= gc.young.totalMs);
  });
});
