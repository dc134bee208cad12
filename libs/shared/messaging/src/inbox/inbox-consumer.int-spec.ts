import type { Kafka, Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import { createTestDatabase, TestDatabase, testInfra, uniqueName, waitFor } from '@one-window/shared/testing';
import { buildEvent, CloudEvent, toKafkaRecord } from '../envelope';
import { createIdempotentProducer, createKafka, ensureTopics } from '../kafka';
import { catalogueFor, effectCounts, openTestDataSource, WidgetCreated } from '../testing/fixtures';
import { readTopic } from '../testing/kafka-helpers';
import { DeadLetters } from './dead-letters';
import { InboxConsumer, InboxConsumerOptions, Outcome } from './inbox-consumer';
import { PermanentHandlerError } from './errors';

describe('inbox consumer: retries, dead letters and replay against the real broker', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let kafka: Kafka;
  let producer: Producer;

  beforeAll(async () => {
    db = await createTestDatabase('inbox');
    ds = await openTestDataSource(db.url);
    kafka = createKafka({ brokers: testInfra().kafkaBrokers, clientId: 'inbox-test', log: () => undefined });
    producer = createIdempotentProducer(kafka);
    await producer.connect();
  });
  afterAll(async () => {
    await producer.disconnect();
    await ds.destroy();
    await db.drop();
  });

  type Widget = { widgetId: string; n: number };

  /** Publishes widget events directly (as any producer would) on a single partition, in order. */
  async function publish(topic: string, items: { widgetId: string; n: unknown }[], aggregateId = () => 'same-key') {
    const def = WidgetCreated(topic);
    const events = items.map((data) => buildEvent(def, '/tests/inbox', { aggregateId: aggregateId(), data: data as Widget }));
    await producer.send({ topic, acks: -1, messages: events.map(toKafkaRecord) });
    return events;
  }

  function consumerFor(
    topic: string,
    handler: (d: Widget, e: CloudEvent, tx: EntityManager) => Promise<void> | void,
    outcomes: Outcome[],
    extra: Partial<InboxConsumerOptions> = {},
  ) {
    return new InboxConsumer({
      kafka,
      dataSource: ds,
      producer,
      groupId: uniqueName('inbox', '.'),
      topics: [topic],
      catalogue: catalogueFor(topic),
      maxAttempts: 3,
      backoffInitialMs: 50,
      onOutcome: (o) => outcomes.push(o),
      handlers: {
        [WidgetCreated(topic).type]: async (e, tx) => {
          const d = e.data as Widget;
          await handler(d, e, tx);
          await tx.query(`INSERT INTO widget_effect (event_id, widget_id, n) VALUES ($1, $2, $3)`, [e.id, d.widgetId, d.n]);
        },
      },
      ...extra,
    });
  }

  const txid = async (tx: EntityManager): Promise<string> => (await tx.query(`SELECT txid_current()::text AS id`))[0].id;

  it('a poison message reaches the DLQ after N attempts while later messages keep flowing; replay after the fix succeeds', async () => {
    const topic = uniqueName('test.inbox', '.');
    await ensureTopics(kafka, [{ topic, partitions: 1 }]);
    let fixed = false;
    const attemptsOnPoison: number[] = [];
    const outcomes: Outcome[] = [];
    const consumer = consumerFor(
      topic,
      (d) => {
        if (d.widgetId === 'poison' && !fixed) {
          attemptsOnPoison.push(Date.now());
          throw new Error('downstream rejects poison');
        }
      },
      outcomes,
    );
    const [before, poison, after] = await publish(topic, [
      { widgetId: 'before', n: 1 },
      { widgetId: 'poison', n: 2 },
      { widgetId: 'after', n: 3 },
    ]);
    await consumer.start();
    try {
      await waitFor(() => (outcomes.length >= 3 ? true : undefined));
      expect(outcomes).toEqual(['handled', 'dead-lettered', 'handled']);
      expect(attemptsOnPoison).toHaveLength(3);
      // Backoff: the second retry waited longer than the first.
      expect(attemptsOnPoison[2] - attemptsOnPoison[1]).toBeGreaterThanOrEqual(attemptsOnPoison[1] - attemptsOnPoison[0]);
      const counts = await effectCounts(ds);
      expect(counts.get(before.id)).toBe(1);
      expect(counts.get(after.id)).toBe(1);
      expect(counts.has(poison.id)).toBe(false);

      // The dead-letter topic has the original message with the error, attempts and headers.
      const [dlq] = await readTopic(kafka, `${topic}.dlq`, 1);
      expect(dlq.headers['dlq_error']).toContain('downstream rejects poison');
      expect(dlq.headers['dlq_attempts']).toBe('3');
      expect(dlq.headers['ce_id']).toBe(poison.id);
      expect(dlq.headers['dlq_original_topic']).toBe(topic);
      expect(JSON.parse(dlq.value)).toEqual({ widgetId: 'poison', n: 2 });

      // Operators see it, and replay it after the fix.
      const deadLetters = new DeadLetters(ds, [consumer]);
      const listed = await deadLetters.list({ status: 'pending', consumerGroup: consumer.groupId });
      expect(listed).toHaveLength(1);
      expect(listed[0]).toMatchObject({ eventId: poison.id, attempts: 3, status: 'pending' });
      fixed = true;
      expect(await deadLetters.replayAll(consumer.groupId)).toEqual([{ id: listed[0].id, outcome: 'handled' }]);
      expect((await effectCounts(ds)).get(poison.id)).toBe(1);
      expect(await deadLetters.list({ status: 'pending', consumerGroup: consumer.groupId })).toEqual([]);
      // Replaying again finds nothing pending: no second effect.
      expect(await deadLetters.replay(listed[0].id)).toEqual({ id: listed[0].id, outcome: 'not-found' });
      expect((await effectCounts(ds)).get(poison.id)).toBe(1);
    } finally {
      await consumer.stop();
    }
  });

  it('data that does not match the schema goes to the DLQ at once, without calling the handler', async () => {
    const topic = uniqueName('test.inbox', '.');
    await ensureTopics(kafka, [{ topic, partitions: 1 }]);
    const outcomes: Outcome[] = [];
    let calls = 0;
    const consumer = consumerFor(topic, () => void calls++, outcomes);
    await publish(topic, [{ widgetId: 'bad', n: 'not a number' }, { widgetId: 'good', n: 1 }]);
    // A record with no CloudEvents headers at all.
    await producer.send({ topic, acks: -1, messages: [{ key: 'k', value: '{"x":1}' }] });
    await consumer.start();
    try {
      await waitFor(() => (outcomes.length >= 3 ? true : undefined));
      expect(outcomes).toEqual(['dead-lettered', 'handled', 'dead-lettered']);
      expect(calls).toBe(1);
      const letters = await new DeadLetters(ds, [consumer]).list({ consumerGroup: consumer.groupId });
      expect(letters.map((l) => l.error)).toEqual([
        expect.stringContaining('schema validation failed: /n must be integer'),
        expect.stringContaining('missing CloudEvents headers: ce_id, ce_source, ce_type, ce_specversion'),
      ]);
      expect(letters.map((l) => l.attempts)).toEqual([0, 0]);
    } finally {
      await consumer.stop();
    }
  });

  it('a permanent handler error is dead-lettered without retries', async () => {
    const topic = uniqueName('test.inbox', '.');
    await ensureTopics(kafka, [{ topic, partitions: 1 }]);
    const outcomes: Outcome[] = [];
    let calls = 0;
    const consumer = consumerFor(
      topic,
      () => {
        calls++;
        throw new PermanentHandlerError('unknown company');
      },
      outcomes,
    );
    await publish(topic, [{ widgetId: 'x', n: 1 }]);
    await consumer.start();
    try {
      await waitFor(() => (outcomes.length >= 1 ? true : undefined));
      expect(outcomes).toEqual(['dead-lettered']);
      expect(calls).toBe(1);
    } finally {
      await consumer.stop();
    }
  });

  it('a handler slower than the session timeout keeps its partition: heartbeats prevent eviction and redelivery', async () => {
    const topic = uniqueName('test.inbox', '.');
    await ensureTopics(kafka, [{ topic, partitions: 1 }]);
    const outcomes: Outcome[] = [];
    let invocations = 0;
    const consumer = new InboxConsumer({
      kafka,
      dataSource: ds,
      producer,
      groupId: uniqueName('slow', '.'),
      topics: [topic],
      catalogue: catalogueFor(topic),
      // The handler takes 8 s, longer than the 6 s session: only the heartbeats keep the member in the group.
      sessionTimeoutMs: 6_000,
      heartbeatIntervalMs: 500,
      onOutcome: (o) => outcomes.push(o),
      handlers: {
        [WidgetCreated(topic).type]: async () => {
          invocations++;
          await new Promise((r) => setTimeout(r, 8_000));
        },
      },
    });
    await publish(topic, [{ widgetId: 'slow', n: 1 }, { widgetId: 'next', n: 2 }]);
    await consumer.start();
    try {
      await waitFor(() => (outcomes.length >= 2 ? true : undefined), 40_000);
      expect(outcomes).toEqual(['handled', 'handled']);
      expect(invocations).toBe(2);
    } finally {
      await consumer.stop();
    }
  });

  it('a batch with an already-handled event and a repeated one in the middle has exactly one effect per event; stop() commits offsets', async () => {
    const topic = uniqueName('test.inbox', '.');
    await ensureTopics(kafka, [{ topic, partitions: 1 }]);
    const groupId = uniqueName('inbox', '.');
    const txOf = new Map<string, string>();
    const handler = async (_d: Widget, e: CloudEvent, tx: EntityManager) => void txOf.set(e.id, await txid(tx));

    const [e1, e2] = await publish(topic, [{ widgetId: 'w1', n: 1 }, { widgetId: 'w2', n: 2 }]);
    const first: Outcome[] = [];
    const c1 = consumerFor(topic, handler, first, { groupId });
    await c1.start();
    try {
      await waitFor(() => (first.length >= 2 ? true : undefined));
    } finally {
      await c1.stop();
    }
    expect(first).toEqual(['handled', 'handled']);
    // stop() committed what was processed (offsets are otherwise committed on a timer).
    const admin = kafka.admin();
    await admin.connect();
    try {
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
      expect(committed.partitions).toEqual([expect.objectContaining({ partition: 0, offset: '2' })]);
    } finally {
      await admin.disconnect();
    }

    // One fetched batch: a new event, an event handled before, a new one, the first again (same id), a new one.
    const e3 = buildEvent(WidgetCreated(topic), '/tests/inbox', { aggregateId: 'same-key', data: { widgetId: 'w3', n: 3 } });
    const e4 = buildEvent(WidgetCreated(topic), '/tests/inbox', { aggregateId: 'same-key', data: { widgetId: 'w4', n: 4 } });
    const e5 = buildEvent(WidgetCreated(topic), '/tests/inbox', { aggregateId: 'same-key', data: { widgetId: 'w5', n: 5 } });
    await producer.send({ topic, acks: -1, messages: [e3, e1, e4, e3, e5].map(toKafkaRecord) });
    const second: Outcome[] = [];
    const c2 = consumerFor(topic, handler, second, { groupId });
    await c2.start();
    try {
      await waitFor(() => (second.length >= 5 ? true : undefined));
      await new Promise((r) => setTimeout(r, 1_500)); // anything delivered again would show up here
    } finally {
      await c2.stop();
    }
    // The group resumed after e2: e1 and e2 were not delivered again by Kafka; e1 came back as a new record.
    expect(second).toEqual(['handled', 'duplicate', 'handled', 'duplicate', 'handled']);
    const counts = await effectCounts(ds);
    for (const e of [e1, e2, e3, e4, e5]) expect(counts.get(e.id)).toBe(1);
    // The new events were handled in one transaction (the batched path).
    expect(new Set([e3, e4, e5].map((e) => txOf.get(e.id))).size).toBe(1);
  });

  it('a handler failing in the middle of a chunk: the chunk is redone one by one, the others take effect once, the poison is dead-lettered after N attempts', async () => {
    const topic = uniqueName('test.inbox', '.');
    await ensureTopics(kafka, [{ topic, partitions: 1 }]);
    const calls = new Map<string, number>();
    const outcomes: Outcome[] = [];
    const consumer = consumerFor(
      topic,
      (d) => {
        calls.set(d.widgetId, (calls.get(d.widgetId) ?? 0) + 1);
        if (d.widgetId === 'poison') throw new Error('downstream rejects poison');
        if (d.widgetId === 'flaky' && calls.get('flaky') === 1) throw new Error('downstream busy, once');
      },
      outcomes,
    );
    const ids = ['a', 'b', 'c', 'poison', 'd', 'flaky', 'e', 'f'];
    const events = await publish(
      topic,
      ids.map((widgetId, n) => ({ widgetId, n })),
    );
    await consumer.start();
    try {
      await waitFor(() => (outcomes.length >= ids.length ? true : undefined));
      await new Promise((r) => setTimeout(r, 1_000));
    } finally {
      await consumer.stop();
    }
    expect(outcomes).toEqual(['handled', 'handled', 'handled', 'dead-lettered', 'handled', 'handled', 'handled', 'handled']);
    const counts = await effectCounts(ds);
    events.forEach((e, i) => expect([ids[i], counts.get(e.id)]).toEqual([ids[i], ids[i] === 'poison' ? undefined : 1]));
    // The poison's call in the chunk was its first attempt: N = 3 calls in all.
    expect(calls.get('poison')).toBe(3);
    // The events before it ran in the chunk too, but that transaction rolled back: still one effect each.
    expect(['a', 'b', 'c'].map((id) => calls.get(id))).toEqual([2, 2, 2]);
    expect(calls.get('flaky')).toBe(2);
    const letters = await new DeadLetters(ds, [consumer]).list({ consumerGroup: consumer.groupId });
    expect(letters).toEqual([expect.objectContaining({ eventId: events[3].id, attempts: 3, error: expect.stringContaining('downstream rejects poison') })]);
  });

  it('keeps each aggregate in order through the batched path while partitions are handled in parallel', async () => {
    const topic = uniqueName('test.inbox', '.');
    await ensureTopics(kafka, [{ topic, partitions: 3 }]);
    const total = 300;
    const lastByKey = new Map<string, number>();
    const outOfOrder: string[] = [];
    const spans = new Map<string, { first: number; last: number }>();
    const outcomes: Outcome[] = [];
    const consumer = consumerFor(
      topic,
      async (d, _e, tx) => {
        const last = lastByKey.get(d.widgetId) ?? -1;
        if (d.n <= last) outOfOrder.push(`${d.widgetId}: ${d.n} after ${last}`);
        lastByKey.set(d.widgetId, d.n);
        const id = await txid(tx);
        const span = spans.get(id) ?? { first: Date.now(), last: 0 };
        await new Promise((r) => setTimeout(r, 2));
        span.last = Date.now();
        spans.set(id, span);
      },
      outcomes,
    );
    let n = 0;
    const events = await publish(
      topic,
      Array.from({ length: total }, (_, i) => ({ widgetId: `key-${i % 10}`, n: i })),
      () => `key-${n++ % 10}`,
    );
    await consumer.start();
    try {
      await waitFor(() => (outcomes.length >= total ? true : undefined), 60_000);
    } finally {
      await consumer.stop();
    }
    expect(outOfOrder).toEqual([]);
    expect(lastByKey.size).toBe(10);
    expect(outcomes.filter((o) => o === 'handled')).toHaveLength(total);
    const counts = await effectCounts(ds);
    for (const e of events) expect(counts.get(e.id)).toBe(1);
    // Batched: far fewer transactions than events...
    expect(spans.size).toBeLessThan(total / 10);
    // ...and chunks of different partitions ran at the same time.
    const sorted = [...spans.values()].sort((x, y) => x.first - y.first);
    expect(sorted.some((s, i) => i > 0 && s.first < sorted[i - 1].last)).toBe(true);
  });
});
