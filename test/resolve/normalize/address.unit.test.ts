import { strict as assert } from 'node:assert';
import { addressTokens, normalizeAddress } from '../../../src/resolve/normalize/address.js';

// Addresses are invented: 1 Example St does not exist, and 示例路 is not a real road.
describe('addressTokens', () => {
  it('folds case and diacritics, drops punctuation and spells out common abbreviations', () => {
    assert.deepEqual(addressTokens('12B Main St., Apt #4'), [
      '12b',
      'main',
      'street',
      'apartment',
      '4',
    ]);
    assert.deepEqual(addressTokens('9 Élan Ave'), ['9', 'elan', 'avenue']);
    assert.deepEqual(addressTokens('3 Example Rd'), addressTokens('3 example road'));
  });

  it('joins across apostrophes', () => {
    assert.deepEqual(addressTokens("7 O'Example Blvd"), ['7', 'oexample', 'boulevard']);
  });

  it('expands abbreviations only as whole words', () => {
    assert.deepEqual(addressTokens('1 Stable Road'), ['1', 'stable', 'road']);
  });

  it('splits a Chinese address after each unit suffix such as 市, 区, 路 and 号', () => {
    assert.deepEqual(addressTokens('北京市朝阳区示例路88号'), [
      '北京市',
      '朝阳区',
      '示例路',
      '88号',
    ]);
    assert.deepEqual(addressTokens('示例大道100号3栋502室'), ['示例大道', '100号', '3栋', '502室']);
    assert.deepEqual(addressTokens('示例街道'), ['示例街道']);
  });

  it('segments a Chinese address the same however it is spaced or punctuated', () => {
    const expected = ['北京市', '朝阳区', '示例路', '88号'];
    assert.deepEqual(addressTokens('北京市 朝阳区 示例路 88 号'), expected);
    assert.deepEqual(addressTokens('北京市，朝阳区，示例路８８号'), expected);
  });

  it('keeps a Chinese run with no suffix whole', () => {
    assert.deepEqual(addressTokens('示例大厦'), ['示例大厦']);
  });

  it('when there is nothing but punctuation, then no tokens', () => {
    assert.deepEqual(addressTokens(' ,.- '), []);
    assert.deepEqual(addressTokens(undefined), []);
  });
});

describe('normalizeAddress', () => {
  it('takes tokens from the lines, locality and region in order', () => {
    const address = normalizeAddress({
      lines: ['1 Example St', 'Apt 2'],
      locality: 'Springfield',
      region: 'NJ',
      postcode: '07030-1234',
      country: 'us',
    });
    assert.deepEqual(address, {
      tokens: ['1', 'example', 'street', 'apartment', '2', 'springfield', 'nj'],
      country: 'US',
      postcode: '07030',
      key: 'US|07030|1 example street',
    });
  });

  it('builds the same key for a CN address however it is written', () => {
    const a = normalizeAddress({
      lines: ['北京市朝阳区示例路88号'],
      postcode: '100020',
      country: 'CN',
    });
    const b = normalizeAddress({
      lines: ['北京市 朝阳区 示例路 88 号'],
      postcode: '100 020',
      country: 'cn',
    });
    assert.equal(a.key, 'CN|100020|北京市 朝阳区 示例路 88号');
    assert.equal(b.key, a.key);
  });

  it('formats a UK postcode and reads the country code UK as GB', () => {
    const address = normalizeAddress({
      lines: ['10 Example Rd'],
      postcode: 'sw1a1aa',
      country: 'UK',
    });
    assert.equal(address.country, 'GB');
    assert.equal(address.postcode, 'SW1A 1AA');
    assert.equal(address.key, 'GB|SW1A 1AA|10 example road');
  });

  it('when the postcode is invalid for the country, then it and the key are left out', () => {
    const address = normalizeAddress({ lines: ['1 Example St'], postcode: '1234', country: 'CN' });
    assert.equal(address.postcode, undefined);
    assert.equal(address.key, undefined);
    assert.deepEqual(address.tokens, ['1', 'example', 'street']);
  });

  it('when the country is missing or malformed, then there is no country and no key', () => {
    for (const country of [undefined, 'USA', '']) {
      const address = normalizeAddress({ lines: ['1 Example St'], postcode: '07030', country });
      assert.equal(address.country, undefined, String(country));
      assert.equal(address.key, undefined, String(country));
    }
  });

  it('when the first line has no words, then there is no key', () => {
    const address = normalizeAddress({
      lines: ['--', '1 Example St'],
      postcode: '07030',
      country: 'US',
    });
    assert.equal(address.key, undefined);
    assert.deepEqual(address.tokens, ['1', 'example', 'street']);
  });

  it('when there are no lines, then tokens come from locality and region alone', () => {
    assert.deepEqual(normalizeAddress({ lines: [], locality: '上海市' }).tokens, ['上海市']);
  });
});
