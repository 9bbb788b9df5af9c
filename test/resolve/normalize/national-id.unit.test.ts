import { strict as assert } from 'node:assert';
import { createHmac } from 'node:crypto';
import {
  MIN_FINGERPRINT_KEY_BYTES,
  nationalIdFingerprint,
  normalizeNationalId,
} from '../../../src/resolve/normalize/national-id.js';
import type { NationalId, NationalIdInput } from '../../../src/resolve/normalize/national-id.js';

const NOW = new Date('2025-06-15T12:00:00Z');
const KEY = Buffer.alloc(32, 7);
const OTHER_KEY = Buffer.alloc(32, 8);
// GB 11643's own fictitious example, and its first-generation form.
const RIC_18 = '11010519491231002X';
const RIC_15 = '110105491231002';

function normalized(input: NationalIdInput): NationalId {
  const result = normalizeNationalId(input, NOW);
  assert.ok(result.ok, `expected to normalize, got ${result.ok ? '' : result.reason}`);
  return result.value;
}

function rejection(input: NationalIdInput): string {
  const result = normalizeNationalId(input, NOW);
  assert.ok(!result.ok, 'expected a rejection');
  return result.reason;
}

describe('normalizeNationalId', () => {
  describe('CN_RIC', () => {
    it('validates through the resident id rules and carries the derived birth date and sex', () => {
      assert.deepEqual(normalized({ country: 'CN', type: 'CN_RIC', value: RIC_18 }), {
        country: 'CN',
        type: 'CN_RIC',
        value: RIC_18,
        birthDate: '1949-12-31',
        sex: 'F',
      });
    });

    it('canonicalizes a 15-digit id and a spaced, dashed, lower-case one to the same value', () => {
      for (const value of [RIC_15, '110105 19491231 002x', '110105-19491231-002X']) {
        assert.equal(normalized({ country: 'CN', type: 'CN_RIC', value }).value, RIC_18, value);
      }
    });

    it('passes on the resident id rejection', () => {
      const wrongCheck = RIC_18.slice(0, 17) + '1';
      assert.equal(
        rejection({ country: 'CN', type: 'CN_RIC', value: wrongCheck }),
        'BAD_CHECK_DIGIT',
      );
      assert.equal(rejection({ country: 'CN', type: 'CN_RIC', value: '1101051949' }), 'BAD_LENGTH');
    });

    it('when the country is not CN, then BAD_COUNTRY', () => {
      assert.equal(rejection({ country: 'US', type: 'CN_RIC', value: RIC_18 }), 'BAD_COUNTRY');
    });
  });

  describe('US SSN', () => {
    it('strips the dashes of AAA-GG-SSSS', () => {
      assert.deepEqual(normalized({ country: 'US', type: 'SSN', value: '219-09-9999' }), {
        country: 'US',
        type: 'SSN',
        value: '219099999',
      });
    });

    it('rejects never-issued numbers and wrong lengths', () => {
      assert.equal(rejection({ country: 'US', type: 'SSN', value: '666-12-3456' }), 'NEVER_ISSUED');
      assert.equal(rejection({ country: 'US', type: 'SSN', value: '219-09-0000' }), 'NEVER_ISSUED');
      assert.equal(rejection({ country: 'US', type: 'SSN', value: '219-09-999' }), 'BAD_LENGTH');
    });
  });

  describe('other types', () => {
    it('upper-cases and strips spaces, dashes, dots and slashes', () => {
      const id = normalized({ country: 'de', type: 'passport', value: ' c01x-00t.47/8 ' });
      assert.deepEqual(id, { country: 'DE', type: 'PASSPORT', value: 'C01X00T478' });
    });

    it('when nothing is left after canonicalizing, then EMPTY_VALUE', () => {
      assert.equal(rejection({ country: 'DE', type: 'PASSPORT', value: ' - . ' }), 'EMPTY_VALUE');
    });

    it('when other characters remain, then BAD_CHARACTERS', () => {
      assert.equal(
        rejection({ country: 'DE', type: 'PASSPORT', value: 'C01X#00' }),
        'BAD_CHARACTERS',
      );
    });

    it('when the country or type code is malformed, then BAD_COUNTRY or BAD_TYPE', () => {
      assert.equal(
        rejection({ country: 'DEU', type: 'PASSPORT', value: 'C01X00T47' }),
        'BAD_COUNTRY',
      );
      assert.equal(rejection({ country: 'DE', type: 'PASS PORT', value: 'C01X00T47' }), 'BAD_TYPE');
      assert.equal(rejection({ country: 'DE', type: '', value: 'C01X00T47' }), 'BAD_TYPE');
    });
  });
});

describe('nationalIdFingerprint', () => {
  const ric = { country: 'CN', type: 'CN_RIC', value: RIC_18 };

  it('is the HMAC-SHA256 in hex of country|type|value under the key', () => {
    const expected = createHmac('sha256', KEY).update(`CN|CN_RIC|${RIC_18}`).digest('hex');
    assert.equal(nationalIdFingerprint(ric, KEY), expected);
    assert.match(nationalIdFingerprint(ric, KEY), /^[0-9a-f]{64}$/);
  });

  it('never contains the id itself', () => {
    assert.ok(!nationalIdFingerprint(ric, KEY).toUpperCase().includes(RIC_18));
  });

  it('is the same for every spelling of one id, once normalized', () => {
    const fromOld = normalized({ country: 'CN', type: 'CN_RIC', value: RIC_15 });
    const fromNew = normalized({ country: 'CN', type: 'CN_RIC', value: '110105 19491231 002x' });
    assert.equal(nationalIdFingerprint(fromOld, KEY), nationalIdFingerprint(fromNew, KEY));
  });

  it('differs by key, by country and by type for the same value', () => {
    const base = nationalIdFingerprint(ric, KEY);
    assert.notEqual(nationalIdFingerprint(ric, OTHER_KEY), base);
    assert.notEqual(nationalIdFingerprint({ ...ric, country: 'HK' }, KEY), base);
    assert.notEqual(nationalIdFingerprint({ ...ric, type: 'PASSPORT' }, KEY), base);
  });

  it('when the key is shorter than the minimum, then it refuses without echoing the id', () => {
    const shortKey = Buffer.alloc(MIN_FINGERPRINT_KEY_BYTES - 1, 7);
    assert.throws(
      () => nationalIdFingerprint(ric, shortKey),
      (error: unknown) =>
        error instanceof RangeError &&
        /at least 32/.test(error.message) &&
        !error.message.includes(RIC_18),
    );
  });
});
