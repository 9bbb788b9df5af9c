import type { Logger } from '../platform/logger.js';
import type { Neo4jGraph } from '../platform/neo4j-graph.js';
import { signCheckpoint, type AuditCheckpoint, type AuditSigningKey } from './audit-checkpoint.js';
import { RepeatingTask } from './repeating-task.js';

export interface AuditCheckpointerOptions {
  chain: string;
  key: AuditSigningKey;
  intervalMs: number;
  clock?: () => Date;
  log?: Logger;
}

export class AuditIntegrityError extends Error {
  override name = 'AuditIntegrityError';
}

/**
 * Signs the chain's head every `intervalMs` when it has moved. A checkpoint is what makes a
 * consistent rewrite of the chain detectable: records can be re-hashed, the signature cannot be
 * remade without the private key. Replicas checkpointing the same head write one node (MERGE on key).
 */
export class AuditCheckpointer {
  private readonly task: RepeatingTask;
  private readonly clock: () => Date;

  constructor(
    private readonly graph: Neo4jGraph,
    private readonly options: AuditCheckpointerOptions,
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.task = new RepeatingTask(
      'audit checkpoint',
      options.intervalMs,
      () => this.checkpointNow(),
      options.log,
    );
  }

  start(): void {
    this.task.start();
  }

  stop(): Promise<void> {
    return this.task.stop();
  }

  /** The new checkpoint, or undefined when the chain is empty or its head is already checkpointed. */
  async checkpointNow(): Promise<AuditCheckpoint | undefined> {
    const { chain, key } = this.options;
    return this.graph.write(async (tx) => {
      const result = await tx.run(
        `MATCH (h:AuditHead {chain: $chain})
         OPTIONAL MATCH (r:AuditRecord {key: $chain + ':' + toString(h.seq)})
         RETURN h.seq AS seq, h.hash AS hash, r.hash AS recordHash,
                COLLECT { MATCH (c:AuditCheckpoint) WHERE c.chain = $chain RETURN c.seq ORDER BY c.seq DESC LIMIT 1 }[0] AS lastSigned`,
        { chain },
      );
      const row = result.records[0];
      const seq = row?.get('seq') as number | undefined;
      if (
        row === undefined ||
        seq === undefined ||
        seq === 0 ||
        ((row.get('lastSigned') as number | null) ?? 0) >= seq
      )
        return undefined;
      const hash = row.get('hash') as string;
      if (row.get('recordHash') !== hash) {
        throw new AuditIntegrityError(
          `refusing to sign chain ${chain} at seq ${seq}: the head and the record there disagree; run recontact audit verify`,
        );
      }
      const checkpoint = signCheckpoint({ chain, seq, hash, at: this.clock().toISOString() }, key);
      await tx.run(
        'MERGE (c:AuditCheckpoint {key: $key}) ON CREATE SET c += $checkpoint, c.seq = toInteger($checkpoint.seq)',
        {
          key: `${chain}:${seq}`,
          checkpoint,
        },
      );
      this.options.log?.info({ chain, seq }, 'audit checkpoint signed');
      return checkpoint;
    });
  }
}
