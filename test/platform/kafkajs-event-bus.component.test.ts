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

  it('when a handler commits part of a batch, then the group\'s offset moves before the batch ends', async () => {
    const topic = uniqueName('test.commit');
    const groupId = uniqueName('test.group');
    await bus.ensureTopics([{ topic, partitions: 1, replicationFactor: 1 }]);
    await bus.send(topic, Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: Buffer.from(String(i)) })));
    const { Kafka, logLevel } = await import('kafkajs');
    const admin = new Kafka({ brokers: config.kafka.brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const seen: { batchSize: number; committedMidBatch: string | undefined }[] = [];
    let finished: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (finished = resolve));
    const subscription = await bus.subscribe({
      groupId,
      topics: [topic],
      handleBatch: async (batch, control) => {
        const half = batch.messages[Math.floor(batch.messages.length / 2)]!;
        control.resolveOffset(half.offset);
        await control.commit();
        const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
        seen.push({ batchSize: batch.messages.length, committedMidBatch: offsets?.partitions[0]?.offset });
        control.resolveOffset(batch.messages[batch.messages.length - 1]!.offset);
        finished();
      },
    });
    try {
      await done;
    } finally {
      await subscription.stop();
      await admin.disconnect();
    }
    const first = seen[0]!;
    assert.ok(first.batchSize > 1, 'the messages arrived as one batch');
    assert.equal(first.committedMidBatch, String(Math.floor(first.batchSize / 2) + 1));
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
