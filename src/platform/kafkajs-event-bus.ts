import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, logLevel, type Admin, type Consumer, type LogEntry, type Producer } from 'kafkajs';
import type { Logger } from './logger.js';
import type {
  EventBus,
  InboundMessage,
  OutboundMessage,
  Subscription,
  SubscriptionOptions,
  TopicSpec,
} from './event-bus.js';
import { retryUntil } from './retry.js';
import { isTransientError } from './transient-errors.js';
import { withTimeout } from './with-timeout.js';

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
}

const pinoLevel: Record<number, 'error' | 'warn' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'debug',
  [logLevel.DEBUG]: 'debug',
};

/** kafkajs logs through our logger; its INFO chatter (joins, rebalances) is debug to us. */
function kafkaLogCreator(log: Logger) {
  return () =>
    ({ level, log: entry }: LogEntry) => {
      const { message, ...extra } = entry;
      log[pinoLevel[level] ?? 'debug']({ component: 'kafkajs', ...extra }, message);
    };
}

export class KafkajsEventBus implements EventBus {
  private readonly kafka: Kafka;
  private admin: Admin | undefined;
  private producer: Producer | undefined;
  private readonly consumers = new Set<Consumer>();

  constructor(
    settings: KafkaSettings,
    private readonly log: Logger,
  ) {
    this.kafka = new Kafka({
      clientId: settings.clientId,
      brokers: settings.brokers,
      logLevel: logLevel.WARN,
      logCreator: kafkaLogCreator(log),
      retry: { initialRetryTime: 200, retries: 8 },
    });
  }

  private async connectedAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }

  async ping(timeoutMs: number): Promise<void> {
    await withTimeout(
      this.connectedAdmin().then((admin) => admin.describeCluster()),
      timeoutMs,
      'Kafka',
    );
  }

  /** Idempotent; a broker that is still electing leaders for fresh topics is waited for, not failed on. */
  async ensureTopics(specs: TopicSpec[]): Promise<void> {
    await retryUntil(() => this.createMissingTopics(specs), { deadlineMs: 30_000, initialDelayMs: 200, retryIf: isTransientError });
  }

  private async createMissingTopics(specs: TopicSpec[]): Promise<void> {
    const admin = await this.connectedAdmin();
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((s) => !existing.has(s.topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((s) => ({
          topic: s.topic,
          numPartitions: s.partitions,
          replicationFactor: s.replicationFactor,
          configEntries: Object.entries(s.config ?? {}).map(([name, value]) => ({ name, value })),
        })),
      });
    }
    await this.growPartitions(admin, specs);
  }

  /** A topic created with fewer partitions than configured is grown, never shrunk (Kafka can't). */
  private async growPartitions(admin: Admin, specs: TopicSpec[]): Promise<void> {
    const { topics } = await admin.fetchTopicMetadata({ topics: specs.map((s) => s.topic) });
    const grow = topics.flatMap((t) => {
      const wanted = specs.find((s) => s.topic === t.name)?.partitions ?? 0;
      return t.partitions.length < wanted ? [{ topic: t.name, count: wanted }] : [];
    });
    if (grow.length > 0) await admin.createPartitions({ topicPartitions: grow });
  }

  async scan(topic: string, visit: (message: InboundMessage) => void, timeoutMs: number): Promise<void> {
    const admin = await this.connectedAdmin();
    const remaining = new Map(
      (await admin.fetchTopicOffsets(topic))
        .filter((p) => BigInt(p.high) > BigInt(p.low))
        .map((p) => [p.partition, BigInt(p.high) - 1n]),
    );
    if (remaining.size === 0) return;
    const groupId = `recontact-scan-${randomUUID()}`;
    const consumer = this.kafka.consumer({ groupId });
    let reachedEnd: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (reachedEnd = resolve));
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachMessage: ({ partition, message }) => {
          const last = remaining.get(partition);
          if (last === undefined || BigInt(message.offset) > last) return Promise.resolve();
          visit({
            topic,
            partition,
            offset: message.offset,
            key: message.key ?? null,
            value: message.value ?? null,
            headers: normalizeHeaders(message.headers),
            timestamp: message.timestamp,
          });
          if (BigInt(message.offset) === last) remaining.delete(partition);
          if (remaining.size === 0) reachedEnd();
          return Promise.resolve();
        },
      });
      await withTimeout(done, timeoutMs, `reading ${topic}`);
    } finally {
      await consumer.disconnect();
      // The throwaway group committed nothing; remove it so it doesn't linger in the cluster.
      await admin.deleteGroups([groupId]).catch(() => undefined);
    }
  }

  async send(topic: string, messages: OutboundMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.connectedProducer();
    await producer.send({ topic, messages });
  }

  async subscribe(options: SubscriptionOptions): Promise<Subscription> {
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      retry: { initialRetryTime: 300, retries: 10 },
    });
    this.consumers.add(consumer);
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.log.error({ component: 'consumer', groupId: options.groupId, restart: payload.restart, err: payload.error }, 'consumer crashed');
      if (!payload.restart) options.onCrash?.(payload.error);
    });
    await consumer.connect();
    await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning ?? true });
    await consumer.run({
      eachBatchAutoResolve: false,
      autoCommit: true,
      partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
      eachBatch: async (payload) => {
        const { batch } = payload;
        await options.handleBatch(
          {
            topic: batch.topic,
            partition: batch.partition,
            highWatermark: batch.highWatermark,
            messages: batch.messages.map(
              (m): InboundMessage => ({
                topic: batch.topic,
                partition: batch.partition,
                offset: m.offset,
                key: m.key ?? null,
                value: m.value ?? null,
                headers: normalizeHeaders(m.headers),
                timestamp: m.timestamp,
              }),
            ),
          },
          {
            resolveOffset: (offset) => payload.resolveOffset(offset),
            heartbeat: () => payload.heartbeat(),
            // Without offsets, commitOffsetsIfNecessary() commits only when an autoCommit interval or
            // threshold is due, and none is set: the offsets would wait for the end of the whole fetched
            // batch (up to 1 MB a partition), widening the redelivery after a crash far beyond a chunk.
            commit: () => payload.commitOffsetsIfNecessary(payload.uncommittedOffsets()),
            isActive: () => payload.isRunning() && !payload.isStale(),
            pause: () => payload.pause(),
          },
        );
      },
    });
    return {
      stop: async () => {
        this.consumers.delete(consumer);
        await consumer.disconnect();
      },
    };
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.consumers].map((c) => c.disconnect()));
    this.consumers.clear();
    await Promise.allSettled([this.producer?.disconnect(), this.admin?.disconnect()]);
    this.producer = undefined;
    this.admin = undefined;
  }
}

function normalizeHeaders(
  headers: Record<string, Buffer | string | (Buffer | string)[] | undefined> | undefined,
): Record<string, Buffer | string | undefined> {
  // Null prototype: a header named `__proto__` must stay a header, not become the object's prototype.
  const out = Object.create(null) as Record<string, Buffer | string | undefined>;
  for (const [name, value] of Object.entries(headers ?? {})) {
    // A repeated header is ambiguous for signing; keep the first, as producers send each once.
    out[name] = Array.isArray(value) ? value[0] : value;
  }
  return out;
}
