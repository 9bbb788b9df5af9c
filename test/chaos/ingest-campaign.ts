import { strict as assert } from 'node:assert';
import { topicNames, topicSpecs } from '../../src/topics.js';
import type { Config } from '../../src/config.js';
import type { ProviderMessage } from '../../src/ingest/provider-message.js';
import { KafkajsEventBus } from '../../src/platform/kafkajs-event-bus.js';
import { Neo4jGraph } from '../../src/platform/neo4j-graph.js';
import { spawnService, type ServiceProcess } from '../support/service-process.js';
import { testConfig, testLogger, uniqueName } from '../support/test-config.js';
import { waitFor } from '../support/wait.js';
import type { CampaignScale } from './campaign-scale.js';
import type { ChaosStream } from './chaos-stream.js';
import { GroupLag, type GroupProgress } from './group-lag.js';
import { OverwriteWatch } from './overwrite-watch.js';
import { isClean, streamVerdict } from './stream-verdict.js';

/** Measured around one injected fault. */
export interface FaultFigures {
  fault: string;
  /** Messages the group had not committed when the fault struck. */
  lagAtFault: number;
  /** Fault → service (or server) back. */
  downMs: number;
  /** Messages waiting when it was back: the lag drained afterwards. */
  lagDrained: number;
  /** Back → the group's committed offsets move again. */
  resumeMs: number;
  /** Back → lag 0. */
  recoverMs: number;
  /**
   * Events the service met again after the fault and skipped as already applied (its duplicate
   * counter): the redelivery window of at-least-once delivery. Only for faults where one known
   * process did the catching up.
   */
  redelivered?: number;
}

/**
 * The real service process(es) on a stream of their own: topics, consumer group, records. Faults are
 * injected by the tests; this keeps the bookkeeping (produce, lag, timing, overwrite watch).
 */
export class IngestCampaign {
  readonly config: Config = testConfig();
  readonly prefix = `${uniqueName('chaos')}.`;
  readonly groupId = uniqueName('chaos-ingest');
  readonly env: NodeJS.ProcessEnv;
  readonly graph = new Neo4jGraph(this.config.neo4j);
  readonly lag: GroupLag;
  readonly faults: FaultFigures[] = [];
  private readonly bus = new KafkajsEventBus(this.config.kafka, testLogger());
  private readonly services = new Set<ServiceProcess>();
  watch: OverwriteWatch | undefined;

  /** `waits`: how long the stream's size allows for reaching a fault point and for draining after it. */
  constructor(
    partitions: number,
    private readonly waits: Pick<CampaignScale, 'reachFaultMs' | 'drainMs'>,
    extraEnv: NodeJS.ProcessEnv = {},
  ) {
    this.env = {
      KAFKA_TOPIC_PREFIX: this.prefix,
      KAFKA_TOPIC_PARTITIONS: String(partitions),
      INGEST_GROUP_ID: this.groupId,
      // Small chunks: many graph commits and offset commits for a kill to fall between.
      INGEST_CHUNK_SIZE: '200',
      RELAY_SWEEP_INTERVAL_MS: '3600000',
      ...extraEnv,
    };
    this.lag = new GroupLag(this.config.kafka.brokers, this.groupId, topicNames(this.prefix).identityUpdates);
  }

  async setUp(stream: ChaosStream): Promise<void> {
    await this.bus.ensureTopics(topicSpecs({ ...this.config.kafka, topicPrefix: this.prefix, partitions: Number(this.env.KAFKA_TOPIC_PARTITIONS) }));
    this.watch = new OverwriteWatch(this.graph, [...stream.reference.keys()]);
    this.watch.start();
  }

  async produce(messages: ProviderMessage[]): Promise<void> {
    for (let i = 0; i < messages.length; i += 2_000) {
      await this.bus.send(topicNames(this.prefix).identityUpdates, messages.slice(i, i + 2_000));
    }
  }

  async start(): Promise<ServiceProcess> {
    const service = await spawnService(this.env);
    this.services.add(service);
    void service.exited.then(() => this.services.delete(service));
    return service;
  }

  async kill(service: ServiceProcess): Promise<void> {
    service.child.kill('SIGKILL');
    const exit = await service.exited;
    if (exit !== 'SIGKILL') throw new Error(`the service had already exited (${exit}) before the kill:\n${service.output()}`);
  }

  /**
   * Waits until `service` has applied `events` more events than `from` (its own applied counter, so
   * the moment is independent of when offsets happen to be committed), then a random moment more.
   */
  async appliedPast(service: ServiceProcess, events: number, jitterMs = 300): Promise<void> {
    const from = await applied(service);
    await waitFor('the service to apply part of the stream', () => applied(service), (n) => n >= from + events, this.waits.reachFaultMs, 50);
    await new Promise((r) => setTimeout(r, Math.floor(Math.random() * jitterMs)));
  }

  /**
   * From `backAt` (service restarted, or server back) until the group is caught up again; `atBack`
   * is the group's progress at that moment, measured by the caller before anything could consume.
   */
  async recovery(
    fault: string,
    at: { struck: number; fault: GroupProgress; back: number; atBack: GroupProgress; catcher?: ServiceProcess },
  ): Promise<FaultFigures> {
    await this.lag.until((p) => p.committed > at.atBack.committed || p.lag === 0, this.waits.drainMs);
    const resumeAt = Date.now();
    await this.lag.until((p) => p.lag === 0, this.waits.drainMs, 250);
    const figures: FaultFigures = {
      fault,
      lagAtFault: at.fault.lag,
      downMs: at.back - at.struck,
      lagDrained: at.atBack.lag,
      resumeMs: resumeAt - at.back,
      recoverMs: Date.now() - at.back,
      ...(at.catcher ? { redelivered: await metricSum(at.catcher.url, 'recontact_ingest_events_duplicate_total') } : {}),
    };
    this.faults.push(figures);
    console.log(`      [chaos] ${JSON.stringify(figures)}`);
    return figures;
  }

  /**
   * Stops the overwrite watch and holds the graph against the reference state: logs every count
   * (the published figures), then fails on any missing, duplicated or out-of-order record.
   */
  async assertReferenceState(stream: ChaosStream): Promise<void> {
    const watch = this.watch!;
    await watch.stop();
    const verdict = await streamVerdict(this.graph, stream.reference);
    const { examples, ...counts } = verdict;
    console.log(`      [chaos] ${JSON.stringify({ events: stream.events.length, ties: stream.ties, ...counts, samples: watch.samples, outOfOrderOverwrites: watch.regressions })}`);
    assert.deepEqual(examples, []);
    assert.ok(isClean(verdict), JSON.stringify(verdict));
    assert.equal(watch.regressions, 0, watch.examples.join('\n'));
  }

  async tearDown(): Promise<void> {
    await this.watch?.stop().catch(() => undefined);
    for (const service of this.services) service.child.kill('SIGKILL');
    await Promise.allSettled([...this.services].map((s) => s.exited));
    await this.lag.close().catch(() => undefined);
    await this.bus.close();
    await this.graph.close();
  }
}

/** The sum of a counter over its labels, read from a running service's /metrics. */
export async function metricSum(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

function applied(service: ServiceProcess): Promise<number> {
  return metricSum(service.url, 'recontact_ingest_events_applied_total');
}
