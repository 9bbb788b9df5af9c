import { strict as assert } from 'node:assert';
import { DEFAULT_MODEL } from '../../../src/resolve/scoring/default-model.js';
import {
  levelWeight,
  MATCH_FIELDS,
  ruleSetVersion,
} from '../../../src/resolve/scoring/match-model.js';
import type { MatchField } from '../../../src/resolve/scoring/match-model.js';

function total(levels: Partial<Record<MatchField, string>>): number {
  return Object.entries(levels).reduce(
    (sum, [field, level]) => sum + levelWeight(DEFAULT_MODEL, field as MatchField, level),
    0,
  );
}

const { linkThreshold: LINK, reviewThreshold: REVIEW } = DEFAULT_MODEL;

describe('DEFAULT_MODEL', () => {
  it('is a probability model: per field, m and u each sum to 1 over the levels', () => {
    for (const field of MATCH_FIELDS) {
      const levels = Object.values(DEFAULT_MODEL.fields[field]);
      assert.ok(levels.length >= 2, field);
      for (const key of ['m', 'u'] as const) {
        const sum = levels.reduce((s, p) => s + p[key], 0);
        assert.ok(Math.abs(sum - 1) < 1e-9, `${field} ${key} sums to ${sum}`);
        assert.ok(
          levels.every((p) => p[key] > 0 && p[key] < 1),
          `${field} ${key} in (0, 1)`,
        );
      }
    }
  });

  it('orders each field from the strongest agreement to disagreement', () => {
    for (const field of MATCH_FIELDS) {
      const weights = Object.keys(DEFAULT_MODEL.fields[field]).map((l) =>
        levelWeight(DEFAULT_MODEL, field, l),
      );
      assert.deepEqual(
        weights,
        [...weights].sort((x, y) => y - x),
        field,
      );
      assert.ok(weights.at(-1)! < 0 && weights[0]! > 0, field);
    }
  });

  it("weighs 'missing' and unknown levels at 0", () => {
    assert.equal(levelWeight(DEFAULT_MODEL, 'name', 'missing'), 0);
    assert.equal(levelWeight(DEFAULT_MODEL, 'phone', 'no_such_level'), 0);
  });

  it('orders its thresholds: cluster minimum < review < link', () => {
    assert.ok(DEFAULT_MODEL.clusterMinimum < REVIEW && REVIEW < LINK);
    assert.equal(ruleSetVersion(DEFAULT_MODEL), DEFAULT_MODEL.version);
  });

  describe('is tuned for precision', () => {
    const links: [string, Partial<Record<MatchField, string>>][] = [
      ['shared active phone + exact name', { phone: 'shared_active', name: 'exact' }],
      [
        'shared active phone + exact name + compatible birth date',
        { phone: 'shared_active', name: 'exact', birthDate: 'compatible' },
      ],
      ['national id + close name', { nationalId: 'exact', name: 'close' }],
      [
        'exact name + birth date + address',
        { name: 'exact', birthDate: 'exact', address: 'exact' },
      ],
      [
        'exact name + email + compatible birth date',
        { name: 'exact', email: 'exact', birthDate: 'compatible' },
      ],
    ];
    for (const [what, levels] of links) {
      it(`links on ${what}`, () => assert.ok(total(levels) >= LINK, String(total(levels))));
    }

    const reviews: [string, Partial<Record<MatchField, string>>][] = [
      ['an exact name + full birth date', { name: 'exact', birthDate: 'exact' }],
      ['a national id alone', { nationalId: 'exact' }],
      ['an exact name + email', { name: 'exact', email: 'exact' }],
      ['an exact name + address', { name: 'exact', address: 'exact' }],
      ['a shared active phone alone', { phone: 'shared_active' }],
    ];
    for (const [what, levels] of reviews) {
      it(`only reviews ${what}`, () => {
        const t = total(levels);
        assert.ok(t >= REVIEW && t < LINK, String(t));
      });
    }

    it('never links on any name level alone', () => {
      for (const level of Object.keys(DEFAULT_MODEL.fields.name)) {
        assert.ok(total({ name: level }) < REVIEW, level);
      }
    });
  });
});
