import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { assertCanonicalizable, canonicalJson, type JsonValue } from '../../src/audit/canonical-json.js';
import { fingerprintValue } from '../../src/audit/fingerprint.js';
import { chainHash, GENESIS_HASH, sealAuditRecord } from '../../src/audit/seal-audit-record.js';
import { sampleEntry } from './audit-fixtures.js';

describe('canonical JSON and record hashing', () => {
  it('when members come in any order, then the canonical form sorts keys and has no whitespace', () => {
    assert.equal(
      canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 1.5, y: 'é' } }),
      '{"a":[true,null,"x"],"b":1,"c":{"y":"é","z":1.5}}',
    );
    assert.equal(canonicalJson({ a: 1, b: undefined }), '{"a":1}');
  });

  it('when numbers are written, then they use the ECMAScript form RFC 8785 specifies', () => {
    assert.equal(canonicalJson([1e21, 0.1, -0, 100, 1e-7]), '[1e+21,0.1,0,100,1e-7]');
    assert.throws(() => canonicalJson({ n: Number.NaN }), /non-finite/);
  });

  it('when any value is checked up front, then the check throws exactly when canonicalizing it would', () => {
    const throws = (f: () => unknown) => {
      try {
        f();
        return false;
      } catch {
        return true;
      }
    };
    const awkward = fc.constantFrom<unknown>(Number.NaN, Infinity, -Infinity, -0, undefined, 10n, null, '\ud800');
    const values = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.jsonValue(), awkward, fc.array(tie('value')), fc.dictionary(fc.string(), tie('value'))),
    })).value;
    fc.assert(
      fc.property(values, (value) => {
        const v = value as JsonValue;
        assert.equal(throws(() => assertCanonicalizable(v)), throws(() => canonicalJson(v)));
      }),
      { numRuns: 2_000 },
    );
    assert.throws(() => assertCanonicalizable({ a: [1, { b: Number.NaN }] }), /non-finite/);
    assert.doesNotThrow(() => assertCanonicalizable({ a: [1, { b: 2, c: undefined }] }));
  });

  it('when a record is sealed, then its hash is sha256(prevHash + canonical) and the canonical form omits the hash', () => {
    const { record, stored } = sealAuditRecord(sampleEntry(1), {
      chain: 'c',
      seq: 1,
      at: '2024-05-01T00:00:00.000Z',
      prevHash: GENESIS_HASH,
    });
    assert.equal(stored.hash, chainHash(GENESIS_HASH, stored.canonical));
    assert.equal(record.hash, stored.hash);
    assert.doesNotMatch(stored.canonical, /"hash"/);
    assert.match(
      stored.canonical,
      /^\{"action":"case.read","actor":\{"creditor":"bank-b","role":"collector","subject":"collector-1"\},"at":/,
    );
    assert.deepEqual(
      [stored.personId, stored.caseId, stored.actorSubject, stored.creditor],
      ['person-1', 'case-1', 'collector-1', 'bank-b'],
    );
  });

  it('when a caller passes fields the entry type does not declare, then they never reach the record', () => {
    const entry = {
      ...sampleEntry(2),
      phone: '+8613800000000',
      resources: { caseId: 'c1', msisdn: '+8613800000000' },
    };
    const { stored } = sealAuditRecord(entry, {
      chain: 'c',
      seq: 1,
      at: 'x',
      prevHash: GENESIS_HASH,
    });
    assert.doesNotMatch(stored.canonical, /8613800000000/);
  });

  it('when a value is fingerprinted, then it is a keyed HMAC over kind|value that depends on kind and key', () => {
    const key = Buffer.alloc(32, 1);
    const a = fingerprintValue(key, 'phone', '+8613800000000');
    assert.match(a, /^[0-9a-f]{64}$/);
    assert.notEqual(a, fingerprintValue(key, 'nationalId', '+8613800000000'));
    assert.notEqual(a, fingerprintValue(Buffer.alloc(32, 2), 'phone', '+8613800000000'));
    assert.equal(a, fingerprintValue(key, 'phone', '+8613800000000'));
  });
});
