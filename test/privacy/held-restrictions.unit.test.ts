import { strict as assert } from 'node:assert';
import { restrictionsOf, withRestriction, withoutRestriction, type HeldRestrictions } from '../../src/privacy/held-restrictions.js';

const T1 = new Date('2024-01-01T00:00:00Z');
const T2 = new Date('2024-02-01T00:00:00Z');
const none: HeldRestrictions = { restrictions: [], detailsJson: null };

describe('held restrictions (a person\'s restrictions over their records)', () => {
  it('when the same reason is placed twice, then it is held once, since its first placement, with the newer note', () => {
    const held = withRestriction(withRestriction(none, 'dispute', 'first', T1), 'dispute', 'second', T2);
    assert.deepEqual(held.restrictions, ['dispute']);
    assert.deepEqual(restrictionsOf([held]), [{ reason: 'dispute', since: T1.toISOString(), note: 'second' }]);
  });

  it('when one reason is lifted, then only it goes; when none is named, then all go and nothing is left on the record', () => {
    const held = withRestriction(withRestriction(none, 'dispute', null, T1), 'attorney', null, T1);
    assert.deepEqual(withoutRestriction(held, 'dispute').restrictions, ['attorney']);
    assert.deepEqual(withoutRestriction(held, undefined), { restrictions: [], detailsJson: null });
  });

  it('when records of one person hold different restrictions, then the person has their union in a fixed order, each with its earliest date', () => {
    const a = withRestriction(none, 'deceased', null, T2);
    const b = withRestriction(withRestriction(none, 'deceased', null, T1), 'cease_communication', null, T2);
    assert.deepEqual(
      restrictionsOf([a, b]).map((r) => [r.reason, r.since]),
      [['cease_communication', T2.toISOString()], ['deceased', T1.toISOString()]],
    );
  });

  it('when a record holds a reason without details (set by an older writer), then it still counts, with no date', () => {
    assert.deepEqual(restrictionsOf([{ restrictions: ['attorney', 'unknown-code'], detailsJson: null }]), [{ reason: 'attorney', since: null, note: null }]);
  });
});
