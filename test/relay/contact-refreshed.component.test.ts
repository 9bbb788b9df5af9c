import { strict as assert } from 'node:assert';
import { contactRefreshedV1 } from '../../contracts/contact-refreshed.v1.js';
import { KafkajsEventBus } from '../../src/platform/kafkajs-event-bus.js';
import { topicNames } from '../../src/topics.js';
import { creditorEvent, telcoRecordEvent, uniqueMobile } from '../resolve/resolution-fixtures.js';
import { testLogger, uniqueName } from '../support/test-config.js';
import { waitFor } from '../support/wait.js';
import { recordCollectorFacing } from '../support/leak-scan.js';
import { RelayFixture } from './relay-fixture.js';

describe('contact.refreshed.v1 and relay re-targeting (real Kafka and Neo4j)', function () {
  this.timeout(180_000);
  const f = new RelayFixture(4);
  const creditor = uniqueName('bank');
  const agentLine = uniqueMobile();

  before(async () => {
    await f.start();
    await f.registerLine(creditor, agentLine);
  });
  after(() => f.stop());

  async function refreshedEvents(caseId: string) {
    const bus = new KafkajsEventBus(f.config.kafka, testLogger());
    const seen: { key: string; value: string }[] = [];
    try {
      await bus.scan(topicNames(f.config.kafka.topicPrefix).contactRefreshed, (m) => seen.push({ key: m.key?.toString() ?? '', value: m.value?.toString() ?? '' }), 3_000);
    } finally {
      await bus.close();
    }
    for (const m of seen) recordCollectorFacing(m.value);
    return seen.filter((m) => m.key === `${creditor}:${caseId}`);
  }

  it("when the debtor's number changes, then the creditor is told by case only, and the same relay number now reaches the new one", async () => {
    const d = await f.debtor();
    const caseId = uniqueName('CASE');
    await f.registerCase(creditor, caseId, d);
    const binding = await f.call('POST', `/v1/cases/${caseId}/relay`, { role: 'collector', creditor }, { purpose: 'debt_collection' });
    const newPhone = uniqueMobile();
    const seen = new Date(f.now.getTime() - 3600_000).toISOString();
    // The creditor's own system learns the new number (the old one is cut off); the person stays one.
    await f.produce([
      creditorEvent({
        name: d.name,
        recordId: d.creditorRecordId,
        birthDate: d.birthDate,
        nationalId: d.nationalId,
        phone: newPhone,
        observedAt: seen,
        lastSeenAt: seen,
      }),
      telcoRecordEvent({
        name: d.name,
        recordId: d.telcoRecordId,
        observedAt: seen,
        phones: [{ number: d.phone, status: 'disconnected', lastSeenAt: seen }],
        thirdParty: d.thirdParty,
      }),
    ]);
    const routed = await waitFor(
      'routing to follow the new number',
      () => f.route(binding.body.relayNumber as string, agentLine),
      (r) => r.body.to === newPhone,
      30_000,
      500,
    );
    assert.equal(routed.body.action, 'connect');

    await f.service.publishOutbox();
    const events = await waitFor('a contact.refreshed event', () => refreshedEvents(caseId), (e) => e.length > 0, 20_000, 500);
    const event = contactRefreshedV1.parse(JSON.parse(events[events.length - 1]!.value));
    assert.equal(event.caseId, caseId);
    assert.equal(event.creditor, creditor);
    assert.equal(event.reachability, 'reachable');
    assert.equal(event.bestContactChanged, true);
    for (const e of events) {
      assert.ok(!e.value.includes(newPhone) && !e.value.includes(d.phone) && !e.value.includes(d.name), 'an event never carries personal data');
    }
  });

  it('when a case arrives before its debtor is known, then it is matched once the records arrive, and the creditor is told', async () => {
    const d = { name: '', nationalId: '', birthDate: '' };
    const later = await (async () => {
      // Register first with identifiers nobody has sent yet…
      const { cnResidentId, uniqueHanName } = await import('../resolve/resolution-fixtures.js');
      d.name = uniqueHanName();
      d.birthDate = '1979-11-02';
      d.nationalId = cnResidentId('19791102');
      return uniqueName('CASE');
    })();
    const res = await f.call('POST', '/v1/cases', { role: 'collector', creditor }, {
      caseId: later,
      debtor: { names: [{ full: d.name, script: 'Hans' }], birthDate: d.birthDate, nationalIds: [{ country: 'CN', type: 'CN_RIC', value: d.nationalId }] },
    });
    assert.equal(res.body.reachability, 'unmatched');
    // …then the providers' records arrive, the sweeper re-matches, and an event says so.
    const { registryEvent, creditorEvent } = await import('../resolve/resolution-fixtures.js');
    const seen = new Date(f.now.getTime() - 3600_000).toISOString();
    await f.produce([
      registryEvent({ name: d.name, birthDate: d.birthDate, nationalId: d.nationalId, observedAt: seen }),
      creditorEvent({ name: d.name, birthDate: d.birthDate, nationalId: d.nationalId, phone: uniqueMobile(), observedAt: seen, lastSeenAt: seen }),
    ]);
    const status = await waitFor(
      'the case to be matched by the sweeper',
      async () => {
        await f.service.sweepRelays();
        return f.call('GET', `/v1/cases/${later}`, { role: 'collector', creditor });
      },
      (r) => r.body.reachability === 'reachable',
      30_000,
      1_000,
    );
    assert.ok((status.body.confidence as number) > 0.99);
    await f.service.publishOutbox();
    const events = await waitFor('a contact.refreshed event', () => refreshedEvents(later), (e) => e.length > 0, 20_000, 500);
    assert.equal(contactRefreshedV1.parse(JSON.parse(events[0]!.value)).reachability, 'reachable');
  });

  it('when a debtor\'s contacts only age past the stale age, then the sweeper re-ranks them: the case turns stale and the creditor is told', async () => {
    const saved = f.now;
    try {
      const d = await f.debtor({ lastSeenAt: new Date(f.now.getTime() - 170 * 24 * 3600_000).toISOString() });
      const caseId = uniqueName('CASE');
      const res = await f.registerCase(creditor, caseId, d);
      assert.equal(res.body.reachability, 'reachable');
      f.now = new Date(saved.getTime() + 20 * 24 * 3600_000);
      // A sweep ages at most 200 persons; other tests' persons on the same server may be due too.
      const read = await waitFor(
        'the case to turn stale',
        async () => {
          await f.service.sweepRelays();
          return f.call('GET', `/v1/cases/${caseId}`, { role: 'collector', creditor });
        },
        (r) => r.body.reachability !== 'reachable',
        60_000,
        0,
      );
      assert.equal(read.body.reachability, 'stale');
      await f.service.publishOutbox();
      const events = await waitFor('a contact.refreshed event', () => refreshedEvents(caseId), (e) => e.length > 0, 20_000, 500);
      assert.equal(contactRefreshedV1.parse(JSON.parse(events[events.length - 1]!.value)).reachability, 'stale');
    } finally {
      f.now = saved;
    }
  });
});
