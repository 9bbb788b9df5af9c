import { randomUUID } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { mintToken } from '../src/cli/token-command.js';
import { startService } from '../src/compose.js';
import { loadConfig, type Config } from '../src/config.js';
import { DEV_TOKEN_ISSUER, ensureAccessKeys } from '../src/dev-access.js';
import { createLogger } from '../src/platform/logger.js';
import { Neo4jGraph, type GraphTraffic } from '../src/platform/neo4j-graph.js';
import { DEFAULT_MODEL } from '../src/resolve/scoring/default-model.js';
import { topicNames } from '../src/topics.js';
import type { Role } from '../src/actor.js';
import { benchScope, dropBenchData, seedDebtors, unusedBlock } from './support/api-population.js';
import { benchEnv, positiveWholeNumber, writeResult } from './support/bench-env.js';
import { runLoad, type LoadResult, type PhaseResult } from './support/load-plan.js';
import type { PhaseProbeResult } from './support/phase-probe.js';
import { roundTo } from './support/round-to.js';

/**
 * npm run bench:api [-- --duration S --warm-up S --relay-warm-up S --route-rps R --relay-rps R --bindings N --lanes L --keep | --drop RUN]
 * Latency of the two hot API paths at a fixed request rate, against the real service in this
 * process on the real servers, audit writes included: telephony routing (every call a new call id
 * over pre-created bindings) and relay creation (every request a different case). Each phase first
 * runs untimed at its rate: both the service and Neo4j compile their hot paths during the first
 * seconds of load (on fresh servers routing answers in seconds at first), and a deployment serves
 * calls long after that. Relay creation runs second, on servers routing has warmed, and each of its
 * warm-up requests binds a case, so its warm-up is shorter.
 */
const { values } = parseArgs({
  options: {
    duration: { type: 'string' },
    'warm-up': { type: 'string' },
    'relay-warm-up': { type: 'string' },
    'route-rps': { type: 'string' },
    'relay-rps': { type: 'string' },
    bindings: { type: 'string' },
    lanes: { type: 'string' },
    keep: { type: 'boolean' },
    drop: { type: 'string' },
  },
});
const seconds = positiveWholeNumber('duration', values.duration ?? '20', '20');
const warmUpSeconds = positiveWholeNumber('warm-up', values['warm-up'] ?? '60', '20');
const relayWarmUpSeconds = positiveWholeNumber('relay-warm-up', values['relay-warm-up'] ?? '10', '20');
const routeRps = positiveWholeNumber('route-rps', values['route-rps'] ?? '500', '20');
const relayRps = positiveWholeNumber('relay-rps', values['relay-rps'] ?? '200', '20');
const bindings = positiveWholeNumber('bindings', values.bindings ?? '1000', '20');
const lanes = positiveWholeNumber('lanes', values.lanes ?? '20', '20');
const relayWarmUpRequests = relayRps * relayWarmUpSeconds;
const relayRequests = relayRps * seconds;
const debtors = bindings + relayWarmUpRequests + relayRequests;
if (debtors > 10_000)
  throw new Error('--bindings plus relay-rps × (relay-warm-up + duration) must stay within 10,000 debtors');
const ROUTE_TARGET_P99_MS = 25;
const RELAY_TARGET_P99_MS = 50;
// 10:00 in Shanghai, inside CN calling hours. In the future, so that no service on the same servers
// sweeping by the wall clock expires the bench's bindings.
const NOW = new Date('2030-06-11T02:00:00Z');

const { config: env } = await benchEnv(loadConfig());
const admin = new Neo4jGraph(env.neo4j);
if (values.drop !== undefined) {
  await dropAll(values.drop, env);
  await admin.close();
  process.exit(0);
}
const tag = randomUUID().slice(0, 8);
const scope = benchScope(tag);
// The load from everything else on the machine moves these figures more than anything; record it.
const loadBefore = loadavg()[0]!;
const poolPrefix = await unusedBlock(admin, 'RelayNumber', '+86170', 4);
const phonePrefix = await unusedBlock(admin, 'Phone', '+86178', 4);
const line = `+86105${phonePrefix.slice(-4)}000`;
const config = benchConfig(env, `${poolPrefix}0000-${poolPrefix}9999`);

const service = await startService(config, createLogger('warn'), { clock: () => NOW });
const token = (role: Role, creditor?: string) =>
  mintToken(config, {
    role,
    creditor,
    subject: `bench-${role}`,
    ttlSeconds: 3600,
    keyFile: undefined,
    issuer: undefined,
    audience: undefined,
  });
const collector = token('collector', scope.creditor);
const telephony = token('telephony');

let result: object;
try {
  console.error(
    `run ${tag}: service up at ${service.url}; seeding ${debtors} debtors with open cases…`,
  );
  const cases = await seedDebtors(service.graph, scope, {
    count: debtors,
    phonePrefix,
    now: NOW,
    ruleSetVersion: DEFAULT_MODEL.version,
  });
  await expectStatus(
    await post(token('admin'), `/v1/creditors/${scope.creditor}/lines`, { number: line }),
    201,
    'register the creditor line',
  );

  console.error(`binding ${bindings} cases for routing (also warms the relay path)…`);
  const relayNumbers = await inParallel(cases.slice(0, bindings), 8, async ({ caseId }) => {
    const res = await post(collector, `/v1/cases/${caseId}/relay`, { purpose: 'debt_collection' });
    await expectStatus(res, 201, 'bind a case');
    return ((await res.json()) as { relayNumber: string }).relayNumber;
  });
  const callBody = (i: number, kind: string) =>
    JSON.stringify({
      relayNumber: relayNumbers[i % bindings],
      from: line,
      callId: `bench-${tag}-${kind}-${i}`,
    });
  const routeCalls = (count: number, kind: string) =>
    Array.from({ length: count }, (_, i) => ({ method: 'POST' as const, path: '/v1/telephony/route', body: callBody(i, kind) }));
  const relayRequestsOf = (batch: typeof cases) =>
    batch.map(({ caseId }) => ({ method: 'POST' as const, path: `/v1/cases/${caseId}/relay`, body: '{"purpose":"debt_collection"}' }));

  console.error(`routing: ${routeRps} calls/s, ${warmUpSeconds} s warm-up then ${seconds} s timed…`);
  const route = await withTraffic(() => runLoad({
    url: service.url,
    token: telephony,
    rps: routeRps,
    lanes,
    outcome: 'route-decision',
    warmUpRequests: routeCalls(routeRps * warmUpSeconds, 'warm'),
    requests: routeCalls(routeRps * seconds, 'call'),
  }));
  console.error(`relay creation: ${relayRps} new bindings/s, ${relayWarmUpSeconds} s warm-up then ${seconds} s timed…`);
  const relay = await withTraffic(() => runLoad({
    url: service.url,
    token: collector,
    rps: relayRps,
    lanes,
    outcome: 'status',
    warmUpRequests: relayRequestsOf(cases.slice(bindings, bindings + relayWarmUpRequests)),
    requests: relayRequestsOf(cases.slice(bindings + relayWarmUpRequests)),
  }));
  result = summary(route, relay);
} finally {
  await service.stop();
  if (values.keep)
    console.error(`kept run ${tag}; drop it with: npm run bench:api -- --drop ${tag}`);
  else await dropAll(tag, config);
  await admin.close();
}
const file = writeResult('api', result);
console.log(JSON.stringify(result, null, 2));
console.error(`written to ${file}`);

/**
 * The phase's Neo4j transactions and statements per response: unlike latency, this does not move
 * with the machine's load (group commits aside, whose batches grow with it). The service's
 * background tasks (audit publisher, outbox, checkpoints) add a few transactions a second.
 */
async function withTraffic(
  phase: () => Promise<PhaseResult>,
): Promise<LoadResult & { warmUp: LoadResult; serviceEventLoopUtilization: number; service: Omit<PhaseProbeResult, 'eventLoopUtilization'>; neo4jPerRequest: GraphTraffic }> {
  const before = { ...service.graph.traffic };
  const { warmUp: warm, timed, service: probed } = await phase();
  const { eventLoopUtilization, ...probe } = probed;
  const after = service.graph.traffic;
  // Over both parts of the phase: the counters cannot tell them apart, and the work per call is the same.
  const requests = warm.requests + timed.requests;
  const per = (key: keyof GraphTraffic) => roundTo((after[key] - before[key]) / requests, 2);
  return {
    ...timed,
    warmUp: warm,
    serviceEventLoopUtilization: eventLoopUtilization,
    service: probe,
    neo4jPerRequest: {
      readTransactions: per('readTransactions'),
      writeTransactions: per('writeTransactions'),
      statements: per('statements'),
    },
  };
}

function summary(route: LoadResult & { warmUp: LoadResult }, relay: LoadResult & { warmUp: LoadResult }) {
  const total = (tallies: Record<string, number>[], counts: (key: string) => boolean = () => true) =>
    tallies.flatMap((t) => Object.entries(t)).reduce((sum, [key, n]) => sum + (counts(key) ? n : 0), 0);
  // Warm-up errors count too: a request that failed is a failure whenever it was sent.
  const errorCount = (r: LoadResult & { warmUp: LoadResult }) => total([r.errors, r.warmUp.errors]);
  // Every routed call here is within the rules and must connect. A rejection answers 200, but one
  // the service could not decide in time (ROUTING_UNAVAILABLE, failing closed) is a failed call.
  const refusedCalls = total([route.outcomes, route.warmUp.outcomes], (outcome) => outcome !== 'connect');
  const detail = (r: LoadResult, targetRps: number) => ({ targetRps, ...r });
  return {
    routeRps: route.achievedRps,
    routeP99Ms: route.p99Ms,
    relayRps: relay.achievedRps,
    relayP99Ms: relay.p99Ms,
    errors: errorCount(route) + errorCount(relay) + refusedCalls,
    targets: {
      routeP99Ms: ROUTE_TARGET_P99_MS,
      relayP99Ms: RELAY_TARGET_P99_MS,
      met:
        route.p99Ms <= ROUTE_TARGET_P99_MS &&
        relay.p99Ms <= RELAY_TARGET_P99_MS &&
        route.achievedRps >= routeRps * 0.98 &&
        relay.achievedRps >= relayRps * 0.98,
    },
    route: detail(route, routeRps),
    relay: detail(relay, relayRps),
    setup: { seconds, warmUpSeconds: { route: warmUpSeconds, relay: relayWarmUpSeconds }, lanes, bindings, debtors, poolNumbers: 10_000, clock: NOW.toISOString() },
    machine: {
      cpus: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      loadAverage1m: { before: roundTo(loadBefore, 1), after: roundTo(loadavg()[0]!, 1) },
    },
  };
}

/**
 * The service on its own topics, audit chain and pool, trusting the local development token key
 * (so the bench can mint its tokens on any servers). The per-token rate limit is lifted: one
 * telephony token carries every routed call here, as the carrier's webhook would.
 */
function benchConfig(base: Config, pool: string): Config {
  const keys = ensureAccessKeys(join(base.localInfra.dir, 'dev'));
  return {
    ...base,
    http: { host: '127.0.0.1', port: 0 },
    kafka: { ...base.kafka, topicPrefix: `bench.${scope.tag}.` },
    ingest: { ...base.ingest, groupId: `bench-${scope.tag}` },
    auth: {
      ...base.auth,
      publicKeyFiles: [keys.tokenPublicKeyFile],
      jwksFile: undefined,
      hs256Secret: undefined,
      issuer: DEV_TOKEN_ISSUER,
      rateLimitPerMinute: 1_000_000,
    },
    relay: { ...base.relay, pool, poolName: scope.pool, sweepIntervalMs: 3_600_000 },
    audit: { ...base.audit, chain: scope.chain },
  };
}

function post(bearer: string, path: string, body: object): Promise<Response> {
  return fetch(`${service.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function expectStatus(res: Response, status: number, what: string): Promise<void> {
  if (res.status === status) return;
  throw new Error(`could not ${what}: HTTP ${res.status} ${await res.text()}`);
}

async function inParallel<T, R>(
  items: T[],
  concurrency: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out;
}

async function dropAll(run: string, on: Config): Promise<void> {
  await dropBenchData(admin, run);
  const kafka = new Kafka({ brokers: on.kafka.brokers, logLevel: logLevel.NOTHING }).admin();
  await kafka.connect();
  const topics = topicNames(`bench.${run}.`);
  await kafka
    .deleteTopics({
      topics: [
        topics.identityUpdates,
        topics.identityUpdatesDlq,
        topics.contactRefreshed,
        topics.audit,
      ],
    })
    .catch(() => undefined);
  await kafka.deleteGroups([`bench-${run}`]).catch(() => undefined);
  await kafka.disconnect();
}
