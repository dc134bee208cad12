/**
 * Fixtures for the messaging integration tests: a one-event catalogue, a database with the
 * messaging tables plus an effects table, and helpers to run a relay in another process.
 * Only the tests import this file.
 */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { migrate, createServiceDataSource } from '@one-window/shared/persistence';
import { MESSAGING_ENTITIES } from '../entities';
import { MESSAGING_MIGRATIONS } from '../migrations';
import { defineEvent } from '../catalogue/event-definition';
import { EventCatalogue } from '../catalogue/event-catalogue';

export const WidgetCreated = (topic: string) =>
  defineEvent<{ widgetId: string; n: number }>({
    name: 'demo.widget.created',
    version: 1,
    topic,
    summary: 'A widget was created (test event).',
    schema: {
      type: 'object',
      required: ['widgetId', 'n'],
      additionalProperties: false,
      properties: { widgetId: { type: 'string', minLength: 1 }, n: { type: 'integer', minimum: 0 } },
    },
    example: { widgetId: 'w-1', n: 0 },
  });

export const catalogueFor = (topic: string) => new EventCatalogue([WidgetCreated(topic)]);

/** Migrates the messaging tables and a `widget_effect` table where handlers record effects. */
export async function openTestDataSource(url: string): Promise<DataSource> {
  await migrate({ service: 'messaging-test', url, entities: MESSAGING_ENTITIES, migrations: MESSAGING_MIGRATIONS });
  const ds = createServiceDataSource({ service: 'messaging-test', url, entities: MESSAGING_ENTITIES, migrations: [], poolSize: 8 });
  await ds.initialize();
  await ds.query(`CREATE TABLE IF NOT EXISTS widget_effect (id bigserial PRIMARY KEY, event_id text NOT NULL, widget_id text NOT NULL, n int NOT NULL)`);
  return ds;
}

/** Effects recorded per event id: a value of 2 anywhere means something was applied twice. */
export async function effectCounts(ds: DataSource): Promise<Map<string, number>> {
  const rows: { event_id: string; c: number }[] = await ds.query(`SELECT event_id, count(*)::int AS c FROM widget_effect GROUP BY event_id`);
  return new Map(rows.map((r) => [r.event_id, r.c]));
}

/** Starts `relay-process.ts` as a separate Node process; resolves when it exits. */
export function spawnRelayProcess(env: Record<string, string>): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, 'relay-process.ts')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  return { child, exited };
}
