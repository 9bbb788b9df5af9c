import { cpus } from 'node:os';
import { constants, monitorEventLoopDelay, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { roundTo } from './round-to.js';

/** Collector pauses of one kind during a phase. */
export interface GcPauses {
  count: number;
  totalMs: number;
  maxMs: number;
}

/**
 * What the service's thread and the machine did during a timed phase: the figures that tell a slow
 * run from a fast one when the code is the same. Latency moves with the machine; these say where.
 */
export interface PhaseProbeResult {
  /** Share of the phase the event loop was busy: the service's own CPU per unit of time. */
  eventLoopUtilization: number;
  /** How late a 10 ms timer on the event loop ran, in ms: a stall delays every call in flight. */
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  /** Pauses of this thread's collector: scavenges (young generation), full collections and incremental marking steps. */
  gc: { young: GcPauses; full: GcPauses; incremental: GcPauses };
  /** Cores in use over the phase: the whole machine, and this process (service and load worker together). */
  cores: { machine: number; benchProcess: number };
}

const DELAY_RESOLUTION_MS = 10;

type GcKind = keyof PhaseProbeResult['gc'];

const KIND_OF: Record<number, GcKind> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'young',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'full',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
};

/** Starts measuring now; `stop` returns what happened since. Observes the calling thread only. */
export function startPhaseProbe(): { stop(): PhaseProbeResult } {
  const gc: PhaseProbeResult['gc'] = { young: pauses(), full: pauses(), incremental: pauses() };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tallyGc(gc, entry);
  });
  observer.observe({ entryTypes: ['gc'] });
  const delay = monitorEventLoopDelay({ resolution: DELAY_RESOLUTION_MS });
  delay.enable();
  const elu = performance.eventLoopUtilization();
  const machine = machineTimes();
  const process0 = process.cpuUsage();
  const started = performance.now();
  return {
    stop() {
      const seconds = (performance.now() - started) / 1000;
      const processUsage = process.cpuUsage(process0);
      const machineNow = machineTimes();
      delay.disable();
      for (const entry of observer.takeRecords()) tallyGc(gc, entry);
      observer.disconnect();
      return {
        eventLoopUtilization: roundTo(performance.eventLoopUtilization(elu).utilization, 3),
        eventLoopDelayMs: {
          p50: lateness(delay.percentile(50)),
          p99: lateness(delay.percentile(99)),
          max: lateness(delay.max),
        },
        gc: { young: rounded(gc.young), full: rounded(gc.full), incremental: rounded(gc.incremental) },
        cores: {
          machine: roundTo((machineNow.busyMs - machine.busyMs) / 1000 / seconds, 2),
          benchProcess: roundTo((processUsage.user + processUsage.system) / 1e6 / seconds, 2),
        },
      };
    },
  };
}

function tallyGc(gc: PhaseProbeResult['gc'], entry: PerformanceEntry): void {
  // Node puts the collection's kind in `detail` for entries of type 'gc'.
  const kind = KIND_OF[(entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? -1];
  if (kind === undefined) return;
  const tally = gc[kind];
  tally.count++;
  tally.totalMs += entry.duration;
  tally.maxMs = Math.max(tally.maxMs, entry.duration);
}

/** CPU time spent by all cores outside idle and I/O wait since boot, in ms. */
function machineTimes(): { busyMs: number } {
  let busyMs = 0;
  for (const { times } of cpus()) busyMs += times.user + times.nice + times.sys + times.irq;
  return { busyMs };
}

/** The histogram holds whole intervals between the timer's runs: the lateness is what exceeds the interval. */
const lateness = (intervalNs: number) => roundTo(Math.max(0, intervalNs / 1e6 - DELAY_RESOLUTION_MS), 1);
const pauses = (): GcPauses => ({ count: 0, totalMs: 0, maxMs: 0 });
const rounded = (p: GcPauses): GcPauses => ({ count: p.count, totalMs: roundTo(p.totalMs, 1), maxMs: roundTo(p.maxMs, 1) });
