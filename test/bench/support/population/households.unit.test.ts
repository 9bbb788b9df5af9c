import { strict as assert } from 'node:assert';
import { createPersons } from '../../../../bench/support/population/households.js';
import { Random } from '../../../../bench/support/population/mulberry32.js';
import { PersonAttributes } from '../../../../bench/support/population/person-attributes.js';
import { PhenomenonCounts } from '../../../../bench/support/population/phenomenon-counts.js';
import { PhoneNumbers } from '../../../../bench/support/population/phone-numbers.js';
import { SyntheticIds } from '../../../../bench/support/population/synthetic-ids.js';
import type { SyntheticPerson } from '../../../../bench/support/population/synthetic-person.js';

function persons(count: number, seed = 21): SyntheticPerson[] {
  const rng = new Random(seed);
  return createPersons(
    {
      rng,
      ids: new SyntheticIds(rng),
      attributes: new PersonAttributes(rng),
      phones: new PhoneNumbers(rng),
      counts: new PhenomenonCounts(),
      nowYear: 2025,
    },
    count,
  );
}

function byHousehold(all: SyntheticPerson[]): SyntheticPerson[][] {
  const groups = new Map<string, SyntheticPerson[]>();
  for (const p of all) {
    if (p.householdId !== undefined)
      groups.set(p.householdId, [...(groups.get(p.householdId) ?? []), p]);
  }
  return [...groups.values()];
}

describe('createPersons', () => {
  const all = persons(3000);

  it('creates exactly the number asked for, with unique ids and national ids', () => {
    assert.equal(all.length, 3000);
    assert.equal(new Set(all.map((p) => p.id)).size, 3000);
    assert.equal(new Set(all.map((p) => p.nationalId.value)).size, 3000);
  });

  it('twins share surname, birth date and home, but not national id or given name', () => {
    const pairs = byHousehold(all).filter((members) => members.every((m) => m.twin));
    assert.ok(pairs.length > 10);
    for (const [a, b] of pairs) {
      assert.ok(a && b);
      assert.equal(a.family, b.family);
      assert.equal(a.birthDate, b.birthDate);
      assert.deepEqual(a.address, b.address);
      assert.notEqual(a.nationalId.value, b.nationalId.value);
      assert.notEqual(a.given, b.given);
    }
  });

  it('household members share one address and landline; other persons never share an address', () => {
    const households = byHousehold(all);
    for (const members of households) {
      assert.ok(members.length >= 2 && members.length <= 4);
      for (const m of members) {
        assert.deepEqual(m.address, members[0]?.address);
        assert.equal(m.landline, members[0]?.landline);
      }
    }
    const addressKey = (p: SyntheticPerson) => JSON.stringify(p.address);
    const singles = all.filter((p) => p.householdId === undefined).map(addressKey);
    assert.equal(new Set(singles).size, singles.length);
  });

  it('about 28 % of persons live in households, about 2 % are twins, about 7 % are foreigners', () => {
    const share = (predicate: (p: SyntheticPerson) => boolean) =>
      all.filter(predicate).length / all.length;
    assert.ok(Math.abs(share((p) => p.householdId !== undefined && !p.twin) - 0.28) < 0.05);
    assert.ok(Math.abs(share((p) => p.twin) - 0.02) < 0.015);
    assert.ok(Math.abs(share((p) => p.origin === 'foreign') - 0.07) < 0.025);
  });

  it('the most common full names recur as different people', () => {
    const names = new Map<string, number>();
    for (const p of all)
      if (p.origin === 'cn')
        names.set(p.family + p.given, (names.get(p.family + p.given) ?? 0) + 1);
    assert.ok((names.get('王伟') ?? 0) >= 3);
  });
});
