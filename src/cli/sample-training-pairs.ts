import { cypher } from '../platform/cypher-file.js';
import type { Neo4jGraph } from '../platform/neo4j-graph.js';
import type { MatchableRecord } from '../resolve/matchable-record.js';
import { MAX_BLOCK_SIZE, Neo4jResolutionStore } from '../resolve/neo4j-resolution-store.js';
import { PairSample } from '../resolve/training-pairs.js';

export interface TrainingPairs {
  pairs: Array<[MatchableRecord, MatchableRecord]>;
  /** Every candidate pair in the graph is among `pairs` (there were no more than asked for). */
  complete: boolean;
  /** Blocking keys that pair at least two records. */
  blocks: number;
}

const LOAD_CHUNK = 1_000;

/**
 * A seeded sample of the candidate pairs (records sharing a blocking key the service still uses),
 * loaded as the matcher sees them. One read transaction: blocks are streamed, so memory holds the
 * sample, not the graph.
 */
export function sampleTrainingPairs(
  graph: Neo4jGraph,
  trustOf: (sourceId: string) => number,
  { size, seed }: { size: number; seed: number },
): Promise<TrainingPairs> {
  return graph.read(async (tx) => {
    const sample = new PairSample(size, seed);
    let blocks = 0;
    for await (const row of tx.run<{ recordKeys: string[] }>(cypher('training-pairs'), { maxBlock: MAX_BLOCK_SIZE })) {
      sample.offerBlock(row.get('recordKeys'));
      blocks++;
    }
    const keyPairs = sample.pairs();
    const store = new Neo4jResolutionStore(tx, trustOf);
    const keys = [...new Set(keyPairs.flat())];
    const records = new Map<string, MatchableRecord>();
    for (let i = 0; i < keys.length; i += LOAD_CHUNK) {
      for (const record of await store.loadRecords(keys.slice(i, i + LOAD_CHUNK))) records.set(record.key, record);
    }
    // A record retracted while this read ran has no current view: its pairs are not compared.
    const pairs = keyPairs.flatMap(([a, b]): Array<[MatchableRecord, MatchableRecord]> => {
      const ra = records.get(a);
      const rb = records.get(b);
      return ra && rb ? [[ra, rb]] : [];
    });
    return { pairs, complete: sample.complete, blocks };
  });
}
