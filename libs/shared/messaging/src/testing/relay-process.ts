/**
 * A relay in its own process, for the cross-process tests. Environment:
 *   DATABASE_URL, KAFKA_BROKERS   where to read the outbox and publish
 *   APPEND_COUNT, TOPIC           optionally first append that many events (one transaction each)
 *   CRASH_AFTER_PUBLISH=1         SIGKILL itself after Kafka acknowledged the first batch and
 *                                 before marking it sent (the "relay died at the worst moment" case)
 *   RUN_MS                        how long to keep relaying before exiting cleanly (default: until drained)
 */
import { randomUUID } from 'node:crypto';
import { createServiceDataSource } from '@one-window/shared/persistence';
import { MESSAGING_ENTITIES } from '../entities';
import { createIdempotentProducer, createKafka } from '../kafka';
import { Outbox } from '../outbox/outbox';
import { OutboxRelay } from '../outbox/outbox-relay';
import { WidgetCreated } from './fixtures';

async function main() {
  const env = process.env;
  const ds = createServiceDataSource({ service: 'relay-process', url: env['DATABASE_URL'] as string, entities: MESSAGING_ENTITIES, migrations: [] });
  await ds.initialize();
  const topic = env['TOPIC'] as string;
  const count = Number(env['APPEND_COUNT'] ?? 0);
  const outbox = new Outbox('/tests/relay-process');
  for (let n = 0; n < count; n++) {
    await ds.transaction((tx) => outbox.append(tx, WidgetCreated(topic), { aggregateId: `w-${n % 7}`, data: { widgetId: `w-${n % 7}`, n }, id: randomUUID() }));
  }
  const kafka = createKafka({ brokers: (env['KAFKA_BROKERS'] as string).split(','), clientId: 'relay-process', log: () => undefined });
  const producer = createIdempotentProducer(kafka);
  await producer.connect();
  const relay = new OutboxRelay({
    dataSource: ds,
    producer,
    kafka,
    batchSize: Number(env['BATCH_SIZE'] ?? 50),
    afterPublish: env['CRASH_AFTER_PUBLISH'] === '1' ? async () => void process.kill(process.pid, 'SIGKILL') : undefined,
  });
  if (env['RUN_MS']) {
    await relay.start();
    await new Promise((r) => setTimeout(r, Number(env['RUN_MS'])));
    await relay.stop();
  } else {
    // Drain: a round can publish nothing while another relay holds the earlier rows of every pending
    // aggregate, so stop only when nothing of this topic is pending any more.
    for (;;) {
      if ((await relay.publishBatch()) > 0) continue;
      const [{ pending }] = await ds.query(`SELECT count(*)::int AS pending FROM messaging_outbox WHERE topic = $1 AND published_at IS NULL`, [topic]);
      if (pending === 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  await producer.disconnect();
  await ds.destroy();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
