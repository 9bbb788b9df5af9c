import { strict as assert } from 'node:assert';
import type { AuditRecord } from '../../src/audit/audit-entry.js';
import { AuditPublisher } from '../../src/audit/audit-publisher.js';
import { Neo4jAuditLog } from '../../src/audit/neo4j-audit-log.js';
import type { InboundMessage } from '../../src/platform/event-bus.js';
import { KafkajsEventBus } from '../../src/platform/kafkajs-event-bus.js';
import { Neo4jGraph } from '../../src/platform/neo4j-graph.js';
import { testConfig, testLogger, uniqueName } from '../support/test-config.js';
import { sampleEntry } from './audit-fixtures.js';

describe('audit publisher to the SIEM topic (real Kafka and Neo4j)', function () {
  this.timeout(120_000);
  const chain = uniqueName('test-audit-publish');
  const topic = uniqueName('test.audit');
  let graph: Neo4jGraph;
  let bus: KafkajsEventBus;

  // Built once the global fixture has set the servers' addresses.
  before(async () => {
    const config = testConfig();
    graph = new Neo4jGraph(config.neo4j);
    bus = new KafkajsEventBus(config.kafka, testLogger());
    await bus.ensureTopics([{ topic, partitions: 3, replicationFactor: 1 }]);
  });
  after(async () => {
    await graph.run(
      'MATCH (n) WHERE (n:AuditRecord OR n:AuditHead OR n:AuditPublishCursor) AND n.chain = $chain DELETE n',
      { chain },
    );
    await bus.close();
    await graph.close();
  });

  async function published(): Promise<InboundMessage[]> {
    const messages: InboundMessage[] = [];
    await bus.scan(topic, (m) => messages.push(m), 30_000);
    return messages;
  }

  it('when records are appended, then two publisher replicas deliver each once, in seq order, keyed by chain, and the cursor follows', async () => {
    const log = new Neo4jAuditLog(graph, { chain });
    const appended = await Promise.all(
      Array.from({ length: 25 }, (_, i) => log.append(sampleEntry(i + 1))),
    );
    const replicas = [
      new AuditPublisher(graph, bus, { chain, topic, batchSize: 10 }),
      new AuditPublisher(graph, bus, { chain, topic, batchSize: 10 }),
    ];
    const sent = await Promise.all(replicas.map((p) => p.publishPending()));
    assert.equal(sent[0]! + sent[1]!, 25);

    const messages = await published();
    const records = messages.map((m) => JSON.parse(m.value!.toString()) as AuditRecord);
    assert.deepEqual(
      records.map((r) => r.seq),
      appended.map((r) => r.seq).sort((a, b) => a - b),
    );
    assert.ok(
      messages.every((m) => m.key?.toString() === chain && m.partition === messages[0]!.partition),
    );
    assert.deepEqual(
      records[4],
      appended.find((r) => r.seq === 5),
    );
    const cursor = await graph.run(
      'MATCH (c:AuditPublishCursor {chain: $chain}) RETURN c.seq AS seq',
      { chain },
    );
    assert.equal(cursor.records[0]?.get('seq'), 25);
  });

  it('when nothing new was appended, then a run publishes nothing; a later append is published by the running loop', async () => {
    const publisher = new AuditPublisher(graph, bus, { chain, topic, intervalMs: 100 });
    assert.equal(await publisher.publishOnce(), 0);
    publisher.start();
    try {
      const record = await new Neo4jAuditLog(graph, { chain }).append(sampleEntry(99));
      let seqs: number[] = [];
      for (let i = 0; i < 100 && !seqs.includes(record.seq); i++) {
        await new Promise((r) => setTimeout(r, 200));
        seqs = (await published()).map((m) => (JSON.parse(m.value!.toString()) as AuditRecord).seq);
      }
      assert.equal(seqs.filter((s) => s === record.seq).length, 1);
    } finally {
      await publisher.stop();
    }
  });

  it('when records are appended while a run sends a short batch, then that run stops and the next one publishes them', async () => {
    const log = new Neo4jAuditLog(graph, { chain });
    const publisher = new AuditPublisher(graph, bus, { chain, topic, batchSize: 10 });
    await publisher.publishPending();
    await Promise.all([1, 2, 3].map((i) => log.append(sampleEntry(200 + i))));
    let sends = 0;
    // Steady traffic: a record is appended while each of the first batches is on its way to Kafka.
    const busy = new AuditPublisher(
      graph,
      {
        send: async (t, messages) => {
          sends++;
          await bus.send(t, messages);
          if (sends <= 3) await log.append(sampleEntry(300 + sends));
        },
      },
      { chain, topic, batchSize: 10 },
    );

    assert.equal(await busy.publishPending(), 3);
    assert.equal(sends, 1, 'one short batch ends the run');
    assert.equal(await publisher.publishPending(), 1, 'the next run publishes what arrived meanwhile');
  });

  it('when a batch is larger than a send, then it goes in sends of at most sendSize, in seq order, and the cursor moves once all are acknowledged', async () => {
    const log = new Neo4jAuditLog(graph, { chain });
    await new AuditPublisher(graph, bus, { chain, topic }).publishPending();
    const appended = await Promise.all(Array.from({ length: 10 }, (_, i) => log.append(sampleEntry(400 + i))));
    const cursor = async () =>
      (await graph.run('MATCH (c:AuditPublishCursor {chain: $chain}) RETURN c.seq AS seq', { chain })).records[0]?.get('seq') as number;
    const before = await cursor();

    // The second send fails: what went before it is sent again by the next run, at least once.
    let calls = 0;
    const failing = new AuditPublisher(
      graph,
      {
        send: async (t, messages) => {
          if (++calls === 2) throw new Error('broker unavailable');
          await bus.send(t, messages);
        },
      },
      { chain, topic, batchSize: 10, sendSize: 4 },
    );
    await assert.rejects(failing.publishOnce(), /broker unavailable/);
    assert.equal(await cursor(), before, 'the cursor stays until every send is acknowledged');

    const sizes: number[] = [];
    const seqs: number[] = [];
    const sliced = new AuditPublisher(
      graph,
      {
        send: async (t, messages) => {
          sizes.push(messages.length);
          seqs.push(...messages.map((m) => (JSON.parse(String(m.value)) as AuditRecord).seq));
          await bus.send(t, messages);
        },
      },
      { chain, topic, batchSize: 10, sendSize: 4 },
    );
    assert.equal(await sliced.publishOnce(), 10);
    assert.deepEqual(sizes, [4, 4, 2]);
    assert.deepEqual(seqs, appended.map((r) => r.seq).sort((a, b) => a - b));
    assert.equal(await cursor(), before + 10);
  });
});
