import { strict as assert } from 'node:assert';
import { uniqueMobile } from '../resolve/resolution-fixtures.js';
import { uniqueName } from '../support/test-config.js';
import { RelayFixture, type Debtor } from './relay-fixture.js';

const PHONE_LIKE = /\+?\d[\d\s-]{9,}\d/;

describe('relay API end to end (real Kafka and Neo4j, real tokens)', function () {
  this.timeout(180_000);
  const f = new RelayFixture(6);
  const creditor = uniqueName('bank');
  const otherCreditor = uniqueName('lender');
  const agentLine = uniqueMobile();
  let debtor: Debtor;
  let caseId: string;

  before(async () => {
    await f.start();
    debtor = await f.debtor();
    caseId = uniqueName('CASE');
    const line = await f.registerLine(creditor, agentLine);
    assert.equal(line.status, 201, line.text);
  });
  after(() => f.stop());

  it('when a collector registers a case for a known debtor, then it is reachable with a confidence and no personal data', async () => {
    const res = await f.registerCase(creditor, caseId, debtor);
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.reachability, 'reachable');
    assert.ok((res.body.confidence as number) > 0.99);
    assert.deepEqual(Object.keys(res.body).sort(), ['caseId', 'confidence', 'lastRefreshedAt', 'reachability', 'registeredAt', 'status']);
    assert.doesNotMatch(res.text, PHONE_LIKE);
    assert.ok(!res.text.includes(debtor.name) && !res.text.includes(debtor.nationalId));

    const read = await f.call('GET', `/v1/cases/${caseId}`, { role: 'collector', creditor });
    assert.equal(read.status, 200);
    assert.equal(read.body.reachability, 'reachable');
  });

  it("when another creditor asks for the case, then the answer is exactly the one for a case that does not exist", async () => {
    const foreign = await f.call('GET', `/v1/cases/${caseId}`, { role: 'collector', creditor: otherCreditor });
    const missing = await f.call('GET', `/v1/cases/${uniqueName('NOPE')}`, { role: 'collector', creditor: otherCreditor });
    assert.equal(foreign.status, 404);
    assert.equal(missing.status, 404);
    const shape = (b: Record<string, unknown>) => ({ ...b, instance: undefined });
    assert.deepEqual(shape(foreign.body), shape(missing.body));
    const relay = await f.call('POST', `/v1/cases/${caseId}/relay`, { role: 'collector', creditor: otherCreditor }, { purpose: 'debt_collection' });
    assert.equal(relay.status, 404);
    assert.equal(relay.body.code, 'CASE_NOT_FOUND');
  });

  it('when a relay is requested twice, then one binding from the pool is returned both times, with no real number', async () => {
    const first = await f.call('POST', `/v1/cases/${caseId}/relay`, { role: 'collector', creditor }, { purpose: 'debt_collection' });
    assert.equal(first.status, 201, first.text);
    assert.ok(f.pool.numbers.includes(first.body.relayNumber as string));
    assert.notEqual(first.body.relayNumber, debtor.phone);
    assert.ok(!first.text.includes(debtor.phone));
    const expires = Date.parse(first.body.expiresAt as string) - f.now.getTime();
    assert.equal(expires, 7 * 24 * 3600 * 1000, 'the default TTL is 7 days');
    const again = await f.call('POST', `/v1/cases/${caseId}/relay`, { role: 'collector', creditor }, { purpose: 'debt_collection' });
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, first.body);
  });

  it('when a TTL over 30 days is asked for, then it is refused naming the field', async () => {
    const res = await f.call('POST', `/v1/cases/${caseId}/relay`, { role: 'collector', creditor }, { purpose: 'debt_collection', ttlSeconds: 31 * 24 * 3600 });
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'VALIDATION_FAILED');
    assert.match(JSON.stringify(res.body.problems), /ttlSeconds/);
  });

  it("when the creditor's line calls the relay in hours, then telephony connects it to the debtor's number; anyone else is rejected neutrally", async () => {
    const binding = await f.call('POST', `/v1/cases/${caseId}/relay`, { role: 'collector', creditor }, { purpose: 'debt_collection' });
    const relayNumber = binding.body.relayNumber as string;
    const callId = uniqueName('call');
    const routed = await f.route(relayNumber, agentLine, callId);
    assert.equal(routed.status, 200, routed.text);
    assert.deepEqual(routed.body, { action: 'connect', to: debtor.phone, callId });
    const retried = await f.route(relayNumber, agentLine, callId);
    assert.deepEqual(retried.body, routed.body, 'a retried webhook gets the same answer');

    const stranger = await f.route(relayNumber, uniqueMobile());
    assert.equal(stranger.body.action, 'reject');
    assert.equal(stranger.body.reason, 'CALLER_NOT_PERMITTED');
    assert.doesNotMatch(stranger.body.announcement ?? '', new RegExp(creditor));

    const thirdParty = await f.route(relayNumber, debtor.thirdParty);
    assert.equal(thirdParty.body.action, 'reject', 'a frequent contact of the debtor is nobody to the relay');

    const callback = await f.route(relayNumber, debtor.phone);
    assert.deepEqual({ action: callback.body.action, to: callback.body.to }, { action: 'connect', to: agentLine }, 'the debtor may always call back');
  });

  it('when it is 23:00 in Shanghai, then the creditor cannot call, and the rule is audited', async () => {
    const binding = await f.call('POST', `/v1/cases/${caseId}/relay`, { role: 'collector', creditor }, { purpose: 'debt_collection' });
    const saved = f.now;
    f.now = new Date('2026-06-10T15:00:00Z');
    try {
      const routed = await f.route(binding.body.relayNumber as string, agentLine);
      assert.equal(routed.body.action, 'reject');
      assert.equal(routed.body.reason, 'CN_CALLING_HOURS');
      const audited = await f.service.graph.run(
        `MATCH (a:AuditRecord {chain: $chain, action: 'telephony.route', reason: 'CN_CALLING_HOURS'}) RETURN a.canonical AS c`,
        { chain: f.config.audit.chain },
      );
      assert.equal(audited.records.length, 1);
      const record = audited.records[0]!.get('c') as string;
      assert.ok(!record.includes(debtor.phone) && !record.includes(agentLine), 'numbers are in the audit log only as HMACs');
    } finally {
      f.now = saved;
    }
  });

  it('when three conversations happened today, then a fourth call and a new relay are refused until local midnight', async () => {
    const d = await f.debtor();
    const id = uniqueName('CASE');
    await f.registerCase(creditor, id, d);
    const binding = await f.call('POST', `/v1/cases/${id}/relay`, { role: 'collector', creditor }, { purpose: 'debt_collection' });
    for (let i = 0; i < 3; i++) {
      const callId = uniqueName('call');
      const routed = await f.route(binding.body.relayNumber as string, agentLine, callId);
      assert.equal(routed.body.action, 'connect');
      const outcome = await f.call('POST', `/v1/telephony/calls/${callId}/outcome`, { role: 'telephony' }, { answered: true });
      assert.equal(outcome.status, 204);
    }
    const fourth = await f.route(binding.body.relayNumber as string, agentLine);
    assert.equal(fourth.body.reason, 'CN_DAILY_CONVERSATIONS');
    await f.call('DELETE', `/v1/relays/${binding.body.bindingId as string}`, { role: 'collector', creditor });
    const refused = await f.call('POST', `/v1/cases/${id}/relay`, { role: 'collector', creditor }, { purpose: 'debt_collection' });
    assert.equal(refused.status, 429);
    assert.equal(refused.body.code, 'CONTACT_LIMIT_REACHED');
    assert.equal(refused.headers.get('retry-after'), String(14 * 3600), 'Shanghai midnight is 14 hours after 10:00');
  });

  it("when the debtor is restricted, then routing refuses at once and a new relay answers 423", async () => {
    const d = await f.debtor();
    const id = uniqueName('CASE');
    await f.registerCase(creditor, id, d);
    const binding = await f.call('POST', `/v1/cases/${id}/relay`, { role: 'collector', creditor }, { purpose: 'debt_collection' });
    await f.service.graph.run(
      `MATCH (:Record {key: $key})-[:RESOLVES_TO]->(p:Person)<-[:RESOLVES_TO]-(r:Record) SET r.restrictions = ['cease_communication']`,
      { key: `demo-telco:${d.telcoRecordId}` },
    );
    const routed = await f.route(binding.body.relayNumber as string, agentLine);
    assert.equal(routed.body.reason, 'RESTRICTED_CEASE_COMMUNICATION');
    await f.call('DELETE', `/v1/relays/${binding.body.bindingId as string}`, { role: 'collector', creditor });
    const refused = await f.call('POST', `/v1/cases/${id}/relay`, { role: 'collector', creditor }, { purpose: 'debt_collection' });
    assert.equal(refused.status, 423);
    assert.equal(refused.body.code, 'CONTACT_RESTRICTED');
  });

  it('when a binding ends, then its number is quarantined: routing rejects it and another debtor gets a different number', async () => {
    const binding = await f.call('POST', `/v1/cases/${caseId}/relay`, { role: 'collector', creditor }, { purpose: 'debt_collection' });
    const released = binding.body.relayNumber as string;
    const end = await f.call('DELETE', `/v1/relays/${binding.body.bindingId as string}`, { role: 'collector', creditor });
    assert.equal(end.status, 204);
    const routed = await f.route(released, agentLine);
    assert.equal(routed.body.reason, 'RELAY_NOT_ACTIVE');

    const d = await f.debtor();
    const id = uniqueName('CASE');
    await f.registerCase(creditor, id, d);
    const other = await f.call('POST', `/v1/cases/${id}/relay`, { role: 'collector', creditor }, { purpose: 'debt_collection' });
    assert.equal(other.status, 201);
    assert.notEqual(other.body.relayNumber, released, 'a quarantined number never serves another debtor');

    const back = await f.call('POST', `/v1/cases/${caseId}/relay`, { role: 'collector', creditor }, { purpose: 'debt_collection' });
    assert.equal(back.body.relayNumber, released, 'the same debtor gets their previous number back');
  });

  it('when an unmatched case is registered, then it is unmatched and a relay is refused with 409', async () => {
    const id = uniqueName('CASE');
    const res = await f.call('POST', '/v1/cases', { role: 'collector', creditor }, { caseId: id, debtor: { names: [{ full: '无此人', script: 'Hans' }] } });
    assert.equal(res.status, 201);
    assert.equal(res.body.reachability, 'unmatched');
    assert.equal(res.body.confidence, null);
    const relay = await f.call('POST', `/v1/cases/${id}/relay`, { role: 'collector', creditor }, { purpose: 'debt_collection' });
    assert.equal(relay.status, 409);
    assert.equal(relay.body.code, 'NO_REACHABLE_CONTACT');
  });

  it('when the wrong role calls a route, then it is 403; without a token 401', async () => {
    assert.equal((await f.call('GET', `/v1/cases/${caseId}`, { role: 'telephony' })).status, 403);
    assert.equal((await f.call('POST', '/v1/telephony/route', { role: 'collector', creditor }, {})).status, 403);
    assert.equal((await f.call('GET', `/v1/cases/${caseId}`, undefined)).status, 401);
  });

  it('when a binding outlives its TTL, then the sweeper ends it, its number is quarantined and routing rejects it', async () => {
    const d = await f.debtor();
    const id = uniqueName('CASE');
    await f.registerCase(creditor, id, d);
    const binding = await f.call('POST', `/v1/cases/${id}/relay`, { role: 'collector', creditor }, { purpose: 'debt_collection', ttlSeconds: 60 });
    assert.equal(binding.status, 201);
    assert.equal(Date.parse(binding.body.expiresAt as string) - f.now.getTime(), 60_000);
    const saved = f.now;
    try {
      f.now = new Date(saved.getTime() + 120_000);
      await f.service.sweepRelays();
      const routed = await f.route(binding.body.relayNumber as string, agentLine);
      assert.equal(routed.body.reason, 'RELAY_NOT_ACTIVE');
      const stored = await f.service.graph.run(
        `MATCH (b:RelayBinding {id: $id})-[:USES]->(n:RelayNumber) RETURN b.state AS state, b.endReason AS reason, n.state AS number`,
        { id: binding.body.bindingId },
      );
      assert.deepEqual(stored.records[0]!.toObject(), { state: 'expired', reason: 'TTL_ELAPSED', number: 'quarantine' });
      const metrics = await (await fetch(`${f.url}/metrics`)).text();
      assert.match(metrics, /recontact_relay_pool_utilization_ratio\{[^}]*\} \d/);
    } finally {
      f.now = saved;
    }
  });

  it("when a privacy officer asks for the debtor's report and the audit log, then every access and decision of this test about them is listed", async () => {
    const person = await f.service.graph.run('MATCH (:Record {key: $key})-[:RESOLVES_TO]->(p:Person) RETURN p.id AS id', {
      key: `demo-telco:${debtor.telcoRecordId}`,
    });
    const personId = person.records[0]!.get('id') as string;
    const report = await f.call<{ decisions: { action: string; caseId: string | null }[] }>('GET', `/v1/subjects/${personId}/report`, { role: 'privacy_officer' });
    assert.equal(report.status, 200, report.text);
    const actions = new Set(report.body.decisions.map((d) => d.action));
    for (const action of ['case.register', 'case.read', 'relay.create', 'telephony.route', 'relay.end']) {
      assert.ok(actions.has(action), `the report lacks ${action}: ${[...actions].join(', ')}`);
    }
    assert.ok(!report.text.includes(debtor.thirdParty), "the report never shows a third party's number");

    const audit = await f.call<{ records: { action: string }[] }>('GET', `/v1/audit?caseId=${caseId}&limit=500`, { role: 'privacy_officer' });
    assert.equal(audit.status, 200);
    assert.ok(audit.body.records.some((r) => r.action === 'relay.create'));
    const verify = await f.call<{ ok: boolean }>('GET', '/v1/audit/verify', { role: 'admin' });
    assert.equal(verify.body.ok, true);
  });

  it('when a replica died between binding a number and auditing it, then the sweeper returns the number after a grace period', async () => {
    const free = await f.service.graph.run(
      `MATCH (n:RelayNumber {state: 'free'}) WHERE n.e164 IN $numbers RETURN n.e164 AS e164 LIMIT 1`,
      { numbers: f.pool.numbers },
    );
    const e164 = free.records[0]!.get('e164') as string;
    const bindingId = crypto.randomUUID();
    const orphanCase = uniqueName('CASE');
    await f.service.graph.run(
      `MATCH (n:RelayNumber {e164: $e164})
       CREATE (c:Case {key: $creditor + '|' + $caseId, creditor: $creditor, caseId: $caseId, state: 'open', registeredAt: $at})
       CREATE (b:RelayBinding {id: $bindingId, creditor: $creditor, caseId: $caseId, caseKey: $creditor + '|' + $caseId, personId: 'p-orphan',
                               relayNumber: $e164, activeRelayNumber: $e164, activeCaseKey: $creditor + '|' + $caseId, purpose: 'debt_collection',
                               state: 'active', createdAt: $at, expiresAt: $expires, expiresAtMs: $expiresMs})
       CREATE (b)-[:FOR_CASE]->(c), (b)-[:USES]->(n)
       SET n.state = 'bound'`,
      {
        e164,
        bindingId,
        creditor,
        caseId: orphanCase,
        at: new Date(f.now.getTime() - 10 * 60_000).toISOString(),
        expires: new Date(f.now.getTime() + 86_400_000).toISOString(),
        expiresMs: f.now.getTime() + 86_400_000,
      },
    );
    await f.service.sweepRelays();
    const after = await f.service.graph.run(
      `MATCH (b:RelayBinding {id: $bindingId})-[:USES]->(n) RETURN b.state AS state, b.endReason AS reason, n.state AS number`,
      { bindingId },
    );
    assert.deepEqual(after.records[0]!.toObject(), { state: 'revoked', reason: 'NEVER_AUDITED', number: 'quarantine' });
  });
});
