import { strict as assert } from 'node:assert';
import { randomBytes, randomInt } from 'node:crypto';
import type { IdentityUpdateV1 } from '../../contracts/identity-update.v1.js';
import { loadConfig } from '../../src/config.js';
import { createDevelopmentRegistry } from '../../src/ingest/dev-registry.js';
import { createEventProjector } from '../../src/ingest/project-event.js';
import { Neo4jGraph } from '../../src/platform/neo4j-graph.js';
import { rebuildResolution } from '../../src/resolve/rebuild.js';
import { Resolver } from '../../src/resolve/resolver.js';
import { DEFAULT_RESOLVER_SETTINGS, resolvingRecordStore } from '../../src/resolve/resolving-record-store.js';
import { storedRowOf, toMatchableRecord } from '../../src/resolve/record-view.js';
import { resolutionKeys } from '../../src/resolve/resolution-keys.js';
import { recordKey, type SourceRecordUpdate } from '../../src/resolve/source-record.js';
import { partitionOf, personsOfRecords } from '../support/record-persons.js';
import { cnResidentId, creditorEvent, registryEvent, uniqueHanName, uniqueMobile } from './resolution-fixtures.js';

const NOW = new Date('2024-06-01T00:00:00Z');
const PAIRS = 30;
/** Above Neo4j's dense-node threshold (50 relationships), below the block size that finds nobody (100). */
const DENSE_NODE_FILLERS = 60;

/**
 * Chunks from different partitions and replicas resolve side by side, each holding one stripe of the
 * resolution lock. What keeps them correct is that a resolution write-locks what it reads: without
 * that, two chunks each holding one half of a matching pair would each find nobody and leave the
 * pair as two persons.
 */
describe('concurrent resolution (real Neo4j)', function () {
  this.timeout(120_000);
  let graph: Neo4jGraph;
  const sources = new Map(createDevelopmentRegistry().sources.map((s) => [s.id, s]));
  const trustOf = (sourceId: string) => sources.get(sourceId)?.trust ?? 0;
  const project = createEventProjector({ fingerprintKey: randomBytes(32), clock: () => NOW });

  before(() => {
    graph = new Neo4jGraph(loadConfig().neo4j);
  });
  after(() => graph?.close());

  function updateOf(event: object): SourceRecordUpdate {
    const e = event as IdentityUpdateV1;
    const projected = project(e, sources.get(e.sourceId)!);
    assert.ok(projected.ok, 'the fixture event projects');
    return projected.update;
  }

  it('when two chunks that each hold one half of many matching pairs are applied at once, then every pair is one person, as a rebuild has it', async () => {
    // Name, birth date and home address: no identifier node (a number, an id) is shared, whose
    // relationship lock would order the two transactions by itself.
    const pairs = Array.from({ length: PAIRS }, () => {
      const name = uniqueHanName();
      const birthDate = `19${60 + randomInt(40)}-0${1 + randomInt(9)}-1${randomInt(10)}`;
      const home = { lines: [`${randomInt(1, 999)}号 ${randomInt(1, 30)}栋 ${randomInt(101, 2999)}室`], locality: '北京市', postcode: '1000' + String(randomInt(10, 99)), country: 'CN' };
      const livingAt = <T extends { subject: object }>(event: T) => ({ ...event, subject: { ...event.subject, addresses: [home] } });
      return [
        updateOf(livingAt(registryEvent({ name, birthDate }))),
        updateOf(livingAt(creditorEvent({ name, birthDate, phone: uniqueMobile() }))),
      ] as const;
    });
    const keys = pairs.flatMap((pair) => pair.map((u) => recordKey(u.sourceId, u.sourceRecordId)));
    // The keys exist already and are dense, as popular keys are: Neo4j then neither orders the two
    // transactions through the uniqueness constraint (creating a key) nor through the key's node
    // lock (joining a sparse one), and only the resolution's own read locks keep them apart. The
    // fillers are not records, so the keys still find the pair.
    const blockKeys = [...new Set(pairs.flat().flatMap((u) => resolutionKeys(toMatchableRecord(storedRowOf(u), trustOf(u.sourceId)))))];
    await graph.run(
      `UNWIND $blockKeys AS value MERGE (b:BlockKey {value: value})
       WITH b UNWIND range(1, $fillers) AS i CREATE (:ConcurrencyTestFiller)-[:IN_BLOCK]->(b)`,
      { blockKeys, fillers: DENSE_NODE_FILLERS },
    );
    // Two stores, as two partitions or replicas have: nothing shared but the database.
    const left = resolvingRecordStore(graph, trustOf, DEFAULT_RESOLVER_SETTINGS, () => NOW);
    const right = resolvingRecordStore(graph, trustOf, DEFAULT_RESOLVER_SETTINGS, () => NOW);
    try {
      await Promise.all([left.apply(pairs.map(([a]) => a)), right.apply(pairs.map(([, b]) => b))]);
    } finally {
      await graph.run('MATCH (f:ConcurrencyTestFiller) DETACH DELETE f');
    }

    const persons = await personsOfRecords(graph, keys);
    for (const [a, b] of pairs) {
      const [ka, kb] = [recordKey(a.sourceId, a.sourceRecordId), recordKey(b.sourceId, b.sourceRecordId)];
      assert.equal(persons.get(ka)?.length, 1, `${ka} resolves to one person`);
      assert.deepEqual(persons.get(kb), persons.get(ka), `${ka} and ${kb} (same name, birth date and home) are one person`);
    }
    const streamed = await partitionOf(graph, keys);
    await rebuildResolution(graph, new Resolver(DEFAULT_RESOLVER_SETTINGS, () => NOW), trustOf, { keys, fromScratch: true, chunkSize: 20 });
    assert.deepEqual(streamed, await partitionOf(graph, keys));
  });

  it('when chunks race to update records of the same persons, then each person ends with all its records and all their numbers ranked', async () => {
    const people = Array.from({ length: PAIRS }, () => {
      const name = uniqueHanName();
      const birthDate = `19${60 + randomInt(40)}-0${1 + randomInt(9)}-2${randomInt(8)}`;
      return { name, birthDate, nationalId: cnResidentId(birthDate.replaceAll('-', '')) };
    });
    const registry = people.map((p) => updateOf(registryEvent(p)));
    await resolvingRecordStore(graph, trustOf, DEFAULT_RESOLVER_SETTINGS, () => NOW).apply(registry);
    // Three creditors' records per person, each chunk carrying one of them for every person.
    const chunks = [0, 1, 2].map((i) =>
      people.map((p) => updateOf(creditorEvent({ ...p, recordId: `CONC-${p.nationalId}-${i}`, phone: uniqueMobile() }))),
    );
    await Promise.all(chunks.map((chunk) => resolvingRecordStore(graph, trustOf, DEFAULT_RESOLVER_SETTINGS, () => NOW).apply(chunk)));

    const keys = [registry, ...chunks].flat().map((u) => recordKey(u.sourceId, u.sourceRecordId));
    const partition = await partitionOf(graph, keys);
    assert.equal(partition.length, PAIRS, 'one person per id');
    assert.ok(partition.every((cluster) => cluster.length === 4), 'each person holds its registry record and its three creditor records');
    // Each chunk saw the others' records: none of them ranked a person's contacts without them.
    const persons = await graph.run<{ records: number; contacts: number; best: number }>(
      `UNWIND $keys AS key MATCH (:Record {key: key})-[:RESOLVES_TO]->(p:Person) WITH DISTINCT p
       RETURN p.recordCount AS records, count { (p)-[:HAS_CONTACT]->() } AS contacts, count { (p)-[:BEST_CONTACT]->() } AS best`,
      { keys },
    );
    for (const row of persons.records) {
      assert.deepEqual([row.get('records'), row.get('contacts'), row.get('best')].map(Number), [4, 3, 1], 'records, contact points, best contact');
    }
  });
});
