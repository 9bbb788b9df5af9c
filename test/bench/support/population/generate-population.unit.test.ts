import { strict as assert } from 'node:assert';
import { identityUpdateV1 } from '../../../../contracts/identity-update.v1.js';
import type { IdentityUpdateV1 } from '../../../../contracts/identity-update.v1.js';
import { generatePopulation } from '../../../../bench/support/population/generate-population.js';
import type { Population } from '../../../../bench/support/population/generate-population.js';
import { createDevelopmentRegistry } from '../../../../src/ingest/dev-registry.js';
import { parseCnResidentId } from '../../../../src/resolve/normalize/cn-resident-id.js';
import { normalizePhone } from '../../../../src/resolve/normalize/phone.js';

const NOW = new Date('2025-06-01T00:00:00Z');
type Upsert = Extract<IdentityUpdateV1, { op: 'upsert' }>;

function upserts(population: Population): Upsert[] {
  return population.events.map(({ event }) => {
    assert.equal(event.op, 'upsert');
    return event;
  });
}

function e164(phone: { number: string; countryHint?: string | undefined }): string {
  const result = normalizePhone(phone.number, phone.countryHint);
  assert.ok(result.ok, `a generated number was rejected: ${result.ok ? '' : result.reason}`);
  return result.value.e164;
}

/** The true person behind an event. */
function personOf(population: Population, event: Upsert): string {
  const person = population.truth.get(`${event.sourceId}:${event.sourceRecordId}`);
  assert.ok(person !== undefined, 'every event is labelled');
  return person;
}

describe('generatePopulation', () => {
  const population = generatePopulation({ persons: 2000, seed: 42, now: NOW });
  const events = upserts(population);

  it('every event is a valid identity.update v1 contract event', () => {
    for (const { event } of population.events) {
      const parsed = identityUpdateV1.safeParse(event);
      assert.ok(
        parsed.success,
        parsed.success ? '' : JSON.stringify(parsed.error.issues.map((i) => i.path)),
      );
    }
  });

  it('each source sends only the fields the registry permits it', () => {
    const permitted = new Map(
      createDevelopmentRegistry().sources.map((s) => [s.id, new Set<string>(s.permittedFields)]),
    );
    for (const { sourceId, event } of population.events) {
      assert.equal(event.sourceId, sourceId);
      for (const field of Object.keys((event as Upsert).subject)) {
        assert.ok(permitted.get(sourceId)?.has(field), `${sourceId} may not send ${field}`);
      }
    }
  });

  it('event ids are unique v4 UUIDs; events come in observation order, none after now', () => {
    assert.equal(new Set(events.map((e) => e.eventId)).size, events.length);
    let previous = 0;
    for (const event of events) {
      assert.match(
        event.eventId,
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      const at = Date.parse(event.observedAt);
      assert.ok(at >= previous && at <= NOW.getTime());
      previous = at;
    }
  });

  it('the same seed gives an identical population, another seed a different one', () => {
    const again = generatePopulation({ persons: 2000, seed: 42, now: NOW });
    assert.deepEqual(again, population);
    const other = generatePopulation({ persons: 2000, seed: 43, now: NOW });
    assert.notDeepEqual(other.events, population.events);
  });

  it('every record is labelled, and every person has one to four records', () => {
    assert.equal(population.truth.size, events.length);
    const perPerson = new Map<string, number>();
    for (const event of events) {
      const person = personOf(population, event);
      perPerson.set(person, (perPerson.get(person) ?? 0) + 1);
    }
    assert.equal(perPerson.size, 2000);
    for (const n of perPerson.values()) assert.ok(n >= 1 && n <= 4);
  });

  it('every phone and relation number is one the ingest normalizer accepts', () => {
    for (const { subject } of events) {
      for (const phone of subject.phones ?? []) e164(phone);
      for (const relation of subject.relations ?? []) e164({ number: relation.phone });
    }
  });

  it('every resident id is valid, check digit included', () => {
    let checked = 0;
    for (const { subject } of events) {
      for (const id of subject.nationalIds ?? []) {
        if (id.type !== 'CN_RIC') continue;
        assert.ok(parseCnResidentId(id.value, NOW).ok, 'expected a valid CN resident id');
        checked += 1;
      }
    }
    assert.ok(checked > 1000);
  });

  it("relations come only from the telecom, as frequent contacts, never naming the person's own numbers", () => {
    const ownNumbers = new Map<string, Set<string>>();
    for (const event of events) {
      const own = ownNumbers.get(personOf(population, event)) ?? new Set<string>();
      for (const phone of event.subject.phones ?? []) own.add(e164(phone));
      ownNumbers.set(personOf(population, event), own);
    }
    let relations = 0;
    for (const event of events) {
      for (const relation of event.subject.relations ?? []) {
        assert.equal(event.sourceId, 'demo-telco');
        assert.equal(relation.kind, 'frequent_contact');
        assert.ok(
          !ownNumbers.get(personOf(population, event))?.has(relation.phone),
          'a relation names the subject',
        );
        relations += 1;
      }
    }
    assert.ok(relations > 2000);
  });

  it("each person's true current number is listed in one of their own records", () => {
    const listed = new Set<string>();
    for (const event of events) {
      for (const phone of event.subject.phones ?? [])
        listed.add(`${personOf(population, event)}|${e164(phone)}`);
    }
    assert.ok(population.currentPhone.size > 1900);
    for (const [person, phone] of population.currentPhone)
      assert.ok(listed.has(`${person}|${phone}`));
  });

  it('a changed number is reported disconnected or reassigned by the telecom and is not the current one', () => {
    let changes = 0;
    for (const event of events) {
      for (const phone of event.subject.phones ?? []) {
        if (phone.status !== 'disconnected' && phone.status !== 'reassigned') continue;
        assert.equal(event.sourceId, 'demo-telco');
        assert.notEqual(population.currentPhone.get(personOf(population, event)), e164(phone));
        changes += 1;
      }
    }
    assert.equal(changes, population.stats.numberChanges);
  });

  it('a recycled number is later active for a different person', () => {
    const reassigned: { number: string; person: string; atMs: number }[] = [];
    const activeHolders = new Map<string, { person: string; atMs: number }[]>();
    for (const event of events) {
      for (const phone of event.subject.phones ?? []) {
        const entry = {
          number: e164(phone),
          person: personOf(population, event),
          atMs: Date.parse(phone.lastSeenAt),
        };
        if (phone.status === 'reassigned') reassigned.push(entry);
        if (phone.status === 'active' && event.sourceId === 'demo-telco') {
          activeHolders.set(entry.number, [...(activeHolders.get(entry.number) ?? []), entry]);
        }
      }
    }
    assert.ok(reassigned.length > 0);
    assert.equal(reassigned.length, population.stats.recycledNumbers);
    for (const old of reassigned) {
      const holders = activeHolders.get(old.number) ?? [];
      assert.ok(
        holders.some((h) => h.person !== old.person && h.atMs > old.atMs),
        'no later holder',
      );
      assert.equal(population.currentPhone.get(holders[0]?.person ?? ''), old.number);
    }
  });

  it('produces every phenomenon at about its documented rate', () => {
    const { stats } = population;
    const rate = (key: string, per = stats.persons ?? 1) => (stats[key] ?? 0) / per;
    assert.ok(Math.abs(rate('latinScriptPersons') - 0.2) < 0.05, 'about 20 % Latin-script names');
    assert.ok(Math.abs(rate('numberChanges') - 0.12) < 0.03);
    assert.ok(Math.abs(rate('recycledNumbers') - 0.04) < 0.02);
    for (const key of [
      'twinPairs',
      'households',
      'householdLandlines',
      'nameTypos',
      'birthDateTypos',
      'dayMonthTranspositions',
      'latinNameSwaps',
      'legacyResidentIds',
      'simChangeSharedContacts',
      'personsSharingFullName',
      'missingField.creditorNationalId',
    ]) {
      assert.ok((stats[key] ?? 0) > 0, `no ${key}`);
    }
  });

  it('5,000 persons take well under five seconds', () => {
    const started = performance.now();
    const big = generatePopulation({ persons: 5000, seed: 7, now: NOW });
    assert.equal(big.stats.persons, 5000);
    assert.ok(performance.now() - started < 5000);
  });

  it('rejects options that cannot give a population, naming the fix', () => {
    assert.throws(
      () => generatePopulation({ persons: 0, seed: 1, now: NOW }),
      /persons must be a positive integer/,
    );
    assert.throws(
      () => generatePopulation({ persons: 10, seed: 1.5, now: NOW }),
      /seed must be an integer/,
    );
  });
});
