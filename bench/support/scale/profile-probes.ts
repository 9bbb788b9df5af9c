import type { ManagedTransaction, ProfiledPlan } from 'neo4j-driver';
import { Neo4jGraph } from '../../../src/platform/neo4j-graph.js';
import type { RecordStore } from '../../../src/resolve/record-store.js';
import type { Probe } from './probe-plan.js';
import { replaceRun } from './replace-run.js';
import { statementName } from './statement-name.js';

/** What one statement of the ingest-and-resolve path cost, summed over the profiled events. */
export interface StatementProfile {
  /** See `statementName`. */
  statement: string;
  runs: number;
  /** Rows the statement returned: for load-matchable-records, the records loaded. */
  rows: number;
  dbHits: number;
  pageCacheMisses: number;
  /** Operators that read a whole label or index instead of seeking: they grow with the graph. */
  scans: string[];
}

/**
 * Runs each probe through the record store ingest uses with every statement PROFILEd, then rolls
 * its transaction back: the graph is left as it was, and the database's own count of the work each
 * statement did (db hits) says whether the cost per event grows with the graph, which wall-clock
 * times on a shared machine cannot say as reliably.
 */
export async function profileProbes(graph: ProfilingGraph, store: RecordStore, probes: Probe[]): Promise<StatementProfile[]> {
  for (const probe of probes) await store.apply([probe.update]);
  return [...graph.profiles.values()].sort((a, b) => b.dbHits - a.dbHits);
}

/** A graph whose writes are profiled and never committed; reads and auto-commit statements are not used. */
export class ProfilingGraph extends Neo4jGraph {
  readonly profiles = new Map<string, StatementProfile>();

  override async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session();
    const tx = await session.beginTransaction();
    try {
      const profiled = replaceRun(tx, async (query, params, run) => {
        const result = await run(`PROFILE ${query}`, params);
        if (result.summary.profile) this.tally(query, result.summary.profile);
        return result;
      });
      return await work(profiled);
    } finally {
      await tx.rollback();
      await session.close();
    }
  }

  private tally(query: string, plan: ProfiledPlan): void {
    const statement = statementName(query);
    const seen = this.profiles.get(statement) ?? { statement, runs: 0, rows: 0, dbHits: 0, pageCacheMisses: 0, scans: [] };
    seen.runs += 1;
    seen.rows += plan.rows;
    for (const op of operators(plan)) {
      seen.dbHits += op.dbHits;
      seen.pageCacheMisses += op.pageCacheMisses;
      if (/Scan/.test(op.operatorType) && !seen.scans.includes(op.operatorType)) seen.scans.push(op.operatorType);
    }
    this.profiles.set(statement, seen);
  }
}

function operators(plan: ProfiledPlan): ProfiledPlan[] {
  return [plan, ...plan.children.flatMap(operators)];
}
