import type { Admin, Kafka } from 'kafkajs';
import { testInfra, uniqueName } from '@one-window/shared/testing';
import { createKafka, ensureTopics } from './kafka';

/**
 * ensureTopics against the real broker. A KRaft broker answers CreateTopics before its metadata cache
 * knows the topics, so a caller that used them at once could meet UNKNOWN_TOPIC_OR_PARTITION (this
 * failed a CI run); ensureTopics returns only when every partition has a leader, also when two
 * instances of a service race to create the same topics.
 */
describe('ensureTopics (real broker)', () => {
  let kafka: Kafka;
  let admin: Admin;
  beforeAll(async () => {
    kafka = createKafka({ brokers: testInfra().kafkaBrokers, clientId: 'ensure-topics-test', log: () => undefined });
    admin = kafka.admin();
    await admin.connect();
  });
  afterAll(() => admin.disconnect());

  it('two racing callers: both return, and at once every topic and its .dlq has a leader for every partition', async () => {
    const base = uniqueName('test.ensure', '.');
    const specs = Array.from({ length: 6 }, (_, i) => ({ topic: `${base}.t${i}`, partitions: 3, retentionDays: 2 }));
    await Promise.all([ensureTopics(kafka, specs), ensureTopics(kafka, specs)]);

    const names = specs.flatMap((s) => [s.topic, `${s.topic}.dlq`]);
    // One metadata request, no retry: it must already answer for every topic.
    const { topics } = await admin.fetchTopicMetadata({ topics: names });
    expect(topics.map((t) => t.name).sort()).toEqual([...names].sort());
    for (const t of topics) {
      expect(t.partitions).toHaveLength(3);
      expect(t.partitions.every((p) => p.leader >= 0)).toBe(true);
    }
    const configs = await admin.describeConfigs({ resources: [{ type: 2, name: specs[0].topic, configNames: ['retention.ms'] }], includeSynonyms: false });
    expect(configs.resources[0].configEntries[0]).toMatchObject({ configName: 'retention.ms', configValue: String(2 * 24 * 3600 * 1000) });
  });

  it('leaves existing topics as they are (a second call changes nothing)', async () => {
    const topic = uniqueName('test.ensure.keep', '.');
    await ensureTopics(kafka, [{ topic, partitions: 2 }]);
    await ensureTopics(kafka, [{ topic, partitions: 5 }]);
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(topics[0].partitions).toHaveLength(2);
  });
});
