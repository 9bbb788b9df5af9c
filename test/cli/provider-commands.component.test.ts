import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toDeadLetterMessage } from '../../src/ingest/dead-letter.js';
import { KafkajsEventBus } from '../../src/platform/kafkajs-event-bus.js';
import { topicNames, topicSpecs } from '../../src/topics.js';
import { runCli } from '../support/run-cli.js';
import { testConfig, testLogger, uniqueName } from '../support/test-config.js';
import { signed, telcoEvent } from '../support/test-sources.js';

function jsonl(lines: unknown[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'events-')), 'events.jsonl');
  writeFileSync(file, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return file;
}

describe('provider CLI: recontact produce and recontact dlq (real Kafka)', function () {
  this.timeout(120_000);
  let bus: KafkajsEventBus;
  let prefix: string;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    const config = testConfig();
    prefix = `${uniqueName('test.cli')}.`;
    env = { KAFKA_TOPIC_PREFIX: prefix };
    bus = new KafkajsEventBus(config.kafka, testLogger());
    await bus.ensureTopics(topicSpecs({ ...config.kafka, topicPrefix: prefix }));
  });
  after(() => bus.close());

  async function topicMessages(topic: string) {
    const seen: string[] = [];
    await bus.scan(topic, (m) => seen.push(m.key?.toString() ?? ''), 30_000);
    return seen;
  }

  it('when every line is valid, then each is signed and sent, keyed by its record', async () => {
    const events = [telcoEvent(), telcoEvent()];
    const run = await runCli(['produce', '--source', 'demo-telco', jsonl(events)], env);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`sent 2 events .* to ${prefix}identity\\.updates\\.v1 as demo-telco`));
    const keys = await topicMessages(`${prefix}identity.updates.v1`);
    for (const e of events) assert.ok(keys.includes(`demo-telco:${e.sourceRecordId}`));
  });

  it('when lines are invalid, then each problem names its line and field, and nothing is sent', async () => {
    const before = (await topicMessages(`${prefix}identity.updates.v1`)).length;
    const bad = { ...telcoEvent(), observedAt: 'soon' };
    const impossible = telcoEvent({ phone: '+86123' });
    const forbidden = { ...telcoEvent(), subject: { birthDate: '1985-06-15' } };
    const run = await runCli(['produce', '--source', 'demo-telco', jsonl([telcoEvent(), '{oops', bad, impossible, forbidden])], env);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /4 problem\(s\); nothing was sent/);
    assert.match(run.stderr, /line 2: not valid JSON/);
    assert.match(run.stderr, /line 3: observedAt: /);
    assert.match(run.stderr, /line 4: subject\.phones\[0\]\.number: not a possible phone number/);
    assert.match(run.stderr, /line 5: FIELD_NOT_PERMITTED: .*birthDate/);
    assert.doesNotMatch(run.stderr, /1985-06-15|86123/);
    assert.equal((await topicMessages(`${prefix}identity.updates.v1`)).length, before);
  });

  it('when the source or the file is wrong, then the message says which', async () => {
    const unknown = await runCli(['produce', '--source', 'nobody', jsonl([telcoEvent()])], env);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /--source nobody is not in the source registry \(registered: demo-telco, /);
    const missing = await runCli(['produce', '--source', 'demo-telco', '/nonexistent/events.jsonl'], env);
    assert.match(missing.stderr, /cannot read \/nonexistent\/events\.jsonl/);
    const noSource = await runCli(['produce', 'x.jsonl'], env);
    assert.match(noSource.stderr, /--source is required \(example: --source demo-telco\)/);
    const wrongSigner = await runCli(['produce', '--source', 'demo-creditor', jsonl([telcoEvent()])], env);
    assert.match(wrongSigner.stderr, /line 1: sourceId: must be demo-creditor/);
  });

  it("when a source's events were dead-lettered, then dlq lists only that source's, with reasons and its own ids", async () => {
    const dlq = topicNames(prefix).identityUpdatesDlq;
    const mine = telcoEvent();
    const message = signed(mine);
    const origin = { topic: 'x', partition: 0, offset: '7', rejectedAt: new Date('2024-05-02T00:00:00Z') };
    await bus.send(dlq, [
      toDeadLetterMessage({ ...message, key: Buffer.from(message.key) }, { reason: 'SCHEMA_INVALID', detail: 'event does not match at: observedAt', sourceId: 'demo-telco', problems: [{ path: 'observedAt', message: 'bad' }] }, origin),
      toDeadLetterMessage({ key: null, value: Buffer.from('{}'), headers: {} }, { reason: 'UNKNOWN_SOURCE', detail: 'no source', sourceId: 'demo-creditor' }, origin),
    ]);
    const run = await runCli(['dlq', '--source', 'demo-telco', '--json'], env);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(lines.length, 1);
    assert.equal(lines[0]?.reason, 'SCHEMA_INVALID');
    assert.equal(lines[0]?.eventId, mine.eventId);
    assert.equal(lines[0]?.sourceRecordId, mine.sourceRecordId);
    assert.doesNotMatch(run.stdout, /8619900000001/);
    const human = await runCli(['dlq', '--source', 'demo-telco'], env);
    assert.match(human.stdout, /1 dead letter\(s\) for source demo-telco/);
  });
});
