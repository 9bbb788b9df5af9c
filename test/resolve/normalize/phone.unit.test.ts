import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { normalizePhone, phoneE164 } from '../../../src/resolve/normalize/phone.js';
import type { NormalizedPhone } from '../../../src/resolve/normalize/phone.js';

// Synthetic numbers only: 138-1234-5678 style CN mobiles, the US 555-01xx fiction range, the UK
// Ofcom drama range for London, and libphonenumber's own example numbers.
function normalized(raw: string, hint?: string): NormalizedPhone {
  const result = normalizePhone(raw, hint);
  assert.ok(result.ok, `expected ${raw} to normalize, got ${result.ok ? '' : result.reason}`);
  return result.value;
}

function rejection(raw: string, hint?: string): string {
  const result = normalizePhone(raw, hint);
  assert.ok(!result.ok, `expected ${raw} to be rejected`);
  return result.reason;
}

describe('normalizePhone', () => {
  describe('CN mobile numbers', () => {
    it('accepts +86, 0086 and 86 prefixes, spaces, dashes and parentheses', () => {
      for (const raw of [
        '+86 138-1234-5678',
        '+8613812345678',
        '0086 138 1234 5678',
        '0086-138-1234-5678',
        '86 138 1234 5678',
        '8613812345678',
        '+86 (138) 1234 5678',
      ]) {
        assert.equal(normalized(raw).e164, '+8613812345678', raw);
      }
    });

    it('reports the type mobile and the country CN', () => {
      assert.deepEqual(normalized('13812345678', 'CN'), {
        e164: '+8613812345678',
        type: 'mobile',
        country: 'CN',
      });
    });

    it('accepts the newer ranges 16x, 17x, 19x and 14x', () => {
      for (const raw of ['16612345678', '17012345678', '19912345678', '14712345678']) {
        assert.equal(normalized(raw, 'CN').type, 'mobile', raw);
      }
    });

    it('accepts full-width digits as typed with a Chinese input method', () => {
      assert.equal(normalized('１３８１２３４５６７８', 'CN').e164, '+8613812345678');
    });

    it('when +86 is followed by a mobile prefix and only 10 digits, then TOO_SHORT', () => {
      assert.equal(rejection('+86 138 1234 567'), 'TOO_SHORT');
    });

    it('when +86 is followed by a mobile prefix and 12 digits, then TOO_LONG', () => {
      assert.equal(rejection('+86 138 1234 56789'), 'TOO_LONG');
    });

    it('when the 11 digits start 12x, an unassigned prefix, then INVALID_NUMBER', () => {
      assert.equal(rejection('12012345678', 'CN'), 'INVALID_NUMBER');
      assert.equal(rejection('+86 128 1234 5678'), 'INVALID_NUMBER');
    });
  });

  describe('without a country hint', () => {
    it('when the number has CN mobile shape and nothing implies another country, then it is +86', () => {
      assert.deepEqual(normalized('13812345678'), {
        e164: '+8613812345678',
        type: 'mobile',
        country: 'CN',
      });
    });

    it('when a CN-shaped guess is not a valid CN number, then MISSING_COUNTRY, not INVALID_NUMBER', () => {
      assert.equal(rejection('14155550123'), 'MISSING_COUNTRY');
    });

    it('when the number is national and not of CN mobile shape, then MISSING_COUNTRY', () => {
      assert.equal(rejection('2015550123'), 'MISSING_COUNTRY');
      assert.equal(rejection('12012345678'), 'MISSING_COUNTRY');
      assert.equal(rejection('010 1234 5678'), 'MISSING_COUNTRY');
    });

    it('reads a leading 00 as the international prefix', () => {
      assert.equal(normalized('00 1 201 555 0123').e164, '+12015550123');
    });

    it('when the number carries +, then that country is used', () => {
      assert.equal(normalized('+1 201 555 0123').country, 'US');
      assert.equal(normalized('+852 5123 4567').country, 'HK');
    });
  });

  describe('with a country hint', () => {
    it('uses the hint as the default country, whatever its case', () => {
      assert.equal(normalized('201-555-0123', 'US').e164, '+12015550123');
      assert.equal(normalized('(201) 555-0123', 'us').e164, '+12015550123');
    });

    it('when the number carries its own +, then that wins over the hint', () => {
      assert.equal(normalized('+86 138 1234 5678', 'US').country, 'CN');
    });

    it('when the hint says another country, then a CN-shaped number is not taken as CN', () => {
      assert.equal(rejection('13812345678', 'US'), 'INVALID_NUMBER');
    });

    it('when the hint is not a known country, then UNKNOWN_COUNTRY_HINT', () => {
      assert.equal(rejection('13812345678', 'ZZ'), 'UNKNOWN_COUNTRY_HINT');
      assert.equal(rejection('13812345678', 'China'), 'UNKNOWN_COUNTRY_HINT');
      assert.equal(rejection('13812345678', ''), 'UNKNOWN_COUNTRY_HINT');
    });

    it('applies the hint country’s national prefix: 0 for CN trunk calls', () => {
      assert.equal(normalized('010 1234 5678', 'CN').e164, '+861012345678');
      assert.equal(normalized('020 1234 5678', 'CN').e164, '+862012345678');
    });
  });

  describe('number types', () => {
    it('tells fixed lines from mobiles', () => {
      assert.equal(normalized('+86 10 1234 5678').type, 'fixed_line');
      assert.equal(normalized('+44 20 7946 0958').type, 'fixed_line');
      assert.equal(normalized('+44 7400 123456').type, 'mobile');
      assert.equal(normalized('+49 1512 3456789').type, 'mobile');
    });

    it('says fixed_line_or_mobile where the numbering plan cannot tell (NANP)', () => {
      assert.equal(normalized('+1 201 555 0123').type, 'fixed_line_or_mobile');
    });

    it('recognizes toll-free, premium-rate and shared-cost numbers', () => {
      assert.equal(normalized('+1 800 555 0199').type, 'toll_free');
      assert.equal(normalized('+1 900 555 0199').type, 'premium_rate');
      assert.equal(normalized('+86 400 123 4567').type, 'shared_cost');
    });

    it('leaves out the country of a non-geographic number', () => {
      const phone = normalized('+800 1234 5678');
      assert.equal(phone.type, 'toll_free');
      assert.equal(phone.country, undefined);
      assert.equal('country' in phone, false);
    });
  });

  describe('impossible and invalid numbers', () => {
    it('when it is too short, then TOO_SHORT', () => {
      assert.equal(rejection('123', 'CN'), 'TOO_SHORT');
      assert.equal(rejection('+1 201'), 'TOO_SHORT');
      assert.equal(rejection('+86 12345'), 'TOO_SHORT');
    });

    it('when it is too long, then TOO_LONG', () => {
      assert.equal(rejection('1234567890123456789012', 'CN'), 'TOO_LONG');
      assert.equal(rejection('+1 201 555 01234'), 'TOO_LONG');
    });

    it('when it has a possible length but an unassigned range, then INVALID_NUMBER', () => {
      assert.equal(rejection('+86 10 1234 56789'), 'INVALID_NUMBER');
      assert.equal(rejection('+44 7700 900123'), 'INVALID_NUMBER');
    });

    it('when it holds no digits or other text than a number, then NOT_A_NUMBER', () => {
      for (const raw of ['', '   ', 'abc', 'n/a', '+8613812345678abc', 'call +8613812345678']) {
        assert.equal(rejection(raw, 'CN'), 'NOT_A_NUMBER', raw);
      }
    });

    it('never throws, whatever it is given', () => {
      for (const raw of [
        '+',
        '++86',
        '+0',
        '00',
        '86',
        '\u0000',
        '+86 138 1234 5678 ext',
        '٠١٢٣',
      ]) {
        assert.doesNotThrow(() => normalizePhone(raw));
        assert.doesNotThrow(() => normalizePhone(raw, 'CN'));
      }
    });
  });

  it('keeps an extension apart from the E.164 number', () => {
    assert.deepEqual(normalized('(201) 555-0123 ext. 12', 'US'), {
      e164: '+12015550123',
      type: 'fixed_line_or_mobile',
      country: 'US',
      extension: '12',
    });
  });
});

describe('phoneE164', () => {
  it('gives the E.164 number normalizePhone gives', () => {
    assert.deepEqual(phoneE164('+86 138-1234-5678'), { ok: true, value: '+8613812345678' });
    assert.deepEqual(phoneE164('(201) 555-0123', 'US'), { ok: true, value: '+12015550123' });
  });

  it('refuses a number for the reason normalizePhone gives', () => {
    assert.deepEqual(phoneE164('138 1234 567'), { ok: false, reason: 'MISSING_COUNTRY' });
    assert.deepEqual(phoneE164('+86 138 1234 567'), { ok: false, reason: 'TOO_SHORT' });
    assert.deepEqual(phoneE164('12345', 'XX'), { ok: false, reason: 'UNKNOWN_COUNTRY_HINT' });
  });

  it('agrees with normalizePhone on any digits, prefix and country hint', () => {
    const digits = fc.array(fc.constantFrom(...'0123456789 -'), { maxLength: 16 }).map((cs) => cs.join(''));
    const prefix = fc.constantFrom('+86', '+1', '+44', '+852', '0086', '86', '00', '+', '', '+86 138', '+1 212', '138');
    const hint = fc.constantFrom(undefined, 'CN', 'US', 'GB', 'HK', 'XX');
    fc.assert(
      fc.property(prefix, digits, hint, (head, tail, country) => {
        const full = normalizePhone(head + tail, country);
        const e164 = phoneE164(head + tail, country);
        assert.deepEqual(e164, full.ok ? { ok: true, value: full.value.e164 } : full);
      }),
      { numRuns: 2000 },
    );
  });
});
