import { strict as assert } from 'node:assert';
import { ensureLocalInfra, stopLocalInfra } from '../infra/local-infra.js';
import { startService, type RunningService } from '../src/compose.js';
import { topicSpecs } from '../src/topics.js';
import { canRestartLocalInfra, testConfig, testLogger } from './support/test-config.js';
import { waitFor } from './support/wait.js';

interface Readiness {
  status: string;
  checks: Record<string, { status: string }>;
}

async function readyz(url: string): Promise<{ status: number; body: Readiness }> {
  const res = await fetch(`${url}/readyz`);
  return { status: res.status, body: (await res.json()) as Readiness };
}

describe('service (real Kafka and Neo4j)', function () {
  this.timeout(180_000);
  let config: ReturnType<typeof testConfig>;
  let service: RunningService;

  before(async () => {
    config = testConfig();
    service = await startService(config, testLogger());
  });
  after(() => service?.stop());

  it('when started, then /readyz is 200 with Kafka, Neo4j and migrations ok', async () => {
    const { status, body } = await readyz(service.url);
    assert.equal(status, 200);
    assert.deepEqual(
      Object.fromEntries(Object.entries(body.checks).map(([k, v]) => [k, v.status])),
      { kafka: 'ok', neo4j: 'ok', migrations: 'ok' },
    );
  });

  it('when started, then every topic the service uses exists', async () => {
    const { Kafka, logLevel } = await import('kafkajs');
    const admin = new Kafka({ brokers: config.kafka.brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const topics = new Set(await admin.listTopics());
      for (const spec of topicSpecs(config.kafka)) assert.ok(topics.has(spec.topic), `${spec.topic} missing`);
    } finally {
      await admin.disconnect();
    }
  });

  it('when Neo4j stops, then /readyz turns 503 naming it, and 200 again once it is back', async function () {
    if (!canRestartLocalInfra()) this.skip();
    await stopLocalInfra(config.localInfra, ['neo4j']);
    try {
      const down = await waitFor('/readyz 503', () => readyz(service.url), (r) => r.status === 503, 20_000, 500);
      assert.equal(down.status, 503);
      assert.equal(down.body.checks.neo4j?.status, 'failing');
      assert.equal(down.body.checks.kafka?.status, 'ok');
    } finally {
      await ensureLocalInfra(config.localInfra, undefined, ['neo4j']);
    }
    const up = await waitFor('/readyz 200', () => readyz(service.url), (r) => r.status === 200, 60_000, 500);
    assert.equal(up.status, 200);
  });
});
