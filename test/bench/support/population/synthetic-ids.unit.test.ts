import { strict as assert } from 'node:assert';
import { Random } from '../../../../bench/support/population/mulberry32.js';
import {
  legacyResidentId,
  SyntheticIds,
} from '../../../../bench/support/population/synthetic-ids.js';
import { parseCnResidentId } from '../../../../src/resolve/normalize/cn-resident-id.js';

const NOW = new Date('2025-06-01T00:00:00Z');

describe('SyntheticIds', () => {
  it('resident ids pass the CN check digit, encode the birth date and the sex, and are unique', () => {
    const ids = new SyntheticIds(new Random(5));
    const issued = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const sex = i % 2 === 0 ? 'M' : 'F';
      const id = ids.residentId('440106', '1990-02-28', sex);
      const parsed = parseCnResidentId(id, NOW);
      assert.ok(parsed.ok, 'expected a valid resident id');
      assert.deepEqual(
        [parsed.value.birthDate, parsed.value.sex, parsed.value.regionCode],
        ['1990-02-28', sex, '440106'],
      );
      issued.add(id);
    }
    assert.equal(issued.size, 500);
  });

  it('the 15-digit first-generation form upgrades back to the same 18-digit id', () => {
    const id = new SyntheticIds(new Random(9)).residentId('310101', '1975-11-03', 'F');
    const legacy = legacyResidentId(id);
    assert.equal(legacy?.length, 15);
    const parsed = parseCnResidentId(legacy ?? '', NOW);
    assert.ok(parsed.ok);
    assert.equal(parsed.value.id18, id);
  });

  it('there is no first-generation form for someone born after 1999', () => {
    const id = new SyntheticIds(new Random(9)).residentId('310101', '2001-01-01', 'M');
    assert.equal(legacyResidentId(id), undefined);
  });
});
