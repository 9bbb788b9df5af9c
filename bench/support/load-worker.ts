import { parentPort, workerData } from 'node:worker_threads';
import autocannon, { type Instance } from 'autocannon';
import { percentile, type LoadPlan, type LoadResult } from './load-plan.js';

/** A worker thread's entry: replays a LoadPlan with autocannon and posts back a LoadResult. */
const plan = workerData as LoadPlan;
/** Per connection and second: enough connections that up to 200 ms per request still keeps the rate. */
const REQUESTS_PER_CONNECTION = 5;

let next = 0;
const latencies: number[] = [];
const byStatus: Record<string, number> = {};
const outcomes: Record<string, number> = {};
const errors: Record<string, number> = {};
const count = (tally: Record<string, number>, key: string) => (tally[key] = (tally[key] ?? 0) + 1);

const seconds = plan.requests.length / plan.rps;
const lanes = Array.from({ length: plan.lanes }, (_, i) => {
  const rate = Math.floor(plan.rps / plan.lanes) + (i < plan.rps % plan.lanes ? 1 : 0);
  return { rate, amount: Math.round(rate * seconds), delayMs: (i * 1000) / plan.lanes };
}).filter((lane) => lane.amount > 0);

const laneRates = await Promise.all(
  lanes.map((lane) => runLane(lane.rate, lane.amount, lane.delayMs)),
);
latencies.sort((a, b) => a - b);
const round = (ms: number) => Math.round(ms * 10) / 10;
const result: LoadResult = {
  requests: Object.values(byStatus).reduce((a, b) => a + b, 0),
  achievedRps: Math.round(laneRates.reduce((a, b) => a + b, 0)),
  p50Ms: round(percentile(latencies, 0.5)),
  p90Ms: round(percentile(latencies, 0.9)),
  p99Ms: round(percentile(latencies, 0.99)),
  maxMs: round(latencies[latencies.length - 1] ?? NaN),
  byStatus,
  outcomes,
  errors,
};
parentPort!.postMessage(result);

/** One autocannon instance at `rate` requests/s; resolves to the rate it achieved. */
function runLane(rate: number, amount: number, delayMs: number): Promise<number> {
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
                const r = plan.requests[next++ % plan.requests.length]!;
                return { ...request, method: r.method, path: r.path, body: r.body };
              },
              onResponse: (status, body) => {
                if (status >= 200 && status < 300) count(outcomes, outcomeOf(status, body));
                else count(errors, `${status} ${problemCode(body)}`);
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
        count(byStatus, String(status));
        if (status >= 200 && status < 300) latencies.push(ms);
      });
      instance.on('reqError', (error) =>
        count(errors, /timeout/i.test(error.message) ? 'timeout' : 'connection'),
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
