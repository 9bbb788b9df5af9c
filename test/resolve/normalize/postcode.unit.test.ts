import { strict as assert } from 'node:assert';
import { canonicalPostcode } from '../../../src/resolve/normalize/postcode.js';

describe('canonicalPostcode', () => {
  it('CN: six digits, with spaces and full-width digits folded', () => {
    assert.equal(canonicalPostcode('100000', 'CN'), '100000');
    assert.equal(canonicalPostcode(' 100 020 ', 'CN'), '100020');
    assert.equal(canonicalPostcode('１０００２０', 'CN'), '100020');
  });

  it('CN: anything but six digits is dropped', () => {
    for (const raw of ['10000', '1000000', '10002A']) {
      assert.equal(canonicalPostcode(raw, 'CN'), undefined, raw);
    }
  });

  it('US: the five-digit ZIP, also from ZIP+4', () => {
    assert.equal(canonicalPostcode('07030', 'US'), '07030');
    assert.equal(canonicalPostcode('07030-1234', 'US'), '07030');
    assert.equal(canonicalPostcode('070301234', 'US'), '07030');
  });

  it('US: anything else is dropped', () => {
    for (const raw of ['7030', '07030-12', 'ABCDE']) {
      assert.equal(canonicalPostcode(raw, 'US'), undefined, raw);
    }
  });

  it('GB: upper case with one space before the inward code', () => {
    assert.equal(canonicalPostcode('sw1a1aa', 'GB'), 'SW1A 1AA');
    assert.equal(canonicalPostcode(' ec1a  1bb ', 'GB'), 'EC1A 1BB');
    assert.equal(canonicalPostcode('M1 1AE', 'GB'), 'M1 1AE');
    assert.equal(canonicalPostcode('b338th', 'GB'), 'B33 8TH');
    assert.equal(canonicalPostcode('GIR0AA', 'GB'), 'GIR 0AA');
  });

  it('GB: a code that cannot be a postcode is dropped', () => {
    for (const raw of ['SW1A', '1AA SW1', 'SW1A 1A1']) {
      assert.equal(canonicalPostcode(raw, 'GB'), undefined, raw);
    }
  });

  it('elsewhere, or without a country: upper case, trimmed, inner spaces collapsed', () => {
    assert.equal(canonicalPostcode(' k1a  0b1 ', 'CA'), 'K1A 0B1');
    assert.equal(canonicalPostcode('10115', 'DE'), '10115');
    assert.equal(canonicalPostcode('abc-12'), 'ABC-12');
  });

  it('when blank, then undefined', () => {
    assert.equal(canonicalPostcode('  ', 'CN'), undefined);
    assert.equal(canonicalPostcode('', 'FR'), undefined);
  });
});
