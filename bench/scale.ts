import { randomBytes, randomUUID } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { Neo4jGraph } from '../src/platform/neo4j-graph.js';
import { queueContactRefreshed } from '../src/relay/contact-refreshed-outbox.js';
import { DEFAULT_RESOLVER_SETTINGS, resolvingRecordStore } from '../src/resolve/resolving-record-store.js';
import { topicNames } from '../src/topics.js';
import { unusedBlock } from './support/api-population.js';
import { benchEnv, positiveWholeNumber, writeResult } from './support/bench-env.js';
import { dropRun } from './support/drop-run.js';
import { Random } from './support/population/mulberry32.js';
import { roundTo } from './support/round-to.js';
import { summarize } from './support/scale/latency-summary.js';
import { ProbePicker, useProbes, type Probe } from './support/scale/probe-plan.js';
import { profileProbes, ProfilingGraph, type StatementProfile } from './support/scale/profile-probes.js';
import { ScalePopulation, type ScalePerson } from './support/scale/scale-population.js';
import { seedPersons } from './support/scale/seed-graph.js';
import { StatementTimingGraph, timeProbes } from './support/scale/time-probes.js';

/**
 * npm run bench:scale [-- --small N --large N --probes N --keep | --drop RUN]
 * (or RECONTACT_SCALE_SMALL, RECONTACT_SCALE_LARGE, RECONTACT_SCALE_PROBES)
 * The cost of resolving one event with `small` (10,000) and then `large` (1,000,000) records of a
 * realistic population already in the graph: the population is written straight into the graph in
 * the shape resolution leaves it, then probe events of the same kinds at each size go one by one
 * through the record store ingest uses (lock, apply, resolve, commit), timed and profiled.
 */
const { values } = parseArgs({
  options: {
    small: { type: 'string' },
    large: { type: 'string' },
    probes: { type: 'string' },
    seed: { type: 'string' },
    keep: { type: 'boolean' },
    drop: { type: 'string' },
  },
});
const small = positiveWholeNumber('small', values.small ?? process.env.RECONTACT_SCALE_SMALL ?? '10000', '10000');
const large = positiveWholeNumber('large', values.large ?? process.env.RECONTACT_SCALE_LARGE ?? '1000000', '10000');
const probes = positiveWholeNumber('probes', values.probes ?? process.env.RECONTACT_SCALE_PROBES ?? '2000', '10000');
const seed = positiveWholeNumber('seed', values.seed ?? '7', '10000');
if (large <= small) throw new Error('--large must be above --small (example: --small 10000 --large 100000)');
const FLAT_WITHIN = 0.2;
const P99_TARGET_MS = 100;
const PROFILED_PER_KIND = 20;
const WARM_UP_PER_KIND = 100;
const SEED_CHUNK_RECORDS = 1_000;
/** The accuracy population's records per person (23,879 over 10,000 at seed 1). */
const RECORDS_PER_PERSON = 2.39;

const { config, registry } = await benchEnv(loadConfig());
const graph = new Neo4jGraph(config.neo4j);
if (values.drop !== undefined) {
  console.error(`dropping run ${values.drop}…`);
  await dropRun(graph, ScalePopulation.keyPrefixes(values.drop), ScalePopulation.marker(values.drop));
  await graph.close();
  process.exit(0);
}

const tag = randomUUID().slice(0, 8);
const settings = DEFAULT_RESOLVER_SETTINGS;
const trustOf = (sourceId: string) => registry.get(sourceId)?.trust ?? 0;
// The same store and after-resolution hook the service's ingest pipeline is built with.
const outboxTopic = topicNames(`scale.${tag}.`).contactRefreshed;
const ingestStore = (on: Neo4jGraph) =>
  resolvingRecordStore(on, trustOf, settings, () => new Date(), (tx, outcome) => queueContactRefreshed(tx, outcome.changes, new Date(), outboxTopic));
const probeGraph = new StatementTimingGraph(config.neo4j);
const store = ingestStore(probeGraph);
const profilingGraph = new ProfilingGraph(config.neo4j);
const population = new ScalePopulation({
  tag,
  phonePrefix: await unusedBlock(graph, 'Phone', '+86179', 7),
  runKey: randomBytes(32),
  registry,
  seed,
  now: new Date(),
});
const people = population.persons();
const rng = new Random(seed);
const shuffle = <T>(items: T[]) => rng.sample(items, items.length);
const loadBefore = loadavg()[0]!;
let benchRecords = 0;
let seedSeconds = 0;

console.error(`run ${tag}: if it is interrupted, remove what it wrote with: npm run bench:scale -- --drop ${tag}`);
let result: object;
try {
  const atSmall = await phase(small);
  const atLarge = await phase(large);
  const ratio = atLarge.latency.meanMs / atSmall.latency.meanMs;
  const p99 = Math.max(atSmall.latency.p99Ms, atLarge.latency.p99Ms);
  result = {
    perEventMsAt10k: atSmall.latency.meanMs,
    perEventMsAt1M: atLarge.latency.meanMs,
    p99DecisionMs: p99,
    sizes: { small, large },
    ratio: roundTo(ratio, 2),
    p50Ratio: roundTo(atLarge.latency.p50Ms / atSmall.latency.p50Ms, 2),
    dbHitsRatio: roundTo(atLarge.dbHitsPerEvent / atSmall.dbHitsPerEvent, 2),
    targets: { flatWithin: FLAT_WITHIN, p99DecisionMs: P99_TARGET_MS, met: ratio <= 1 + FLAT_WITHIN && p99 <= P99_TARGET_MS },
    small: atSmall,
    large: atLarge,
    seeding: {
      records: benchRecords,
      seconds: Math.round(seedSeconds),
      recordsPerSecond: Math.round(benchRecords / seedSeconds),
      refusedEvents: population.refusedEvents,
    },
    machine: {
      cpus: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      loadAverage1m: { before: roundTo(loadBefore, 2), after: roundTo(loadavg()[0]!, 2) },
    },
  };
} finally {
  if (values.keep) console.error(`kept run ${tag}; drop it with: npm run bench:scale -- --drop ${tag}`);
  else {
    console.error(`dropping run ${tag} (${benchRecords} records)…`);
    const started = performance.now();
    await dropRun(graph, ScalePopulation.keyPrefixes(tag), ScalePopulation.marker(tag));
    console.error(`dropped in ${Math.round((performance.now() - started) / 1000)} s`);
  }
  await profilingGraph.close();
  await probeGraph.close();
  await graph.close();
}
const file = writeResult('scale', result);
console.log(JSON.stringify(result, null, 2));
console.error(`written to ${file}`);

/** Seeds the run up to `size` records, then profiles, warms up with and times a fresh set of probes. */
async function phase(size: number) {
  const perKind = Math.ceil(probes / 3) + PROFILED_PER_KIND + WARM_UP_PER_KIND;
  const picker = new ProbePicker(perKind, (size - benchRecords) / RECORDS_PER_PERSON, new Date());
  await seedUntil(size, picker);
  const seeded = benchRecords;
  const graphRecords = await countRecords();
  const uses = useProbes(picker.probes, shuffle, { profiledPerKind: PROFILED_PER_KIND, warmUpPerKind: WARM_UP_PER_KIND });
  console.error(`${seeded} records of the run in the graph (${graphRecords} in all); profiling ${uses.profiled.length} probes…`);
  profilingGraph.profiles.clear();
  const profile = await profileProbes(profilingGraph, ingestStore(profilingGraph), uses.profiled);
  console.error(`warming up with ${uses.warmUp.length} probes, then timing ${probes}…`);
  await timeProbes(store, probeGraph, uses.warmUp);
  const timed = uses.timed.slice(0, probes);
  const latency = summarize(await timeProbes(store, probeGraph, timed));
  benchRecords += [...uses.warmUp, ...timed].filter(addsRecord).length;
  console.error(`  mean ${latency.meanMs} ms, p99 ${latency.p99Ms} ms`);
  return {
    records: seeded,
    graphRecords,
    latency,
    dbHitsPerEvent: roundTo(sum(profile, 'dbHits') / uses.profiled.length, 2),
    pageCacheMissesPerEvent: roundTo(sum(profile, 'pageCacheMisses') / uses.profiled.length, 2),
    profile: profile.map((s) => ({ ...s, rowsPerEvent: roundTo(s.rows / uses.profiled.length, 2), dbHitsPerEvent: roundTo(s.dbHits / uses.profiled.length, 2) })),
  };
}

async function seedUntil(size: number, picker: ProbePicker): Promise<void> {
  let chunk: ScalePerson[] = [];
  let pending = 0;
  const from = benchRecords;
  let reported = benchRecords;
  const started = performance.now();
  const flush = async () => {
    benchRecords += await seedPersons(graph, chunk, trustOf, settings);
    chunk = [];
    pending = 0;
    if (benchRecords - reported >= 50_000) {
      const perSecond = (benchRecords - from) / ((performance.now() - started) / 1000);
      console.error(`  ${benchRecords} / ${size} records seeded (${Math.round(perSecond)} records/s)`);
      reported = benchRecords;
    }
  };
  while (benchRecords + pending < size || !picker.done) {
    const person = people.next().value;
    const updates = picker.take(person, benchRecords + pending >= size);
    if (updates.length === 0) continue;
    chunk.push({ ...person, updates });
    pending += updates.length;
    if (pending >= SEED_CHUNK_RECORDS) await flush();
  }
  if (chunk.length > 0) await flush();
  seedSeconds += (performance.now() - started) / 1000;
}

async function countRecords(): Promise<number> {
  const result = await graph.run<{ n: number }>('MATCH (r:Record) RETURN count(r) AS n');
  return result.records[0]?.get('n') ?? NaN;
}

function addsRecord(probe: Probe): boolean {
  return probe.kind !== 'update';
}

function sum(profile: StatementProfile[], field: 'dbHits' | 'pageCacheMisses'): number {
  return profile.reduce((total, s) => total + s[field], 0);
}

