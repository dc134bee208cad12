import type { Kafka, Producer } from 'kafkajs';
import { testInfra, uniqueName, waitFor } from '@one-window/shared/testing';
import { createIdempotentProducer, createKafka, ensureTopics } from '../kafka';
import { rewindConsumerGroup } from './rewind';

describe('replay for integrators: rewinding a consumer group, topic retention', () => {
  let kafka: Kafka;
  let producer: Producer;
  beforeAll(async () => {
    kafka = createKafka({ brokers: testInfra().kafkaBrokers, clientId: 'rewind-test', log: () => undefined });
    producer = createIdempotentProducer(kafka);
    await producer.connect();
  });
  afterAll(() => producer.disconnect());

  /** Runs the group until it has read `count` messages, then stops it; returns their values. */
  async function readWithGroup(groupId: string, topic: string, count: number): Promise<string[]> {
    const got: string[] = [];
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void got.push(message.value?.toString() ?? '') });
    try {
      await waitFor(() => (got.length >= count ? true : undefined));
      await new Promise((r) => setTimeout(r, 300)); // anything beyond `count` would show up here
      return got;
    } finally {
      await consumer.disconnect();
    }
  }

  it('re-reads from a time, from the beginning and from a stated position; refuses while the group runs', async () => {
    const topic = uniqueName('test.rewind', '.');
    await ensureTopics(kafka, [{ topic, partitions: 1 }]);
    const send = (values: string[]) => producer.send({ topic, acks: -1, messages: values.map((value) => ({ key: 'k', value })) });
    await send(['a', 'b', 'c']);
    await new Promise((r) => setTimeout(r, 50));
    const between = new Date();
    await new Promise((r) => setTimeout(r, 50));
    await send(['d', 'e']);

    const group = uniqueName('integrator', '.');
    expect(await readWithGroup(group, topic, 5)).toEqual(['a', 'b', 'c', 'd', 'e']);

    expect(await rewindConsumerGroup(kafka, group, topic, { kind: 'time', at: between })).toEqual({ '0': '3' });
    expect(await readWithGroup(group, topic, 2)).toEqual(['d', 'e']);

    expect(await rewindConsumerGroup(kafka, group, topic, { kind: 'earliest' })).toEqual({ '0': '0' });
    expect(await readWithGroup(group, topic, 5)).toEqual(['a', 'b', 'c', 'd', 'e']);

    expect(await rewindConsumerGroup(kafka, group, topic, { kind: 'position', offsets: { '0': '4' } })).toEqual({ '0': '4' });
    expect(await readWithGroup(group, topic, 1)).toEqual(['e']);

    // A time after the last event: start after it (nothing to re-read).
    expect(await rewindConsumerGroup(kafka, group, topic, { kind: 'time', at: new Date(Date.now() + 60_000) })).toEqual({ '0': '5' });

    const running = kafka.consumer({ groupId: group, maxWaitTimeInMs: 100 });
    await running.connect();
    await running.subscribe({ topic });
    await running.run({ eachMessage: async () => undefined });
    try {
      await waitFor(async () => {
        const admin = kafka.admin();
        await admin.connect();
        const [g] = (await admin.describeGroups([group])).groups;
        await admin.disconnect();
        return g.members.length > 0 ? true : undefined;
      });
      await expect(rewindConsumerGroup(kafka, group, topic, { kind: 'earliest' })).rejects.toThrow(/running member/);
    } finally {
      await running.disconnect();
    }
  });

  it('creates service topics and their dead-letter topics with the configured retention', async () => {
    const topic = uniqueName('test.retention', '.');
    await ensureTopics(kafka, [{ topic, partitions: 2, retentionDays: 7 }]);
    const admin = kafka.admin();
    await admin.connect();
    try {
      const { resources } = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [topic, `${topic}.dlq`].map((name) => ({ type: 2 /* TOPIC */, name, configNames: ['retention.ms'] })),
      });
      expect(resources.map((r) => r.configEntries[0].configValue)).toEqual([String(7 * 24 * 3600 * 1000), String(7 * 24 * 3600 * 1000)]);
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
      expect(topics[0].partitions).toHaveLength(2);
    } finally {
      await admin.disconnect();
    }
  });
});
