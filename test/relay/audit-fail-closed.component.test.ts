import { strict as assert } from 'node:assert';
import { Neo4jAuditLog } from '../../src/audit/neo4j-audit-log.js';
import { DependencyUnavailableError } from '../../src/errors.js';
import { thirdPartyFingerprint } from '../../src/ingest/project-event.js';
import { Neo4jGraph } from '../../src/platform/neo4j-graph.js';
import { Neo4jCallDecisionStore } from '../../src/relay/neo4j-call-decision-store.js';
import { Neo4jContactContextReader } from '../../src/relay/neo4j-contact-context.js';
import { historyScope } from '../../src/relay/policy/history-scope.js';
import { Neo4jRelayStore } from '../../src/relay/neo4j-relay-store.js';
import { RelayService } from '../../src/relay/relay-service.js';
import { NEUTRAL_ANNOUNCEMENT, TelephonyRouter } from '../../src/relay/telephony-router.js';
import { testConfig, testLogger, uniqueName } from '../support/test-config.js';
import { uniquePool } from './relay-fixture.js';
import { seedMatchedCases } from './seed-debtors.js';

const NOW = new Date('2026-06-10T02:00:00Z');

/**
 * Everything real; the audit store fails the way a database does: the chain's next record is
 * refused (a record already holds its key), after the binding or the call decision was written in
 * the same transaction.
 */
describe('relay fails closed when the audit store is unavailable (real Neo4j)', function () {
  this.timeout(60_000);
  let graph: Neo4jGraph;
  const chain = uniqueName('chain');
  const creditor = uniqueName('bank');
  const pool = uniquePool(3);
  let relays: Neo4jRelayStore;
  let service: RelayService;
  let router: TelephonyRouter;
  let caseIds: string[];
  const policy = { profile: 'CN' as const, minLinkScore: 18 };
  const call = { actor: { subject: 'agent-1', role: 'collector' as const, creditor }, requestId: 'req-fail-closed' };

  before(async () => {
    const config = testConfig();
    graph = new Neo4jGraph(config.neo4j);
    const audit = new Neo4jAuditLog(graph, { chain, log: testLogger() });
    relays = new Neo4jRelayStore(graph, audit, { pool: uniqueName('pool'), quarantineMs: 30 * 24 * 3600 * 1000 });
    await relays.seedPool(pool.numbers);
    caseIds = await seedMatchedCases(graph, { tag: uniqueName('fc'), creditor, count: 2, now: NOW });
    const contexts = new Neo4jContactContextReader(graph, (e) => thirdPartyFingerprint(e, config.ingest.identifierKey!), historyScope(policy.profile));
    const clock = () => NOW;
    service = new RelayService({ contexts, relays, audit, policy, ttl: { defaultMs: 3_600_000, maxMs: 7_200_000 }, clock });
    router = new TelephonyRouter({
      decisions: new Neo4jCallDecisionStore(graph, audit),
      contexts,
      audit,
      policy,
      fingerprint: (kind, value) => `${kind}-fp-${value.length}`,
      clock,
      log: testLogger(),
      timeoutMs: 2_000,
    });
  });
  after(() => graph.close());

  /** Stores a record under the key the chain's next append needs; returns how to remove it. */
  async function refuseNextAppend(): Promise<() => Promise<void>> {
    const head = await graph.run<{ seq: number | null }>('OPTIONAL MATCH (h:AuditHead {chain: $chain}) RETURN h.seq AS seq', { chain });
    const key = `${chain}:${(head.records[0]!.get('seq') ?? 0) + 1}`;
    await graph.run('CREATE (:AuditRecord {key: $key, chain: $blocker})', { key, blocker: `${chain}-blocker` });
    return async () => {
      await graph.run('MATCH (r:AuditRecord {key: $key}) DELETE r', { key });
    };
  }

  it('when the audit append fails, then the relay request fails with 503 and no number is bound, not even for a moment', async () => {
    const restore = await refuseNextAppend();
    try {
      await assert.rejects(service.request(call, caseIds[0]!, { purpose: 'debt_collection' }), DependencyUnavailableError);
    } finally {
      await restore();
    }
    const bindings = await graph.run(`MATCH (b:RelayBinding {caseId: $caseId, creditor: $creditor}) RETURN count(b) AS n`, { caseId: caseIds[0], creditor });
    assert.equal(bindings.records[0]!.get('n'), 0, 'the binding was rolled back with its audit record');
    const numbers = await graph.run(`MATCH (n:RelayNumber) WHERE n.e164 IN $numbers RETURN collect(DISTINCT n.state) AS states`, { numbers: pool.numbers });
    assert.deepEqual(numbers.records[0]!.get('states'), ['free']);

    const { created } = await service.request(call, caseIds[0]!, { purpose: 'debt_collection' });
    assert.equal(created, true, 'with the audit store back, the same request binds');
  });

  it('when the audit append fails during routing, then the call is rejected, not connected, and no decision is stored for it', async () => {
    const { binding } = await service.request(call, caseIds[1]!, { purpose: 'debt_collection' });
    await graph.run(`MERGE (l:CreditorLine {key: $creditor + '|+8613800000000'}) SET l.creditor = $creditor, l.e164 = '+8613800000000'`, { creditor });
    const actor = { subject: 'carrier', role: 'telephony' as const };
    const callId = uniqueName('call');
    const restore = await refuseNextAppend();
    let decision;
    try {
      decision = await router.route(actor, { relayNumber: binding.relayNumber, from: '+8613800000000', callId }, 'req-route');
    } finally {
      await restore();
    }
    assert.deepEqual(decision, { action: 'reject', reason: 'ROUTING_UNAVAILABLE', announcement: NEUTRAL_ANNOUNCEMENT, callId });
    const stored = await graph.run('MATCH (d:CallDecision {callId: $callId}) RETURN count(d) AS n', { callId });
    assert.equal(stored.records[0]!.get('n'), 0, 'the decision was rolled back with its audit record');

    const retried = await router.route(actor, { relayNumber: binding.relayNumber, from: '+8613800000000', callId }, 'req-route-2');
    assert.equal(retried.action, 'connect', "with the audit store back, the carrier's retry of the same call connects");
  });
});
