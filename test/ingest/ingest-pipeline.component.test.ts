import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_EVENT_BYTES } from '../../contracts/identity-update.v1.js';
import { providerMessage } from '../../src/ingest/provider-message.js';
import { signEvent } from '../../src/ingest/signature.js';
import type { OutboundMessage } from '../../src/platform/event-bus.js';
import { SUSPENDED_SOURCE, signed, sourceKey, telcoEvent } from '../support/test-sources.js';
import { waitFor } from '../support/wait.js';
import { header, IngestHarness, seen } from './ingest-harness.js';

const example = (name: string) =>
  JSON.parse(readFileSync(join(process.cwd(), 'contracts', 'examples', `${name}.json`), 'utf8')) as Record<string, unknown> & {
    sourceId: string;
    sourceRecordId: string;
  };

function withFreshIds<T extends { sourceRecordId: string }>(event: T): T & { eventId: string } {
  return { ...event, eventId: randomUUID(), sourceRecordId: `${event.sourceRecordId}-${randomUUID().slice(0, 8)}` };
}

const keyOf = (e: { sourceId: string; sourceRecordId: string }) => `${e.sourceId}:${e.sourceRecordId}`;

describe('ingest pipeline (real Kafka and Neo4j)', function () {
  this.timeout(120_000);
  let h: IngestHarness;

  beforeEach(async () => {
    h = new IngestHarness();
    await h.setUp();
    await h.startPipeline();
  });
  afterEach(() => h.tearDown());

  it('when each kind of source sends a valid event, then its record is stored with identifiers normalized and ids only as fingerprints', async () => {
    const events = ['telecom', 'registry', 'creditor'].map((n) => withFreshIds(example(n)));
    await h.produce(events.map((e) => signed(e)));
    await h.waitForApplied(events.map(seen));

    const records = await h.records(events.map(keyOf));
    assert.equal(records.size, 3);
    assert.deepEqual(records.get(keyOf(events[0]!))?.phones, ['+8619900000001', '+8619900000009']);
    assert.equal(records.get(keyOf(events[0]!))?.thirdParties, 1);

    const registryKey = keyOf(events[1]!);
    const ids = await h.graph.run(
      'MATCH (r:Record {key: $key})-[h:HAS_NATIONAL_ID]->(n:NationalId) RETURN n, h.derivedBirthDate AS born',
      { key: registryKey },
    );
    assert.equal(ids.records.length, 1);
    assert.match(JSON.stringify(ids.records[0]?.get('n')), /"fingerprint":"[0-9a-f]{64}"/);
    assert.equal(ids.records[0]?.get('born'), '1985-06-15');
    // Neither a national id nor a third party's number is stored anywhere in clear.
    const everything = await h.graph.run(
      'MATCH (r:Record) WHERE r.key IN $keys OPTIONAL MATCH (r)-[rel]->(n) RETURN r, collect(rel) AS rels, collect(n) AS nodes',
      { keys: events.map(keyOf) },
    );
    const dump = JSON.stringify(everything.records.map((r) => r.toObject()));
    assert.doesNotMatch(dump, /110101198506150000/);
    assert.doesNotMatch(dump, /8619900000002/);
    assert.equal(await h.metricValue('recontact_ingest_events_applied_total', { source: 'demo-telco' }), 1);
  });

  it('when events break each rule, then each goes to the dead-letter topic with its reason and the stream goes on', async () => {
    const good = telcoEvent();
    const schemaBad = { ...telcoEvent(), observedAt: 'yesterday' };
    const notPermitted = { ...telcoEvent(), subject: { names: [{ full: 'X' }], birthDate: '1985-06-15' } };
    const suspended = { ...telcoEvent(), sourceId: SUSPENDED_SOURCE };
    const impossiblePhone = telcoEvent({ phone: '+86123' });
    const tooLarge: OutboundMessage = { key: 'demo-telco:too-large', value: Buffer.alloc(MAX_EVENT_BYTES + 1, 0x20), headers: { 'source-id': 'demo-telco', signature: 'x' } };
    const notJsonValue = Buffer.from('{not json');
    const cases: [string, OutboundMessage][] = [
      ['SCHEMA_INVALID', signed(schemaBad)],
      ['UNKNOWN_SOURCE', { ...signed(telcoEvent()), headers: { 'source-id': 'nobody', signature: 'ab' } }],
      ['SOURCE_SUSPENDED', { ...providerMessage(suspended, sourceKey('demo-telco')) }],
      ['BAD_SIGNATURE', signed(telcoEvent(), 'demo-creditor')],
      ['FIELD_NOT_PERMITTED', signed(notPermitted)],
      ['TOO_LARGE', tooLarge],
      ['NOT_JSON', { key: 'demo-telco:not-json', value: notJsonValue, headers: { 'source-id': 'demo-telco', signature: signEvent(notJsonValue, sourceKey('demo-telco')) } }],
      ['SCHEMA_INVALID', signed(impossiblePhone)],
    ];
    await h.produce(cases.map(([, m]) => m));
    await h.produce([signed(good)]);

    const letters = await h.deadLetters(cases.length);
    const reasons = (l: typeof letters) => l.map((x) => header(x, 'dlq-reason')).sort();
    assert.deepEqual(reasons(letters), cases.map(([reason]) => reason).sort());
    const letterFor = (m: OutboundMessage) => letters.find((l) => l.key?.toString() === m.key?.toString())!;
    assert.equal(header(letterFor(cases[4]![1]), 'dlq-detail'), 'source demo-telco is not permitted to send: birthDate');
    assert.match(header(letterFor(cases[7]![1]), 'dlq-problems') ?? '', /subject\.phones\[0\]\.number/);
    assert.equal(letterFor(cases[6]![1]).value?.toString(), '{not json', 'the original bytes are kept');
    assert.equal(header(letterFor(cases[3]![1]), 'dlq-original-topic'), h.topic);
    for (const l of letters) assert.doesNotMatch(JSON.stringify(l.headers), /110101198506150000|1985-06-15/);
    await h.waitForApplied([seen(good)]);
    const rejectedEvents = [schemaBad, notPermitted, impossiblePhone];
    assert.equal(await h.appliedEventCount(rejectedEvents.map(seen)), 0, 'nothing of a rejected event is written');
    assert.equal((await h.records(rejectedEvents.map(keyOf))).size, 0);
    assert.equal(await h.metricValue('recontact_ingest_events_rejected_total', { source: 'demo-telco', reason: 'BAD_SIGNATURE' }), 1);
    assert.equal(await h.metricValue('recontact_ingest_events_rejected_total', { source: 'unregistered', reason: 'UNKNOWN_SOURCE' }), 1);
  });

  it('when the same event is sent twice, then it is applied once and counted as a duplicate', async () => {
    const event = telcoEvent();
    const later = telcoEvent({ recordId: event.sourceRecordId, observedAt: '2024-05-02T08:00:00+08:00', phone: '+8619900000003' });
    await h.produce([signed(event), signed(later), signed(event)]);
    await h.waitForApplied([seen(event), seen(later)]);
    await waitForMetric(h, 'recontact_ingest_events_duplicate_total', 1);
    const record = (await h.records([keyOf(event)])).get(keyOf(event));
    assert.equal(record?.eventId, later.eventId, 'the replayed older event did not overwrite the newer one');
    assert.deepEqual(record?.phones, ['+8619900000003']);
    assert.equal(await h.metricValue('recontact_ingest_events_applied_total', { source: 'demo-telco' }), 2);
  });

  it('when a whole stream is delivered again (as after a rebalance), then the graph does not change', async () => {
    const events = Array.from({ length: 50 }, (_, i) => telcoEvent({ recordId: `REDELIVER-${randomUUID()}`, phone: `+86199000${String(i).padStart(5, '0')}` }));
    await h.produce(events.map((e) => signed(e)));
    await h.waitForApplied(events.map(seen));
    const before = await h.graph.run('MATCH (r:Record) WHERE r.key IN $keys RETURN r.key AS k, r.updatedAt AS u ORDER BY k', { keys: events.map(keyOf) });

    await h.stopPipeline();
    await h.startPipeline(); // a new consumer group reads the topic from the beginning again
    await waitForMetric(h, 'recontact_ingest_events_duplicate_total', events.length);

    const after = await h.graph.run('MATCH (r:Record) WHERE r.key IN $keys RETURN r.key AS k, r.updatedAt AS u ORDER BY k', { keys: events.map(keyOf) });
    assert.deepEqual(after.records.map((r) => r.toObject()), before.records.map((r) => r.toObject()));
    assert.equal(await h.appliedEventCount(events.map(seen)), events.length);
  });

  it('when updates of one record arrive out of order, then the newest observation wins', async () => {
    const recordId = `OOO-${randomUUID()}`;
    const newest = telcoEvent({ recordId, observedAt: '2024-05-03T08:00:00+08:00', phone: '+8619900000033' });
    const older = telcoEvent({ recordId, observedAt: '2024-05-01T08:00:00+08:00', phone: '+8619900000011' });
    const middle = telcoEvent({ recordId, observedAt: '2024-05-02T08:00:00+08:00', phone: '+8619900000022' });
    await h.produce([signed(newest)]);
    await h.waitForApplied([seen(newest)]);
    await h.produce([signed(older), signed(middle)]);
    await h.waitForApplied([seen(older), seen(middle)]);
    const record = (await h.records([keyOf(newest)])).get(keyOf(newest));
    assert.equal(record?.eventId, newest.eventId);
    assert.deepEqual(record?.phones, ['+8619900000033']);
  });

  it('when a source retracts a record, then its contribution is removed, and an older upsert does not bring it back', async () => {
    const recordId = `RETRACT-${randomUUID()}`;
    const upsert = telcoEvent({ recordId, observedAt: '2024-05-01T08:00:00+08:00' });
    const retract = telcoEvent({ recordId, observedAt: '2024-05-02T08:00:00+08:00', op: 'retract' });
    const stale = telcoEvent({ recordId, observedAt: '2024-05-01T09:00:00+08:00' });
    await h.produce([signed(upsert), signed(retract), signed(stale)]);
    await h.waitForApplied([upsert, retract, stale].map(seen));
    const record = (await h.records([keyOf(upsert)])).get(keyOf(upsert));
    assert.equal(record?.retracted, true);
    assert.deepEqual(record?.phones, []);
    assert.equal(record?.thirdParties, 0);
  });
});

function waitForMetric(h: IngestHarness, name: string, atLeast: number): Promise<number> {
  return waitFor(`${name} to reach ${atLeast}`, () => h.metricValue(name, { source: 'demo-telco' }), (n) => n >= atLeast, 60_000);
}
