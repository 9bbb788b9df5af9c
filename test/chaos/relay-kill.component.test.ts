import { strict as assert } from 'node:assert';
import { loadAuditSigningKey } from '../../src/audit/audit-checkpoint.js';
import { Neo4jAuditReader } from '../../src/audit/neo4j-audit-reader.js';
import { verifyAuditChain } from '../../src/audit/verify-audit-chain.js';
import { Neo4jGraph } from '../../src/platform/neo4j-graph.js';
import { uniquePool } from '../relay/relay-fixture.js';
import { seedMatchedCases } from '../relay/seed-debtors.js';
import { api, type ApiResponse } from '../support/api-client.js';
import { spawnService, type ServiceProcess } from '../support/service-process.js';
import { testConfig, uniqueName } from '../support/test-config.js';
import { tokenFor } from '../support/tokens.js';
import { campaignScale } from './campaign-scale.js';

const scale = campaignScale();

type Outcome = { caseId: string; replica: 'survivor' | 'victim'; response?: ApiResponse };

describe('fault campaign: relay pool and audit chain while a replica is SIGKILLed (real Neo4j)', function () {
  this.timeout(300_000);
  const pool = uniquePool(scale.relayPool);
  const creditor = uniqueName('bank');
  const chain = uniqueName('chain');
  const replicas: ServiceProcess[] = [];
  let graph: Neo4jGraph;
  let caseIds: string[];

  before(async () => {
    graph = new Neo4jGraph(testConfig().neo4j);
    const env = {
      KAFKA_TOPIC_PREFIX: `${uniqueName('chaos-relay')}.`,
      KAFKA_TOPIC_PARTITIONS: '2',
      INGEST_GROUP_ID: uniqueName('chaos-relay-ingest'),
      RELAY_POOL: pool.spec,
      RELAY_POOL_NAME: uniqueName('pool'),
      AUDIT_CHAIN: chain,
      RELAY_SWEEP_INTERVAL_MS: '3600000',
      // One collector sends every request here; the per-subject limit is not what is under test.
      AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
    };
    // One after the other: each seeds the pool at start-up.
    for (let i = 0; i < 2; i++) replicas.push(await spawnService(env));
    caseIds = await seedMatchedCases(graph, { tag: uniqueName('chaos-relay'), creditor, count: scale.relayRequests, now: new Date() });
  });
  after(async () => {
    for (const r of replicas) r.child.kill('SIGKILL');
    await Promise.allSettled(replicas.map((r) => r.exited));
    await graph?.close();
  });

  it(`when ${scale.relayRequests.toLocaleString('en')} relay requests race across two replicas and one is SIGKILLed mid-way, then no number is bound twice, every binding handed out is active and audited, every client gets a binding or a clear error, and the audit chain verifies`, async () => {
    const token = tokenFor('collector', creditor);
    const [survivor, victim] = [replicas[0]!, replicas[1]!];
    const victimShare = caseIds.filter((_, i) => i % 2 === 1).length;
    // Early, while the pool still has free numbers: allocations and audit appends are in progress.
    const killAfter = 1 + Math.floor(victimShare * (0.02 + Math.random() * 0.1));
    let victimAnswered = 0;
    const request = (url: string, caseId: string) => api(url, 'POST', `/v1/cases/${caseId}/relay`, token, { purpose: 'debt_collection' });
    const outcomes = await Promise.all(
      caseIds.map(async (caseId, i): Promise<Outcome> => {
        const replica = i % 2 === 0 ? 'survivor' : 'victim';
        try {
          const response = await request((replica === 'survivor' ? survivor : victim).url, caseId);
          if (replica === 'victim' && ++victimAnswered === killAfter) victim.child.kill('SIGKILL');
          return { caseId, replica, response };
        } catch {
          return { caseId, replica }; // the connection died with the process
        }
      }),
    );
    assert.equal(await victim.exited, 'SIGKILL');

    const created = outcomes.filter((o) => o.response?.status === 201);
    const exhausted = outcomes.filter((o) => o.response?.status === 503 && o.response.body.code === 'RELAY_POOL_EXHAUSTED');
    // Fail-closed: when the audit append does not commit in time nothing is bound (the binding commits with its record).
    const unaudited = outcomes.filter((o) => o.response?.status === 503 && o.response.body.code === 'DEPENDENCY_UNAVAILABLE');
    const cut = outcomes.filter((o) => o.response === undefined);
    const unclear = outcomes.filter((o) => o.response !== undefined && ![created, exhausted, unaudited].some((c) => c.includes(o)));
    assert.deepEqual(unclear.map((o) => `${o.replica}: ${o.response!.status} ${o.response!.text}`), [], 'every answer is a binding, RELAY_POOL_EXHAUSTED or DEPENDENCY_UNAVAILABLE');
    assert.ok(cut.every((o) => o.replica === 'victim'), 'only requests to the killed replica lost their connection');
    assert.ok(cut.length > 0, 'the kill landed while requests were in flight');

    // No number bound twice, in the responses or in the database.
    const numbers = created.map((o) => o.response!.body.relayNumber as string);
    assert.equal(new Set(numbers).size, numbers.length, 'a relay number was handed out twice');
    const active = await activeBindings(graph, pool.numbers);
    assert.equal(new Set(active.map((b) => b.number)).size, active.length, 'a relay number has two active bindings');

    // Every binding handed out exists and is active; a binding whose answer died with the replica is
    // returned to the client that asks again (the case's active binding), never stranded.
    const activeIds = new Map(active.map((b) => [b.id, b]));
    for (const o of created) assert.equal(activeIds.get(o.response!.body.bindingId as string)?.number, o.response!.body.relayNumber, 'a 201 binding is active');
    const handedOut = new Set(created.map((o) => o.response!.body.bindingId as string));
    const stranded = active.filter((b) => !handedOut.has(b.id));
    const strandedAudited = await graph.run(
      `MATCH (a:AuditRecord {chain: $chain, action: 'relay.create', outcome: 'allowed'}) WHERE a.bindingId IN $ids RETURN count(a) AS n`,
      { chain, ids: stranded.map((b) => b.id) },
    );
    const failedClosed = new Set(unaudited.map((o) => o.caseId));
    assert.deepEqual(active.filter((b) => failedClosed.has(b.caseId)).map((b) => b.id), [], 'a binding refused as unaudited is not active');
    // A client whose connection died asks again; DEPENDENCY_UNAVAILABLE is retriable, so it retries that too.
    const askAgain = async (caseId: string) => {
      for (let attempt = 1; ; attempt++) {
        const r = await request(survivor.url, caseId);
        if (attempt === 5 || r.body.code !== 'DEPENDENCY_UNAVAILABLE') return r;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    };
    const retries = await Promise.all(cut.map((o) => askAgain(o.caseId)));
    for (const r of retries) assert.ok(r.status === 200 || r.status === 201 || (r.status === 503 && ['RELAY_POOL_EXHAUSTED', 'DEPENDENCY_UNAVAILABLE'].includes(r.body.code as string)), r.text);
    const retried = new Set(retries.filter((r) => r.status < 300).map((r) => r.body.bindingId as string));
    const recovered = stranded.filter((b) => retried.has(b.id));
    assert.equal(recovered.length, stranded.length, 'every binding allocated for a cut request is returned when the client asks again');
    const activeAfter = await activeBindings(graph, pool.numbers);
    const held = new Set([...handedOut, ...retried]);
    assert.deepEqual(activeAfter.filter((b) => !held.has(b.id)).map((b) => b.id), [], 'every active binding is held by a client');

    // The chain verifies after the kill, and every binding a client holds has its audit record.
    const key = loadAuditSigningKey(process.env.AUDIT_SIGNING_KEY_FILE!);
    const verification = await verifyAuditChain(new Neo4jAuditReader(graph, chain), key.publicKey, {});
    assert.equal(verification.ok, true, JSON.stringify(verification.firstBroken));
    const audited = await graph.run(
      `MATCH (a:AuditRecord {chain: $chain, action: 'relay.create', outcome: 'allowed'}) RETURN a.bindingId AS id`,
      { chain },
    );
    const auditedIds = new Set(audited.records.map((r) => r.get('id') as string));
    assert.deepEqual([...held].filter((id) => !auditedIds.has(id)), [], 'a binding a client holds has no relay.create record');
    const denied = await graph.run(
      `MATCH (a:AuditRecord {chain: $chain, action: 'relay.create', outcome: 'denied', reason: 'RELAY_POOL_EXHAUSTED'}) RETURN count(a) AS n`,
      { chain },
    );
    const deniedRecords = denied.records[0]!.get('n') as number;
    const refusedTotal = exhausted.length + retries.filter((r) => r.body.code === 'RELAY_POOL_EXHAUSTED').length;
    assert.ok(deniedRecords >= refusedTotal, 'every refusal a client received is on record');

    console.log(
      `      [chaos] ${JSON.stringify({
        requests: outcomes.length,
        pool: pool.numbers.length,
        killedAfterVictimAnswers: killAfter,
        victimAnswers: victimAnswered,
        created: created.length,
        createdByVictim: created.filter((o) => o.replica === 'victim').length,
        exhausted: exhausted.length,
        auditUnavailable: unaudited.length,
        connectionErrors: cut.length,
        strandedUntilRetry: stranded.length,
        strandedAlreadyAudited: strandedAudited.records[0]!.get('n') as number,
        retries: countBy(retries.map((r) => r.status)),
        activeBindings: activeAfter.length,
        auditRecords: verification.checkedRecords,
        auditAllowedWithoutClient: [...auditedIds].filter((id) => !held.has(id)).length,
        deniedRecords,
        refusedTotal,
      })}`,
    );
  });
});

async function activeBindings(graph: Neo4jGraph, numbers: string[]): Promise<{ id: string; number: string; caseId: string }[]> {
  const result = await graph.run(
    `MATCH (b:RelayBinding {state: 'active'})-[:USES]->(n:RelayNumber) WHERE n.e164 IN $numbers
     RETURN b.id AS id, n.e164 AS number, b.caseId AS caseId`,
    { numbers },
  );
  return result.records.map((r) => ({ id: r.get('id') as string, number: r.get('number') as string, caseId: r.get('caseId') as string }));
}

function countBy(values: number[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
