import { strict as assert } from 'node:assert';
import { countingFrequencies } from '../../../src/resolve/scoring/counting-frequencies.js';
import { commonNameFrequencies } from '../../../src/resolve/scoring/common-names.js';
import { decidePair } from '../../../src/resolve/scoring/decide-pair.js';
import { DEFAULT_MODEL } from '../../../src/resolve/scoring/default-model.js';
import type { MatchField } from '../../../src/resolve/scoring/match-model.js';
import type { FieldEvidence, PairScore } from '../../../src/resolve/scoring/pair-score.js';
import { scorePair } from '../../../src/resolve/scoring/score-pair.js';
import type { ValueFrequencies } from '../../../src/resolve/scoring/value-frequencies.js';
import { uniformFrequencies } from '../../../src/resolve/scoring/value-frequencies.js';
import type { MatchableRecord } from '../../../src/resolve/matchable-record.js';
import { beijing, cnId, record } from './records.js';

const PHONE = '+8613900000001';
const OTHER_PHONE = '+8613900000002';
const DAY = 86_400_000;

function score(
  a: MatchableRecord,
  b: MatchableRecord,
  freq: ValueFrequencies = uniformFrequencies,
): PairScore {
  return scorePair(a, b, DEFAULT_MODEL, freq);
}

function evidence(s: PairScore, field: MatchField): FieldEvidence {
  const found = s.evidence.find((e) => e.field === field);
  assert.ok(found, `no evidence for ${field}`);
  return found;
}

describe('scorePair', () => {
  describe('what links', () => {
    it('a shared active phone, the exact name and a compatible birth date link', () => {
      const s = score(
        record('bank:1', { names: ['Zhou Yuqing'], birthDate: '1988-04-12', phones: [PHONE] }),
        record('telco:1', { names: ['Zhou Yuqing'], birthDate: '1988', phones: [PHONE] }),
      );
      assert.equal(evidence(s, 'birthDate').level, 'compatible');
      assert.equal(evidence(s, 'phone').level, 'shared_active');
      assert.equal(decidePair(s, DEFAULT_MODEL), 'link');
    });

    it('the same person written 王小明 and "Xiaoming WANG", sharing a phone, links', () => {
      const s = score(
        record('bank:1', { names: ['王小明'], phones: [PHONE] }),
        record('telco:1', { names: ['Xiaoming WANG'], phones: [PHONE] }),
      );
      assert.equal(evidence(s, 'name').level, 'exact');
      assert.equal(decidePair(s, DEFAULT_MODEL), 'link');
    });

    it('an exact national id with a close name links; the id alone is only reviewed', () => {
      const id = cnId('nid-a', '1990-05-01', 'M');
      const close = score(
        record('bank:1', { names: ['王小明'], ids: [id] }),
        record('telco:1', { names: [{ family: 'Wang', given: 'Xiaomin' }], ids: [id] }),
      );
      assert.equal(evidence(close, 'name').level, 'close');
      assert.equal(decidePair(close, DEFAULT_MODEL), 'link');

      const alone = score(record('bank:1', { ids: [id] }), record('telco:1', { ids: [id] }));
      assert.equal(decidePair(alone, DEFAULT_MODEL), 'review');
    });
  });

  describe('what does not link', () => {
    it('names alone never link, even exact and rare, nor with an exact birth date', () => {
      const name = score(
        record('a:1', { names: ['Eudora Quillfeather'] }),
        record('b:1', { names: ['Eudora Quillfeather'] }),
      );
      assert.ok(name.total < DEFAULT_MODEL.reviewThreshold);
      const withBirth = score(
        record('a:1', { names: ['Eudora Quillfeather'], birthDate: '1971-02-03' }),
        record('b:1', { names: ['Eudora Quillfeather'], birthDate: '1971-02-03' }),
      );
      assert.equal(decidePair(withBirth, DEFAULT_MODEL), 'review');
    });

    it('王伟 and 王伟 born in different years can never link, even sharing a phone', () => {
      const s = score(
        record('a:1', { names: ['王伟'], birthDate: '1985', phones: [PHONE] }),
        record('b:1', { names: ['王伟'], birthDate: '1992', phones: [PHONE] }),
      );
      assert.equal(s.cannotLink, 'INCOMPATIBLE_BIRTH_DATE');
      assert.equal(decidePair(s, DEFAULT_MODEL), 'no_link');
    });

    it('twins sharing an address, a family name, a birthday and a landline, with their own ids, never link', () => {
      const home = { addresses: [beijing('示例路88号')], phones: ['+861000000001'] };
      const s = score(
        record('a:1', { names: ['王小明'], ids: [cnId('nid-a', '2001-06-01', 'M')], ...home }),
        record('b:1', { names: ['王小亮'], ids: [cnId('nid-b', '2001-06-01', 'M')], ...home }),
      );
      assert.equal(s.cannotLink, 'DIFFERENT_NATIONAL_ID');
      assert.equal(decidePair(s, DEFAULT_MODEL), 'no_link');
    });

    it('twins without ids score high on household fields but are only reviewed: no name agreement', () => {
      const home = {
        birthDate: '2001-06-01',
        addresses: [beijing('示例路88号')],
        phones: ['+861000000001'],
      };
      const s = score(
        record('a:1', { names: ['王小明'], ...home }),
        record('b:1', { names: ['王小亮'], ...home }),
      );
      assert.ok(s.total >= DEFAULT_MODEL.linkThreshold, 'household fields alone pass the total');
      assert.equal(decidePair(s, DEFAULT_MODEL), 'review');
    });

    it('a switchboard held by 30 records is down-weighted: phone and a common name do not link', () => {
      const SWITCHBOARD = '+15555550100';
      const staff = Array.from({ length: 28 }, (_, i) =>
        record(`hr:${i}`, { names: [`Employee${i} Example`], phones: [SWITCHBOARD] }),
      );
      const a = record('hr:a', { names: ['王伟'], phones: [SWITCHBOARD] });
      const b = record('crm:b', { names: ['Wei WANG'], phones: [SWITCHBOARD] });
      const freq = countingFrequencies([...staff, a, b]);

      const s = score(a, b, freq);
      const phone = evidence(s, 'phone');
      assert.equal(phone.tfAdjusted, true);
      assert.ok(phone.weight < evidence(score(a, b), 'phone').weight / 3);
      assert.equal(evidence(s, 'name').tfAdjusted, true);
      assert.equal(decidePair(s, DEFAULT_MODEL), 'no_link');

      const rare = score(
        record('hr:c', { names: ['Eudora Quillfeather'], phones: [SWITCHBOARD] }),
        record('crm:d', { names: ['Eudora Quillfeather'], phones: [SWITCHBOARD] }),
        freq,
      );
      assert.notEqual(decidePair(rare, DEFAULT_MODEL), 'link', 'not even with a rare name');
    });
  });

  describe('common names', () => {
    it('agreeing on 王伟 counts for less than agreeing on a rare name', () => {
      const common = score(record('a:1', { names: ['王伟'] }), record('b:1', { names: ['王伟'] }));
      const adjusted = score(
        record('a:1', { names: ['王伟'] }),
        record('b:1', { names: ['Wang Wei'] }),
        commonNameFrequencies,
      );
      const tf = score(
        record('a:1', { names: ['王伟'] }),
        record('b:1', { names: ['王伟'] }),
        commonNameFrequencies,
      );
      assert.equal(evidence(adjusted, 'name').level, 'swapped');
      assert.equal(evidence(adjusted, 'name').tfAdjusted, true);
      assert.ok(evidence(tf, 'name').weight < evidence(common, 'name').weight - 4);
      assert.ok(evidence(tf, 'name').weight > 0, 'still evidence for, never against');
    });

    it('王伟 with only a shared landline is reviewed, not linked; with his own mobile he is linked', () => {
      const LANDLINE = '+861062345678';
      const landline = score(
        record('a:1', { names: ['王伟'], phones: [LANDLINE] }),
        record('b:1', { names: ['Wei WANG'], phones: [LANDLINE] }),
        commonNameFrequencies,
      );
      assert.equal(decidePair(landline, DEFAULT_MODEL), 'no_link');
      const mobile = score(
        record('a:1', { names: ['王伟'], phones: [PHONE] }),
        record('b:1', { names: ['Wei WANG'], phones: [PHONE] }),
        commonNameFrequencies,
      );
      assert.equal(decidePair(mobile, DEFAULT_MODEL), 'link');
    });

    it('of several agreeing names, the rarest one is the evidence', () => {
      const both = score(
        record('a:1', { names: ['王伟', '王小明'] }),
        record('b:1', { names: ['王小明', '王伟'] }),
        commonNameFrequencies,
      );
      assert.equal(evidence(both, 'name').tfAdjusted, undefined);
    });
  });

  describe('SIM change', () => {
    const circle = ['c1', 'c2', 'c3', 'c4', 'c5'];
    const before = record('telco:1', {
      names: ['Zhou Yuqing'],
      birthDate: '1988-04-12',
      phones: [[PHONE, 'disconnected']],
      contacts: circle,
    });

    it('a new number with the same name and the same circle of contacts links', () => {
      const after = record('telco:2', {
        names: ['Zhou Yuqing'],
        birthDate: '1988-04-12',
        phones: [OTHER_PHONE],
        contacts: ['c1', 'c2', 'c3', 'c4', 'c9'],
      });
      const s = score(before, after);
      assert.equal(evidence(s, 'thirdParty').level, 'strong_overlap');
      assert.equal(decidePair(s, DEFAULT_MODEL), 'link');
    });

    it('without the shared circle the same pair is not linked', () => {
      const after = record('telco:2', {
        names: ['Zhou Yuqing'],
        birthDate: '1988-04-12',
        phones: [OTHER_PHONE],
        contacts: ['x1', 'x2'],
      });
      const s = score(before, after);
      assert.equal(evidence(s, 'thirdParty').level, 'none');
      assert.notEqual(decidePair(s, DEFAULT_MODEL), 'link');
    });

    it('one shared contact is only an overlap, and household members are not a circle', () => {
      const sibling = record('telco:3', { contacts: ['c1'] });
      assert.equal(evidence(score(before, sibling), 'thirdParty').level, 'overlap');
      const household: MatchableRecord = {
        ...record('telco:4'),
        thirdParties: circle.map((fingerprint) => ({
          fingerprint,
          kind: 'household_member',
          weight: 1,
        })),
      };
      assert.equal(evidence(score(before, household), 'thirdParty').level, 'missing');
    });
  });

  describe('cannot-link rules', () => {
    it('a birth date one digit off is close, not a conflict', () => {
      const s = score(
        record('a:1', { names: ['Zhou Yuqing'], birthDate: '1988-04-12' }),
        record('b:1', { names: ['Zhou Yuqing'], birthDate: '1988-04-13' }),
      );
      assert.equal(evidence(s, 'birthDate').level, 'close');
      assert.equal(s.cannotLink, null);
    });

    it('a birth date encoded in a national id stands in for a missing one', () => {
      const a = record('a:1', { names: ['王小明'], birthDate: '1990-05-01' });
      const same = score(a, record('b:1', { ids: [cnId('nid-b', '1990-05-01', 'M')] }));
      assert.equal(evidence(same, 'birthDate').level, 'exact');
      const other = score(a, record('b:2', { ids: [cnId('nid-c', '1979-11-30', 'M')] }));
      assert.equal(other.cannotLink, 'INCOMPATIBLE_BIRTH_DATE');
    });

    it('a birth date read from an id both records hold is not counted a second time', () => {
      // Someone using a relative's id gets the relative's birth date with it: agreeing on it then
      // says nothing the shared id has not already said.
      const id = cnId('nid-a', '1990-05-01', 'M');
      const s = score(
        record('a:1', { names: ['王小明'], birthDate: '1990-05-01', ids: [id] }),
        record('b:1', { names: ['Zhou Yuqing'], ids: [id] }),
      );
      assert.equal(evidence(s, 'nationalId').level, 'exact');
      assert.equal(evidence(s, 'birthDate').level, 'missing');
      assert.notEqual(decidePair(s, DEFAULT_MODEL), 'link');
    });

    it('ids of different schemes are not compared, but the sexes they encode are', () => {
      const s = score(
        record('a:1', { ids: [cnId('nid-a', '1990-05-01', 'M')] }),
        record('b:1', {
          ids: [{ fingerprint: 'p-b', country: 'CN', type: 'TW_RP', derivedSex: 'F' }],
        }),
      );
      assert.equal(evidence(s, 'nationalId').level, 'missing');
      assert.equal(s.cannotLink, 'NATIONAL_ID_SEX_CONFLICT');
    });

    it('a shared id outweighs a second, different id of the same scheme', () => {
      const s = score(
        record('a:1', { ids: [cnId('nid-a', '1990-05-01', 'M')] }),
        record('b:1', {
          ids: [cnId('nid-a', '1990-05-01', 'M'), cnId('nid-z', '1990-05-01', 'M')],
        }),
      );
      assert.equal(evidence(s, 'nationalId').level, 'exact');
      assert.equal(s.cannotLink, null);
    });
  });

  describe('other fields', () => {
    it('a number seen live after another record says it ended counts for less than a live one', () => {
      const live = score(record('a:1', { phones: [PHONE] }), record('b:1', { phones: [PHONE] }));
      const stale = score(
        record('a:1', { phones: [[PHONE, 'active', DAY * 200]] }),
        record('b:1', { phones: [[PHONE, 'reassigned', DAY * 100]] }),
      );
      assert.equal(evidence(stale, 'phone').level, 'shared_stale');
      assert.ok(evidence(stale, 'phone').weight < evidence(live, 'phone').weight);
    });

    it('a number seen live no later than another record says it ended is the same tenure', () => {
      const creditorForm = record('a:1', { phones: [[PHONE, 'active', DAY * 100]] });
      const tenure = score(creditorForm, record('b:1', { phones: [[PHONE, 'disconnected', DAY * 100]] }));
      assert.equal(evidence(tenure, 'phone').level, 'shared_tenure');
      const live = score(record('a:1', { phones: [PHONE] }), record('b:1', { phones: [PHONE] }));
      assert.equal(evidence(tenure, 'phone').weight, evidence(live, 'phone').weight);
      const bothEnded = score(
        record('a:1', { phones: [[PHONE, 'disconnected', DAY * 50]] }),
        record('b:1', { phones: [[PHONE, 'disconnected', DAY * 100]] }),
      );
      assert.equal(evidence(bothEnded, 'phone').level, 'shared_stale');
    });

    it('a shared live fixed line, which a household shares, counts for less than a mobile', () => {
      const landline = '+861062345678';
      const fixed = score(record('a:1', { phones: [landline] }), record('b:1', { phones: [landline] }));
      const mobile = score(record('a:1', { phones: [PHONE] }), record('b:1', { phones: [PHONE] }));
      assert.equal(evidence(fixed, 'phone').level, 'shared_fixed_line');
      assert.ok(evidence(fixed, 'phone').weight < evidence(mobile, 'phone').weight / 2);
      const both = score(
        record('a:1', { phones: [landline, PHONE] }),
        record('b:1', { phones: [PHONE, landline] }),
      );
      assert.equal(evidence(both, 'phone').level, 'shared_active');
    });

    it("a common name counts in full beside a shared live mobile: strangers don't share one", () => {
      const withMobile = score(
        record('a:1', { names: ['王伟'], phones: [PHONE] }),
        record('b:1', { names: ['Wei WANG'], phones: [PHONE] }),
        commonNameFrequencies,
      );
      assert.equal(evidence(withMobile, 'name').tfAdjusted, undefined);
      const withLandline = score(
        record('a:1', { names: ['王伟'], phones: ['+861062345678'] }),
        record('b:1', { names: ['Wei WANG'], phones: ['+861062345678'] }),
        commonNameFrequencies,
      );
      assert.equal(evidence(withLandline, 'name').tfAdjusted, true);
      assert.ok(evidence(withLandline, 'name').weight < evidence(withMobile, 'name').weight);
    });

    it('addresses agree exactly on their key, or on the postcode', () => {
      const a = record('a:1', { addresses: [beijing('示例路88号')] });
      assert.equal(
        evidence(score(a, record('b:1', { addresses: [beijing('示例路 88 号')] })), 'address')
          .level,
        'exact',
      );
      assert.equal(
        evidence(score(a, record('b:1', { addresses: [beijing('示例路90号')] })), 'address').level,
        'same_postcode',
      );
      const noPostcode = record('b:1', { addresses: [{ lines: ['示例路88号'] }] });
      assert.equal(evidence(score(a, noPostcode), 'address').level, 'missing');
    });

    it('employers agree across legal forms and full-width spelling', () => {
      const level = (x: string, y: string): string =>
        evidence(score(record('a:1', { employer: x }), record('b:1', { employer: y })), 'employer')
          .level;
      assert.equal(level('Example Widgets Ltd.', 'EXAMPLE WIDGETS LIMITED'), 'exact');
      assert.equal(level('示例科技集团有限公司', '示例科技'), 'exact');
      assert.equal(level('Example Widgets', 'Exampel Widgets'), 'close');
      assert.equal(level('Example Widgets', 'Sample Bakery'), 'different');
    });
  });

  it('reports every field once, in a fixed order, and no compared value', () => {
    const a = record('a:1', {
      names: ['王小明'],
      birthDate: '1990-05-01',
      ids: [cnId('nid-secret', '1990-05-01', 'M')],
      phones: [PHONE],
      emails: ['xiaoming@example.com'],
      addresses: [beijing('示例路88号')],
      employer: 'Example Widgets',
      contacts: ['contact-secret'],
    });
    const s = score(a, { ...a, key: 'b:1' });
    assert.deepEqual(
      s.evidence.map((e) => e.field),
      ['nationalId', 'name', 'birthDate', 'phone', 'email', 'address', 'employer', 'thirdParty'],
    );
    const text = JSON.stringify(s);
    for (const value of [
      'nid-secret',
      PHONE,
      'example.com',
      'wang',
      '示例',
      'Example',
      'contact-secret',
      '1990',
    ]) {
      assert.ok(!text.includes(value), 'a compared value leaked into the score');
    }
  });
});
