import { strict as assert } from 'node:assert';
import { blockingKeys } from '../../../src/resolve/clustering/blocking-keys.js';
import {
  candidatePairs,
  FULL_COMPARISON_LIMIT,
} from '../../../src/resolve/clustering/candidate-pairs.js';
import { beijing, cnId, record } from '../scoring/records.js';

describe('blockingKeys', () => {
  it('keys a record by ids, phones of any status, emails, name and birth date, postcode, family name and birth year', () => {
    const keys = blockingKeys(
      record('a:1', {
        names: ['王小明'],
        ids: [cnId('nid-a', '1990-05-01', 'M')],
        phones: ['+8613900000001', ['+8613900000002', 'disconnected']],
        emails: ['xm@example.com'],
        addresses: [beijing('示例路88号')],
        contacts: ['contact-1'],
      }),
    );
    assert.deepEqual(keys, [
      'em:xm@example.com',
      'nb:wang xiaoming|1990-05-01',
      'nid:nid-a',
      'pf:100020|wang|1990',
      'ph:+8613900000001',
      'ph:+8613900000002',
    ]);
  });

  it('never keys on a third party: a popular contact would block a neighbourhood together', () => {
    const keys = blockingKeys(record('a:1', { contacts: ['contact-1', 'contact-2'] }));
    assert.deepEqual(keys, []);
  });

  it('gives one name key per birth date the record knows, as precisely as it knows it', () => {
    const keys = blockingKeys(
      record('a:1', {
        names: ['Zhou Yuqing'],
        birthDate: '1988',
        ids: [cnId('n', '1989-01-01', 'F')],
      }),
    );
    assert.deepEqual(
      keys.filter((k) => k.startsWith('nb:')),
      ['nb:yuqing zhou|1988', 'nb:yuqing zhou|1989-01-01'],
    );
  });

  it('a mistyped given name still shares postcode, family name and birth year; a namesake born another day shares no name key', () => {
    const person = blockingKeys(
      record('a:1', {
        names: ['王小明'],
        birthDate: '1990-05-01',
        addresses: [beijing('示例路88号')],
      }),
    );
    const mistyped = blockingKeys(
      record('b:1', {
        names: ['王小敏'],
        birthDate: '1990-05-01',
        addresses: [beijing('示例路86号')],
      }),
    );
    const namesake = blockingKeys(
      record('c:1', {
        names: ['王小明'],
        birthDate: '1990-11-23',
        addresses: [beijing('示例路12号')],
      }),
    );
    assert.deepEqual(
      person.filter((k) => mistyped.includes(k)),
      ['pf:100020|wang|1990'],
    );
    assert.deepEqual(
      person.filter((k) => namesake.includes(k)),
      ['pf:100020|wang|1990'],
    );
    assert.ok(person.includes('nb:wang xiaoming|1990-05-01'));
  });
});

describe('candidatePairs', () => {
  it(`scores every pair of a component of up to ${FULL_COMPARISON_LIMIT} records`, () => {
    const records = Array.from({ length: 4 }, (_, i) => record(`a:${i}`));
    assert.equal(candidatePairs(records).length, 6);
  });

  it('above that, only pairs that share a blocking key, each once and in order', () => {
    const records = Array.from({ length: FULL_COMPARISON_LIMIT + 1 }, (_, i) =>
      record(`a:${String(i).padStart(3, '0')}`, {
        phones: [`+1555555${String(1000 + Math.floor(i / 2))}`],
        emails: i < 3 ? ['shared@example.com'] : [],
      }),
    );
    const pairs = candidatePairs(records);
    // 150 phone pairs (0-1, 2-3, ...) and the email trio 0-1-2 adding 0-2 and 1-2.
    assert.equal(pairs.length, 152);
    assert.deepEqual(pairs.slice(0, 4), [
      [0, 1],
      [0, 2],
      [1, 2],
      [2, 3],
    ]);
  });
});
