import { cypher } from '../platform/cypher-file.js';
import type { Neo4jGraph } from '../platform/neo4j-graph.js';
import { Neo4jResolutionStore } from './neo4j-resolution-store.js';
import { lockResolution } from './resolution-lock.js';
import type { Resolver } from './resolver.js';

export interface RebuildOptions {
  /** Only these records (and what they connect to); all records when absent. */
  keys?: string[];
  /** Forget the current persons first: ids are then new. Otherwise ids are kept where they can be. */
  fromScratch: boolean;
  chunkSize: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Re-resolves stored records: the same component resolution streaming uses, over every record in
 * key order, so its result is what any arrival order of the same records reaches.
 */
export async function rebuildResolution(graph: Neo4jGraph, resolver: Resolver, trustOf: (sourceId: string) => number, opts: RebuildOptions): Promise<{ records: number }> {
  const keys = opts.keys ? [...opts.keys].sort() : await allRecordKeys(graph);
  const chunks: string[][] = [];
  for (let i = 0; i < keys.length; i += opts.chunkSize) chunks.push(keys.slice(i, i + opts.chunkSize));
  if (opts.fromScratch) {
    for (const chunk of chunks) {
      await graph.write(async (tx) => {
        await lockResolution(tx, 'all');
        await tx.run(cypher('clear-resolution'), { keys: chunk });
      });
    }
  }
  let done = 0;
  for (const chunk of chunks) {
    await graph.write(async (tx) => {
      await lockResolution(tx, 'all');
      return resolver.resolve(new Neo4jResolutionStore(tx, trustOf), chunk);
    });
    done += chunk.length;
    opts.onProgress?.(done, keys.length);
  }
  return { records: keys.length };
}

async function allRecordKeys(graph: Neo4jGraph): Promise<string[]> {
  const keys: string[] = [];
  for (let after = ''; ; ) {
    const page = await graph.run<{ key: string }>(
      'MATCH (r:Record) WHERE r.key > $after AND NOT coalesce(r.retracted, false) RETURN r.key AS key ORDER BY r.key LIMIT 10000',
      { after },
    );
    if (page.records.length === 0) return keys;
    for (const r of page.records) keys.push(r.get('key'));
    after = keys[keys.length - 1]!;
  }
}
