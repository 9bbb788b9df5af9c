import { strict as assert } from 'node:assert';
import { explainLink } from '../../../src/resolve/clustering/explain-link.js';
import { commonNameFrequencies } from '../../../src/resolve/scoring/common-names.js';
import { DEFAULT_MODEL } from '../../../src/resolve/scoring/default-model.js';
import { scorePair } from '../../../src/resolve/scoring/score-pair.js';
import type { PairScore } from '../../../src/resolve/scoring/pair-score.js';
import { uniformFrequencies } from '../../../src/resolve/scoring/value-frequencies.js';
import { beijing, cnId, record } from '../scoring/records.js';

const PHONE = '+8613900000001';
const LANDLINE = '+861062345678';

describe('explainLink', () => {
  it('lists the fields that spoke, with level and weight, then the total against the link threshold', () => {
    const score = scorePair(
      record('a:1', { names: ['王小明'], phones: [PHONE] }),
      record('b:1', { names: ['Xiaoming WANG'], phones: [PHONE] }),
      DEFAULT_MODEL,
      uniformFrequencies,
    );
    assert.deepEqual(explainLink(score, DEFAULT_MODEL), [
      'name: exact (+8.1)',
      'phone: shared_active (+11.3)',
      'total 19.3 ≥ link 18',
    ]);
  });

  it('marks adjusted weights, negative evidence and totals below the thresholds', () => {
    const score = scorePair(
      record('a:1', { names: ['王伟'], phones: [PHONE], emails: ['a@example.com'] }),
      record('b:1', { names: ['Wei WANG'], phones: ['+8613900000002'], emails: ['b@example.com'] }),
      DEFAULT_MODEL,
      commonNameFrequencies,
    );
    assert.deepEqual(explainLink(score, DEFAULT_MODEL), [
      'name: exact (+3.7, tf-adjusted)',
      'phone: different (-2.0)',
      'email: different (-0.9)',
      'total 0.9 < review 10',
    ]);
  });

  it('names the cannot-link rule and why a high total still did not link', () => {
    const home = { addresses: [beijing('示例路88号')], phones: [PHONE, LANDLINE], birthDate: '2001-06-01' };
    const twins = scorePair(
      record('a:1', { names: ['王小明'], ids: [cnId('nid-a', '2001-06-01', 'M')], ...home }),
      record('b:1', { names: ['王小亮'], ids: [cnId('nid-b', '2001-06-01', 'M')], ...home }),
      DEFAULT_MODEL,
      uniformFrequencies,
    );
    assert.ok(explainLink(twins, DEFAULT_MODEL).includes('cannot link: DIFFERENT_NATIONAL_ID'));

    const noIds = scorePair(
      record('a:1', { names: ['王小明'], ...home, phones: [LANDLINE] }),
      record('b:1', { names: ['王小亮'], ...home, phones: [LANDLINE] }),
      DEFAULT_MODEL,
      uniformFrequencies,
    );
    const lines = explainLink(noIds, DEFAULT_MODEL);
    assert.match(lines.at(-2)!, /^total \d+\.\d ≥ link 18$/);
    assert.equal(lines.at(-1), 'not linked: a link needs the same national id or the same name');
  });

  it('without thresholds, ends with the bare total; a review-band total says so', () => {
    const score: PairScore = {
      total: 12.34,
      cannotLink: null,
      evidence: [{ field: 'email', level: 'exact', weight: 12.34 }],
    };
    assert.deepEqual(explainLink(score), ['email: exact (+12.3)', 'total 12.3']);
    assert.equal(explainLink(score, DEFAULT_MODEL).at(-1), 'total 12.3 < link 18, ≥ review 10');
  });

  it('never contains a compared value', () => {
    const score = scorePair(
      record('a:1', { names: ['王小明'], phones: [PHONE], emails: ['xm@example.com'] }),
      record('b:1', { names: ['王小明'], phones: [PHONE], emails: ['xm@example.com'] }),
      DEFAULT_MODEL,
      uniformFrequencies,
    );
    const text = explainLink(score, DEFAULT_MODEL).join('\n');
    for (const value of [PHONE, '13900000001', 'xm@', 'wang', '王'])
      assert.ok(!text.includes(value));
  });
});
