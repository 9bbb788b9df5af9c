import { strict as assert } from 'node:assert';
import { startService, type RunningService } from '../../src/compose.js';
import { verifyAuditChain } from '../../src/audit/verify-audit-chain.js';
import { Neo4jAuditReader } from '../../src/audit/neo4j-audit-reader.js';
import { loadAuditSigningKey } from '../../src/audit/audit-checkpoint.js';
import { api } from '../support/api-client.js';
import { testConfig, testLogger, uniqueName } from '../support/test-config.js';
import { tokenFor } from '../support/tokens.js';
import { uniquePool } from './relay-fixture.js';
import { seedMatchedCases } from './seed-debtors.js';

const NOW = new Date('2026-06-10T02:00:00Z');

describe('relay pool under concurrency: two service replicas (real Neo4j)', function () {
  this.timeout(300_000);
  const replicas: RunningService[] = [];
  const pool = uniquePool(300);
  const creditor = uniqueName('bank');
  let caseIds: string[];
  let chain: string;

  before(async () => {
    chain = uniqueName('chain');
    const env = {
      KAFKA_TOPIC_PREFIX: `${uniqueName('pool')}.`,
      KAFKA_TOPIC_PARTITIONS: '2',
      INGEST_GROUP_ID: uniqueName('pool-ingest'),
      RELAY_POOL: pool.spec,
      RELAY_POOL_NAME: uniqueName('pool'),
      AUDIT_CHAIN: chain,
      RELAY_SWEEP_INTERVAL_MS: '3600000',
    };
    for (let i = 0; i < 2; i++) replicas.push(await startService(testConfig(env), testLogger(), { clock: () => NOW }));
    caseIds = await seedMatchedCases(replicas[0]!.graph, { tag: uniqueName('conc'), creditor, count: 1000, now: NOW });
  });
  after(async () => {
    for (const r of replicas) await r.stop();
  });

  it('when 1,000 relay requests race across two replicas, then no number is bound twice, none is lost, and every client gets a binding or a clear error', async () => {
    const token = tokenFor('collector', creditor);
    const responses = await Promise.all(
      caseIds.map((caseId, i) => api(replicas[i % 2]!.url, 'POST', `/v1/cases/${caseId}/relay`, token, { purpose: 'debt_collection' })),
    );
    const bound = responses.filter((r) => r.status === 201);
    const refused = responses.filter((r) => r.status !== 201);
    for (const r of refused) {
      assert.equal(r.status, 503, r.text);
      assert.equal(r.body.code, 'RELAY_POOL_EXHAUSTED');
    }
    const numbers = bound.map((r) => r.body.relayNumber as string);
    assert.equal(new Set(numbers).size, numbers.length, 'a relay number was handed out twice');
    for (const n of numbers) assert.ok(pool.numbers.includes(n));
    assert.ok(bound.length >= 250, `only ${bound.length} of 300 numbers were bound`);

    const active = await replicas[0]!.graph.run(
      `MATCH (b:RelayBinding {state: 'active'})-[:USES]->(n:RelayNumber) WHERE n.e164 IN $numbers
       RETURN count(b) AS bindings, count(DISTINCT n) AS numbers`,
      { numbers: pool.numbers },
    );
    assert.equal(active.records[0]!.get('bindings'), bound.length, 'every 201 is an active binding, and nothing else is');
    assert.equal(active.records[0]!.get('numbers'), bound.length);
    const ids = new Set(bound.map((r) => r.body.bindingId as string));
    const stored = await replicas[0]!.graph.run(`MATCH (b:RelayBinding) WHERE b.id IN $ids RETURN count(b) AS n`, { ids: [...ids] });
    assert.equal(stored.records[0]!.get('n'), ids.size);

    const key = loadAuditSigningKey(process.env.AUDIT_SIGNING_KEY_FILE!);
    const verification = await verifyAuditChain(new Neo4jAuditReader(replicas[0]!.graph, chain), key.publicKey, {});
    assert.equal(verification.ok, true, JSON.stringify(verification.firstBroken));
    const audited = await replicas[0]!.graph.run(
      `MATCH (a:AuditRecord {chain: $chain, action: 'relay.create'}) RETURN a.outcome AS outcome, count(*) AS n`,
      { chain },
    );
    const byOutcome = Object.fromEntries(audited.records.map((r) => [r.get('outcome') as string, r.get('n') as number]));
    assert.equal(byOutcome.allowed, bound.length, 'every binding handed out has its audit record');
    assert.equal(byOutcome.denied, refused.length);
  });
});
