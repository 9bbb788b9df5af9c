import { strict as assert } from 'node:assert';
import { randomInt, randomUUID } from 'node:crypto';
import { generatePopulation } from '../../bench/support/population/generate-population.js';
import { loadSourceRegistry } from '../../src/ingest/load-source-registry.js';
import { rebuildResolution } from '../../src/resolve/rebuild.js';
import { Resolver } from '../../src/resolve/resolver.js';
import { DEFAULT_RESOLVER_SETTINGS } from '../../src/resolve/resolving-record-store.js';
import { partitionOf } from '../support/record-persons.js';
import { shuffle } from '../support/shuffle.js';
import { signed } from '../support/test-sources.js';
import { IngestHarness, seen } from '../ingest/ingest-harness.js';

describe('resolution is independent of arrival order (real Kafka and Neo4j)', function () {
  this.timeout(300_000);
  let h: IngestHarness;
  before(async () => {
    h = new IngestHarness();
    await h.setUp();
  });
  after(() => h.tearDown());

  it('when a labelled corpus streams in shuffled order, then its clusters equal those of a full rebuild from the stored records', async () => {
    const now = new Date();
    const tag = randomUUID().slice(0, 8);
    const population = generatePopulation({ persons: 120, seed: randomInt(1_000_000), now });
    const events = population.events.map(({ event }) => ({ ...event, sourceRecordId: `ORD-${tag}-${event.sourceRecordId}` }));
    await h.startPipeline({ chunkSize: 15, partitionsConsumedConcurrently: 3 }, true, () => now);
    await h.produce(shuffle(events).map((e) => signed(e)));
    await h.waitForApplied(events.map(seen), 240_000);
    await h.stopPipeline();

    const keys = [...new Set(events.map((e) => `${e.sourceId}:${e.sourceRecordId}`))];
    const streamed = await partitionOf(h.graph, keys);
    assert.ok(streamed.some((cluster) => cluster.length > 1), 'the corpus links some records');

    const registry = loadSourceRegistry(h.config.ingest.registryFile!, h.config.secrets);
    const resolver = new Resolver(DEFAULT_RESOLVER_SETTINGS, () => now);
    await rebuildResolution(h.graph, resolver, (id) => registry.get(id)?.trust ?? 0, { keys, fromScratch: true, chunkSize: 50 });
    const rebuilt = await partitionOf(h.graph, keys);
    assert.deepEqual(streamed, rebuilt);
  });
});
