import type { ManagedTransaction } from 'neo4j-driver';
import { Neo4jGraph } from '../../../src/platform/neo4j-graph.js';
import type { RecordStore } from '../../../src/resolve/record-store.js';
import type { ProbeTiming } from './latency-summary.js';
import type { Probe } from './probe-plan.js';
import { replaceRun } from './replace-run.js';
import { statementName } from './statement-name.js';

/**
 * Sends each probe alone, one after the other, through the record store ingest uses, on `graph`:
 * its transaction takes the resolution lock, applies the event, resolves the records it changed and
 * commits. The time of that call is the event's decision latency, with nothing of this run queued
 * before it. Beside it are kept the time of each statement, and of the first one apart: taking the
 * resolution lock, which other services' resolutions hold on a shared database.
 */
export async function timeProbes(store: RecordStore, graph: StatementTimingGraph, probes: Probe[]): Promise<ProbeTiming[]> {
  const timings: ProbeTiming[] = [];
  for (const { kind, update } of probes) {
    const started = performance.now();
    const outcome = await store.apply([update]);
    const ms = performance.now() - started;
    if (outcome.changedRecords.length !== 1 || !outcome.resolution)
      throw new Error(`a ${kind} probe changed ${outcome.changedRecords.length} records instead of resolving one`);
    const statements = graph.lastStatements;
    timings.push({ kind, ms, lockWaitMs: statements[0]?.ms ?? 0, statements, componentRecords: outcome.resolution.componentRecords });
  }
  return timings;
}

/** Times each statement of the last write transaction (of its last attempt, if the driver retried). */
export class StatementTimingGraph extends Neo4jGraph {
  lastStatements: { statement: string; ms: number }[] = [];

  override write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return super.write((tx) => {
      const statements: { statement: string; ms: number }[] = [];
      this.lastStatements = statements;
      const timed = replaceRun(tx, async (query, params, run) => {
        const started = performance.now();
        try {
          return await run(query, params);
        } finally {
          statements.push({ statement: statementName(query), ms: performance.now() - started });
        }
      });
      return work(timed);
    });
  }
}
