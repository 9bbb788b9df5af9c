import { strict as assert } from 'node:assert';
import {
  MAX_DETAIL_BYTES,
  MAX_KEPT_HEADER_BYTES,
  MAX_KEPT_KEY_BYTES,
  MAX_PROBLEMS_BYTES,
  toDeadLetterMessage,
} from '../../src/ingest/dead-letter.js';
import { MAX_EVENT_BYTES } from '../../contracts/identity-update.v1.js';
import type { IngestMessage } from '../../src/ingest/ingest-message.js';
import type { Rejection } from '../../src/ingest/rejection.js';

const ORIGIN = {
  topic: 'identity.updates.v1',
  partition: 3,
  offset: '12345',
  rejectedAt: new Date('2024-05-02T00:00:00.000Z'),
};

const original: IngestMessage = {
  key: Buffer.from('demo-telco:SUB-000000001'),
  value: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
  headers: {
    'source-id': Buffer.from('demo-telco'),
    signature: 'ab'.repeat(32),
    'trace-id': 'abc',
    absent: undefined,
  },
};

describe('dead letters', () => {
  it('when a message is dead-lettered, then its key, value bytes and headers are preserved exactly', () => {
    const rejection: Rejection = {
      reason: 'NOT_JSON',
      detail: 'value is not valid UTF-8',
      sourceId: 'demo-telco',
    };
    const letter = toDeadLetterMessage(original, rejection, ORIGIN);
    assert.deepEqual(letter.key, original.key);
    assert.ok(letter.value?.equals(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])));
    assert.deepEqual(letter.headers['source-id'], Buffer.from('demo-telco'));
    assert.equal(letter.headers['signature'], 'ab'.repeat(32));
    assert.equal(letter.headers['trace-id'], 'abc');
    assert.equal('absent' in letter.headers, false);
  });

  it('when a message is dead-lettered, then the reason, detail, source and origin are added as headers', () => {
    const rejection: Rejection = {
      reason: 'SCHEMA_INVALID',
      detail: 'event does not match identity.update v1 at: observedAt',
      sourceId: 'demo-telco',
      problems: [
        {
          path: 'observedAt',
          message: 'must not be more than 5 minutes after the time of receipt',
        },
      ],
    };
    const { headers } = toDeadLetterMessage(original, rejection, ORIGIN);
    assert.equal(headers['dlq-reason'], 'SCHEMA_INVALID');
    assert.equal(headers['dlq-detail'], rejection.detail);
    assert.equal(headers['dlq-source-id'], 'demo-telco');
    assert.equal(headers['dlq-original-topic'], 'identity.updates.v1');
    assert.equal(headers['dlq-original-partition'], '3');
    assert.equal(headers['dlq-original-offset'], '12345');
    assert.equal(headers['dlq-rejected-at'], '2024-05-02T00:00:00.000Z');
    assert.deepEqual(JSON.parse(String(headers['dlq-problems'])), rejection.problems);
  });

  it('when processing failed after retries and no source was proven, then dlq-source-id is left out', () => {
    const letter = toDeadLetterMessage(
      original,
      { reason: 'PROCESSING_FAILED', detail: 'gave up after 5 attempts' },
      ORIGIN,
    );
    assert.equal(letter.headers['dlq-reason'], 'PROCESSING_FAILED');
    assert.equal('dlq-source-id' in letter.headers, false);
    assert.equal(letter.headers['dlq-problems'], '[]');
  });

  it('when the detail and problems are huge, then both headers are truncated and problems stay valid JSON', () => {
    const problems = Array.from({ length: 500 }, (_, i) => ({
      path: `subject.phones[${i}].status`,
      message: 'Invalid option',
    }));
    const rejection: Rejection = { reason: 'SCHEMA_INVALID', detail: '名'.repeat(2000), problems };
    const { headers } = toDeadLetterMessage(original, rejection, ORIGIN);
    const detail = String(headers['dlq-detail']);
    assert.ok(Buffer.byteLength(detail) <= MAX_DETAIL_BYTES);
    assert.ok(detail.endsWith('…'));
    assert.ok(!detail.includes('\uFFFD'));
    const json = String(headers['dlq-problems']);
    assert.ok(Buffer.byteLength(json) <= MAX_PROBLEMS_BYTES);
    const kept = JSON.parse(json) as { path: string; message: string }[];
    assert.ok(kept.length > 1 && kept.length < 500);
    assert.match(kept.at(-1)?.message ?? '', /^and \d+ more problems$/);
  });

  it('when the message had no value, then the dead letter has no value either', () => {
    const letter = toDeadLetterMessage(
      { ...original, value: null },
      { reason: 'NOT_JSON', detail: 'message has no value' },
      ORIGIN,
    );
    assert.equal(letter.value, null);
  });

  it('when a value, key or header is larger than any valid event has, then the letter leaves it out and says so in dlq-dropped', () => {
    const letter = toDeadLetterMessage(
      {
        key: Buffer.alloc(MAX_KEPT_KEY_BYTES + 1, 0x41),
        value: Buffer.alloc(MAX_EVENT_BYTES + 1, 0x20),
        headers: { 'source-id': 'demo-telco', padding: 'x'.repeat(MAX_KEPT_HEADER_BYTES) },
      },
      { reason: 'TOO_LARGE', detail: 'value is too large' },
      ORIGIN,
    );
    assert.equal(letter.key, null);
    assert.equal(letter.value, null);
    assert.equal(letter.headers['padding'], undefined);
    assert.equal(letter.headers['source-id'], 'demo-telco');
    assert.equal(letter.headers['dlq-dropped'], `header:${MAX_KEPT_HEADER_BYTES + 7},key:${MAX_KEPT_KEY_BYTES + 1},value:${MAX_EVENT_BYTES + 1}`);
  });

  it('when nothing is oversized, then no dlq-dropped header is added', () => {
    const letter = toDeadLetterMessage(original, { reason: 'NOT_JSON', detail: 'x' }, ORIGIN);
    assert.equal(letter.headers['dlq-dropped'], undefined);
  });
});
