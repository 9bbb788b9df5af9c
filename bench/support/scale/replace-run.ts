import type { ManagedTransaction, QueryResult, RecordShape } from 'neo4j-driver';
import type { Params } from '../../../src/platform/neo4j-graph.js';

/**
 * `tx` (a managed or an explicit transaction) with its `run` replaced by `run`, which is handed the
 * real one: the stores use nothing else of a transaction, and the rest stays the real transaction's.
 */
export function replaceRun(
  tx: Pick<ManagedTransaction, 'run'>,
  run: (query: string, params: Params | undefined, real: (query: string, params?: Params) => Promise<QueryResult<RecordShape>>) => Promise<QueryResult<RecordShape>>,
): ManagedTransaction {
  const real = async (query: string, params?: Params) => tx.run(query, params);
  return Object.assign(Object.create(tx) as ManagedTransaction, { run: (query: string, params?: Params) => run(query, params, real) });
}
