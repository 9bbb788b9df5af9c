import { randomUUID } from 'node:crypto';
import type { ContactRefreshedV1 } from '../../contracts/contact-refreshed.v1.js';
import { sendInSlices, type EventPublisher } from '../platform/event-bus.js';
import type { Logger } from '../platform/logger.js';
import type { Neo4jGraph } from '../platform/neo4j-graph.js';

interface OutboxRow {
  id: string;
  key: string;
  creditor: string;
  caseId: string;
  reachability: ContactRefreshedV1['reachability'];
  bestContactChanged: boolean;
  at: string;
}

/** Events per Kafka send: a claimed batch goes in slices, so encoding it never holds requests long. */
const SEND_SLICE = 100;

/** A claim older than this is taken to belong to a replica that died mid-publish. */
const CLAIM_TIMEOUT_MS = 30_000;

/**
 * Publishes queued `contact.refreshed` events. Each replica claims a batch under the nodes' write
 * locks (so replicas do not send the same batch at once), sends it, then deletes it: at least once,
 * and a consumer dedupes by `eventId` (a replica dying between send and delete resends).
 */
export class OutboxPublisher {
  private readonly replica = randomUUID();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly deps: { graph: Neo4jGraph; bus: EventPublisher; topic: string; intervalMs: number; batchSize: number; log: Logger },
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.publishPending(), this.deps.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One run at a time per replica; returns how many events were sent. */
  publishPending(): Promise<number> {
    this.running ??= this.publishAll()
      .catch((error: unknown) => {
        this.deps.log.warn({ err: error }, 'outbox publish failed; the next run retries');
        return 0;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async publishAll(): Promise<number> {
    let sent = 0;
    for (;;) {
      const batch = await this.claim();
      if (batch.length === 0) return sent;
      await sendInSlices(
        this.deps.bus,
        this.deps.topic,
        batch.map((row) => ({ key: row.key, value: JSON.stringify(eventOf(row)), headers: { 'event-type': 'contact.refreshed.v1' } })),
        SEND_SLICE,
      );
      await this.deps.graph.write((tx) => tx.run('UNWIND $ids AS id MATCH (o:OutboxEvent {id: id}) DELETE o', { ids: batch.map((r) => r.id) }));
      sent += batch.length;
    }
  }

  private async claim(): Promise<OutboxRow[]> {
    const nowMs = Date.now();
    const result = await this.deps.graph.write((tx) =>
      tx.run<{ row: OutboxRow }>(
        `MATCH (o:OutboxEvent {topic: $topic}) WHERE o.claimedBy IS NULL OR o.claimedAtMs < $staleMs
         WITH o ORDER BY o.atMs LIMIT toInteger($limit)
         SET o.lock = $replica
         WITH o WHERE o.claimedBy IS NULL OR o.claimedAtMs < $staleMs OR o.claimedBy = $replica
         SET o.claimedBy = $replica, o.claimedAtMs = $nowMs
         RETURN o {.id, .key, .creditor, .caseId, .reachability, .bestContactChanged, .at} AS row
         ORDER BY o.atMs`,
        { replica: this.replica, nowMs, staleMs: nowMs - CLAIM_TIMEOUT_MS, limit: this.deps.batchSize, topic: this.deps.topic },
      ),
    );
    return result.records.map((r) => r.get('row'));
  }
}

function eventOf(row: OutboxRow): ContactRefreshedV1 {
  return {
    type: 'contact.refreshed',
    version: 1,
    eventId: row.id,
    creditor: row.creditor,
    caseId: row.caseId,
    reachability: row.reachability,
    bestContactChanged: row.bestContactChanged,
    refreshedAt: row.at,
  };
}
