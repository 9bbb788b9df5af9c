import { strict as assert } from 'node:assert';
import { decodeIdentityUpdate } from '../../src/ingest/decode-event.js';
import { loadExample } from '../contracts/repo-files.js';
import { NOW, registry, rejectionOf, signedMessage } from './signed-message.js';
import type { MessageOptions } from './signed-message.js';

function decode(body: unknown, options: MessageOptions = {}) {
  return decodeIdentityUpdate(signedMessage(body, options), registry, NOW);
}

function telecomWith(changes: Record<string, unknown>): Record<string, unknown> {
  return { ...loadExample('telecom'), ...changes };
}

describe('decoding identity updates: content', () => {
  it('when the value is not valid UTF-8, then the event is rejected with NOT_JSON', () => {
    const value = Buffer.concat([
      Buffer.from('{"op":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}'),
    ]);
    const rejection = rejectionOf(decode(value, { sourceId: 'demo-telco' }));
    assert.equal(rejection.reason, 'NOT_JSON');
    assert.match(rejection.detail, /UTF-8/);
  });

  it('when the value is not parsable JSON, then the event is rejected with NOT_JSON', () => {
    const rejection = rejectionOf(decode('{"op": "upsert",', { sourceId: 'demo-telco' }));
    assert.equal(rejection.reason, 'NOT_JSON');
    assert.equal(rejection.sourceId, 'demo-telco');
  });

  it('when the value is JSON but not an object, then the event is rejected with NOT_JSON', () => {
    for (const value of ['[]', 'null', '42', '"text"']) {
      assert.equal(
        rejectionOf(decode(value, { sourceId: 'demo-telco' })).reason,
        'NOT_JSON',
        value,
      );
    }
  });

  it('when the message has no value, then the signed tombstone is rejected with NOT_JSON', () => {
    const message = { ...signedMessage(Buffer.alloc(0), { sourceId: 'demo-telco' }), value: null };
    const rejection = rejectionOf(decodeIdentityUpdate(message, registry, NOW));
    assert.equal(rejection.reason, 'NOT_JSON');
  });

  it('when a phone status is invalid, then SCHEMA_INVALID names subject.phones[0].status', () => {
    const body = loadExample('telecom');
    const subject = body['subject'] as { phones: Record<string, unknown>[] };
    subject.phones[0]!['status'] = 'roaming';
    const rejection = rejectionOf(decode(body));
    assert.equal(rejection.reason, 'SCHEMA_INVALID');
    assert.deepEqual(
      rejection.problems?.map((p) => p.path),
      ['subject.phones[0].status'],
    );
    assert.match(rejection.detail, /subject\.phones\[0\]\.status/);
  });

  it('when the body sourceId differs from the source-id header, then it is rejected with SCHEMA_INVALID', () => {
    const body = telecomWith({ sourceId: 'demo-creditor' });
    const rejection = rejectionOf(decode(body, { sourceId: 'demo-telco' }));
    assert.equal(rejection.reason, 'SCHEMA_INVALID');
    assert.deepEqual(rejection.problems, [
      { path: 'sourceId', message: 'must equal the source-id header' },
    ]);
  });

  it('when observedAt is more than 5 minutes after now, then it is rejected with SCHEMA_INVALID', () => {
    const body = telecomWith({ observedAt: '2024-05-02T08:05:01+08:00' });
    const rejection = rejectionOf(decode(body));
    assert.equal(rejection.reason, 'SCHEMA_INVALID');
    assert.deepEqual(
      rejection.problems?.map((p) => p.path),
      ['observedAt'],
    );
  });

  it('when observedAt is up to 5 minutes after now, then clock skew is tolerated', () => {
    assert.ok(decode(telecomWith({ observedAt: '2024-05-02T08:05:00+08:00' })).ok);
  });

  it('when the message key is not <sourceId>:<sourceRecordId>, then it is rejected with SCHEMA_INVALID', () => {
    const rejection = rejectionOf(
      decode(loadExample('telecom'), { key: Buffer.from('demo-telco:SUB-000000002') }),
    );
    assert.equal(rejection.reason, 'SCHEMA_INVALID');
    assert.deepEqual(
      rejection.problems?.map((p) => p.path),
      ['(message key)'],
    );
  });

  it('when the message key is missing, then it is rejected with SCHEMA_INVALID', () => {
    for (const key of [null, Buffer.alloc(0)]) {
      const rejection = rejectionOf(decode(loadExample('telecom'), { key }));
      assert.equal(rejection.reason, 'SCHEMA_INVALID');
      assert.match(rejection.problems?.[0]?.message ?? '', /is missing/);
    }
  });

  it('when a source sends a field group it is not permitted, then FIELD_NOT_PERMITTED names only that group', () => {
    const body = loadExample('telecom');
    const subject = body['subject'] as Record<string, unknown>;
    subject['emails'] = [{ address: 'someone@example.com' }];
    subject['employer'] = { name: 'Example Co' };
    const rejection = rejectionOf(decode(body));
    assert.equal(rejection.reason, 'FIELD_NOT_PERMITTED');
    assert.equal(rejection.detail, 'source demo-telco is not permitted to send: emails, employer');
    assert.equal(rejection.sourceId, 'demo-telco');
  });

  it('when a not-permitted field group is sent as an empty list, then it still counts as sent', () => {
    const body = loadExample('telecom');
    (body['subject'] as Record<string, unknown>)['emails'] = [];
    assert.equal(rejectionOf(decode(body)).reason, 'FIELD_NOT_PERMITTED');
  });

  it('when a retract carries no subject, then it decodes', () => {
    const body = telecomWith({ op: 'retract' });
    delete body['subject'];
    const result = decode(body);
    assert.ok(result.ok);
    assert.equal(result.event.op, 'retract');
  });

  it('when a retract carries a field group the source may not send, then it is rejected anyway', () => {
    const body = telecomWith({
      op: 'retract',
      subject: { emails: [{ address: 'someone@example.com' }] },
    });
    assert.equal(rejectionOf(decode(body)).reason, 'FIELD_NOT_PERMITTED');
  });
});
