import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { identityUpdateV1 } from '../../contracts/identity-update.v1.js';
import { decodeIdentityUpdate } from '../../src/ingest/decode-event.js';
import type { DecodeResult } from '../../src/ingest/decode-event.js';
import { REJECTION_REASONS } from '../../src/ingest/rejection.js';
import { loadExample } from '../contracts/repo-files.js';
import { NOW, registry, rejectionOf, signedMessage } from './signed-message.js';

const KEY = Buffer.from('demo-telco:SUB-000000001');

function decodeText(text: string): DecodeResult {
  return decodeIdentityUpdate(
    signedMessage(text, { sourceId: 'demo-telco', key: KEY }),
    registry,
    NOW,
  );
}

function assertKnownOutcome(result: DecodeResult): void {
  if (result.ok) {
    assert.ok(identityUpdateV1.safeParse(result.event).success);
  } else {
    assert.ok(REJECTION_REASONS.includes(result.rejection.reason), result.rejection.reason);
    assert.equal(typeof result.rejection.detail, 'string');
  }
}

describe('decoding identity updates: hostile input', () => {
  afterEach(() => {
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
  });

  it('when the body holds __proto__ or constructor keys, then it is rejected with SCHEMA_INVALID and nothing is polluted', () => {
    const example = JSON.stringify(loadExample('telecom'));
    const hostile = [
      example.replace('{', '{"__proto__":{"polluted":true},'),
      example.replace('{', '{"constructor":{"prototype":{"polluted":true}},'),
      example.replace('"subject":{', '"subject":{"__proto__":{"polluted":true},'),
      example.replace('"names":[{', '"names":[{"__proto__":{"polluted":true},'),
    ];
    for (const text of hostile) {
      const rejection = rejectionOf(decodeText(text));
      assert.equal(rejection.reason, 'SCHEMA_INVALID', text.slice(0, 60));
      assert.ok(rejection.problems?.some((p) => /(__proto__|constructor)$/.test(p.path)));
      assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    }
  });

  it('when the body is nested 10,000 levels deep, then it is rejected rather than throwing', () => {
    const deepArray = '['.repeat(10_000) + ']'.repeat(10_000);
    assert.equal(rejectionOf(decodeText(deepArray)).reason, 'NOT_JSON');
    const deepInField = JSON.stringify(loadExample('telecom')).replace(
      '"names":[',
      `"names":[${'['.repeat(10_000)}${']'.repeat(10_000)},`,
    );
    assert.equal(rejectionOf(decodeText(deepInField)).reason, 'SCHEMA_INVALID');
  });

  it('when an event is rejected, then no phone number, id number or unknown key value appears in the rejection', () => {
    const body = loadExample('registry');
    const subject = body['subject'] as Record<string, unknown>;
    subject['nationalIds'] = [{ country: 'cn', type: 'CN_RIC', value: '110101198506150000' }];
    subject['+8619900000007'] = true;
    const rejection = rejectionOf(decodeIdentityUpdate(signedMessage(body), registry, NOW));
    assert.equal(rejection.reason, 'SCHEMA_INVALID');
    const shown = JSON.stringify(rejection);
    assert.deepEqual(rejection.problems?.map((p) => p.path).sort(), [
      'subject.<key>',
      'subject.nationalIds[0].country',
    ]);
    for (const secret of ['110101198506150000', '8619900000007'])
      assert.ok(!shown.includes(secret), shown);
  });

  it('when arbitrary JSON is signed correctly, then decoding never throws and ends in ok or a known reason', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) =>
        assertKnownOutcome(decodeText(JSON.stringify(value) ?? 'null')),
      ),
      { numRuns: 300 },
    );
  });

  it('when arbitrary bytes are signed correctly, then decoding never throws and ends in ok or a known reason', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        const message = signedMessage(Buffer.from(bytes), { sourceId: 'demo-telco', key: KEY });
        assertKnownOutcome(decodeIdentityUpdate(message, registry, NOW));
      }),
      { numRuns: 300 },
    );
  });

  it('when one field of a valid event is replaced by arbitrary JSON, then decoding never throws', () => {
    const example = loadExample('telecom');
    const subject = example['subject'] as Record<string, unknown>;
    const topKeys = [...Object.keys(example), '__proto__', 'extra'];
    const subjectKeys = [
      'names',
      'birthDate',
      'nationalIds',
      'phones',
      'emails',
      'addresses',
      'employer',
      'relations',
      'constructor',
    ];
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.constantFrom(...topKeys),
        fc.constantFrom(...subjectKeys),
        fc.jsonValue(),
        (inSubject, topKey, subjectKey, value) => {
          const body = inSubject
            ? { ...example, subject: { ...subject, [subjectKey]: value } }
            : { ...example, [topKey]: value };
          assertKnownOutcome(decodeText(JSON.stringify(body)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('when headers are arbitrary strings, then decoding never throws', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.option(fc.uint8Array()),
        (sourceId, signature, key) => {
          const message = {
            key: key === null ? null : Buffer.from(key),
            value: Buffer.from(JSON.stringify(loadExample('telecom'))),
            headers: { 'source-id': sourceId, signature },
          };
          assertKnownOutcome(decodeIdentityUpdate(message, registry, NOW));
        },
      ),
      { numRuns: 300 },
    );
  });
});
