import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { loadConfig } from '../src/config.js';
import { providerMessage } from '../src/ingest/provider-message.js';
import { sendInSlices } from '../src/platform/event-bus.js';
import { KafkajsEventBus } from '../src/platform/kafkajs-event-bus.js';
import { createLogger } from '../src/platform/logger.js';
import { Neo4jGraph } from '../src/platform/neo4j-graph.js';
import { topicNames, topicSpecs } from '../src/topics.js';
import { spawnService, type ServiceProcess } from '../test/support/service-process.js';
import { clusterErrors } from './support/accuracy/cluster-errors.js';
import { dropRun } from './support/drop-run.js';
import { errorBreakdown, errorContext } from './support/accuracy/error-causes.js';
import { errorExamples } from './support/accuracy/error-examples.js';
import { linkablePairs } from './support/accuracy/linkable-pairs.js';
import {
  ingestProgress,
  processed,
  type IngestProgress,
} from './support/accuracy/ingest-progress.js';
import {
  bestContactAccuracy,
  largestCluster,
  pairwiseScores,
  round4,
} from './support/accuracy/metrics.js';
import { numbersHeldElsewhere, readResolution } from './support/accuracy/read-resolution.js';
import { tagPopulation } from './support/tag-population.js';
import { benchEnv, writeResult } from './support/bench-env.js';
import { generatePopulation } from './support/population/generate-population.js';

/**
 * npm run bench:accuracy [-- --persons N --seed S --keep]
 * Resolution accuracy of the real service process: a labelled synthetic population goes in through
 * Kafka as its providers would send it, and the persons and best contacts it ends in are scored
 * against the truth. Precision comes first: a false merge routes a collector to someone else.
 */
const { values } = parseArgs({
  options: { persons: { type: 'string' }, seed: { type: 'string' }, keep: { type: 'boolean' } },
});
const persons = Number(values.persons ?? 5_000);
const seed = Number(values.seed ?? 42);
if (!Number.isInteger(persons) || persons < 1)
  throw new Error('--persons must be a positive integer, e.g. --persons 5000');
if (!Number.isInteger(seed)) throw new Error('--seed must be an integer, e.g. --seed 42');
const PRODUCE_BATCH = 2_000;
const DEADLINE_MS = 60 * 60_000;

const { config, registry } = await benchEnv(loadConfig());
const tag = randomUUID().slice(0, 8);
const topicPrefix = `accuracy.${tag}.`;
const topics = topicNames(topicPrefix);

// Contact ranking ages sightings against the service's clock, so the population ends now.
console.error(`generating ${persons} persons (seed ${seed})…`);
const population = generatePopulation({ persons, seed, now: new Date() });
const run = tagPopulation(population, `ACC-${tag}-`);
const ctx = errorContext(run.events, run.truth);
const e164s = [...ctx.holders.keys()];
const messages = run.events.map(({ sourceId, event }) => {
  const key = registry.keyFor(sourceId);
  if (!key) throw new Error(`source ${sourceId} must be active in the registry`);
  return providerMessage(event, key);
});
console.error(
  `${messages.length} events over ${run.truth.size} records; population: ${JSON.stringify(population.stats)}`,
);

const bus = new KafkajsEventBus(config.kafka, createLogger('error'));
const graph = new Neo4jGraph(config.neo4j);
const heldElsewhere = await numbersHeldElsewhere(graph, e164s, run.marker);
if (heldElsewhere > 0)
  console.error(
    `warning: ${heldElsewhere} of the population's numbers are already listed by records outside this run`,
  );

await bus.ensureTopics(topicSpecs({ ...config.kafka, topicPrefix }));
const service = await spawnService({
  KAFKA_TOPIC_PREFIX: topicPrefix,
  INGEST_GROUP_ID: `accuracy-${tag}`,
  LOG_LEVEL: 'warn',
});
let progress: IngestProgress;
const started = performance.now();
try {
  console.error(`service up at ${service.url}; producing…`);
  await sendInSlices(bus, topics.identityUpdates, messages, PRODUCE_BATCH);
  progress = await waitUntilProcessed(service, messages.length);
} finally {
  service.child.kill('SIGTERM');
  await service.exited;
}
console.error(
  `ingested in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
    `${progress.applied} applied, ${progress.duplicates} duplicate, ${progress.rejected} rejected`,
);
if (progress.rejected > 0)
  console.error(`rejections by source/reason: ${JSON.stringify(progress.rejectedBy)}`);

const snapshot = await readResolution(graph, run.keyPrefixes, run.marker);
const pairwise = pairwiseScores(run.truth, snapshot.personOf);
const contacts = bestContactAccuracy(
  run.truth,
  snapshot.personOf,
  population.currentPhone,
  snapshot.bestContact,
);
const result = {
  records: run.truth.size,
  precision: round4(pairwise.precision),
  recall: round4(pairwise.recall),
  f1: round4(pairwise.f1),
  bestContactAccuracy: round4(contacts.accuracy),
  largestCluster: largestCluster(run.truth, snapshot.personOf),
  reviewBand: snapshot.reviewBand,
};
const file = writeResult('accuracy', result);
console.log(JSON.stringify(result, null, 2));
console.error(`written to ${file}`);

const errors = clusterErrors(run.truth, snapshot.personOf);
const unresolved = [...run.truth.keys()].filter(
  (k) => snapshot.personOf.get(k) === undefined,
).length;
const missing = [...run.truth.keys()].filter((k) => !snapshot.personOf.has(k)).length;
const linkable = linkablePairs(ctx, errors.splits);
console.error(
  [
    `records in graph ${snapshot.personOf.size} (missing ${missing}, unresolved ${unresolved}); ` +
      `persons: true ${new Set(run.truth.values()).size}, predicted ${new Set(snapshot.personOf.values()).size - (unresolved > 0 ? 1 : 0)}`,
    `pairs: true ${pairwise.truePairs}, predicted ${pairwise.predictedPairs}, correct ${pairwise.correctPairs}, ` +
      `false-merge ${pairwise.predictedPairs - pairwise.correctPairs}, missed ${pairwise.truePairs - pairwise.correctPairs}; ` +
      `${errors.falseMerges.length} falsely merged persons, ${errors.splits.length} split true persons`,
    `recall ceiling from the records (pairs a chain of shared phone, id, email, birth date or two contacts joins): ` +
      `${linkable.linkablePairs} of ${linkable.truePairs} = ${round4(linkable.linkablePairs / Math.max(1, linkable.truePairs))}; ` +
      `missed pairs: ${linkable.missedLinkable} linkable, ${linkable.missedUnlinkable} not`,
    `best contact: ${contacts.correct} of ${contacts.persons} true persons`,
    `records outside the run resolved to its persons: ${snapshot.foreignRecords}; anomalies: ${JSON.stringify(snapshot.anomalies)}`,
    'diagnosis (causes inferred from the records of each wrong pair):',
    ...Object.entries(errorBreakdown(errors, contacts.misses, ctx, Date.now())).map(
      ([k, v]) => `  ${k}: ${JSON.stringify(v)}`,
    ),
    'examples:',
    ...errorExamples(errors, ctx),
  ].join('\n'),
);

if (!values.keep) {
  console.error('dropping the run’s records, persons and topics…');
  await dropRun(graph, run.keyPrefixes, run.marker);
  const admin = new Kafka({ brokers: config.kafka.brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  await admin
    .deleteTopics({
      topics: [
        topics.identityUpdates,
        topics.identityUpdatesDlq,
        topics.contactRefreshed,
        topics.audit,
      ],
    })
    .catch(() => undefined);
  await admin.disconnect();
} else {
  console.error(`kept: records under ${run.keyPrefixes.join(', ')}; topics under ${topicPrefix}`);
}
await bus.close();
await graph.close();

async function waitUntilProcessed(service: ServiceProcess, total: number): Promise<IngestProgress> {
  const deadline = Date.now() + DEADLINE_MS;
  let exited: number | string | undefined;
  void service.exited.then((code) => (exited = code));
  let reported = 0;
  for (;;) {
    if (exited !== undefined)
      throw new Error(
        `the service exited (${exited}) while ingesting:\n${service.output().slice(-4_000)}`,
      );
    const progress = ingestProgress(await (await fetch(`${service.url}/metrics`)).text());
    const done = processed(progress);
    if (done >= total) return progress;
    if (Date.now() > deadline)
      throw new Error(`only ${done} of ${total} events processed before the deadline`);
    if (done - reported >= 2_000) {
      console.error(`  ${done} / ${total} processed`);
      reported = done;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
