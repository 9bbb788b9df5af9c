import { parentPort, workerData } from 'node:worker_threads';
import autocannon, { type Instance } from 'autocannon';
import { latencyWindows, percentile, type LoadPlan, type LoadResult } from './load-plan.js';
import { roundTo } from './round-to.js';

/** A worker thread's entry: replays a LoadPlan with autocannon and posts back a LoadResult. */
const plan = workerData as LoadPlan;
/** Per connection and second: enough connections that up to 200 ms per request still keeps the rate. */
const REQUESTS_PER_CONNECTION = 5;
/** Long enough for a stable p99 at the benchmark's rates, short enough to show a cold start's end. */
const WINDOW_MS = 5_000;

const count = (tally: Record<string, number>, key: string) => (tally[key] = (tally[key] ?? 0) + 1);

/** What one phase's responses add up to. */
class Tally {
  next = 0;
  readonly latencies: number[] = [];
  /** Each latency's send time, in ms from the phase's start, by the same index. */
  readonly sentAtMs: number[] = [];
  readonly startedAt = performance.now();
  readonly byStatus: Record<string, number> = {};
  readonly outcomes: Record<string, number> = {};
  readonly errors: Record<string, number> = {};
  constructor(readonly requests: LoadPlan['requests']) {}
}

// The warm-up runs in this worker too, right before the timed phase: a fresh worker's own start
// (its isolate compiling autocannon) would otherwise fall inside the timed phase.
const warmUp = await runPhase(new Tally(plan.warmUpRequests));
parentPort!.postMessage({ kind: 'timing' });
const timed = await runPhase(new Tally(plan.requests));
parentPort!.postMessage({ kind: 'result', warmUp, timed });

/** The plan's requests at its rate, spread over its lanes. */
async function runPhase(tally: Tally): Promise<LoadResult> {
  const seconds = tally.requests.length / plan.rps;
  const lanes = Array.from({ length: plan.lanes }, (_, i) => {
    const rate = Math.floor(plan.rps / plan.lanes) + (i < plan.rps % plan.lanes ? 1 : 0);
    return { rate, amount: Math.round(rate * seconds), delayMs: (i * 1000) / plan.lanes };
  }).filter((lane) => lane.amount > 0);
  const laneRates = await Promise.all(lanes.map((lane) => runLane(tally, lane.rate, lane.amount, lane.delayMs)));
  const latencies = [...tally.latencies].sort((a, b) => a - b);
  return {
    requests: Object.values(tally.byStatus).reduce((a, b) => a + b, 0),
    achievedRps: Math.round(laneRates.reduce((a, b) => a + b, 0)),
    p50Ms: roundTo(percentile(latencies, 0.5), 1),
    p90Ms: roundTo(percentile(latencies, 0.9), 1),
    p99Ms: roundTo(percentile(latencies, 0.99), 1),
    maxMs: roundTo(latencies[latencies.length - 1] ?? NaN, 1),
    byStatus: tally.byStatus,
    outcomes: tally.outcomes,
    errors: tally.errors,
    windows: latencyWindows(tally.latencies, tally.sentAtMs, WINDOW_MS),
  };
}

/** One autocannon instance at `rate` requests/s; resolves to the rate it achieved. */
function runLane(tally: Tally, rate: number, amount: number, delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      const started = performance.now();
      const instance: Instance = autocannon(
        {
          url: plan.url,
          connections: Math.max(1, Math.ceil(rate / REQUESTS_PER_CONNECTION)),
          overallRate: rate,
          amount,
          timeout: 10,
          // Latency is taken per response below. autocannon's coordinated-omission correction takes
          // the expected interval as ceil(1 / rate) ms, i.e. 1 ms, and would add a synthetic sample
          // for every millisecond of a slow response.
          ignoreCoordinatedOmission: true,
          headers: { authorization: `Bearer ${plan.token}`, 'content-type': 'application/json' },
          requests: [
            {
              setupRequest: (request) => {
                const r = tally.requests[tally.next++ % tally.requests.length]!;
                return { ...request, method: r.method, path: r.path, body: r.body };
              },
              onResponse: (status, body) => {
                if (status >= 200 && status < 300) count(tally.outcomes, outcomeOf(status, body));
                else count(tally.errors, `${status} ${problemCode(body)}`);
              },
            },
          ],
        },
        (error) => {
          if (error) reject(error);
          else resolve(amount / ((performance.now() - started) / 1000));
        },
      );
      instance.on('response', (_client, status, _bytes, ms) => {
        count(tally.byStatus, String(status));
        if (status >= 200 && status < 300) {
          tally.latencies.push(ms);
          tally.sentAtMs.push(performance.now() - ms - tally.startedAt);
        }
      });
      instance.on('reqError', (error) =>
        count(tally.errors, /timeout/i.test(error.message) ? 'timeout' : 'connection'),
      );
    }, delayMs);
  });
}

function outcomeOf(status: number, body: string): string {
  if (plan.outcome === 'status') return String(status);
  const decision = JSON.parse(body) as { action: string; reason?: string };
  return decision.action === 'connect' ? 'connect' : `reject:${decision.reason}`;
}

function problemCode(body: string): string {
  try {
    return (JSON.parse(body) as { code?: string }).code ?? 'no code';
  } catch {
    return 'not problem+json';
  }
}
