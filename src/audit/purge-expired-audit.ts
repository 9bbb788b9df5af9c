import type { Neo4jGraph } from '../platform/neo4j-graph.js';

export interface PurgeOptions {
  chain: string;
  olderThanDays: number;
  clock?: () => Date;
  batchSize?: number;
}

export interface PurgeResult {
  /** Records up to and including this seq are gone; the signed checkpoint here anchors the rest. 0 when nothing was cut. */
  cutSeq: number;
  deletedRecords: number;
  deletedCheckpoints: number;
}

const DAY_MS = 86_400_000;

/**
 * Deletes the records older than the retention period, but only up to a signed checkpoint: the cut
 * is the newest checkpoint below the oldest record still within retention, so every record before
 * it is expired and the oldest kept record links to a signature (docs/audit.md, Retention). That
 * checkpoint is kept; older ones go with their records. Deletes in batches and is safe to re-run.
 */
export async function purgeExpiredAudit(
  graph: Neo4jGraph,
  options: PurgeOptions,
): Promise<PurgeResult> {
  const { chain } = options;
  const cutoff = new Date(
    (options.clock?.() ?? new Date()).getTime() - options.olderThanDays * DAY_MS,
  ).toISOString();
  const found = await graph.read((tx) =>
    tx.run(
      `OPTIONAL MATCH (h:AuditHead {chain: $chain})
       WITH coalesce(COLLECT { MATCH (r:AuditRecord) WHERE r.chain = $chain AND r.at >= $cutoff RETURN r.seq ORDER BY r.seq LIMIT 1 }[0],
                     coalesce(h.seq, 0) + 1) AS firstKept
       RETURN COLLECT { MATCH (c:AuditCheckpoint) WHERE c.chain = $chain AND c.seq < firstKept RETURN c.seq ORDER BY c.seq DESC LIMIT 1 }[0] AS cut`,
      { chain, cutoff },
    ),
  );
  const cutSeq = (found.records[0]?.get('cut') as number | null) ?? 0;
  if (cutSeq === 0) return { cutSeq, deletedRecords: 0, deletedCheckpoints: 0 };
  const deletedRecords = await deleteInBatches(
    graph,
    'AuditRecord',
    'r.seq <= toInteger($cutSeq)',
    { chain, cutSeq },
    options.batchSize,
  );
  const deletedCheckpoints = await deleteInBatches(
    graph,
    'AuditCheckpoint',
    'r.seq < toInteger($cutSeq)',
    { chain, cutSeq },
    options.batchSize,
  );
  return { cutSeq, deletedRecords, deletedCheckpoints };
}

async function deleteInBatches(
  graph: Neo4jGraph,
  label: string,
  condition: string,
  params: Record<string, unknown>,
  batchSize = 10_000,
): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await graph.write((tx) =>
      tx.run(
        `MATCH (r:${label}) WHERE r.chain = $chain AND ${condition} WITH r LIMIT toInteger($batchSize) DELETE r RETURN count(*) AS n`,
        {
          ...params,
          batchSize,
        },
      ),
    );
    const n = result.records[0]?.get('n') as number;
    total += n;
    if (n < batchSize) return total;
  }
}
