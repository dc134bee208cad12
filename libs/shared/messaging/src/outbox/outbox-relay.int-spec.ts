import { randomUUID } from 'node:crypto';
import type { Kafka, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase, testInfra, uniqueName, waitFor } from '@one-window/shared/testing';
import { createIdempotentProducer, createKafka, ensureTopics } from '../kafka';
import { InboxConsumer } from '../inbox/inbox-consumer';
import { Outbox } from './outbox';
import { OutboxRelay } from './outbox-relay';
import { catalogueFor, effectCounts, openTestDataSource, spawnRelayProcess, WidgetCreated } from '../testing/fixtures';
import { messagesOnTopic, readTopic } from '../testing/kafka-helpers';

describe('outbox relay against the real broker and database', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let kafka: Kafka;
  let producer: Producer;
  const outbox = new Outbox('/tests/outbox');

  beforeAll(async () => {
    db = await createTestDatabase('outbox');
    ds = await openTestDataSource(db.url);
    kafka = createKafka({ brokers: testInfra().kafkaBrokers, clientId: 'outbox-test', log: () => undefined });
    producer = createIdempotentProducer(kafka);
    await producer.connect();
  });
  afterAll(async () => {
    await producer.disconnect();
    await ds.destroy();
    await db.drop();
  });

  const newTopic = async () => {
    const topic = uniqueName('test.outbox', '.');
    await ensureTopics(kafka, [{ topic, partitions: 3 }]);
    return topic;
  };

  const startConsumer = async (topic: string, outcomes: string[] = []) => {
    const consumer = new InboxConsumer({
      onOutcome: (o) => outcomes.push(o),
      kafka,
      dataSource: ds,
      producer,
      groupId: uniqueName('effects', '.'),
      topics: [topic],
      catalogue: catalogueFor(topic),
      handlers: {
        [WidgetCreated(topic).type]: async (e, tx) => {
          const d = e.data as { widgetId: string; n: number };
          await tx.query(`INSERT INTO widget_effect (event_id, widget_id, n) VALUES ($1, $2, $3)`, [e.id, d.widgetId, d.n]);
        },
      },
    });
    await consumer.start();
    return consumer;
  };

  it('refuses to append outside a transaction, so no event can exist without its state change', async () => {
    const topic = uniqueName('test.outbox', '.');
    await expect(outbox.append(ds.manager, WidgetCreated(topic), { aggregateId: 'w', data: { widgetId: 'w', n: 1 } })).rejects.toThrow(
      /inside a transaction/,
    );
  });

  it('a rolled-back state change leaves no event behind', async () => {
    const topic = await newTopic();
    await expect(
      ds.transaction(async (tx) => {
        await outbox.append(tx, WidgetCreated(topic), { aggregateId: 'w-rb', data: { widgetId: 'w-rb', n: 1 } });
        throw new Error('business rule failed after the append');
      }),
    ).rejects.toThrow('business rule failed');
    const [{ c }] = await ds.query(`SELECT count(*)::int AS c FROM messaging_outbox WHERE topic = $1`, [topic]);
    expect(c).toBe(0);
  });

  it('an event written and relayed by another process reaches the consumer; a second delivery has no second effect', async () => {
    const topic = await newTopic();
    const outcomes: string[] = [];
    const consumer = await startConsumer(topic, outcomes);
    try {
      const relay = spawnRelayProcess({ DATABASE_URL: db.url, KAFKA_BROKERS: testInfra().kafkaBrokers.join(','), TOPIC: topic, APPEND_COUNT: '5' });
      expect(await relay.exited).toBe(0);
      const ids: string[] = (await ds.query(`SELECT id FROM messaging_outbox WHERE topic = $1 AND published_at IS NOT NULL`, [topic])).map(
        (r: { id: string }) => r.id,
      );
      expect(ids).toHaveLength(5);
      await waitFor(async () => ((await effectCounts(ds)).size >= 5 ? true : undefined));

      // Deliver every event again, as a broker redelivery would: same CloudEvents ids.
      await ds.query(`UPDATE messaging_outbox SET published_at = NULL WHERE topic = $1`, [topic]);
      const republisher = new OutboxRelay({ dataSource: ds, producer });
      expect(await republisher.publishBatch()).toBe(5);
      expect(await messagesOnTopic(kafka, topic)).toBe(10);
      // The consumer saw every second delivery and recognised it.
      await waitFor(() => (outcomes.length >= 10 ? true : undefined));
      expect(outcomes.filter((o) => o === 'handled')).toHaveLength(5);
      expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(5);
      const counts = await effectCounts(ds);
      for (const id of ids) expect(counts.get(id)).toBe(1);
    } finally {
      await consumer.stop();
    }
  });

  it('a relay killed after publishing but before marking sent re-publishes, and the consumer has one effect', async () => {
    const topic = await newTopic();
    const outcomes: string[] = [];
    const consumer = await startConsumer(topic, outcomes);
    try {
      const brokers = testInfra().kafkaBrokers.join(',');
      const crashing = spawnRelayProcess({ DATABASE_URL: db.url, KAFKA_BROKERS: brokers, TOPIC: topic, APPEND_COUNT: '3', CRASH_AFTER_PUBLISH: '1' });
      expect(await crashing.exited).not.toBe(0);
      // Kafka has the three events, the outbox still says unpublished.
      expect(await messagesOnTopic(kafka, topic)).toBe(3);
      const [{ pending }] = await ds.query(`SELECT count(*)::int AS pending FROM messaging_outbox WHERE topic = $1 AND published_at IS NULL`, [topic]);
      expect(pending).toBe(3);

      const survivor = spawnRelayProcess({ DATABASE_URL: db.url, KAFKA_BROKERS: brokers, TOPIC: topic });
      expect(await survivor.exited).toBe(0);
      expect(await messagesOnTopic(kafka, topic)).toBe(6);
      const ids: string[] = (await ds.query(`SELECT id FROM messaging_outbox WHERE topic = $1`, [topic])).map((r: { id: string }) => r.id);
      await waitFor(() => (outcomes.length >= 6 ? true : undefined));
      expect(outcomes.filter((o) => o === 'handled')).toHaveLength(3);
      expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(3);
      const counts = await effectCounts(ds);
      for (const id of ids) expect(counts.get(id)).toBe(1);
    } finally {
      await consumer.stop();
    }
  });

  it('two relays running at once never publish one row twice, and keep each aggregate in order', async () => {
    const topic = await newTopic();
    const total = 600;
    await ds.transaction(async (tx) => {
      for (let n = 0; n < total; n++) {
        await outbox.append(tx, WidgetCreated(topic), { aggregateId: `agg-${n % 10}`, data: { widgetId: `agg-${n % 10}`, n }, id: randomUUID() });
      }
    });
    const brokers = testInfra().kafkaBrokers.join(',');
    const a = spawnRelayProcess({ DATABASE_URL: db.url, KAFKA_BROKERS: brokers, TOPIC: topic, BATCH_SIZE: '20' });
    const b = spawnRelayProcess({ DATABASE_URL: db.url, KAFKA_BROKERS: brokers, TOPIC: topic, BATCH_SIZE: '20' });
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
    const [{ pending }] = await ds.query(`SELECT count(*)::int AS pending FROM messaging_outbox WHERE topic = $1 AND published_at IS NULL`, [topic]);
    expect(pending).toBe(0);
    expect(await messagesOnTopic(kafka, topic)).toBe(total);
    const messages = await readTopic(kafka, topic, total);
    expect(new Set(messages.map((m) => m.headers['ce_id'])).size).toBe(total);
    const byAggregate = new Map<string, number[]>();
    for (const m of messages) byAggregate.set(m.key, [...(byAggregate.get(m.key) ?? []), (JSON.parse(m.value) as { n: number }).n]);
    expect(byAggregate.size).toBe(10);
    for (const ns of byAggregate.values()) expect(ns).toEqual([...ns].sort((x, y) => x - y));
    // Each row records exactly where its event landed: the stream position snapshots report.
    const recorded: { id: string; kafka_partition: number; kafka_offset: string }[] = await ds.query(
      `SELECT id, kafka_partition, kafka_offset FROM messaging_outbox WHERE topic = $1`,
      [topic],
    );
    const landed = new Map(messages.map((m) => [m.headers['ce_id'], `${m.partition}/${m.offset}`]));
    expect(recorded).toHaveLength(total);
    for (const r of recorded) expect(`${r.kafka_partition}/${r.kafka_offset}`).toBe(landed.get(r.id));
  });

  /** Appends `total` events cycling through `keys` aggregates (one transaction), n = 0..total-1. */
  const appendHot = (topic: string, total: number, keys: number) =>
    ds.transaction(async (tx) => {
      for (let n = 0; n < total; n++) {
        await outbox.append(tx, WidgetCreated(topic), { aggregateId: `hot-${n % keys}`, data: { widgetId: `hot-${n % keys}`, n }, id: randomUUID() });
      }
    });

  /** The topic read back: per aggregate the n's in the order they landed, and every position recorded matches. */
  async function checkOrderAndPositions(topic: string, total: number): Promise<Map<string, number[]>> {
    const messages = await readTopic(kafka, topic, total);
    expect(messages).toHaveLength(total);
    expect(new Set(messages.map((m) => m.headers['ce_id'])).size).toBe(total);
    const byAggregate = new Map<string, number[]>();
    for (const m of messages.sort((x, y) => Number(x.offset) - Number(y.offset))) {
      byAggregate.set(m.key, [...(byAggregate.get(m.key) ?? []), (JSON.parse(m.value) as { n: number }).n]);
    }
    for (const ns of byAggregate.values()) expect(ns).toEqual([...ns].sort((x, y) => x - y));
    const recorded: { id: string; kafka_partition: number; kafka_offset: string }[] = await ds.query(
      `SELECT id, kafka_partition, kafka_offset FROM messaging_outbox WHERE topic = $1`,
      [topic],
    );
    const landed = new Map(messages.map((m) => [m.headers['ce_id'], `${m.partition}/${m.offset}`]));
    for (const r of recorded) expect(`${r.kafka_partition}/${r.kafka_offset}`).toBe(landed.get(r.id));
    return byAggregate;
  }

  it('publishes many rows of a hot aggregate in one batch, in order', async () => {
    const topic = await newTopic();
    await appendHot(topic, 500, 10);
    const relay = new OutboxRelay({ dataSource: ds, producer, kafka, batchSize: 500 });
    // Before, a batch took at most one row per aggregate: 10 here, and 50 rounds for the 500 rows.
    expect(await relay.publishBatch()).toBe(500);
    expect(await relay.publishBatch()).toBe(0);
    const byAggregate = await checkOrderAndPositions(topic, 500);
    expect(byAggregate.size).toBe(10);
    for (const ns of byAggregate.values()) expect(ns).toHaveLength(50);
  });

  it('a row whose earlier row another relay holds stays pending until that one is published', async () => {
    const topic = await newTopic();
    const def = WidgetCreated(topic);
    // Sequence order: x0, x1, x2 (one aggregate), then y3 (another).
    await ds.transaction(async (tx) => {
      for (const [agg, n] of [['x', 0], ['x', 1], ['x', 2], ['y', 3]] as const) {
        await outbox.append(tx, def, { aggregateId: agg, data: { widgetId: agg, n }, id: randomUUID() });
      }
    });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let claimed!: (ids: string[]) => void;
    const inFlight = new Promise<string[]>((r) => (claimed = r));
    const a = new OutboxRelay({
      dataSource: ds,
      producer,
      kafka,
      batchSize: 2,
      afterPublish: async (ids) => {
        claimed(ids);
        await held; // relay A sits between Kafka's acknowledgement and its commit, holding x0 and x1
      },
    });
    const b = new OutboxRelay({ dataSource: ds, producer, kafka, batchSize: 10 });
    const publishedByA = a.publishBatch();
    expect(await inFlight).toHaveLength(2);
    // B claims x2 and y3, and may publish only y3: x2 would overtake x0 and x1.
    expect(await b.publishBatch()).toBe(1);
    const pending = async (): Promise<number[]> =>
      (await ds.query(`SELECT (payload::jsonb->>'n')::int AS n FROM messaging_outbox WHERE topic = $1 AND published_at IS NULL ORDER BY sequence`, [topic])).map(
        (r: { n: number }) => r.n,
      );
    expect(await pending()).toEqual([0, 1, 2]);
    release();
    expect(await publishedByA).toBe(2);
    expect(await pending()).toEqual([2]);
    expect(await b.publishBatch()).toBe(1);
    expect(await b.publishBatch()).toBe(0);
    const byAggregate = await checkOrderAndPositions(topic, 4);
    expect(byAggregate.get('x')).toEqual([0, 1, 2]);
  });

  it('two relays with hot aggregates publish many rows per round, never one row twice, each aggregate in order', async () => {
    const topic = await newTopic();
    const total = 500;
    await appendHot(topic, total, 10);
    const second = createIdempotentProducer(kafka);
    await second.connect();
    try {
      const relays = [producer, second].map((p) => new OutboxRelay({ dataSource: ds, producer: p, kafka, batchSize: 100 }));
      const rounds: number[][] = [[], []];
      await Promise.all(
        relays.map(async (relay, i) => {
          for (;;) {
            const n = await relay.publishBatch();
            rounds[i].push(n);
            if (n > 0) continue;
            const [{ left }] = await ds.query(`SELECT count(*)::int AS left FROM messaging_outbox WHERE published_at IS NULL`);
            if (left === 0) return;
            await new Promise((r) => setTimeout(r, 5)); // the other relay holds what is left
          }
        }),
      );
      const published = rounds.flat();
      expect(published.reduce((x, y) => x + y, 0)).toBe(total);
      // Before, no round could take more than 10 rows (one per aggregate): at least 50 rounds.
      expect(Math.max(...published)).toBeGreaterThan(10);
      expect(published.filter((n) => n > 0).length).toBeLessThan(total / 10);
      expect(await messagesOnTopic(kafka, topic)).toBe(total);
      const byAggregate = await checkOrderAndPositions(topic, total);
      expect(byAggregate.size).toBe(10);
    } finally {
      await second.disconnect();
    }
  });
});
