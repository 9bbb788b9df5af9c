import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { signed } from '../support/test-sources.js';
import { IngestHarness, seen } from '../ingest/ingest-harness.js';
import { cnResidentId, creditorEvent, registryEvent, telcoRecordEvent, uniqueHanName, uniqueMobile } from './resolution-fixtures.js';

type Event = { sourceId: string; sourceRecordId: string; eventId: string };
const keyOf = (e: Event) => `${e.sourceId}:${e.sourceRecordId}`;
const NOW = new Date('2024-05-20T00:00:00Z');

describe('resolution (real Kafka and Neo4j)', function () {
  this.timeout(120_000);
  let h: IngestHarness;

  beforeEach(async () => {
    h = new IngestHarness();
    await h.setUp();
    await h.startPipeline({}, true, () => NOW);
  });
  afterEach(() => h.tearDown());

  async function ingest(...events: Event[]) {
    await h.produce(events.map((e) => signed(e)));
    await h.waitForApplied(events.map(seen));
  }

  async function personOf(e: Event): Promise<string | null> {
    const r = await h.graph.run('MATCH (:Record {key: $key})-[:RESOLVES_TO]->(p:Person) RETURN p.id AS id', { key: keyOf(e) });
    return (r.records[0]?.get('id') as string | undefined) ?? null;
  }

  async function phoneConflict(e164: string) {
    const r = await h.graph.run('MATCH (ph:Phone {e164: $e164}) RETURN ph.conflict AS conflict, ph.conflictPersons AS persons, ph.conflictSince AS since', { e164 });
    const row = r.records[0]!;
    return { conflict: row.get('conflict') as string | null, persons: (row.get('persons') as string[] | null) ?? [], since: row.get('since') as string | null };
  }

  async function person(id: string) {
    const r = await h.graph.run(
      `MATCH (p:Person {id: $id})
       OPTIONAL MATCH (p)-[:BEST_CONTACT]->(best:Phone)
       OPTIONAL MATCH (p)-[c:HAS_CONTACT]->(ph:Phone)
       RETURN p.reachability AS reachability, best.e164 AS best, collect([ph.e164, c.reachable]) AS phones`,
      { id },
    );
    const row = r.records[0]!;
    return {
      reachability: row.get('reachability') as string,
      best: row.get('best') as string | null,
      phones: new Map((row.get('phones') as [string, boolean][]).filter(([e]) => e !== null)),
    };
  }

  it('when three sources describe one person, then their records resolve to one person with explainable evidence and a best contact', async () => {
    const name = uniqueHanName();
    const id = cnResidentId('19850615');
    const phone = uniqueMobile();
    const thirdParty = uniqueMobile();
    const registry = registryEvent({ name, birthDate: '1985-06-15', nationalId: id });
    const creditor = creditorEvent({ name, birthDate: '1985-06-15', nationalId: id, phone });
    const telco = telcoRecordEvent({ name, phones: [{ number: phone, status: 'active' }], thirdParty });
    await ingest(registry, creditor, telco);

    const personId = await personOf(registry);
    assert.ok(personId);
    assert.equal(await personOf(creditor), personId);
    assert.equal(await personOf(telco), personId);
    const p = await person(personId);
    assert.equal(p.best, phone);
    assert.equal(p.reachability, 'reachable');
    assert.deepEqual([...p.phones.keys()], [phone], "a third party's number is never the person's contact");

    const links = await h.graph.run(
      'MATCH (r:Record)-[l:RESOLVES_TO]->(:Person {id: $id}) WHERE l.evidenceJson IS NOT NULL RETURN l.evidenceJson AS e, l.score AS s, l.ruleSetVersion AS v',
      { id: personId },
    );
    assert.equal(links.records.length, 2, 'every record but the first carries the evidence that linked it');
    for (const l of links.records) {
      assert.ok((l.get('s') as number) >= 18);
      assert.equal(l.get('v'), 'fs-default-3');
      const evidence = l.get('e') as string;
      assert.match(evidence, /"field":"name","level":"exact"/);
      assert.ok(!evidence.includes(phone) && !evidence.includes(id) && !evidence.includes(name), 'evidence holds levels, never values');
    }
  });

  it('when two records share only a common name and differ in id and birth year, then they stay two persons', async () => {
    const a = registryEvent({ name: '王伟', birthDate: '1985-01-01', nationalId: cnResidentId('19850101') });
    const b = creditorEvent({ name: '王伟', birthDate: '1990-01-01', nationalId: cnResidentId('19900101'), phone: uniqueMobile() });
    await ingest(a, b);
    const [pa, pb] = [await personOf(a), await personOf(b)];
    assert.ok(pa && pb);
    assert.notEqual(pa, pb);
  });

  it('when two records agree on name and full birth date only, then they are kept apart as a possible match for review', async () => {
    const name = uniqueHanName('欧阳');
    const a = registryEvent({ name, birthDate: '1970-03-03' });
    const b = creditorEvent({ name, birthDate: '1970-03-03', phone: uniqueMobile() });
    await ingest(a, b);
    const [pa, pb] = [await personOf(a), await personOf(b)];
    assert.ok(pa && pb);
    assert.notEqual(pa, pb, 'a review-band pair is never linked');
    const review = await h.graph.run(
      'MATCH (r:Record)-[m:POSSIBLE_MATCH]->(p:Person) WHERE r.key IN $keys RETURN r.key AS k, p.id AS p, m.score AS s',
      { keys: [keyOf(a), keyOf(b)] },
    );
    assert.equal(review.records.length, 1);
    const score = review.records[0]!.get('s') as number;
    assert.ok(score >= 10 && score < 18, `review band score ${score}`);
  });

  it('when the record that held a person together is retracted, then the person splits and its id stays with one part', async () => {
    const name = uniqueHanName();
    const id = cnResidentId('19880808');
    const phone = uniqueMobile();
    const registry = registryEvent({ name, birthDate: '1988-08-08', nationalId: id, recordId: `A-${randomUUID()}` });
    const creditor = creditorEvent({ name, birthDate: '1988-08-08', nationalId: id, phone, recordId: `B-${randomUUID()}` });
    const telco = telcoRecordEvent({ name, phones: [{ number: phone, status: 'active' }], recordId: `C-${randomUUID()}` });
    await ingest(registry, creditor, telco);
    const original = await personOf(registry);
    assert.equal(await personOf(telco), original);

    const retract = { eventId: randomUUID(), sourceId: 'demo-creditor', sourceRecordId: creditor.sourceRecordId, observedAt: '2024-05-10T00:00:00Z', op: 'retract' as const };
    await ingest(retract);
    const [pa, pc] = [await personOf(registry), await personOf(telco)];
    assert.equal(await personOf(creditor), null, 'a retracted record belongs to nobody');
    assert.ok(pa && pc);
    assert.notEqual(pa, pc, 'without the linking record, name alone does not hold them together');
    assert.ok([pa, pc].includes(original!), 'the person id stays with one of the parts');
  });

  it('when a telecom reports a number reassigned, then the old owner never reaches it again, and the new owner does', async () => {
    const name = uniqueHanName();
    const id = cnResidentId('19790101');
    const oldNumber = uniqueMobile();
    const newNumber = uniqueMobile();
    const recordId = `T-${randomUUID()}`;
    const creditor = creditorEvent({ name, birthDate: '1979-01-01', nationalId: id, phone: oldNumber, lastSeenAt: '2024-04-01T00:00:00Z' });
    const telco = telcoRecordEvent({ name, recordId, phones: [{ number: oldNumber, status: 'active' }] });
    await ingest(creditor, telco);
    const owner = await personOf(creditor);
    assert.equal((await person(owner!)).best, oldNumber);

    const reassigned = telcoRecordEvent({
      name,
      recordId,
      observedAt: '2024-05-10T00:00:00Z',
      phones: [
        { number: oldNumber, status: 'reassigned' },
        { number: newNumber, status: 'active' },
      ],
    });
    const newOwner = telcoRecordEvent({ name: uniqueHanName('赵'), phones: [{ number: oldNumber, status: 'active' }], observedAt: '2024-05-15T00:00:00Z' });
    // The creditor still believes the old number works, and says so later than the telecom.
    const stale = creditorEvent({ name, birthDate: '1979-01-01', nationalId: id, phone: oldNumber, recordId: creditor.sourceRecordId, observedAt: '2024-05-16T00:00:00Z', lastSeenAt: '2024-05-16T00:00:00Z' });
    await ingest(reassigned, newOwner, stale);

    // The old number no longer ties the subscriber record to the creditor's, so they may part; what
    // matters is that no person holding the old owner's records is routed to the old number.
    for (const record of [creditor, telco]) {
      const ownerNow = await personOf(record);
      const p = await person(ownerNow!);
      assert.notEqual(p.best, oldNumber);
      assert.equal(p.phones.get(oldNumber), false, 'the old number is listed as not reachable');
      const superseded = await h.graph.run('MATCH (:Person {id: $id})-[:SUPERSEDED]->(ph:Phone) RETURN ph.e164 AS e', { id: ownerNow });
      assert.deepEqual(superseded.records.map((r) => r.get('e') as string), [oldNumber]);
    }
    assert.equal((await person((await personOf(telco))!)).best, newNumber, "the subscriber's new number is its best contact");
    const other = await personOf(newOwner);
    assert.ok(other && other !== (await personOf(creditor)) && other !== (await personOf(telco)));
    assert.equal((await person(other)).best, oldNumber, 'the new owner reaches the recycled number');
    const flagged = await phoneConflict(oldNumber);
    assert.equal(flagged.conflict, 'SHARED_OR_RECYCLED');
    assert.ok(flagged.persons.includes(other) && flagged.persons.includes((await personOf(creditor))!), 'old and new owner are both named');
  });

  it('when two persons hold the same live number, then it is flagged, and the flag clears once one of them no longer holds it', async () => {
    const shared = uniqueMobile();
    const holderB = { name: uniqueHanName('孙'), birthDate: '1991-03-03', nationalId: cnResidentId('19910303') };
    const a = creditorEvent({ name: uniqueHanName('钱'), birthDate: '1960-02-02', nationalId: cnResidentId('19600202'), phone: shared });
    const b = creditorEvent({ ...holderB, phone: shared });
    await ingest(a, b);
    const [pa, pb] = [await personOf(a), await personOf(b)];
    assert.ok(pa && pb && pa !== pb);
    const flagged = await phoneConflict(shared);
    assert.equal(flagged.conflict, 'SHARED_OR_RECYCLED');
    assert.deepEqual(flagged.persons, [pa, pb].sort());
    assert.ok(flagged.since);

    const moved = creditorEvent({ ...holderB, phone: shared, phoneStatus: 'disconnected', recordId: b.sourceRecordId, observedAt: '2024-05-12T00:00:00Z' });
    await ingest(moved);
    assert.equal((await phoneConflict(shared)).conflict, null);
  });
});
