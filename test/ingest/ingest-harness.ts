import type { Registry } from 'prom-client';
import type { AuditLog } from '../../src/audit/audit-entry.js';
import { createIngestMetrics } from '../../src/ingest/ingest-metrics.js';
import { IngestPipeline, type IngestOptions } from '../../src/ingest/ingest-pipeline.js';
import { loadSourceRegistry } from '../../src/ingest/load-source-registry.js';
import { createEventProjector } from '../../src/ingest/project-event.js';
import type { InboundMessage, OutboundMessage } from '../../src/platform/event-bus.js';
import { KafkajsEventBus } from '../../src/platform/kafkajs-event-bus.js';
import { createMetricsRegistry } from '../../src/platform/metrics.js';
import { Neo4jGraph } from '../../src/platform/neo4j-graph.js';
import { Neo4jRecordStore } from '../../src/resolve/neo4j-record-store.js';
import { resolvingRecordStore } from '../../src/resolve/resolving-record-store.js';
import { testConfig, testLogger, uniqueName } from '../support/test-config.js';
import { waitFor } from '../support/wait.js';

export interface RecordState {
  eventId: string;
  retracted: boolean;
  phones: string[];
  thirdParties: number;
}

/** One ingest pipeline on its own topics and consumer group, against the real servers. */
export class IngestHarness {
  // Built when a test runs, after the global fixture has set the servers' addresses.
  readonly config = testConfig();
  readonly bus = new KafkajsEventBus(this.config.kafka, testLogger());
  readonly graph = new Neo4jGraph(this.config.neo4j);
  readonly topic = uniqueName('test.identity.updates');
  readonly deadLetterTopic = `${this.topic}.dlq`;
  metrics: Registry = createMetricsRegistry();
  private pipeline: IngestPipeline | undefined;

  async setUp(): Promise<void> {
    await this.bus.ensureTopics([
      { topic: this.topic, partitions: 3, replicationFactor: 1 },
      { topic: this.deadLetterTopic, partitions: 1, replicationFactor: 1 },
    ]);
  }

  /** With `resolve`, records are resolved into persons as the service does; without, stored only. */
  async startPipeline(options: Partial<IngestOptions> = {}, resolve = false, clock = () => new Date(), audit?: AuditLog): Promise<void> {
    const { registryFile, identifierKey } = this.config.ingest;
    const registry = loadSourceRegistry(registryFile!, this.config.secrets);
    this.metrics = createMetricsRegistry();
    this.pipeline = new IngestPipeline({
      bus: this.bus,
      registry,
      records: resolve
        ? resolvingRecordStore(this.graph, (id) => registry.get(id)?.trust ?? 0, undefined, clock)
        : new Neo4jRecordStore(this.graph),
      project: createEventProjector({ fingerprintKey: identifierKey!, clock }),
      clock,
      log: testLogger(),
      metrics: createIngestMetrics(this.metrics),
      ...(audit ? { audit } : {}),
      options: {
        groupId: uniqueName('test.ingest'),
        topic: this.topic,
        deadLetterTopic: this.deadLetterTopic,
        partitionsConsumedConcurrently: 3,
        chunkSize: 200,
        maxAttempts: 2,
        retryInitialMs: 100,
        retryMaxMs: 1_000,
        ...options,
      },
    });
    await this.pipeline.start();
  }

  async stopPipeline(): Promise<void> {
    await this.pipeline?.stop();
    this.pipeline = undefined;
  }

  async tearDown(): Promise<void> {
    await this.stopPipeline();
    await this.bus.close();
    await this.graph.close();
  }

  produce(messages: OutboundMessage[]): Promise<void> {
    return this.bus.send(this.topic, messages);
  }

  async records(keys: string[]): Promise<Map<string, RecordState>> {
    const result = await this.graph.run(
      `MATCH (r:Record) WHERE r.key IN $keys
       OPTIONAL MATCH (r)-[:HAS_PHONE]->(p:Phone)
       WITH r, collect(p.e164) AS phones
       OPTIONAL MATCH (r)-[t:REPORTS_THIRD_PARTY]->()
       RETURN r.key AS key, r.eventId AS eventId, r.retracted AS retracted, phones, count(t) AS thirdParties`,
      { keys },
    );
    return new Map(
      result.records.map((r) => [
        r.get('key') as string,
        {
          eventId: r.get('eventId') as string,
          retracted: r.get('retracted') as boolean,
          phones: (r.get('phones') as string[]).sort(),
          thirdParties: r.get('thirdParties') as number,
        },
      ]),
    );
  }

  /** How many of these events their records have seen (each record remembers its recent event ids). */
  async appliedEventCount(events: SeenEvent[]): Promise<number> {
    const result = await this.graph.run(
      `MATCH (r:Record) WHERE r.key IN $keys
       UNWIND r.eventIds AS id
       WITH DISTINCT id WHERE id IN $ids
       RETURN count(id) AS n`,
      { keys: [...new Set(events.map((e) => e.key))], ids: events.map((e) => e.eventId) },
    );
    return result.records[0]?.get('n') as number;
  }

  /** Differences between the graph and a stream's expected final state (empty when they agree). */
  async divergence(expected: Map<string, { eventId: string; phone: string }>): Promise<string[]> {
    const actual = await this.records([...expected.keys()]);
    const problems: string[] = [];
    for (const [key, want] of expected) {
      const got = actual.get(key);
      if (!got) problems.push(`${key}: missing`);
      else if (got.eventId !== want.eventId) problems.push(`${key}: holds an older version`);
      else if (got.phones.length !== 1 || got.phones[0] !== want.phone) problems.push(`${key}: phones ${got.phones.length}`);
    }
    return problems;
  }

  /** Waits until every listed event has been seen by its record. */
  async waitForApplied(events: SeenEvent[], timeoutMs = 60_000): Promise<void> {
    await waitFor(`${events.length} events applied`, () => this.appliedEventCount(events), (n) => n === events.length, timeoutMs);
  }

  /** Reads the dead-letter topic from the start until `count` letters arrived. */
  async deadLetters(count: number, timeoutMs = 60_000): Promise<InboundMessage[]> {
    const letters: InboundMessage[] = [];
    const subscription = await this.bus.subscribe({
      groupId: uniqueName('test.dlq-reader'),
      topics: [this.deadLetterTopic],
      handleBatch: async (batch, control) => {
        letters.push(...batch.messages);
        control.resolveOffset(batch.messages[batch.messages.length - 1]!.offset);
      },
    });
    try {
      await waitFor(`${count} dead letters`, async () => letters.length, (n) => n >= count, timeoutMs);
    } finally {
      await subscription.stop();
    }
    return letters;
  }

  async metricValue(name: string, labels: Record<string, string>): Promise<number> {
    const metric = (await this.metrics.getMetricsAsJSON()).find((m) => m.name === name);
    const match = (metric?.values ?? []).find((v) => Object.entries(labels).every(([k, val]) => v.labels[k] === val));
    return match?.value ?? 0;
  }
}

export interface SeenEvent {
  key: string;
  eventId: string;
}

/** The record key and event id of a provider event. */
export function seen(event: { sourceId: string; sourceRecordId: string; eventId: string }): SeenEvent {
  return { key: `${event.sourceId}:${event.sourceRecordId}`, eventId: event.eventId };
}

export function header(message: InboundMessage, name: string): string | undefined {
  return message.headers[name]?.toString();
}
