/**
 * A timer poller in its own OS process, for the cross-process tests. It prints `ready` once
 * connected, starts polling on a `go` line on stdin, and stops cleanly (finishing its round) on
 * `stop`. Its handler for EFFECT_KIND prints `handling <timer id>`, waits HANDLER_DELAY_MS (so a
 * kill or a freeze lands inside a batch), then records one effect row. Environment:
 *   DATABASE_URL                   the database with the timer table (migrated by the test)
 *   BATCH_SIZE, POLL_MS, LEASE_MS  poller options
 *   HANDLER_DELAY_MS               time each handler takes (default 0)
 */
import { createInterface } from 'node:readline';
import { createServiceDataSource } from '@one-window/shared/persistence';
import { SCHEDULING_ENTITIES } from '../entities';
import { TimerPoller } from '../poller/timer-poller';
import { EFFECT_KIND, recordEffect } from './fixtures';

async function main() {
  const env = process.env;
  const ds = createServiceDataSource({ service: 'poller-process', url: env['DATABASE_URL'] as string, entities: SCHEDULING_ENTITIES, migrations: [], poolSize: 4 });
  await ds.initialize();
  const delayMs = Number(env['HANDLER_DELAY_MS'] ?? 0);
  const poller = new TimerPoller({
    dataSource: ds,
    batchSize: Number(env['BATCH_SIZE'] ?? 20),
    pollMs: Number(env['POLL_MS'] ?? 200),
    heldByOtherMs: 20,
    leaseMs: Number(env['LEASE_MS'] ?? 30_000),
    handlers: {
      [EFFECT_KIND]: async (timer, tx) => {
        console.log(`handling ${timer.id}`);
        if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
        await recordEffect(timer, tx);
      },
    },
    onError: (e) => console.log(`error ${e instanceof Error ? e.message : String(e)}`.replace(/\n/g, ' ')),
  });
  console.log('ready');
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'go') await poller.start();
    if (line === 'stop') break;
  }
  await poller.stop();
  await ds.destroy();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
