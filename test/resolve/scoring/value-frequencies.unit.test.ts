import { strict as assert } from 'node:assert';
import {
  commonNameFrequencies,
  commonNameShare,
} from '../../../src/resolve/scoring/common-names.js';
import {
  countingFrequencies,
  MIN_NAME_POPULATION,
} from '../../../src/resolve/scoring/counting-frequencies.js';
import {
  FREE_HOLDERS,
  nameAgreementWeight,
  REFERENCE_NAME_SHARE,
  sharedValueWeight,
} from '../../../src/resolve/scoring/term-frequency.js';
import { uniformFrequencies } from '../../../src/resolve/scoring/value-frequencies.js';
import { beijing, record } from './records.js';

describe('value frequencies', () => {
  it('uniformFrequencies adjusts nothing', () => {
    assert.equal(uniformFrequencies.nameShare('wang wei'), 0);
    assert.ok(uniformFrequencies.phoneHolders('+15555550100') <= FREE_HOLDERS);
  });

  it('the built-in table knows very common CN and Western names, in either word order', () => {
    assert.ok(commonNameShare('wang wei') > REFERENCE_NAME_SHARE);
    assert.equal(commonNameShare('wei wang'), commonNameShare('wang wei'));
    assert.ok(commonNameShare('smith john') > REFERENCE_NAME_SHARE);
    assert.equal(commonNameShare('quillfeather eudora'), 0);
    assert.equal(commonNameFrequencies.nameShare('li na'), commonNameShare('li na'));
  });

  describe('countingFrequencies', () => {
    const phone = '+15555550100';
    const records = [
      record('a:1', { names: ['王伟', 'Wei WANG'], phones: [phone, phone] }),
      record('a:2', { names: ['Eudora Quillfeather'], phones: [phone] }),
      record('a:3', { addresses: [beijing('示例路88号'), beijing('示例路 88 号')] }),
    ];
    const freq = countingFrequencies(records);

    it('counts distinct records holding a phone or an address, not listings', () => {
      assert.equal(freq.phoneHolders(phone), 2);
      assert.equal(freq.phoneHolders('+15555550199'), 0);
      const key = records[2]!.addresses[0]!.key!;
      assert.equal(freq.addressHolders(key), 1);
    });

    it('measures a small graph as if it had a million records, with the table as floor', () => {
      assert.equal(freq.nameShare('quillfeather eudora'), 1 / MIN_NAME_POPULATION);
      assert.equal(freq.nameShare('wang wei'), commonNameShare('wang wei'));
    });

    it('counts name shares over a large graph', () => {
      const many = Array.from({ length: MIN_NAME_POPULATION / 1000 }, (_, i) =>
        record(`big:${i}`, {
          names: [i % 10 === 0 ? 'Eudora Quillfeather' : `Person${i} Example`],
        }),
      );
      const big = countingFrequencies(many);
      assert.equal(big.nameShare('quillfeather eudora'), 100 / MIN_NAME_POPULATION);
    });
  });

  describe('term-frequency adjustment', () => {
    const exact = { m: 0.8, u: 0.003 };
    const base = Math.log2(exact.m / exact.u);

    it('leaves a typical name alone and takes log2(k) bits from a name k times as common', () => {
      assert.equal(nameAgreementWeight(exact, REFERENCE_NAME_SHARE), base);
      assert.ok(Math.abs(nameAgreementWeight(exact, 8 * REFERENCE_NAME_SHARE) - (base - 3)) < 1e-9);
    });

    it('never turns agreement into evidence against', () => {
      assert.equal(nameAgreementWeight(exact, 0.9), 0);
      assert.equal(nameAgreementWeight({ m: 0.1, u: 0.5 }, 0.9), Math.log2(0.2));
    });

    it('keeps a value held by a few records, and divides one held by many', () => {
      assert.equal(sharedValueWeight(10, FREE_HOLDERS), 10);
      assert.equal(sharedValueWeight(10, 2 * FREE_HOLDERS), 5);
      assert.ok(sharedValueWeight(10, 30) < 3);
      assert.equal(sharedValueWeight(-2, 30), -2);
      assert.equal(sharedValueWeight(10, Number.NaN), 10);
    });
  });
});
