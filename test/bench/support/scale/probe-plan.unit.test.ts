import { strict as assert } from 'node:assert';
import { PROBE_KINDS, ProbePicker, useProbes, type Probe } from '../../../../bench/support/scale/probe-plan.js';
import type { ScalePerson } from '../../../../bench/support/scale/scale-population.js';
import type { SourceRecordUpdate } from '../../../../src/resolve/source-record.js';

const REOBSERVED = new Date('2026-11-22T08:00:00Z');

function update(recordId: string, observedAtMs: number): SourceRecordUpdate {
  return {
    eventId: `event-${recordId}`,
    sourceId: 'demo-telco',
    sourceRecordId: recordId,
    observedAt: new Date(observedAtMs).toISOString(),
    observedAtMs,
    op: 'upsert',
    legalBasis: null,
    recordFingerprint: `fp-${recordId}`,
    names: [],
    birthDate: null,
    addresses: [],
    employer: null,
    phones: [
      { e164: '+8617900000001', status: 'active', lastSeenAt: '2025-01-01T00:00:00Z', verificationMethod: null, verifiedAt: null },
      { e164: '+8617900000002', status: 'disconnected', lastSeenAt: '2024-01-01T00:00:00Z', verificationMethod: null, verifiedAt: null },
    ],
    emails: [],
    nationalIds: [],
    thirdParties: [],
  };
}

function person(id: number, records: number): ScalePerson {
  return { personId: `P${id}`, updates: Array.from({ length: records }, (_, r) => update(`P${id}-R${r}`, 1_000 * r)) };
}

function count(probes: Probe[], kind: string): number {
  return probes.filter((p) => p.kind === kind).length;
}

describe('ProbePicker', () => {
  it('takes each kind’s quota spread over the phase, seeding what no probe holds back', () => {
    const picker = new ProbePicker(10, 300, REOBSERVED);
    const taken = Array.from({ length: 300 }, (_, i) => ({ index: i, person: person(i, 3), seeded: [] as SourceRecordUpdate[] }));
    for (const t of taken) t.seeded = picker.take(t.person);
    assert.ok(picker.done);
    for (const kind of PROBE_KINDS) assert.equal(count(picker.probes, kind), 10);
    const probeIndexes = taken.filter((t) => t.seeded.length < 3 || picker.probes.some((p) => p.update.sourceRecordId.startsWith(`${t.person.personId}-`))).map((t) => t.index);
    assert.ok(probeIndexes[0]! < 30 && probeIndexes[probeIndexes.length - 1]! > 240, `probes cluster at ${probeIndexes.join(',')}`);

    const newcomer = picker.probes.find((p) => p.kind === 'new')!;
    const newcomerPerson = taken.find((t) => newcomer.update.sourceRecordId.startsWith(`${t.person.personId}-`))!;
    assert.deepEqual(newcomerPerson.seeded, [], 'a new person has nothing in the graph');
    assert.equal(newcomer.update, newcomerPerson.person.updates[0]);

    const joiner = picker.probes.find((p) => p.kind === 'joins')!;
    const joinerPerson = taken.find((t) => joiner.update.sourceRecordId.startsWith(`${t.person.personId}-`))!;
    assert.deepEqual(joinerPerson.seeded, joinerPerson.person.updates.slice(0, 2));
    assert.equal(joiner.update, joinerPerson.person.updates[2], 'the latest record arrives last');
  });

  it('a record seen again is seeded as it was and sent again later, as a new event with its live numbers seen then', () => {
    const picker = new ProbePicker(1, 1, REOBSERVED);
    for (let i = 0; !picker.done; i++) picker.take(person(i, 2), true);
    const again = picker.probes.find((p) => p.kind === 'update')!;
    assert.equal(again.update.sourceRecordId.endsWith('-R0'), true);
    assert.notEqual(again.update.eventId, 'event-' + again.update.sourceRecordId);
    assert.equal(again.update.observedAtMs, REOBSERVED.getTime());
    assert.deepEqual(
      again.update.phones.map((p) => [p.status, p.lastSeenAt]),
      [
        ['active', REOBSERVED.toISOString()],
        ['disconnected', '2024-01-01T00:00:00Z'],
      ],
    );
  });

  it('a person with one record cannot give a joining record; the next one who can does', () => {
    const picker = new ProbePicker(1, 1, REOBSERVED);
    picker.take(person(0, 1), true); // new
    assert.deepEqual(picker.take(person(1, 1), true).length, 1, 'seeded whole: serves the update kind');
    const seeded = picker.take(person(2, 2), true);
    assert.equal(seeded.length, 1);
    assert.deepEqual(picker.probes.map((p) => p.kind), ['new', 'update', 'joins']);
    assert.ok(picker.done);
    assert.equal(picker.take(person(3, 2), true).length, 2, 'past its quotas every person is seeded whole');
  });

  it('before the phase is full, a person serves no probe until the kind is due', () => {
    const picker = new ProbePicker(1, 1_000, REOBSERVED);
    assert.equal(picker.take(person(0, 2)).length, 2);
    assert.deepEqual(picker.probes, []);
  });
});

describe('useProbes', () => {
  it('profiles and warms up with every kind alike and times the rest, all of them used once', () => {
    const picker = new ProbePicker(6, 1, REOBSERVED);
    for (let i = 0; !picker.done; i++) picker.take(person(i, 2), true);
    const reverse = <T>(items: T[]) => [...items].reverse();
    const uses = useProbes(picker.probes, reverse, { profiledPerKind: 1, warmUpPerKind: 2 });
    for (const kind of PROBE_KINDS) {
      assert.equal(count(uses.profiled, kind), 1);
      assert.equal(count(uses.warmUp, kind), 2);
      assert.equal(count(uses.timed, kind), 3);
    }
    const all = [...uses.profiled, ...uses.warmUp, ...uses.timed];
    assert.equal(new Set(all).size, picker.probes.length);
  });
});
