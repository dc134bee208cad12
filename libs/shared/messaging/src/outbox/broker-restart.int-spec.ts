import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Kafka, Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase, uniqueName, waitFor } from '@one-window/shared/testing';
import { createIdempotentProducer, createKafka, ensureTopics } from '../kafka';
import { InboxConsumer } from '../inbox/inbox-consumer';
import { Outbox } from './outbox';
import { OutboxRelay } from './outbox-relay';
import { catalogueFor, effectCounts, openTestDataSource, WidgetCreated } from '../testing/fixtures';

const infraScript = path.resolve(__dirname, '../../../../../deploy/local/infra.mjs');

/** Two ports free at the same moment (both sockets held until both are known): broker and controller. */
async function twoFreePorts(): Promise<[number, number]> {
  const open = () =>
    new Promise<net.Server>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => resolve(server));
    });
  const servers = [await open(), await open()];
  const ports = servers.map((srv) => (srv.address() as net.AddressInfo).port) as [number, number];
  await Promise.all(servers.map((srv) => new Promise((r) => srv.close(r))));
  return ports;
}

/**
 * This test owns a broker of its own (same official jars, its own port and data folder) so it
 * can stop and restart it without disturbing the other test files sharing the main broker.
 */
describe('broker stopped and restarted mid-stream', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let dir: string;
  let port: number;
  let controllerPort: number;
  let kafka: Kafka;
  let producer: Producer;
  const startBroker = () => execFileSync(process.execPath, [infraScript, 'kafka-start', '--port', String(port), '--controller-port', String(controllerPort), '--dir', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const stopBroker = () => execFileSync(process.execPath, [infraScript, 'kafka-stop', '--dir', dir], { stdio: 'inherit' });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-kafka-'));
    [port, controllerPort] = await twoFreePorts();
    startBroker();
    db = await createTestDatabase('restart');
    ds = await openTestDataSource(db.url);
    kafka = createKafka({ brokers: [`127.0.0.1:${port}`], clientId: 'restart-test', log: () => undefined });
    producer = createIdempotentProducer(kafka);
    await producer.connect();
  }, 120_000);

  afterAll(async () => {
    await producer.disconnect().catch(() => undefined);
    await ds.destroy();
    await db.drop();
    stopBroker();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('loses nothing and applies nothing twice', async () => {
    const topic = uniqueName('test.restart', '.');
    await ensureTopics(kafka, [{ topic, partitions: 3 }]);
    const def = WidgetCreated(topic);
    const outbox = new Outbox('/tests/restart');
    const relay = new OutboxRelay({ dataSource: ds, producer, listenUrl: db.url, idlePollMs: 100, onError: () => undefined });
    const consumer = new InboxConsumer({
      kafka,
      dataSource: ds,
      producer,
      groupId: uniqueName('restart', '.'),
      topics: [topic],
      catalogue: catalogueFor(topic),
      handlers: {
        [def.type]: async (e, tx) => {
          const d = e.data as { widgetId: string; n: number };
          await tx.query(`INSERT INTO widget_effect (event_id, widget_id, n) VALUES ($1, $2, $3)`, [e.id, d.widgetId, d.n]);
        },
      },
    });
    await relay.start();
    await consumer.start();
    const written: string[] = [];
    const write = async (from: number, to: number) => {
      for (let n = from; n < to; n++) {
        const e = await ds.transaction((tx) => outbox.append(tx, def, { aggregateId: `w-${n % 5}`, data: { widgetId: `w-${n % 5}`, n }, id: randomUUID() }));
        written.push(e.id);
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    try {
      await write(0, 100);
      await waitFor(async () => ((await effectCounts(ds)).size >= 50 ? true : undefined));
      stopBroker(); // the business keeps committing while the broker is down
      await write(100, 200);
      const [{ pending }] = await ds.query(`SELECT count(*)::int AS pending FROM messaging_outbox WHERE published_at IS NULL`);
      expect(pending).toBeGreaterThan(0);
      startBroker();
      await write(200, 250);
      const counts = await waitFor(async () => {
        const c = await effectCounts(ds);
        return c.size >= written.length ? c : undefined;
      }, 90_000);
      expect(written).toHaveLength(250);
      for (const id of written) expect(counts.get(id)).toBe(1);
      const [{ left }] = await ds.query(`SELECT count(*)::int AS left FROM messaging_outbox WHERE published_at IS NULL`);
      expect(left).toBe(0);
    } finally {
      await consumer.stop().catch(() => undefined);
      await relay.stop();
    }
  }, 180_000);
});
