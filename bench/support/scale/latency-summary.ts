import { percentile } from '../load-plan.js';
import { roundTo } from '../round-to.js';
import { PROBE_KINDS, type ProbeKind } from './probe-plan.js';

/**
 * One probe event: its kind, how long applying and resolving it took, how much of that went on
 * waiting for the resolution lock and on each statement, and how many records it resolved.
 */
export interface ProbeTiming {
  kind: ProbeKind;
  ms: number;
  lockWaitMs: number;
  statements: { statement: string; ms: number }[];
  componentRecords: number;
}

export interface LatencySummary {
  probes: number;
  meanMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Of the mean, the part spent waiting for the resolution lock other resolutions held. */
  meanLockWaitMs: number;
  p99LockWaitMs: number;
  /** Records the resolution of one event read and re-clustered, on average: what its cost grows with. */
  meanComponentRecords: number;
}

export interface PhaseLatency extends LatencySummary {
  byKind: Record<ProbeKind, LatencySummary>;
  /**
   * Where an event's time goes: each statement's mean time per event, slowest first, and the rest
   * of the call (the resolver's own work, the driver, the commit) as `outside statements`.
   */
  msPerEvent: Record<string, number>;
}

export function summarize(timings: ProbeTiming[]): PhaseLatency {
  const byKind = Object.fromEntries(PROBE_KINDS.map((kind) => [kind, summary(timings.filter((t) => t.kind === kind))]));
  return { ...summary(timings), byKind: byKind as Record<ProbeKind, LatencySummary>, msPerEvent: timeSpent(timings) };
}

function timeSpent(timings: ProbeTiming[]): Record<string, number> {
  const total = new Map<string, number>([['outside statements', 0]]);
  for (const t of timings) {
    let inStatements = 0;
    for (const s of t.statements) {
      total.set(s.statement, (total.get(s.statement) ?? 0) + s.ms);
      inStatements += s.ms;
    }
    total.set('outside statements', total.get('outside statements')! + t.ms - inStatements);
  }
  return Object.fromEntries([...total].sort((a, b) => b[1] - a[1]).map(([statement, ms]) => [statement, roundTo(ms / Math.max(1, timings.length), 2)]));
}

function summary(timings: ProbeTiming[]): LatencySummary {
  const ms = timings.map((t) => t.ms).sort((a, b) => a - b);
  const lockWaits = timings.map((t) => t.lockWaitMs).sort((a, b) => a - b);
  return {
    probes: timings.length,
    meanMs: roundTo(mean(ms), 2),
    p50Ms: roundTo(percentile(ms, 0.5), 2),
    p90Ms: roundTo(percentile(ms, 0.9), 2),
    p99Ms: roundTo(percentile(ms, 0.99), 2),
    maxMs: roundTo(ms[ms.length - 1] ?? NaN, 2),
    meanLockWaitMs: roundTo(mean(lockWaits), 2),
    p99LockWaitMs: roundTo(percentile(lockWaits, 0.99), 2),
    meanComponentRecords: roundTo(mean(timings.map((t) => t.componentRecords)), 2),
  };
}

function mean(values: number[]): number {
  return values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

