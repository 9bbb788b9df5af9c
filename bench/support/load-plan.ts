import { Worker } from 'node:worker_threads';
import { startPhaseProbe, type PhaseProbeResult } from './phase-probe.js';
import { roundTo } from './round-to.js';

/** One fixed-rate load phase: each request in `requests` is sent once, in order. */
export interface LoadPlan {
  url: string;
  token: string;
  requests: { method: 'POST'; path: string; body: string }[];
  /** Sent first at the same rate, untimed: the first seconds of load also compile the hot paths. */
  warmUpRequests: { method: 'POST'; path: string; body: string }[];
  rps: number;
  /**
   * autocannon's rate limit releases each connection's quota at the top of every second. Several
   * instances started evenly across the second ("lanes") spread that into smaller bursts, closer to
   * the steady arrival of real traffic.
   */
  lanes: number;
  /** How a 2xx response is tallied: by HTTP status, or by the routing decision in its body. */
  outcome: 'status' | 'route-decision';
}

export interface LoadResult {
  requests: number;
  achievedRps: number;
  /** Latency of 2xx responses, from the request's first byte sent to the response's last received. */
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Responses by HTTP status; 2xx by `outcome` as well. */
  byStatus: Record<string, number>;
  outcomes: Record<string, number>;
  /** Non-2xx responses by status and problem code (`503 RELAY_POOL_EXHAUSTED`), connection errors, timeouts. */
  errors: Record<string, number>;
  /**
   * The same latencies by when the request was sent, in consecutive windows of the phase: a cold
   * start shows as its first windows, a stall as one window, where the phase's p99 shows neither.
   */
  windows: LatencyWindow[];
}

export interface LatencyWindow {
  /** Seconds from the phase's start to the window's. */
  fromS: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface PhaseResult {
  warmUp: LoadResult;
  timed: LoadResult;
  /**
   * This thread's event loop, collector and the machine's cores during the timed part: with the
   * service in this process and the load in a worker, the event loop's busy share is the service's
   * own CPU per request, which the machine's load moves far less than latency.
   */
  service: PhaseProbeResult;
}

type WorkerMessage = { kind: 'timing' } | { kind: 'result'; warmUp: LoadResult; timed: LoadResult };

/** Runs the load from a worker thread, so the client's work stays off the service's event loop. */
export function runLoad(plan: LoadPlan): Promise<PhaseResult> {
  const worker = new Worker(new URL('./load-worker.js', import.meta.url), { workerData: plan });
  let probe = startPhaseProbe();
  return new Promise((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'timing') {
        probe.stop();
        probe = startPhaseProbe();
        return;
      }
      resolve({ warmUp: message.warmUp, timed: message.timed, service: probe.stop() });
    });
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new Error(`the load worker exited (code ${code}) without a result`)),
    );
  });
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/**
 * Latencies grouped by send time (ms from the phase's start, same index) into consecutive windows
 * of `windowMs`; windows in which no request was answered are left out.
 */
export function latencyWindows(latencies: readonly number[], sentAtMs: readonly number[], windowMs: number): LatencyWindow[] {
  const byWindow: number[][] = [];
  latencies.forEach((ms, i) => {
    const w = Math.max(0, Math.floor(sentAtMs[i]! / windowMs));
    (byWindow[w] ??= []).push(ms);
  });
  return [...byWindow.entries()].flatMap(([w, window]) => {
    if (window === undefined) return [];
    window.sort((a, b) => a - b);
    return [
      {
        fromS: (w * windowMs) / 1000,
        requests: window.length,
        p50Ms: roundTo(percentile(window, 0.5), 1),
        p99Ms: roundTo(percentile(window, 0.99), 1),
        maxMs: roundTo(window[window.length - 1]!, 1),
      },
    ];
  });
}
