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
import type { Registry } from 'prom-client';
import type { TransactionalAuditLog } from './audit/audited-write.js';
import { loadAuditSigningKey } from './audit/audit-checkpoint.js';
import { AuditCheckpointer } from './audit/audit-checkpointer.js';
import { AuditPublisher } from './audit/audit-publisher.js';
import { purgeExpiredAudit } from './audit/purge-expired-audit.js';
import { RepeatingTask } from './audit/repeating-task.js';
import { fingerprintValue } from './audit/fingerprint.js';
import { Neo4jAuditLog } from './audit/neo4j-audit-log.js';
import { Neo4jAuditReader } from './audit/neo4j-audit-reader.js';
import { verifyAuditChain } from './audit/verify-audit-chain.js';
import { auditRoutes } from './http/audit-routes.js';
import { createAuth } from './http/auth/create-auth.js';
import { answerClientError } from './http/client-error.js';
import { caseRoutes } from './http/case-routes.js';
import { consoleRoutes } from './http/console-routes.js';
import { openApiRoutes } from './http/openapi-routes.js';
import { telephonyRoutes } from './http/telephony-routes.js';
import { thirdPartyFingerprint } from './ingest/project-event.js';
import { CaseService } from './relay/case-service.js';
import { createPrivacy } from './privacy/create-privacy.js';
import { privacyRoutes } from './http/privacy-routes.js';
import type { AuditReader } from './audit/audit-reader.js';
import type { AuditRecord } from './audit/audit-entry.js';
import { queueContactRefreshed } from './relay/contact-refreshed-outbox.js';
import { OutboxPublisher } from './relay/outbox-publisher.js';
import { CreditorLines } from './relay/creditor-lines.js';
import { Neo4jCallDecisionStore } from './relay/neo4j-call-decision-store.js';
import { Neo4jCaseStore } from './relay/neo4j-case-store.js';
import { Neo4jContactContextReader } from './relay/neo4j-contact-context.js';
import { historyScope } from './relay/policy/history-scope.js';
import { Neo4jRelayStore } from './relay/neo4j-relay-store.js';
import { createRelayMetrics } from './relay/relay-metrics.js';
import { parseRelayPool } from './relay/relay-pool-spec.js';
import { RelayService } from './relay/relay-service.js';
import { RelaySweeper } from './relay/relay-sweeper.js';
import { TelephonyRouter } from './relay/telephony-router.js';
import { DEFAULT_MODEL } from './resolve/scoring/default-model.js';
import { ageReachability } from './resolve/reachability-ageing.js';
import { DEFAULT_RESOLVER_SETTINGS, resolveInTransaction } from './resolve/resolving-record-store.js';

const PING_TIMEOUT_MS = 2_000;
/** A carrier waits a few seconds for a routing webhook; past this the call is rejected (fail closed). */
const ROUTING_TIMEOUT_MS = 2_000;
const OUTBOX_INTERVAL_MS = 1_000;
const AUDIT_PURGE_INTERVAL_MS = 24 * 3_600_000;
/** Retention is measured in days; an hourly pass keeps each record at most an hour past its term. */
const RETENTION_INTERVAL_MS = 3_600_000;
/** A subject report lists every access; past this many it says the list is cut (a privacy officer exports the rest). */
const SUBJECT_REPORT_MAX_AUDIT = 10_000;
const STARTUP_DEADLINE_MS = 60_000;

export interface RunningService {
  url: string;
  graph: Neo4jGraph;
  bus: EventBus;
  /** Runs the relay's housekeeping once now (expiry, re-matching, pool metrics); tests and operators. */
  sweepRelays(): Promise<void>;
  /** Publishes queued `contact.refreshed` events now rather than at the next tick. */
  publishOutbox(): Promise<number>;
  stop(): Promise<void>;
}

/** What a test may replace: the clock (calling hours, TTLs and freshness all read it). */
export interface ServiceOverrides {
  clock?: () => Date;
}

class MigrationsPendingError extends Error {
  override name = 'MigrationsPendingError';
}

/** The one place that constructs the service's parts and wires them together. */
export async function startService(config: Config, log: Logger, overrides: ServiceOverrides = {}): Promise<RunningService> {
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

  const clock = overrides.clock ?? (() => new Date());
  const topics = topicNames(config.kafka.topicPrefix);
  const audit = startAudit(config, { graph, bus, clock, log, topic: topics.audit });
  const trustOf = (sourceId: string) => registry.get(sourceId)?.trust ?? 0;
  const ingest = new IngestPipeline({
    audit: audit.log,
    bus,
    registry,
    records: resolvingRecordStore(graph, trustOf, undefined, clock, (tx, outcome) => queueContactRefreshed(tx, outcome.changes, clock(), topics.contactRefreshed)),
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
  const outbox = new OutboxPublisher({ graph, bus, topic: topics.contactRefreshed, intervalMs: OUTBOX_INTERVAL_MS, batchSize: 500, log });
  outbox.start();
  log.info({ topic: topics.identityUpdates, sources: registry.all().length }, 'ingest consumer started');

  const relay = await startRelay(config, { graph, audit: audit.log, metrics, clock, log, identifierKey, trustOf, refreshedTopic: topics.contactRefreshed });
  // Tokens expire in real time, whatever clock the domain is given.
  const auth = createAuth({ config: config.auth, audit: audit.log, log: log.child({ component: 'auth' }) });
  const privacy = createPrivacy({
    graph,
    relays: relay.relayStore,
    audit: audit.log,
    auditFor: (personId) => allAuditRecords(audit.reader, personId),
    sources: registry,
    identifierKey,
    clock,
    log,
    retentionIntervalMs: RETENTION_INTERVAL_MS,
  });
  privacy.retention.start();
  const routers = [
    openApiRoutes(),
    caseRoutes({ cases: relay.cases, relays: relay.relays, guard: auth.guard }),
    telephonyRoutes({ router: relay.router, lines: relay.lines, guard: auth.guard, clock }),
    auditRoutes({ reader: audit.reader, verify: audit.verify, guard: auth.guard, audit: audit.log }),
    privacyRoutes({ privacy: privacy.service, guard: auth.guard }),
    consoleRoutes(),
  ];
  const app = createHttpApp({ log, metrics, readiness, routers });
  const server = app.listen(config.http.port, config.http.host);
  server.on('clientError', answerClientError);
  await once(server, 'listening');
  const url = serverUrl(server);
  log.info({ url }, 'HTTP server listening');

  return {
    url,
    graph,
    bus,
    sweepRelays: async () => {
      await relay.sweeper.sweep();
    },
    publishOutbox: () => outbox.publishPending(),
    stop: async () => {
      // Consumers first: the in-flight chunk finishes and commits while the stores are still open.
      await ingest.stop();
      await closeServer(server);
      await relay.sweeper.stop();
      await privacy.retention.stop();
      await outbox.stop();
      await audit.stop();
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

interface Parts {
  graph: Neo4jGraph;
  bus: EventBus;
  clock: () => Date;
  log: Logger;
}

/** The audit log, its signed checkpoints and its feed to the SIEM topic. */
function startAudit(config: Config, parts: Parts & { topic: string }) {
  const { graph, bus, clock, log } = parts;
  if (config.audit.signingKeyFile === undefined) throw new Error('AUDIT_SIGNING_KEY_FILE must be set');
  const key = loadAuditSigningKey(config.audit.signingKeyFile);
  const chain = config.audit.chain;
  const auditLog = new Neo4jAuditLog(graph, { chain, clock, log: log.child({ component: 'audit' }) });
  const reader = new Neo4jAuditReader(graph, chain);
  const checkpointer = new AuditCheckpointer(graph, { chain, key, intervalMs: config.audit.checkpointIntervalMs, clock, log });
  const publisher = new AuditPublisher(graph, bus, { chain, topic: parts.topic, log });
  // Audit records outlive the personal data they are about: kept AUDIT_RETENTION_DAYS (5 years at
  // least), then purged below a signed checkpoint, which anchors what remains.
  const retention = new RepeatingTask(
    'audit retention',
    AUDIT_PURGE_INTERVAL_MS,
    () => purgeExpiredAudit(graph, { chain, olderThanDays: config.audit.retentionDays, clock }),
    log,
  );
  checkpointer.start();
  publisher.start();
  retention.start();
  return {
    log: auditLog,
    reader,
    verify: (range: { fromSeq?: number; toSeq?: number }) => verifyAuditChain(reader, [key.publicKey], range),
    stop: async () => {
      await retention.stop();
      await publisher.stop();
      await checkpointer.stop();
      await auditLog.drain();
    },
  };
}

/** Cases, the relay pool and bindings, telephony routing and the sweeper that keeps them current. */
async function startRelay(
  config: Config,
  parts: Omit<Parts, 'bus'> & { audit: TransactionalAuditLog; metrics: Registry; identifierKey: Buffer; trustOf: (sourceId: string) => number; refreshedTopic: string },
) {
  const { graph, audit, clock, log, identifierKey } = parts;
  if (config.relay.pool === undefined) throw new Error('RELAY_POOL must be set');
  const poolNumbers = parseRelayPool(config.relay.pool);
  const poolSet = new Set(poolNumbers);
  const relayStore = new Neo4jRelayStore(graph, audit, { pool: config.relay.poolName, quarantineMs: config.relay.quarantineMs });
  const added = await relayStore.seedPool(poolNumbers);
  log.info({ pool: config.relay.poolName, numbers: poolNumbers.length, added }, 'relay pool ready');
  const caseStore = new Neo4jCaseStore(graph, DEFAULT_MODEL, parts.trustOf, parts.refreshedTopic);
  const policy = { profile: config.relay.policyProfile, minLinkScore: config.relay.minLinkScore };
  const contexts = new Neo4jContactContextReader(
    graph,
    (e164) => thirdPartyFingerprint(e164, identifierKey),
    historyScope(policy.profile),
  );
  const relayLog = log.child({ component: 'relay' });
  const resolveAndNotify = resolveInTransaction(parts.trustOf, DEFAULT_RESOLVER_SETTINGS, clock, (tx, outcome) =>
    queueContactRefreshed(tx, outcome.changes, clock(), parts.refreshedTopic),
  );
  const sweeper = new RelaySweeper({
    ageReachability: (now) => ageReachability(graph, resolveAndNotify, DEFAULT_RESOLVER_SETTINGS.contactPolicy, now),
    relays: relayStore,
    cases: caseStore,
    audit,
    metrics: createRelayMetrics(parts.metrics),
    pool: config.relay.poolName,
    auditChain: config.audit.chain,
    intervalMs: config.relay.sweepIntervalMs,
    clock,
    log: relayLog,
  });
  await sweeper.publishUsage(clock());
  sweeper.start();
  return {
    sweeper,
    relayStore,
    cases: new CaseService({ cases: caseStore, relays: relayStore, audit, fingerprintKey: identifierKey, clock }),
    relays: new RelayService({
      contexts,
      relays: relayStore,
      audit,
      policy,
      ttl: { defaultMs: config.relay.defaultTtlMs, maxMs: config.relay.maxTtlMs },
      clock,
    }),
    router: new TelephonyRouter({
      decisions: new Neo4jCallDecisionStore(graph, audit),
      contexts,
      audit,
      policy,
      fingerprint: (kind, value) => fingerprintValue(identifierKey, kind, value),
      clock,
      log: relayLog,
      timeoutMs: ROUTING_TIMEOUT_MS,
    }),
    lines: new CreditorLines({ graph, audit, isRelayNumber: (e164) => poolSet.has(e164), clock }),
  };
}

/** Every audit record about a person, newest first, for their access report. */
async function allAuditRecords(reader: AuditReader, personId: string): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  let after: number | undefined;
  do {
    const page = await reader.query({ personId, limit: 500, ...(after === undefined ? {} : { after }) });
    records.push(...page.records);
    after = page.nextCursor ?? undefined;
  } while (after !== undefined && records.length < SUBJECT_REPORT_MAX_AUDIT);
  return records;
}
