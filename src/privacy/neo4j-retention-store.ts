import type { Neo4jGraph } from '../platform/neo4j-graph.js';
import type { ResolveInTransaction } from '../resolve/neo4j-record-store.js';
import { lockResolution } from '../resolve/resolution-lock.js';
import { neighboursOf, purgeRecords } from './purge-records.js';
import type { RetentionBatch, RetentionStore } from './retention-store.js';

export class Neo4jRetentionStore implements RetentionStore {
  constructor(
    private readonly graph: Neo4jGraph,
    private readonly resolve: ResolveInTransaction,
  ) {}

  purgeBatch(sourceId: string, cutoff: Date, limit: number, now: Date): Promise<RetentionBatch> {
    return this.graph.write(async (tx) => {
      await lockResolution(tx, 'all');
      const due = await tx.run<{ key: string }>(
        `MATCH (r:Record) WHERE r.sourceId = $sourceId AND r.observedAtMs < $cutoffMs
         RETURN r.key AS key LIMIT toInteger($limit)`,
        { sourceId, cutoffMs: cutoff.getTime(), limit },
      );
      const keys = due.records.map((r) => r.get('key'));
      if (keys.length === 0) return { purged: 0, vanishedPersons: [] };
      const neighbours = await neighboursOf(tx, keys);
      const purge = await purgeRecords(tx, keys, now);
      const resolution = neighbours.length > 0 ? await this.resolve(tx, neighbours) : undefined;
      return { purged: purge.deleted, vanishedPersons: [...purge.emptiedPersons, ...(resolution?.retiredPersons ?? [])] };
    });
  }
}
