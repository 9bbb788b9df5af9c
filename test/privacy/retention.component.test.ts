import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { cnResidentId, creditorEvent, registryEvent, telcoRecordEvent, uniqueHanName, uniqueMobile } from '../resolve/resolution-fixtures.js';
import { keyOf, PrivacyHarness } from './privacy-harness.js';

// Far older than anything else in a shared database, so the purge below touches this test's records only.
const LONG_AGO = '1971-01-01T00:00:00Z';
const LATER = '1972-05-01T00:00:00Z';
const RETENTION_NOW = new Date('1972-06-01T00:00:00Z');

describe('retention (real Kafka and Neo4j, injected clock)', function () {
  this.timeout(120_000);
  let h: PrivacyHarness;

  beforeEach(async () => {
    h = new PrivacyHarness();
    await h.setUp();
  });
  afterEach(() => h.tearDown());

  it('when a record is past its source\'s retention, then it is purged with what only it held, and its person is re-resolved', async () => {
    const name = uniqueHanName();
    const id = cnResidentId('19500505');
    const phone = uniqueMobile();
    const ownNumber = uniqueMobile();
    // The creditor record (kept 365 days) holds the registry record (730 days) and the telecom's together.
    const registry = registryEvent({ name, birthDate: '1950-05-05', nationalId: id, observedAt: LONG_AGO, recordId: `R-${randomUUID()}` });
    const creditor = creditorEvent({ name, birthDate: '1950-05-05', nationalId: id, phone: ownNumber, observedAt: LONG_AGO, lastSeenAt: LONG_AGO, recordId: `C-${randomUUID()}` });
    const linking = creditorEvent({ name, birthDate: '1950-05-05', nationalId: id, phone, observedAt: LONG_AGO, lastSeenAt: LONG_AGO, recordId: `L-${randomUUID()}` });
    const telco = telcoRecordEvent({ name, phones: [{ number: phone, status: 'active', lastSeenAt: LATER }], observedAt: LATER, recordId: `T-${randomUUID()}` });
    await h.send(registry, creditor, linking, telco);
    const person = await h.personOf(registry);
    assert.ok(person);
    for (const e of [creditor, linking, telco]) assert.equal(await h.personOf(e), person, 'one person before the purge');

    h.now = RETENTION_NOW;
    const results = await h.retention.run();

    assert.equal(results.find((r) => r.sourceId === 'demo-creditor')?.purged, 2);
    for (const e of [creditor, linking]) {
      assert.equal((await h.graph.run('MATCH (r:Record {key: $key}) RETURN r', { key: keyOf(e) })).records.length, 0, 'past retention: gone');
    }
    assert.equal((await h.graph.run('MATCH (p:Phone {e164: $e164}) RETURN p', { e164: ownNumber })).records.length, 0, 'a number only it held goes with it');
    assert.equal((await h.graph.run('MATCH (p:Phone {e164: $e164}) RETURN p', { e164: phone })).records.length, 1, 'a number another record holds stays');

    const [pr, pt] = [await h.personOf(registry), await h.personOf(telco)];
    assert.ok(pr && pt, 'records within retention keep a person');
    assert.notEqual(pr, pt, 'without the purged records, name alone does not hold them together');
    assert.ok([pr, pt].includes(person), 'the person id stays with one part');
    const recordCount = await h.graph.run('MATCH (p:Person {id: $id}) RETURN p.recordCount AS n', { id: person });
    assert.equal(recordCount.records[0]?.get('n'), 1);

    const audited = h.audit.records.filter((r) => r.action === 'retention.purge');
    assert.deepEqual(audited.map((r) => [r.resources?.sourceId, r.details?.records, r.actor.role]), [['demo-creditor', 2, 'system']]);
    assert.deepEqual((await h.retention.run()).map((r) => r.purged), [0, 0, 0, 0], 'a second run finds nothing left');
  });
});
