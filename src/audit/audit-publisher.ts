import { sendInSlices, type EventPublisher } from '../platform/event-bus.js';
import { cypher } from '../platform/cypher-file.js';
import type { Logger } from '../platform/logger.js';
import type { Neo4jGraph } from '../platform/neo4j-graph.js';
import { RepeatingTask } from './repeating-task.js';

export interface AuditPublisherOptions {
  chain: string;
  topic: string;
  /** Records per Kafka send and cursor move; 500 by default. */
  batchSize?: number;
  /** Pause between catch-up runs; 1 s by default. */
  intervalMs?: number;
  /** Records per Kafka send within a batch (`sendInSlices`); 100 by default. */
  sendSize?: number;
  log?: Logger;
}

/**
 * Copies the chain to the SIEM topic, in seq order, key = chain (so one partition keeps a chain's
 * order), value = the record as hashed plus its hash (a consumer can re-verify it).
 *
 * At-least-once: the cursor (:AuditPublishCursor) moves only after Kafka acknowledged the send,
 * in the same transaction that locked it, so a crash or a retried transaction sends some records
 * again and consumers dedupe by (chain, seq). Replicas take turns: each run locks the cursor before
 * reading it, so two replicas never publish the same range at once.
 */
export class AuditPublisher {
  private readonly task: RepeatingTask;
  private readonly batchSize: number;
  private readonly sendSize: number;

  constructor(
    private readonly graph: Neo4jGraph,
    private readonly bus: EventPublisher,
    private readonly options: AuditPublisherOptions,
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.sendSize = options.sendSize ?? 100;
    this.task = new RepeatingTask(
      'audit publish',
      options.intervalMs ?? 1_000,
      () => this.publishPending(),
      options.log,
    );
  }

  start(): void {
    this.task.start();
  }

  stop(): Promise<void> {
    return this.task.stop();
  }

  /**
   * Publishes until a batch comes back short of full; returns how many records were sent. Records
   * appended meanwhile wait for the next run: under steady traffic, "until nothing is left" meant
   * one small batch after another, each a write transaction and a Kafka send, as fast as the
   * round trips allowed.
   */
  async publishPending(): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await this.publishOnce();
      total += sent;
      if (sent < this.batchSize) return total;
    }
  }

  /** One batch after the cursor; returns how many records were sent. */
  async publishOnce(): Promise<number> {
    const { chain, topic } = this.options;
    return this.graph.write(async (tx) => {
      const cursor = await tx.run(
        'MERGE (c:AuditPublishCursor {chain: $chain}) ON CREATE SET c.seq = 0 SET c.lockedAt = timestamp() RETURN c.seq AS seq',
        { chain },
      );
      const after = cursor.records[0]!.get('seq') as number;
      const page = await tx.run<PublishedRow>(cypher('audit-records-to-publish'), {
        chain,
        fromSeq: after + 1,
        toSeq: after + this.batchSize,
      });
      const rows = page.records.map((r) => r.toObject());
      if (rows.length === 0) return 0;
      const messages = rows.map((row) => ({ key: chain, value: withHash(row.canonical, row.hash) }));
      await sendInSlices(this.bus, topic, messages, this.sendSize);
      await tx.run('MATCH (c:AuditPublishCursor {chain: $chain}) SET c.seq = toInteger($seq)', {
        chain,
        seq: rows[rows.length - 1]!.seq,
      });
      return rows.length;
    });
  }
}

interface PublishedRow {
  seq: number;
  canonical: string;
  hash: string;
}

/**
 * The message: the record as hashed, with its hash as one more member. Spliced rather than parsed
 * and serialized again: at hundreds of records a second, that round trip through objects was most
 * of what publishing cost the event loop.
 */
export function withHash(canonical: string, hash: string): string {
  return `${canonical.slice(0, -1)},"hash":${JSON.stringify(hash)}}`;
}
