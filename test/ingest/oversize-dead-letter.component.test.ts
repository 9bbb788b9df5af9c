import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { loadSourceRegistry } from '../../src/ingest/load-source-registry.js';
import { testConfig } from '../support/test-config.js';
import { signed, telcoEvent } from '../support/test-sources.js';
import { validMessage } from './hostile-events.js';
import { header, IngestHarness } from './ingest-harness.js';

/** The broker's default message.max.bytes: a message just under it is accepted on the ingest topic. */
const BROKER_MAX_MESSAGE_BYTES = 1_048_588;

/**
 * The pipeline never skips a message, so a dead letter the topic cannot take would be retried for
 * ever and stall its partition. These are the messages that used to do that.
 */
describe('dead letters of messages at the broker size limit (real Kafka)', function () {
  this.timeout(120_000);
  let h: IngestHarness;
  let keyOf: (id: string) => Buffer | undefined;

  beforeEach(async () => {
    const config = testConfig();
    const registry = loadSourceRegistry(config.ingest.registryFile!, config.secrets);
    keyOf = (id) => registry.keyFor(id);
    h = new IngestHarness();
    await h.setUp();
    await h.startPipeline();
  });
  afterEach(() => h.tearDown());

  async function assertStreamGoesOn(): Promise<void> {
    const after = validMessage('demo-telco', `AFTER-${randomUUID()}`, keyOf);
    await h.produce([after]);
    await h.waitForApplied([{ key: after.key!.toString(), eventId: after.eventId }], 30_000);
  }

  it('when a message as large as the broker takes is refused as TOO_LARGE, then its letter keeps key and headers, drops the value, and the stream goes on', async () => {
    const value = Buffer.alloc(BROKER_MAX_MESSAGE_BYTES - 200, 0x20);
    await h.produce([{ key: 'demo-telco:HUGE', value, headers: { 'source-id': 'demo-telco', signature: 'x' } }]);
    await assertStreamGoesOn();
    const [letter] = await h.deadLetters(1, 30_000);
    assert.equal(header(letter!, 'dlq-reason'), 'TOO_LARGE');
    assert.equal(letter!.value, null);
    assert.equal(letter!.key?.toString(), 'demo-telco:HUGE');
    assert.equal(header(letter!, 'dlq-dropped'), `value:${value.length}`);
  });

  it('when a thousand refused events each carry a long problem list, then their letters are sent in batches the topic takes', async () => {
    const count = 900;
    const events = Array.from({ length: count }, () => {
      const e = telcoEvent() as Extract<ReturnType<typeof telcoEvent>, { op: 'upsert' }>;
      // 50 schema problems each: a problems header of about 4 KB per letter, several MB in all, over 1 MB in one chunk.
      return { ...e, subject: { ...e.subject, relations: Array.from({ length: 50 }, () => ({ kind: 'frequent_contact', phone: '+8619900000002', weight: 'heavy' })) } };
    });
    for (let i = 0; i < count; i += 100) await h.produce(events.slice(i, i + 100).map((e) => signed(e)));
    await assertStreamGoesOn();
    const letters = await h.deadLetters(count, 60_000);
    assert.equal(letters.length, count);
    assert.ok(letters.every((l) => header(l, 'dlq-reason') === 'SCHEMA_INVALID'));
  });
});
