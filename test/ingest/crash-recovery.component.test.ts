import { strict as assert } from 'node:assert';
import { ensureLocalInfra, stopLocalInfra } from '../../infra/local-infra.js';
import { topicNames, topicSpecs } from '../../src/topics.js';
import { spawnService } from '../support/service-process.js';
import { canRestartLocalInfra, uniqueName } from '../support/test-config.js';
import { waitFor } from '../support/wait.js';
import { IngestHarness } from './ingest-harness.js';
import { labelledStream } from './stream-fixture.js';

describe('ingest under faults (real Kafka and Neo4j)', function () {
  this.timeout(300_000);
  let h: IngestHarness;
  beforeEach(async () => {
    h = new IngestHarness();
    await h.setUp();
  });
  afterEach(() => h.tearDown());

  it('when the service is killed with SIGKILL mid-stream and restarted, then the graph equals the expected state exactly', async () => {
    const prefix = `${uniqueName('test.kill')}.`;
    const env = { KAFKA_TOPIC_PREFIX: prefix, INGEST_GROUP_ID: uniqueName('test.kill'), INGEST_CHUNK_SIZE: '100' };
    await h.bus.ensureTopics(topicSpecs({ ...h.config.kafka, topicPrefix: prefix }));
    const stream = labelledStream(3_000, 6);
    for (let i = 0; i < stream.messages.length; i += 1_000) {
      await h.bus.send(topicNames(prefix).identityUpdates, stream.messages.slice(i, i + 1_000));
    }

    const first = await spawnService(env);
    let appliedAtKill: number;
    try {
      appliedAtKill = await waitFor('part of the stream applied', () => h.appliedEventCount(stream.events), (n) => n >= 2_000, 120_000, 50);
    } finally {
      first.child.kill('SIGKILL');
    }
    assert.equal(await first.exited, 'SIGKILL');
    assert.ok(appliedAtKill < stream.events.length, 'the kill landed before the stream was done');

    const second = await spawnService(env);
    try {
      await h.waitForApplied(stream.events, 180_000);
      assert.deepEqual(await h.divergence(stream.expected), []);
      second.child.kill('SIGTERM');
      assert.equal(await second.exited, 0);
    } finally {
      second.child.kill('SIGKILL');
    }
  });

  it('when Neo4j is down for 10 s mid-stream, then ingest waits, retries and loses nothing once it is back', async function () {
    if (!canRestartLocalInfra()) this.skip();
    const stream = labelledStream(1_000, 5);
    await h.produce(stream.messages);
    await h.startPipeline({ chunkSize: 100 });
    await waitFor('part of the stream applied', () => h.appliedEventCount(stream.events), (n) => n >= 500, 60_000, 50);
    await stopLocalInfra(h.config.localInfra, ['neo4j']);
    try {
      await new Promise((r) => setTimeout(r, 10_000));
    } finally {
      await ensureLocalInfra(h.config.localInfra, undefined, ['neo4j']);
    }
    await h.waitForApplied(stream.events, 120_000);
    assert.deepEqual(await h.divergence(stream.expected), []);
    const retries = await h.metricValue('recontact_ingest_transient_retries_total', { step: 'graph' });
    assert.ok(retries > 0, 'the outage was met with retries, not skips');
  });
});
