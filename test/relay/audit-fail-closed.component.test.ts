import { strict as assert } from 'node:assert';
import { InMemoryAuditLog } from '../../src/audit/in-memory-audit-log.js';
import { DependencyUnavailableError } from '../../src/errors.js';
import { thirdPartyFingerprint } from '../../src/ingest/project-event.js';
import { Neo4jGraph } from '../../src/platform/neo4j-graph.js';
import { Neo4jCallDecisionStore } from '../../src/relay/neo4j-call-decision-store.js';
import { Neo4jContactContextReader } from '../../src/relay/neo4j-contact-context.js';
import { Neo4jRelayStore } from '../../src/relay/neo4j-relay-store.js';
import { RelayService } from '../../src/relay/relay-service.js';
import { NEUTRAL_ANNOUNCEMENT, TelephonyRouter } from '../../src/relay/telephony-router.js';
import { testConfig, testLogger, uniqueName } from '../support/test-config.js';
import { uniquePool } from './relay-fixture.js';
import { seedMatchedCases } from './seed-debtors.js';

const NOW = new Date('2026-06-10T02:00:00Z');

/** The audit store failing is simulated by the fake; the relay's own stores are the real Neo4j ones. */
describe('relay fails closed when the audit store is unavailable (real Neo4j)', function () {
  this.timeout(60_000);
  let graph: Neo4jGraph;
  const audit = new InMemoryAuditLog();
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
    relays = new Neo4jRelayStore(graph, { pool: uniqueName('pool'), quarantineMs: 30 * 24 * 3600 * 1000 });
    await relays.seedPool(pool.numbers);
    caseIds = await seedMatchedCases(graph, { tag: uniqueName('fc'), creditor, count: 2, now: NOW });
    const contexts = new Neo4jContactContextReader(graph, (e) => thirdPartyFingerprint(e, config.ingest.identifierKey!));
    const clock = () => NOW;
    service = new RelayService({ contexts, relays, audit, policy, ttl: { defaultMs: 3_600_000, maxMs: 7_200_000 }, clock, log: testLogger() });
    router = new TelephonyRouter({
      decisions: new Neo4jCallDecisionStore(graph),
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

  it('when the audit append fails after binding, then the request fails with 503 and the binding is revoked, never disclosed', async () => {
    audit.failing = true;
    await assert.rejects(service.request(call, caseIds[0]!, { purpose: 'debt_collection' }), DependencyUnavailableError);
    audit.failing = false;
    assert.equal(await relays.activeForCase({ creditor, caseId: caseIds[0]! }, NOW), undefined, 'no binding stays active');
    const revoked = await graph.run(
      `MATCH (b:RelayBinding {caseId: $caseId, creditor: $creditor}) RETURN b.state AS state, b.endReason AS reason`,
      { caseId: caseIds[0], creditor },
    );
    assert.deepEqual(revoked.records.map((r) => [r.get('state') as string, r.get('reason') as string]), [['revoked', 'AUDIT_UNAVAILABLE']]);
  });

  it('when the audit append fails during routing, then the call is rejected, not connected', async () => {
    const { binding } = await service.request(call, caseIds[1]!, { purpose: 'debt_collection' });
    await graph.run(`MERGE (l:CreditorLine {key: $creditor + '|+8613800000000'}) SET l.creditor = $creditor, l.e164 = '+8613800000000'`, { creditor });
    const actor = { subject: 'carrier', role: 'telephony' as const };
    audit.failing = true;
    const callId = uniqueName('call');
    const decision = await router.route(actor, { relayNumber: binding.relayNumber, from: '+8613800000000', callId }, 'req-route');
    audit.failing = false;
    assert.deepEqual(decision, { action: 'reject', reason: 'ROUTING_UNAVAILABLE', announcement: NEUTRAL_ANNOUNCEMENT, callId });
    const connected = await router.route(actor, { relayNumber: binding.relayNumber, from: '+8613800000000', callId: uniqueName('call') }, 'req-route-2');
    assert.equal(connected.action, 'connect', 'with the audit store back, the same call connects');
  });
});
