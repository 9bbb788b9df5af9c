import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { loadConfig } from '../src/config.js';
import { sendInSlices } from '../src/platform/event-bus.js';
import { KafkajsEventBus } from '../src/platform/kafkajs-event-bus.js';
import { createLogger } from '../src/platform/logger.js';
import { Neo4jGraph } from '../src/platform/neo4j-graph.js';
import { topicNames, topicSpecs } from '../src/topics.js';
import { spawnService } from '../test/support/service-process.js';
import { benchEnv, peakRssMiB, writeResult } from './support/bench-env.js';
import { dropBenchRecords, rawCeilingEventsPerSecond } from './support/raw-ceiling.js';
import { syntheticStream } from './support/synthetic-events.js';

/**
 * npm run bench:ingest [-- --events N --versions V --keep]
 * End-to-end ingest throughput of the real service process, from the first produce until the last
 * event is committed in the graph, against the raw batched-MERGE ceiling on the same machine.
 */
const { values } = parseArgs({
  options: { events: { type: 'string' }, versions: { type: 'string' }, keep: { type: 'boolean' } },
});
const events = Number(values.events ?? 200_000);
const versions = Number(values.versions ?? 4);
const SOURCE = 'demo-telco';
const PRODUCE_BATCH = 2_000;
const DEADLINE_MS = 30 * 60_000;

const { config, registry } = await benchEnv(loadConfig());
const key = registry.keyFor(SOURCE);
if (!key) throw new Error(`source ${SOURCE} must be active in the registry`);
const tag = randomUUID().slice(0, 8);
const prefix = `bench.${tag}.`;
const topics = topicNames(prefix);
const bus = new KafkajsEventBus(config.kafka, createLogger('error'));
const graph = new Neo4jGraph(config.neo4j);

console.error(`generating ${events} signed events over ${Math.ceil(events / versions)} records…`);
const stream = syntheticStream(events, versions, SOURCE, key, tag);

console.error('measuring the raw ceiling (batched UNWIND … MERGE)…');
const rawCeiling = await rawCeilingEventsPerSecond(graph, stream.rows, config.ingest.chunkSize, config.ingest.concurrency);

await bus.ensureTopics(topicSpecs({ ...config.kafka, topicPrefix: prefix }));
const service = await spawnService({ KAFKA_TOPIC_PREFIX: prefix, INGEST_GROUP_ID: `bench-${tag}`, LOG_LEVEL: 'warn' });
console.error(`service up at ${service.url}; producing…`);

const started = performance.now();
const producing = sendInSlices(bus, topics.identityUpdates, stream.messages, PRODUCE_BATCH);
await waitUntilApplied(service.url, events);
const seconds = (performance.now() - started) / 1000;
await producing;
const peakRss = peakRssMiB(readFileSync(`/proc/${service.child.pid}/status`, 'utf8'));
service.child.kill('SIGTERM');
await service.exited;

const eventsPerSecond = events / seconds;
const result = {
  events,
  eventsPerSecond: Math.round(eventsPerSecond),
  rawCeilingEventsPerSecond: Math.round(rawCeiling),
  ratio: Number((eventsPerSecond / rawCeiling).toFixed(3)),
  peakRssMiB: peakRss,
};
const file = writeResult('ingest', result);
console.log(JSON.stringify(result, null, 2));
console.error(`written to ${file}`);

if (!values.keep) {
  await dropBenchRecords(graph, `${SOURCE}:BENCH-${tag}-`, [...new Set(stream.rows.map((r) => r.e164))]);
  const admin = new Kafka({ brokers: config.kafka.brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [topics.identityUpdates, topics.identityUpdatesDlq, topics.contactRefreshed, topics.audit] }).catch(() => undefined);
  await admin.disconnect();
}
await bus.close();
await graph.close();

async function waitUntilApplied(url: string, total: number): Promise<void> {
  const deadline = Date.now() + DEADLINE_MS;
  let last = -1;
  for (;;) {
    const text = await (await fetch(`${url}/metrics`)).text();
    const applied = sumOf(text, 'recontact_ingest_events_applied_total') + sumOf(text, 'recontact_ingest_events_duplicate_total');
    const rejected = sumOf(text, 'recontact_ingest_events_rejected_total');
    if (rejected > 0) throw new Error(`${rejected} benchmark events were rejected; see the service's dead-letter topic`);
    if (applied >= total) return;
    if (Date.now() > deadline) throw new Error(`only ${applied} of ${total} events applied before the deadline`);
    if (Math.floor(applied / 20_000) !== Math.floor(last / 20_000)) console.error(`  ${applied} / ${total} applied`);
    last = applied;
    await new Promise((r) => setTimeout(r, 250));
  }
}

function sumOf(metrics: string, name: string): number {
  return metrics
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}
