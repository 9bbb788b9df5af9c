import { strict as assert } from 'node:assert';
import { randomBytes, randomUUID } from 'node:crypto';
import { unusedBlock } from '../../bench/support/api-population.js';
import { dropRun } from '../../bench/support/drop-run.js';
import { ScalePopulation, type ScalePerson } from '../../bench/support/scale/scale-population.js';
import { seedPersons } from '../../bench/support/scale/seed-graph.js';
import { loadConfig } from '../../src/config.js';
import { loadSourceRegistry } from '../../src/ingest/load-source-registry.js';
import { Neo4jGraph } from '../../src/platform/neo4j-graph.js';
import { rebuildResolution } from '../../src/resolve/rebuild.js';
import { Resolver } from '../../src/resolve/resolver.js';
import { DEFAULT_RESOLVER_SETTINGS } from '../../src/resolve/resolving-record-store.js';
import { recordKey } from '../../src/resolve/source-record.js';
import { personsOfRecords } from '../support/record-persons.js';

describe('scale benchmark seeding and clean-up (real Neo4j)', function () {
  this.timeout(120_000);
  // The servers and the test registry are known only once the global fixtures have run.
  let graph: Neo4jGraph;
  let registry: ReturnType<typeof loadSourceRegistry>;
  const trustOf = (sourceId: string) => registry.get(sourceId)?.trust ?? 0;
  before(() => {
    const config = loadConfig();
    graph = new Neo4jGraph(config.neo4j);
    registry = loadSourceRegistry(config.ingest.registryFile!, config.secrets);
  });
  after(() => graph?.close());

  it('when persons are seeded, then streaming resolution would leave them as they are, and dropping the run leaves no node it alone held', async () => {
    const tag = randomUUID().slice(0, 8);
    const phonePrefix = await unusedBlock(graph, 'Phone', '+86179', 7);
    const population = new ScalePopulation({ tag, phonePrefix, runKey: randomBytes(32), registry, seed: 11, now: new Date() });
    const people = population.persons();
    const persons: ScalePerson[] = Array.from({ length: 150 }, () => people.next().value);
    const keys = persons.flatMap((p) => p.updates.map((u) => recordKey(u.sourceId, u.sourceRecordId)));

    let seeded: Map<string, string[]>;
    let ownKeys: string[];
    try {
      assert.equal(await seedPersons(graph, persons, trustOf, DEFAULT_RESOLVER_SETTINGS), keys.length);
      seeded = await personsOfRecords(graph, keys);
      assert.equal(seeded.size, keys.length);
      for (const [key, ids] of seeded) assert.equal(ids.length, 1, `${key} resolves to ${ids.length} persons`);
      const indexed = await graph.run<{ only: string[] }>(
        `UNWIND $keys AS key MATCH (:Record {key: key})-[:IN_BLOCK]->(b:BlockKey)
         WITH DISTINCT b WHERE NOT EXISTS { MATCH (b)<-[:IN_BLOCK]-(o:Record) WHERE NOT o.key CONTAINS $marker }
         RETURN collect(b.value) AS only`,
        { keys, marker: ScalePopulation.marker(tag) },
      );
      ownKeys = indexed.records[0]!.get('only');
      assert.ok(ownKeys.length > keys.length, 'the records are indexed under their blocking keys');

      // Resolving the same records again as streaming does, against the whole graph, changes nobody.
      await rebuildResolution(graph, new Resolver(DEFAULT_RESOLVER_SETTINGS), trustOf, { keys, fromScratch: false, chunkSize: 50 });
      assert.deepEqual(await personsOfRecords(graph, keys), seeded);
    } finally {
      await dropRun(graph, ScalePopulation.keyPrefixes(tag), ScalePopulation.marker(tag));
    }
    const left = await graph.run<{ records: number; persons: number; phones: number; emails: number; keys: number }>(
      `CALL () { UNWIND $keys AS key MATCH (r:Record {key: key}) RETURN count(r) AS records }
       CALL () { UNWIND $personIds AS id MATCH (p:Person {id: id}) RETURN count(p) AS persons }
       CALL () { MATCH (ph:Phone) WHERE ph.e164 STARTS WITH $phonePrefix RETURN count(ph) AS phones }
       CALL () { MATCH (e:Email) WHERE e.address CONTAINS '.' + $tag + '.' RETURN count(e) AS emails }
       CALL () { UNWIND $ownKeys AS value MATCH (b:BlockKey {value: value}) RETURN count(b) AS keys }
       RETURN records, persons, phones, emails, keys`,
      { keys, personIds: [...new Set([...seeded.values()].flat())], phonePrefix, tag, ownKeys },
    );
    assert.deepEqual(left.records[0]!.toObject(), { records: 0, persons: 0, phones: 0, emails: 0, keys: 0 });
  });
});
