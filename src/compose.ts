import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Config } from './config.js';
import { createHttpApp } from './http/create-app.js';
import { createIngestMetrics } from './ingest/ingest-metrics.js';
import { IngestPipeline } from './ingest/ingest-pipeline.js';
import { loadSourceRegistry } from './ingest/load-source-registry.js';
import { createEventProjector } from './ingest/project-event.js';
import type { EventBus } from './platform/event-bus.js';
import { MigrationError, applyMigrations, loadMigrations, pendingMigrations } from './platform/graph-migrations.js';
import { KafkajsEventBus } from './platform/kafkajs-event-bus.js';
import type { Logger } from './platform/logger.js';
import { createMetricsRegistry } from './platform/metrics.js';
import { Neo4jGraph } from './platform/neo4j-graph.js';
import { projectRoot } from './platform/project-root.js';
import type { ReadinessCheck } from './platform/readiness.js';
import { retryUntil } from './platform/retry.js';
import { resolvingRecordStore } from './resolve/resolving-record-store.js';
import { topicNames, topicSpecs } from './topics.js';

const PING_TIMEOUT_MS = 2_000;
const STARTUP_DEADLINE_MS = 60_000;

export interface RunningService {
  url: string;
  graph: Neo4jGraph;
  bus: EventBus;
  stop(): Promise<void>;
}

class MigrationsPendingError extends Error {
  override name = 'MigrationsPendingError';
}

/** The one place that constructs the service's parts and wires them together. */
export async function startService(config: Config, log: Logger): Promise<RunningService> {
  const { registryFile, identifierKey } = config.ingest;
  if (registryFile === undefined || identifierKey === undefined) {
    throw new Error('SOURCE_REGISTRY_FILE and IDENTIFIER_HMAC_KEY must be set');
  }
  const registry = loadSourceRegistry(registryFile, config.secrets);
  const graph = new Neo4jGraph(config.neo4j);
  const bus = new KafkajsEventBus(config.kafka, log);
  const metrics = createMetricsRegistry();
  const migrations = loadMigrations(join(projectRoot(), 'graph', 'migrations'));

  const onRetry = (what: string) => (error: unknown, attempt: number, delayMs: number) =>
    log.warn({ err: error, attempt, delayMs }, `${what} not ready yet; retrying`);
  await retryUntil(() => applyMigrations(graph, migrations, log), {
    deadlineMs: STARTUP_DEADLINE_MS,
    onRetry: onRetry('Neo4j'),
    retryIf: (error) => !(error instanceof MigrationError),
  });
  await retryUntil(() => bus.ensureTopics(topicSpecs(config.kafka)), {
    deadlineMs: STARTUP_DEADLINE_MS,
    onRetry: onRetry('Kafka'),
  });

  const readiness: ReadinessCheck[] = [
    { name: 'kafka', check: () => bus.ping(PING_TIMEOUT_MS) },
    { name: 'neo4j', check: () => graph.ping(PING_TIMEOUT_MS) },
    {
      name: 'migrations',
      check: async () => {
        const pending = await pendingMigrations(graph, migrations);
        if (pending.length > 0) throw new MigrationsPendingError(`pending: ${pending.join(', ')}`);
        return { applied: migrations.length };
      },
    },
  ];

  const clock = () => new Date();
  const topics = topicNames(config.kafka.topicPrefix);
  const ingest = new IngestPipeline({
    bus,
    registry,
    records: resolvingRecordStore(graph, (sourceId) => registry.get(sourceId)?.trust ?? 0, undefined, clock),
    project: createEventProjector({ fingerprintKey: identifierKey, clock }),
    clock,
    log: log.child({ component: 'ingest' }),
    metrics: createIngestMetrics(metrics),
    options: {
      groupId: config.ingest.groupId,
      topic: topics.identityUpdates,
      deadLetterTopic: topics.identityUpdatesDlq,
      partitionsConsumedConcurrently: config.ingest.concurrency,
      chunkSize: config.ingest.chunkSize,
      maxAttempts: config.ingest.maxAttempts,
      retryInitialMs: 250,
      retryMaxMs: 5_000,
    },
  });
  await ingest.start();
  log.info({ topic: topics.identityUpdates, sources: registry.all().length }, 'ingest consumer started');

  const app = createHttpApp({ log, metrics, readiness });
  const server = app.listen(config.http.port, config.http.host);
  await once(server, 'listening');
  const url = serverUrl(server);
  log.info({ url }, 'HTTP server listening');

  return {
    url,
    graph,
    bus,
    stop: async () => {
      // Consumers first: the in-flight chunk finishes and commits while the stores are still open.
      await ingest.stop();
      await closeServer(server);
      await bus.close();
      await graph.close();
    },
  };
}

function serverUrl(server: Server): string {
  const { address, port } = server.address() as AddressInfo;
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
}

async function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  await closed;
}
