import type { ManagedTransaction } from 'neo4j-driver';
import { Neo4jGraph } from '../../../src/platform/neo4j-graph.js';
import type { RecordStore } from '../../../src/resolve/record-store.js';
import type { ProbeTiming } from './latency-summary.js';
import type { Probe } from './probe-plan.js';
import { replaceRun } from './replace-run.js';

/**
 * Sends each probe alone, one after the other, through the record store ingest uses, on `graph`:
 * its transaction takes the resolution lock, applies the event, resolves the records it changed and
 * commits. The time of that call is the event's decision latency, with nothing of this run queued
 * before it; how much of it went on waiting for the lock (held by other services' resolutions on a
 * shared database) is kept beside it.
 */
export async function timeProbes(store: RecordStore, graph: LockTimingGraph, probes: Probe[]): Promise<ProbeTiming[]> {
  const timings: ProbeTiming[] = [];
  for (const { kind, update } of probes) {
    const started = performance.now();
    const outcome = await store.apply([update]);
    const ms = performance.now() - started;
    if (outcome.changedRecords.length !== 1 || !outcome.resolution)
      throw new Error(`a ${kind} probe changed ${outcome.changedRecords.length} records instead of resolving one`);
    timings.push({ kind, ms, lockWaitMs: graph.lastLockWaitMs, componentRecords: outcome.resolution.componentRecords });
  }
  return timings;
}

/** Times the first statement of every write transaction: in a resolving one, taking the resolution lock. */
export class LockTimingGraph extends Neo4jGraph {
  lastLockWaitMs = 0;

  override write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return super.write((tx) => {
      let first = true;
      const timed = replaceRun(tx, async (query, params, run) => {
        if (!first) return run(query, params);
        first = false;
        const started = performance.now();
        try {
          return await run(query, params);
        } finally {
          this.lastLockWaitMs = performance.now() - started;
        }
      });
      return work(timed);
    });
  }
}
