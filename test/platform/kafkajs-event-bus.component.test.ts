import { strict as assert } from 'node:assert';
import type { InboundMessage } from '../../src/platform/event-bus.js';
import { KafkajsEventBus } from '../../src/platform/kafkajs-event-bus.js';
import { testConfig, testLogger, uniqueName } from '../support/test-config.js';

describe('Kafka event bus (real broker)', function () {
  this.timeout(120_000);
  let config: ReturnType<typeof testConfig>;
  let bus: KafkajsEventBus;
  before(() => {
    config = testConfig();
    bus = new KafkajsEventBus(config.kafka, testLogger());
  });
  after(() => bus.close());

  it('when a message is sent, then a consumer group receives it with key, value and headers intact', async () => {
    const topic = uniqueName('test.roundtrip');
    await bus.ensureTopics([{ topic, partitions: 2, replicationFactor: 1 }]);
    const received: InboundMessage[] = [];
    let arrived: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (arrived = resolve));
    const subscription = await bus.subscribe({
      groupId: uniqueName('test.group'),
      topics: [topic],
      handleBatch: async (batch, control) => {
        for (const m of batch.messages) {
          received.push(m);
          control.resolveOffset(m.offset);
        }
        await control.commit();
        if (received.length > 0) arrived();
      },
    });
    try {
      await bus.send(topic, [{ key: 'src-1:rec-1', value: Buffer.from('{"hello":"kafka"}'), headers: { 'source-id': 'src-1' } }]);
      await done;
    } finally {
      await subscription.stop();
    }
    assert.equal(received.length, 1);
    const [message] = received;
    assert.equal(message?.key?.toString(), 'src-1:rec-1');
    assert.equal(message?.value?.toString(), '{"hello":"kafka"}');
    assert.equal(message?.headers['source-id']?.toString(), 'src-1');
  });

  it('when topics are ensured twice, then nothing breaks and a topic with too few partitions is grown', async () => {
    const topic = uniqueName('test.grow');
    await bus.ensureTopics([{ topic, partitions: 2, replicationFactor: 1 }]);
    await bus.ensureTopics([{ topic, partitions: 2, replicationFactor: 1 }]);
    await bus.ensureTopics([{ topic, partitions: 4, replicationFactor: 1 }]);
    const { Kafka, logLevel } = await import('kafkajs');
    const admin = new Kafka({ brokers: config.kafka.brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
      assert.equal(topics[0]?.partitions.length, 4);
    } finally {
      await admin.disconnect();
    }
  });
});
