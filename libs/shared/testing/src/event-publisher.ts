import { buildEvent, createIdempotentProducer, createKafka, ensureTopics, toKafkaRecord, type CloudEvent, type EventDefinition } from '@one-window/shared/messaging';
import { testInfra } from './test-database';

/**
 * Stands in for another service's outbox relay in an e2e test: publishes CloudEvents onto the real
 * broker, under the test's own topic prefix (the service under test gets the same
 * KAFKA_TOPIC_PREFIX), exactly as the relay would (binary mode, key = aggregate id, acks=all).
 */
export interface TestEventPublisher {
  readonly topicPrefix: string;
  /** Builds and publishes an event of `def` on `<prefix><def.topic>`; returns it (its id is the CloudEvents id). */
  publish<T>(def: EventDefinition<T>, aggregateId: string, data: T, o?: { id?: string; source?: string; time?: Date }): Promise<CloudEvent<T>>;
  /** Publishes an event already built (e.g. with a chosen id, to redeliver it) on `<prefix><topic>`. */
  send(topic: string, event: CloudEvent<unknown>): Promise<void>;
  close(): Promise<void>;
}

/** A publisher for the test; `topics` (unprefixed) are created first so the service's consumers find them. */
export async function startEventPublisher(o: { topicPrefix: string; topics: string[]; source?: string }): Promise<TestEventPublisher> {
  const kafka = createKafka({ brokers: testInfra().kafkaBrokers, clientId: `e2e-publisher-${o.topicPrefix}`, log: () => undefined });
  await ensureTopics(
    kafka,
    o.topics.map((t) => ({ topic: `${o.topicPrefix}${t}`, partitions: 3 })),
  );
  const producer = createIdempotentProducer(kafka);
  await producer.connect();
  const send = async (topic: string, event: CloudEvent<unknown>) => {
    const record = toKafkaRecord(event);
    await producer.send({ topic: `${o.topicPrefix}${topic}`, acks: -1, messages: [{ key: record.key, value: record.value, headers: record.headers }] });
  };
  return {
    topicPrefix: o.topicPrefix,
    send,
    async publish<T>(def: EventDefinition<T>, aggregateId: string, data: T, p: { id?: string; source?: string; time?: Date } = {}) {
      const event = buildEvent(def, p.source ?? o.source ?? '/one-window/test', { aggregateId, data, ...(p.id ? { id: p.id } : {}), ...(p.time ? { time: p.time } : {}) });
      await send(def.topic, event as CloudEvent<unknown>);
      return event;
    },
    close: () => producer.disconnect(),
  };
}
