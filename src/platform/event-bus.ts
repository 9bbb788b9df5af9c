/**
 * The Kafka boundary, in our own terms. Only kafkajs-event-bus.ts imports kafkajs, so a maintained
 * client with a KafkaJS-compatible API (e.g. @confluentinc/kafka-javascript) can replace it without
 * touching the pipeline.
 */

export type HeaderValue = Buffer | string | undefined;

export interface OutboundMessage {
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers?: Record<string, Buffer | string>;
}

export interface InboundMessage {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, HeaderValue>;
  timestamp: string;
}

export interface MessageBatch {
  topic: string;
  partition: number;
  highWatermark: string;
  messages: InboundMessage[];
}

/** What a batch handler may do while it works: the kafkajs traps are handled behind these. */
export interface BatchControl {
  /** Marks everything up to and including this offset as done; call only after its effects are durable. */
  resolveOffset(offset: string): void;
  /** Commits resolved offsets now. */
  commit(): Promise<void>;
  /** Keeps the group membership alive during long batches. */
  heartbeat(): Promise<void>;
  /** False once the consumer is stopping or the partition was revoked: stop early, don't resolve further. */
  isActive(): boolean;
  /** Pauses this topic-partition and returns the function that resumes it. */
  pause(): () => void;
}

export type BatchHandler = (batch: MessageBatch, control: BatchControl) => Promise<void>;

export interface SubscriptionOptions {
  groupId: string;
  topics: string[];
  fromBeginning?: boolean;
  partitionsConsumedConcurrently?: number;
  handleBatch: BatchHandler;
  /** Called when the consumer crashed and will not restart by itself. */
  onCrash?: (error: Error) => void;
}

export interface Subscription {
  /** Stops fetching, lets the in-flight batch finish and commit, then leaves the group. */
  stop(): Promise<void>;
}

export interface TopicSpec {
  topic: string;
  partitions: number;
  replicationFactor: number;
  config?: Record<string, string>;
}

export interface EventPublisher {
  send(topic: string, messages: OutboundMessage[]): Promise<void>;
}

/**
 * Sends `messages` in order, at most `sliceSize` per send, each send awaited before the next. The
 * Kafka client encodes a whole send on the event loop in one go, so every request waits behind
 * the whole slice: a slice of 100 holds it a fifth as long as the audit publisher's 500.
 */
export async function sendInSlices(bus: EventPublisher, topic: string, messages: OutboundMessage[], sliceSize: number): Promise<void> {
  if (!Number.isInteger(sliceSize) || sliceSize < 1) throw new RangeError(`sliceSize must be a whole number of at least 1, got ${sliceSize}`);
  for (let from = 0; from < messages.length; from += sliceSize) {
    await bus.send(topic, messages.slice(from, from + sliceSize));
  }
}

export interface EventBus extends EventPublisher {
  ensureTopics(specs: TopicSpec[]): Promise<void>;
  /**
   * Reads a topic from its start to its end as of the call, without joining the service's groups
   * or committing anything: for tools that inspect a topic (dead letters, audit exports).
   */
  scan(topic: string, visit: (message: InboundMessage) => void, timeoutMs: number): Promise<void>;
  subscribe(options: SubscriptionOptions): Promise<Subscription>;
  /** A metadata round-trip; throws when the cluster does not answer. */
  ping(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}
